namespace Vanguard.Domain.Cases;

/// <summary>
/// 当场收缴罚款 and the payment recorded on the spot. 行政处罚法 (2021) art. 68: "依照本法第五十一条的规定当场作出行政处罚
/// 决定，有下列情形之一，执法人员可以当场收缴罚款：（一）依法给予一百元以下罚款的；（二）不当场收缴事后难以执行的。"
/// Art. 69 (边远、水上、交通不便地区, the party asks) is a further ground that, like 68(2), needs its reason on the file.
/// Art. 70: a 专用票据 is handed over for money collected on the spot (its number is the receipt reference); art. 71:
/// the cash reaches the agency within 2 days. Art. 72: paying late costs 3 % a day, so the payment time may not be
/// back-dated: it is no earlier than the decision, nor more than <see cref="MaxBackdating"/> before it is recorded.
/// </summary>
public static class OnSpotCollection
{
    /// <summary>100 yuan: a fine up to this may be collected in cash on the spot without a further reason (art. 68(1)).</summary>
    public const long WithoutReasonMaxFen = 10_000;

    /// <summary>How long before it is recorded a payment may have been made (a receipt entered at the end of a shift or after a dead zone).</summary>
    public static readonly TimeSpan MaxBackdating = TimeSpan.FromDays(3);

    /// <summary>How far a phone's clock may run ahead.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Whether cash may be collected on the spot: up to 100 yuan (art. 68(1)), or above with a stated reason (art. 68(2), art. 69).</summary>
    public static bool CashAllowed(long fineFen, string? reason)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fineFen);
        return fineFen <= WithoutReasonMaxFen || !string.IsNullOrWhiteSpace(reason);
    }

    /// <summary>What is wrong with the payment time, or <see cref="PaidAtProblem.None"/>.</summary>
    public static PaidAtProblem CheckPaidAt(DateTimeOffset paidAt, DateOnly decidedOn, DateTimeOffset now, TimeSpan chinaOffset)
    {
        if (paidAt > now + ClockSkew)
        {
            return PaidAtProblem.InFuture;
        }

        if (paidAt < now - MaxBackdating)
        {
            return PaidAtProblem.TooLongAgo;
        }

        return DateOnly.FromDateTime(paidAt.ToOffset(chinaOffset).DateTime) < decidedOn ? PaidAtProblem.BeforeDecision : PaidAtProblem.None;
    }
}

public enum PaidAtProblem
{
    None,
    InFuture,
    BeforeDecision,
    TooLongAgo,
}
