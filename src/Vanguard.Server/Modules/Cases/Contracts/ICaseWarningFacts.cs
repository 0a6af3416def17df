namespace Vanguard.Server.Modules.Cases.Contracts;

/// <summary>
/// What the early-warning engine (问题预警) asks of cases: open cases against their decision deadline, decisions flagged as
/// departing from the discretion standard, and decided fines against the top of the range the standard allows for the case's
/// facts. No party data. The caller's jurisdiction applies (the warning job acts as the platform).
/// </summary>
public interface ICaseWarningFacts
{
    /// <summary>Filed cases (立案) not yet decided, dropped or closed, with their art. 60 decision deadline on the holiday calendar.</summary>
    Task<IReadOnlyList<PendingDecision>> PendingDecisionsAsync(CancellationToken ct);

    /// <summary>
    /// Penalty decisions made on a legal day in [<paramref name="from"/>, <paramref name="to"/>) whose decision event the cases module
    /// marked <c>departs_from_standard</c>, with the range the standard proposes for the case's facts (null when it proposes none).
    /// </summary>
    Task<IReadOnlyList<DepartedDecision>> DepartedDecisionsAsync(DateOnly from, DateOnly to, CancellationToken ct);

    /// <summary>
    /// Fines decided on a legal day in [<paramref name="from"/>, <paramref name="to"/>) (outcome penalty, amount above 0) with the
    /// minimum and maximum the discretion standard allows for the case's facts (equal for a fixed amount; null when it proposes none).
    /// </summary>
    Task<IReadOnlyList<DecidedFine>> DecidedFinesAsync(DateOnly from, DateOnly to, CancellationToken ct);

    /// <summary>
    /// Per agency, the fines of the penalty decisions made on a legal day in [<paramref name="from"/>, <paramref name="to"/>) (dropped
    /// cases left out): their sum and how many there were, added up in the database (the rule runs every few minutes over months).
    /// Agencies without a penalty decision in the period are left out.
    /// </summary>
    Task<IReadOnlyList<AgencyFines>> FinesByAgencyAsync(DateOnly from, DateOnly to, CancellationToken ct);

    /// <summary>Case number, offence and officers of the given cases the caller may see (no party data); unknown ids are left out.</summary>
    Task<IReadOnlyList<CaseLabel>> LabelsAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken ct);
}

public sealed record AgencyFines(Guid AgencyId, long FineFen, int Decisions);

public sealed record CaseLabel(Guid CaseId, string? CaseNumber, string OffenceName, IReadOnlyList<Guid> OfficerIds);

public sealed record PendingDecision(Guid CaseId, Guid AgencyId, string? CaseNumber, string OffenceName, DateOnly FiledOn, DateOnly DecisionDue, IReadOnlyList<Guid> OfficerIds);

public sealed record DepartedDecision(
    Guid CaseId, Guid AgencyId, string? CaseNumber, string OffenceName, DateOnly DecidedOn, long FineFen, bool Warning, long? MinFen, long? MaxFen,
    bool ProposedWarning, IReadOnlyList<Guid> OfficerIds);

public sealed record DecidedFine(
    Guid CaseId, Guid AgencyId, string? CaseNumber, string OffenceName, DateOnly DecidedOn, long FineFen, long? MinFen, long? MaxFen, IReadOnlyList<Guid> OfficerIds);
