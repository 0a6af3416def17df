using Vanguard.Domain.Cases;

namespace Vanguard.Domain.Penalties;

/// <summary>
/// 听证标准 / 较大数额罚款 (hearing thresholds): 行政处罚法 art. 63 gives a right to a hearing for "较大数额罚款" among
/// others, and leaves the amount to provincial (or ministerial) standards. This is a setting per province.
/// <see cref="Default"/> (10 000 yuan for a person, 100 000 for an organisation) is a placeholder taken from the MOT
/// maritime standard; replace it with the province's table.
/// </summary>
public sealed record HearingThresholds(long PersonFen, long OrganisationFen)
{
    /// <summary>Placeholder: person ≥ 10 000 yuan, organisation ≥ 100 000 yuan. A setting, not law.</summary>
    public static HearingThresholds Default { get; } = new(1_000_000, 10_000_000);

    public long For(PartyKind party) => party switch
    {
        PartyKind.Person => PersonFen,
        PartyKind.Organisation => OrganisationFen,
    };

    /// <summary>
    /// Whether the party must be told of the right to a hearing (行政处罚法 art. 63): a fine at or above the threshold
    /// ("以上" includes the amount), or 吊销许可证件 / 降低资质等级.
    /// </summary>
    public static bool IsHearingEligible(PartyKind party, long fineFen, bool revokesLicence, HearingThresholds t) =>
        IsHearingEligible(party, fineFen, revokesLicence, t, otherSeriousPenalty: false);

    /// <summary>
    /// As above, plus the other art. 63 grounds: 没收较大数额违法所得/非法财物, 责令停产停业/关闭/限制从业, or another
    /// serious penalty (<paramref name="otherSeriousPenalty"/>).
    /// </summary>
    public static bool IsHearingEligible(PartyKind party, long fineFen, bool revokesLicence, HearingThresholds t, bool otherSeriousPenalty)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentOutOfRangeException.ThrowIfNegative(fineFen);
        return revokesLicence || otherSeriousPenalty || fineFen >= t.For(party);
    }
}
