namespace Vanguard.Server.Modules.Audit.Contracts;

/// <summary>
/// What a person did, from the chain (可溯): the chained entries whose actor is one of the given accounts, for the officer
/// trace of supervision. Only entries of agencies in the caller's jurisdiction (the province administrator and the platform
/// see all); the caller decides who may ask and audits the look-up.
/// </summary>
public interface IAuditTrail
{
    /// <summary>
    /// The entries of <paramref name="actorIds"/> at or after <paramref name="from"/> and before <paramref name="to"/>, newest first,
    /// at most <paramref name="limit"/> (1–5000), those before the sequence number <paramref name="beforeSequence"/> when given
    /// (the <see cref="AuditTrailPage.NextCursor"/> of the previous page). Each says whether its hash verifies.
    /// </summary>
    Task<AuditTrailPage> ByActorAsync(
        IReadOnlyCollection<string> actorIds, DateTimeOffset from, DateTimeOffset to, int limit, long? beforeSequence, CancellationToken ct);
}

/// <param name="HashVerifies">Whether the stored hash is what the entry's fields and its link give, and the link is the stored hash of the entry before.</param>
public sealed record AuditTrailEntry(
    long Sequence, DateTimeOffset At, string ActorId, string ActorName, string Action, string TargetType, string TargetId, Guid? AgencyId, bool HashVerifies);

/// <param name="NextCursor">Pass as <c>beforeSequence</c> for the next (older) page; null when there is none.</param>
public sealed record AuditTrailPage(IReadOnlyList<AuditTrailEntry> Entries, long? NextCursor);
