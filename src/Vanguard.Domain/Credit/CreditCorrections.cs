using Vanguard.Domain.Cases;

namespace Vanguard.Domain.Credit;

/// <summary>
/// Which review and lawsuit outcomes take a decision's credit events away. A credit record rests on the finding that the party
/// broke the law, not on the amount: only an outcome that removes that finding voids the events.
/// </summary>
public static class CreditCorrections
{
    /// <summary>
    /// 撤销 (行政复议法 art. 64; 行政诉讼法 art. 70): the decision is gone, and with it the finding. 确认违法 (行政复议法 art. 65; 行政诉讼法
    /// art. 74): the decision is unlawful and only kept in force for the public interest or because nothing is left to revoke; an
    /// unlawful decision is no ground for a credit sanction. 变更 (行政复议法 art. 63; 行政诉讼法 art. 77) changes the penalty — the
    /// violation stands, so do its events; 维持 and 责令履行 leave the decision as it is.
    /// </summary>
    public static bool RemovesFinding(ReviewResult result) => result is ReviewResult.Revoked or ReviewResult.ConfirmedIllegal;

    /// <summary>
    /// A decision counts once it has been served: it takes effect on service (行政处罚法 art. 61; on the spot it is handed over at
    /// once, art. 52), and only then only if it punishes.
    /// </summary>
    public static bool Counts(bool penalty, DateOnly? servedOn) => penalty && servedOn is not null;
}
