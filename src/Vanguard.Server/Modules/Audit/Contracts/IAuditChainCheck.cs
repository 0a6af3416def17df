namespace Vanguard.Server.Modules.Audit.Contracts;

/// <summary>
/// Whether the audit chain holds over a period, for the monthly performance evaluation (审计链完整). The chain is one chain for the
/// whole platform (not one per agency); entries carry the agency they concern (null for the province's and the system's own).
/// </summary>
public interface IAuditChainCheck
{
    /// <summary>
    /// Re-verifies the links of every chained entry from the first to the last one recorded in [<paramref name="from"/>,
    /// <paramref name="to"/>) — sequence without gaps, each entry linked to the stored hash of the one before, each hash recomputed —
    /// and returns the first broken sequence number (a missing or altered entry) with, per agency, the span of its entries in
    /// the period. Not filtered by jurisdiction: a chain is verified whole or not at all.
    /// </summary>
    Task<AuditPeriodCheck> CheckPeriodAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct);

    /// <summary>What an evaluator may see of entries: when, which action on which kind of target, which agency — no actor, no target id.</summary>
    Task<IReadOnlyList<AuditEntryFacts>> FactsAsync(IReadOnlyCollection<long> sequences, CancellationToken ct);
}

/// <param name="BrokenAt">The first sequence number in the period's span (or the one before it) that is missing or does not verify.</param>
public sealed record AuditPeriodCheck(long? FirstSequence, long? LastSequence, long? BrokenAt, IReadOnlyList<AgencyAuditSpan> Agencies);

/// <summary>An agency's entries in the period: how many and the first and last sequence numbers.</summary>
public sealed record AgencyAuditSpan(Guid AgencyId, int Entries, long FirstSequence, long LastSequence);

/// <param name="Found">False when no entry has that sequence number (deleted: the break itself).</param>
/// <param name="HashMatches">Whether the entry's stored hash is what its fields and its stored link give.</param>
public sealed record AuditEntryFacts(long Sequence, bool Found, DateTimeOffset? At, string? Action, string? TargetType, Guid? AgencyId, bool? HashMatches);
