using Microsoft.EntityFrameworkCore;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Data;

namespace Vanguard.Server.Modules.Audit;

/// <summary>Walks the whole chain in sequence order and recomputes every hash.</summary>
internal static class AuditVerifier
{
    private const int PageSize = 5_000;

    public static async Task<AuditVerification> VerifyAsync(VanguardDbContext db, CancellationToken ct)
    {
        long expected = 1;
        string? previous = null;
        long count = 0;
        while (true)
        {
            var from = expected;
            var page = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Sequence >= from)
                .OrderBy(e => e.Sequence)
                .Take(PageSize)
                .ToListAsync(ct);
            foreach (var entry in page)
            {
                // A gap means an entry was deleted; a wrong link or hash means one was changed.
                if (entry.Sequence != expected || entry.PreviousHash != previous || entry.Hash != AuditHash.Compute(entry, previous))
                {
                    return new AuditVerification(false, count, Math.Min(expected, entry.Sequence!.Value));
                }

                previous = entry.Hash;
                expected++;
                count++;
            }

            if (page.Count < PageSize)
            {
                break;
            }
        }

        var head = await db.AuditChainHeads.AsNoTracking().SingleOrDefaultAsync(h => h.Id == 1, ct);
        var headMatches = head is null ? count == 0 : head.LastSequence == count && head.LastHash == previous;
        return headMatches ? new AuditVerification(true, count, null) : new AuditVerification(false, count, count + 1);
    }

    /// <summary>
    /// Verifies the entries <paramref name="first"/> … <paramref name="last"/> as <see cref="VerifyAsync"/> does the whole chain,
    /// starting from the stored hash of the entry before <paramref name="first"/> (whose own check belongs to its own span).
    /// Returns the first sequence number that is missing or does not verify; null when the span holds. When the entry before the
    /// span is missing, the link into the span cannot be checked and that number is returned.
    /// </summary>
    public static async Task<long?> FirstBreakAsync(VanguardDbContext db, long first, long last, CancellationToken ct)
    {
        string? previous = null;
        if (first > 1)
        {
            var before = first - 1;
            previous = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence == before).Select(e => e.Hash).SingleOrDefaultAsync(ct);
            if (previous is null)
            {
                return before;
            }
        }

        var expected = first;
        while (expected <= last)
        {
            var from = expected;
            var page = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Sequence >= from && e.Sequence <= last)
                .OrderBy(e => e.Sequence)
                .Take(PageSize)
                .ToListAsync(ct);
            if (page.Count == 0)
            {
                return expected;
            }

            foreach (var entry in page)
            {
                if (entry.Sequence != expected || entry.PreviousHash != previous || entry.Hash != AuditHash.Compute(entry, previous))
                {
                    return Math.Min(expected, entry.Sequence!.Value);
                }

                previous = entry.Hash;
                expected++;
            }
        }

        return null;
    }
}

public sealed record AuditVerification(
    bool Ok,
    long Entries,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    long? BrokenAt);
