using Vanguard.Domain.Cases;

namespace Vanguard.Server.Modules.Cases.Contracts;

/// <summary>
/// Cases over a period, for the monthly performance evaluation (绩效评价): one query per question for every agency at once.
/// Periods are legal dates (China time) [from, to); the caller's jurisdiction applies.
/// </summary>
public interface ICaseStatistics
{
    /// <summary>
    /// The cases decided on a day in [<paramref name="from"/>, <paramref name="to"/>) (any decision of 行政处罚法 art. 57, and
    /// 当场处罚), oldest decision first, each with its decision deadline (art. 60: 90 days from 立案 on the holiday calendar; only
    /// filed cases have one) and, for on-the-spot cases, the evidence its case file names as body-camera clips.
    /// </summary>
    Task<IReadOnlyList<DecidedCase>> DecidedAsync(DateOnly from, DateOnly to, CancellationToken ct);

    /// <summary>
    /// The 行政复议 / 行政诉讼 outcomes decided in [<paramref name="from"/>, <paramref name="to"/>), oldest first; those not upheld
    /// (<see cref="ReviewOutcomes.IsCorrection"/>) corrected the agency.
    /// </summary>
    Task<IReadOnlyList<ReviewedCase>> ReviewOutcomesAsync(DateOnly from, DateOnly to, CancellationToken ct);

    /// <summary>
    /// Anonymised facts of cases for third-party evaluators: number, agency, procedure, stage, offence, dates, penalty and review
    /// outcomes — never the party's name, ID number, address or phone, the plate, the title or the facts (free text may name people).
    /// Cases not found in the caller's jurisdiction are left out.
    /// </summary>
    Task<IReadOnlyList<CaseFacts>> FactsAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken ct);
}

public sealed record DecidedCase(
    Guid CaseId, Guid AgencyId, CaseProcedure Procedure, DateOnly? FiledOn, DateOnly DecidedOn, DateOnly? DecisionDue, IReadOnlyList<Guid> ClipEvidenceIds)
{
    /// <summary>Decided after the art. 60 deadline.</summary>
    public bool Late => DecisionDue is { } due && DecidedOn > due;
}

public sealed record ReviewedCase(Guid CaseId, Guid AgencyId, ReviewKind Kind, ReviewResult Result, DateOnly DecidedOn)
{
    public bool Corrected => ReviewOutcomes.IsCorrection(Result);
}

public sealed record CaseFacts(
    Guid CaseId,
    string? CaseNumber,
    Guid AgencyId,
    CaseProcedure Procedure,
    CaseStage Stage,
    string OffenceName,
    DateOnly? FiledOn,
    DateOnly? DecidedOn,
    DateOnly? DecisionDue,
    CaseOutcome? Outcome,
    long? FineFen,
    bool Warning,
    IReadOnlyList<CaseReviewFact> Reviews);

public sealed record CaseReviewFact(ReviewKind Kind, ReviewResult Result, DateOnly DecidedOn, string Organ, string DocumentNumber);
