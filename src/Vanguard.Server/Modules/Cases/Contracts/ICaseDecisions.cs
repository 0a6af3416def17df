using Vanguard.Domain.Cases;

namespace Vanguard.Server.Modules.Cases.Contracts;

/// <summary>
/// The penalty decisions (行政处罚决定) in full, for the modules that act on them after the case: disclosure (双公示, which masks
/// the party before anything is shown), credit records and blacklists (信用监管), and early warning. Answers carry personal data
/// in full; callers mask before showing them to the public and never log them at Information or above. The caller's
/// jurisdiction applies (a job acting as the platform sees every agency).
/// </summary>
public interface ICaseDecisions
{
    /// <summary>
    /// The decisions made on a legal day in [<paramref name="from"/>, <paramref name="to"/>) — ordinary and on-the-spot, penalties
    /// and decisions not to punish — of cases not dropped, oldest decision first.
    /// </summary>
    Task<IReadOnlyList<CaseDecision>> DecidedAsync(DateOnly from, DateOnly to, CancellationToken ct);

    /// <summary>The decisions of these cases (those decided, in the caller's jurisdiction), in no set order.</summary>
    Task<IReadOnlyList<CaseDecision>> OfCasesAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken ct);

    /// <summary>
    /// The 行政复议 / 行政诉讼 outcomes <em>recorded</em> (not decided: an outcome may be entered weeks after the court's day) at or
    /// after <paramref name="since"/>, oldest recording first; <see cref="RecordedReview.Corrected"/> marks those that set the
    /// decision aside, changed it or found it unlawful.
    /// </summary>
    Task<IReadOnlyList<RecordedReview>> ReviewsRecordedSinceAsync(DateTimeOffset since, int max, CancellationToken ct);

    /// <summary>
    /// The decisions (decided, not dropped) of the cases whose row changed — any action: service, payment, a review outcome — at or
    /// after <paramref name="since"/>, oldest change first, at most <paramref name="max"/>: for a job that follows decisions with a
    /// cursor (<see cref="ChangedDecision.ChangedAt"/> of the last one read) instead of re-reading a window of days.
    /// </summary>
    Task<IReadOnlyList<ChangedDecision>> ChangedSinceAsync(DateTimeOffset since, int max, CancellationToken ct);
}

/// <summary>A decision and when its case last changed (the cursor of <see cref="ICaseDecisions.ChangedSinceAsync"/>).</summary>
public sealed record ChangedDecision(CaseDecision Decision, DateTimeOffset ChangedAt);

/// <summary>
/// One decision. <see cref="DocumentNumber"/> is the case number the decision carries (决定书文号 = 案号 on this platform).
/// <see cref="IsOverload"/>: an offence of 超限运输 (mass or dimensions, 超限规定 art. 43), which the blacklist rules of 公路安全保护条例
/// art. 66 count. <see cref="Reviews"/>: review and lawsuit outcomes recorded so far, oldest first.
/// </summary>
public sealed record CaseDecision(
    Guid CaseId,
    Guid AgencyId,
    string? DocumentNumber,
    CaseProcedure Procedure,
    CaseStage Stage,
    string OffenceCode,
    string OffenceName,
    string? ViolationBasis,
    string? PenaltyBasis,
    bool IsOverload,
    PartyKind PartyKind,
    string PartyName,
    string? PartyIdNumber,
    string? PartyPhone,
    string? PartyAddress,
    string? VehiclePlate,
    string? PlateColor,
    string? Facts,
    DateOnly? ActOn,
    DateOnly DecidedOn,
    DateOnly? ServedOn,
    CaseOutcome? Outcome,
    long? FineFen,
    bool Warning,
    IReadOnlyList<Guid> OfficerIds,
    IReadOnlyList<CaseReviewFact> Reviews)
{
    /// <summary>A review or lawsuit set the decision aside, changed it or found it unlawful (撤销、变更、确认违法).</summary>
    public bool Corrected => Reviews.Any(r => ReviewOutcomes.IsCorrection(r.Result));
}

/// <summary>A review or lawsuit outcome as recorded on the case.</summary>
public sealed record RecordedReview(
    long Id, Guid CaseId, Guid AgencyId, ReviewKind Kind, ReviewResult Result, DateOnly DecidedOn, string Organ, string DocumentNumber, DateTimeOffset RecordedAt)
{
    public bool Corrected => ReviewOutcomes.IsCorrection(Result);
}
