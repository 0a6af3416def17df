using Microsoft.EntityFrameworkCore;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Offsite.Contracts;
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

    public async Task<IReadOnlyList<AlertFacts>> DescribeAsync(IReadOnlyCollection<Guid> alertIds, CancellationToken ct)
    {
        if (alertIds.Count == 0)
        {
            return [];
        }

        var ids = alertIds.Distinct().ToList();
        // Officer, outcome note and the list's entry stay here: the note is free text and may name the driver.
        var rows = await db.Set<Alert>().AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new
            {
                a.Id, a.RaisedAt, a.DeviceName, a.Plate, a.PlateColor, a.MatchKind, a.ConfidencePermille, a.DispatchedAt, a.Status, a.Outcome, a.ClosedAt,
            })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Id)
            .Select(r => new AlertFacts(r.Id, r.RaisedAt, r.DeviceName, PlateMask.Of(r.Plate), r.PlateColor, r.MatchKind, r.ConfidencePermille, r.DispatchedAt,
                r.Status, r.Outcome, r.Outcome is { } o && AlertOutcomes.Confirmed.Contains(o), r.ClosedAt))
            .ToList();
    }
}
