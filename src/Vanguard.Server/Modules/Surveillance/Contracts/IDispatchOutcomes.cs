namespace Vanguard.Server.Modules.Surveillance.Contracts;

/// <summary>The outcomes of dispatched alerts, for the monthly performance evaluation (布控派警命中率).</summary>
public interface IDispatchOutcomes
{
    /// <summary>
    /// The alerts raised in [<paramref name="from"/>, <paramref name="to"/>) in the caller's jurisdiction that were dispatched to an
    /// officer and are closed, each with whether the outcome confirmed the hit (seized, warned, case opened — as the precision report).
    /// </summary>
    Task<IReadOnlyList<DispatchOutcome>> ClosedDispatchesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct);

    /// <summary>
    /// The alerts of these ids that still exist in the caller's jurisdiction, anonymised for third-party evaluators: the plate masked,
    /// no officer, no free-text note. In id order.
    /// </summary>
    Task<IReadOnlyList<AlertFacts>> DescribeAsync(IReadOnlyCollection<Guid> alertIds, CancellationToken ct);
}

public sealed record DispatchOutcome(Guid AlertId, Guid AgencyId, bool Confirmed);

/// <param name="Camera">The camera's name where the vehicle was first read (a place, not a person).</param>
/// <param name="MatchKind"><c>exact</c> or <c>fuzzy</c>.</param>
/// <param name="Outcome">seized / warned / case_opened / not_found / false_hit / resolved / other; null while open.</param>
public sealed record AlertFacts(
    Guid AlertId, DateTimeOffset RaisedAt, string Camera, string MaskedPlate, string PlateColor, string MatchKind, int ConfidencePermille,
    DateTimeOffset? DispatchedAt, string Status, string? Outcome, bool Confirmed, DateTimeOffset? ClosedAt);
