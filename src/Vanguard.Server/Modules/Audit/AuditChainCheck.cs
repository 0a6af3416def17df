using Microsoft.EntityFrameworkCore;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;

namespace Vanguard.Server.Modules.Audit;

/// <summary>The audit module's side of <see cref="IAuditChainCheck"/>: one grouped query for the agencies, then a walk over the period's span.</summary>
internal sealed class AuditChainCheck(VanguardDbContext db) : IAuditChainCheck
{
    public async Task<AuditPeriodCheck> CheckPeriodAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var start = StoredTime.Of(from);
        var end = StoredTime.Of(to);
        var inPeriod = db.AuditEntries.AsNoTracking().Where(e => e.Sequence != null && e.At >= start && e.At < end);
        var first = await inPeriod.MinAsync(e => e.Sequence, ct);
        var last = await inPeriod.MaxAsync(e => e.Sequence, ct);
        if (first is null || last is null)
        {
            return new AuditPeriodCheck(null, null, null, []);
        }

        var agencies = await inPeriod.Where(e => e.AgencyId != null)
            .GroupBy(e => e.AgencyId!.Value)
            .Select(g => new AgencyAuditSpan(g.Key, g.Count(), g.Min(e => e.Sequence!.Value), g.Max(e => e.Sequence!.Value)))
            .ToListAsync(ct);
        var brokenAt = await AuditVerifier.FirstBreakAsync(db, first.Value, last.Value, ct);
        return new AuditPeriodCheck(first, last, brokenAt, agencies.OrderBy(a => a.AgencyId).ToList());
    }

    public async Task<IReadOnlyList<AuditEntryFacts>> FactsAsync(IReadOnlyCollection<long> sequences, CancellationToken ct)
    {
        var wanted = sequences.Distinct().Order().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        var before = wanted.Select(s => s - 1).ToList();
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Sequence != null && (wanted.Contains(e.Sequence.Value) || before.Contains(e.Sequence.Value)))
            .ToListAsync(ct);
        var bySequence = rows.ToDictionary(e => e.Sequence!.Value);
        return wanted.Select(s => bySequence.TryGetValue(s, out var e)
                ? new AuditEntryFacts(s, true, e.At, e.Action, e.TargetType, e.AgencyId,
                    e.Hash == AuditHash.Compute(e, e.PreviousHash)
                    && (s == 1 ? e.PreviousHash is null : bySequence.TryGetValue(s - 1, out var p) && p.Hash == e.PreviousHash))
                : new AuditEntryFacts(s, false, null, null, null, null, null))
            .ToList();
    }
}
