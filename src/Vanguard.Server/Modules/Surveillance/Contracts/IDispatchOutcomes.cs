namespace Vanguard.Server.Modules.Surveillance.Contracts;

/// <summary>The outcomes of dispatched alerts, for the monthly performance evaluation (布控派警命中率).</summary>
public interface IDispatchOutcomes
{
    /// <summary>
    /// The alerts raised in [<paramref name="from"/>, <paramref name="to"/>) in the caller's jurisdiction that were dispatched to an
    /// officer and are closed, each with whether the outcome confirmed the hit (seized, warned, case opened — as the precision report).
    /// </summary>
    Task<IReadOnlyList<DispatchOutcome>> ClosedDispatchesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct);
}

public sealed record DispatchOutcome(Guid AlertId, Guid AgencyId, bool Confirmed);
