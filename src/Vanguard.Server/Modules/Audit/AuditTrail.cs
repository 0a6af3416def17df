using Microsoft.EntityFrameworkCore;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Audit;

/// <summary><see cref="IAuditTrail"/> over the chained entries, scoped as <c>/api/v1/audit/entries</c> is.</summary>
internal sealed class AuditTrail(VanguardDbContext db, IJurisdiction jurisdiction) : IAuditTrail
{
    public const int MaxLimit = 5_000;

    public async Task<AuditTrailPage> ByActorAsync(
        IReadOnlyCollection<string> actorIds, DateTimeOffset from, DateTimeOffset to, int limit, long? beforeSequence, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        if (actorIds.Count == 0)
        {
            return new AuditTrailPage([], null);
        }

        var actors = actorIds.Distinct().ToList();
        var (start, end) = (StoredTime.Of(from), StoredTime.Of(to));
        var entries = db.AuditEntries.AsNoTracking().Where(e => e.Sequence != null && actors.Contains(e.ActorId) && e.At >= start && e.At < end);
        if (!jurisdiction.IsUnrestricted)
        {
            var scope = jurisdiction.AgencyIds.ToList();
            entries = entries.Where(e => e.AgencyId != null && scope.Contains(e.AgencyId.Value));
        }

        if (beforeSequence is { } before)
        {
            entries = entries.Where(e => e.Sequence < before);
        }

        var page = await entries.OrderByDescending(e => e.Sequence).Take(limit + 1).ToListAsync(ct);
        var more = page.Count > limit;
        if (more)
        {
            page.RemoveAt(page.Count - 1);
        }

        // The link of each entry is checked against the stored hash of the one before it (the whole chain: GET /audit/verify).
        var previousSequences = page.Select(e => e.Sequence!.Value - 1).Where(s => s > 0).Distinct().ToList();
        var previousHashes = new Dictionary<long, string?>();
        foreach (var chunk in previousSequences.Chunk(500))
        {
            var list = chunk.ToList();
            foreach (var p in await db.AuditEntries.AsNoTracking().Where(e => e.Sequence != null && list.Contains(e.Sequence.Value))
                         .Select(e => new { Sequence = e.Sequence!.Value, e.Hash }).ToListAsync(ct))
            {
                previousHashes[p.Sequence] = p.Hash;
            }
        }

        var result = page.Select(e =>
        {
            var sequence = e.Sequence!.Value;
            var linkHolds = sequence == 1 ? e.PreviousHash is null : previousHashes.TryGetValue(sequence - 1, out var prev) && prev == e.PreviousHash;
            var verifies = linkHolds && e.Hash == AuditHash.Compute(e, e.PreviousHash);
            return new AuditTrailEntry(sequence, e.At, e.ActorId, e.ActorName, e.Action, e.TargetType, e.TargetId, e.AgencyId, verifies);
        }).ToList();
        return new AuditTrailPage(result, more ? result[^1].Sequence : null);
    }
}
