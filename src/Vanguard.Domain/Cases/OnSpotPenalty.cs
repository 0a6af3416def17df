namespace Vanguard.Domain.Cases;

/// <summary>
/// 简易程序 / 当场处罚 (simplified, on-the-spot procedure) eligibility. 行政处罚法 art. 51: "违法事实确凿并有法定依据，
/// 对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告的行政处罚的，可以当场作出行政处罚决定";
/// 交通运输行政执法程序规定 art. 60 repeats it. "以下" includes the amount itself, so exactly 200 yuan is allowed.
/// </summary>
public static class OnSpotPenalty
{
    /// <summary>200 yuan: the most a natural person may be fined on the spot (art. 51).</summary>
    public const long PersonMaxFen = 20_000;

    /// <summary>3 000 yuan: the most an organisation may be fined on the spot (art. 51).</summary>
    public const long OrganisationMaxFen = 300_000;

    /// <summary>
    /// Whether the penalty may be decided on the spot: a warning alone, or a fine within the art. 51 limit
    /// (with or without a warning). No fine and no warning is no penalty at all, so there is nothing to decide.
    /// </summary>
    public static bool IsAllowed(PartyKind party, long fineFen, bool warning)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fineFen);
        if (fineFen == 0)
        {
            return warning;
        }

        return fineFen <= MaxFineFen(party);
    }

    public static long MaxFineFen(PartyKind party) => party switch
    {
        PartyKind.Person => PersonMaxFen,
        PartyKind.Organisation => OrganisationMaxFen,
    };
}
