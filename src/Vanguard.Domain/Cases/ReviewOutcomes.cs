namespace Vanguard.Domain.Cases;

/// <summary>How a decision was challenged: 行政复议 (行政复议法) or 行政诉讼 (行政诉讼法).</summary>
public enum ReviewKind
{
    /// <summary>行政复议: decided by the review organ (复议机关) with a 行政复议决定书.</summary>
    Review,

    /// <summary>行政诉讼: decided by a people's court with a 行政判决书.</summary>
    Lawsuit,
}

/// <summary>What the review organ or the court decided about the penalty decision.</summary>
public enum ReviewResult
{
    /// <summary>维持 (行政复议法 art. 68) / 驳回原告诉讼请求 (行政诉讼法 art. 69): the decision stands.</summary>
    Upheld,

    /// <summary>撤销或者部分撤销 (行政复议法 art. 64; 行政诉讼法 art. 70).</summary>
    Revoked,

    /// <summary>变更 (行政复议法 art. 63; 行政诉讼法 art. 77: a penalty 明显不当).</summary>
    Changed,

    /// <summary>确认违法 without revoking (行政复议法 art. 65; 行政诉讼法 art. 74).</summary>
    ConfirmedIllegal,

    /// <summary>责令履行 / 判决履行 法定职责 (行政复议法 art. 66; 行政诉讼法 art. 72).</summary>
    OrderedToPerform,
}

/// <summary>
/// 复议诉讼结果 — the names, legal bases and meaning of a review or court outcome on a penalty decision. Every outcome but
/// <see cref="ReviewResult.Upheld"/> corrects the agency (纠错): the performance evaluation's 复议诉讼纠错 counts those.
/// </summary>
public static class ReviewOutcomes
{
    /// <summary>Whether the outcome corrects the agency's decision (anything but upheld).</summary>
    public static bool IsCorrection(ReviewResult result) => result != ReviewResult.Upheld;

    public static string KindZh(ReviewKind kind) => kind switch
    {
        ReviewKind.Review => "行政复议",
        ReviewKind.Lawsuit => "行政诉讼",
    };

    public static string KindEn(ReviewKind kind) => kind switch
    {
        ReviewKind.Review => "Administrative review",
        ReviewKind.Lawsuit => "Administrative lawsuit",
    };

    /// <summary>The outcome as the 复议决定书 or 判决书 words it.</summary>
    public static string ResultZh(ReviewKind kind, ReviewResult result) => result switch
    {
        ReviewResult.Upheld => kind == ReviewKind.Review ? "维持原行政处罚决定" : "驳回原告诉讼请求",
        ReviewResult.Revoked => "撤销原行政处罚决定",
        ReviewResult.Changed => "变更原行政处罚决定",
        ReviewResult.ConfirmedIllegal => "确认原行政处罚决定违法",
        ReviewResult.OrderedToPerform => "责令履行法定职责",
    };

    public static string ResultEn(ReviewResult result) => result switch
    {
        ReviewResult.Upheld => "decision upheld",
        ReviewResult.Revoked => "decision revoked",
        ReviewResult.Changed => "decision changed",
        ReviewResult.ConfirmedIllegal => "decision confirmed illegal",
        ReviewResult.OrderedToPerform => "ordered to perform the duty",
    };

    /// <summary>The article the outcome rests on (行政复议法 2023, 行政诉讼法 2017).</summary>
    public static string LegalBasis(ReviewKind kind, ReviewResult result) => (kind, result) switch
    {
        (ReviewKind.Review, ReviewResult.Upheld) => "《行政复议法》第六十八条",
        (ReviewKind.Review, ReviewResult.Revoked) => "《行政复议法》第六十四条",
        (ReviewKind.Review, ReviewResult.Changed) => "《行政复议法》第六十三条",
        (ReviewKind.Review, ReviewResult.ConfirmedIllegal) => "《行政复议法》第六十五条",
        (ReviewKind.Review, ReviewResult.OrderedToPerform) => "《行政复议法》第六十六条",
        (ReviewKind.Lawsuit, ReviewResult.Upheld) => "《行政诉讼法》第六十九条",
        (ReviewKind.Lawsuit, ReviewResult.Revoked) => "《行政诉讼法》第七十条",
        (ReviewKind.Lawsuit, ReviewResult.Changed) => "《行政诉讼法》第七十七条",
        (ReviewKind.Lawsuit, ReviewResult.ConfirmedIllegal) => "《行政诉讼法》第七十四条",
        (ReviewKind.Lawsuit, ReviewResult.OrderedToPerform) => "《行政诉讼法》第七十二条",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The API's codes: <c>review</c> | <c>lawsuit</c>; null when unknown.</summary>
    public static ReviewKind? ParseKind(string? text) => text switch
    {
        "review" => ReviewKind.Review,
        "lawsuit" => ReviewKind.Lawsuit,
        _ => null,
    };

    /// <summary>The API's codes: <c>upheld</c>, <c>revoked</c>, <c>changed</c>, <c>confirmed_illegal</c>, <c>ordered_to_perform</c>.</summary>
    public static ReviewResult? ParseResult(string? text) => text switch
    {
        "upheld" => ReviewResult.Upheld,
        "revoked" => ReviewResult.Revoked,
        "changed" => ReviewResult.Changed,
        "confirmed_illegal" => ReviewResult.ConfirmedIllegal,
        "ordered_to_perform" => ReviewResult.OrderedToPerform,
        _ => null,
    };
}
