using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Complaints;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Complaints.Contracts;
using Vanguard.Server.Modules.Complaints.Data;

namespace Vanguard.Server.Modules.Complaints;

/// <summary>
/// The complaints module's side of <see cref="IComplaintStatistics"/>: one read of the month's complaints (the <c>ReceivedAt</c> index),
/// judged in memory with the same <see cref="TwoMustsTable.State"/> as the list and the breach job.
/// </summary>
internal sealed class ComplaintStatistics(VanguardDbContext db, TimeProvider clock) : IComplaintStatistics
{
    public async Task<IReadOnlyList<AgencyTwoMusts>> TwoMustsAsync(DateTimeOffset from, DateTimeOffset to, int maxIds, CancellationToken ct)
    {
        var start = StoredTime.Of(from);
        var end = StoredTime.Of(to);
        var rows = await db.Set<Complaint>().AsNoTracking()
            .Where(c => c.ReceivedAt >= start && c.ReceivedAt < end)
            .Select(c => new
            {
                c.Id, c.AgencyId, c.ContactDueAt, c.ContactedAt, c.OnsiteDueAt, c.OnsiteAt,
                // A breach stays a breach: a reassignment (改派) restarts the timers but keeps the warnings already written.
                Warned = db.Set<ComplaintWarning>().Any(w => w.ComplaintId == c.Id),
            })
            .ToListAsync(ct);
        var now = StoredTime.Now(clock);
        // Every ticket type has both musts (the SLA table requires positive hours for each), so both count for every complaint.
        return rows.GroupBy(r => r.AgencyId).OrderBy(g => g.Key).Select(g =>
            {
                var missed = g.Where(r => r.Warned || Missed(TwoMustsTable.State(r.ContactDueAt, r.ContactedAt, now))
                        || Missed(TwoMustsTable.State(r.OnsiteDueAt, r.OnsiteAt, now)))
                    .Select(r => r.Id).Order().ToList();
                return new AgencyTwoMusts(g.Key, g.Count(), missed.Count, maxIds <= 0 ? [] : missed.Take(maxIds).ToList());
            })
            .ToList();
    }

    public async Task<IReadOnlyList<AgencyUpheld>> UpheldAboutOfficersAsync(DateTimeOffset from, DateTimeOffset to, int maxIds, CancellationToken ct)
    {
        var start = StoredTime.Of(from);
        var end = StoredTime.Of(to);
        // Counted against the officer's agency although the ticket may be handled by another: scoring runs as the province (or the
        // system), whose jurisdiction holds every ticket.
        var rows = await db.Set<Complaint>().AsNoTracking()
            .Where(c => c.AccusedOfficerAgencyId != null && c.Finding != null && c.FindingAt >= start && c.FindingAt < end)
            .Select(c => new { c.Id, AgencyId = c.AccusedOfficerAgencyId!.Value, c.Finding })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.AgencyId).OrderBy(g => g.Key).Select(g =>
            {
                var upheld = g.Where(r => ComplaintFinding.IsUpheld(r.Finding)).Select(r => r.Id).Order().ToList();
                return new AgencyUpheld(g.Key, g.Count(), upheld.Count, maxIds <= 0 ? [] : upheld.Take(maxIds).ToList());
            })
            .ToList();
    }

    public async Task<IReadOnlyList<ComplaintFacts>> DescribeAsync(IReadOnlyCollection<Guid> complaintIds, CancellationToken ct)
    {
        if (complaintIds.Count == 0)
        {
            return [];
        }

        var ids = complaintIds.Distinct().ToList();
        // Only these columns leave the module: name, phone, description, place text and the accused are personal or free text.
        var rows = await db.Set<Complaint>().AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new
            {
                c.Id, c.Source, c.Type, c.Domain, c.Status, c.ReceivedAt, c.AssignedAt, c.ContactDueAt, c.ContactedAt, c.OnsiteDueAt, c.OnsiteAt,
                AboutOfficer = c.AccusedOfficerId != null, c.Satisfaction, c.Finding,
            })
            .ToListAsync(ct);
        var now = StoredTime.Now(clock);
        return rows.OrderBy(r => r.Id)
            .Select(r => new ComplaintFacts(
                r.Id, r.Source, r.Type, r.Domain, r.Status, ComplaintStatuses.NameZh(r.Status), r.ReceivedAt, r.AssignedAt, r.ContactDueAt, r.ContactedAt,
                Wire(TwoMustsTable.State(r.ContactDueAt, r.ContactedAt, now)), r.OnsiteDueAt, r.OnsiteAt, Wire(TwoMustsTable.State(r.OnsiteDueAt, r.OnsiteAt, now)),
                r.AboutOfficer, r.Satisfaction, r.Finding))
            .ToList();
    }

    private static bool Missed(MustState state) => state is MustState.Late or MustState.Overdue;

    private static string Wire(MustState state) => state switch
    {
        MustState.OnTime => "on_time",
        MustState.Overdue => "overdue",
        MustState.Late => "late",
        _ => "pending",
    };
}
