using Microsoft.EntityFrameworkCore;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Surveillance.Contracts;
using Vanguard.Server.Modules.Surveillance.Data;
using Vanguard.Server.Common;

namespace Vanguard.Server.Modules.Surveillance.Alerts;

/// <summary>The dispatched, closed alerts of a period, counted the way the precision report counts them.</summary>
internal sealed class DispatchOutcomes(VanguardDbContext db) : IDispatchOutcomes
{
    public async Task<IReadOnlyList<DispatchOutcome>> ClosedDispatchesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var start = StoredTime.Of(from);
        var end = StoredTime.Of(to);
        var rows = await db.Set<Alert>().AsNoTracking()
            .Where(a => a.RaisedAt >= start && a.RaisedAt < end && a.TaskId != null && a.Status == AlertStatuses.Closed)
            .Select(a => new { a.Id, a.AgencyId, a.Outcome })
            .ToListAsync(ct);
        return rows.Select(r => new DispatchOutcome(r.Id, r.AgencyId, r.Outcome is { } o && AlertOutcomes.Confirmed.Contains(o)))
            .OrderBy(r => r.AlertId)
            .ToList();
    }
}
