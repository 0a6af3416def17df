using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Complaints;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Complaints.Contracts;
using Vanguard.Server.Modules.Complaints.Data;

namespace Vanguard.Server.Modules.Complaints;

/// <summary>The complaints module's side of <see cref="IOfficerComplaints"/>.</summary>
internal sealed class OfficerComplaints(VanguardDbContext db) : IOfficerComplaints
{
    public async Task<IReadOnlyList<OfficerComplaint>> AboutOfficersSinceAsync(DateTimeOffset since, CancellationToken ct)
    {
        var rows = await db.Set<Complaint>().AsNoTracking()
            .Where(c => c.Type == ComplaintType.Complaint && c.AccusedOfficerId != null && c.AccusedOfficerAgencyId != null && c.ReceivedAt >= since)
            .Select(c => new { c.Id, c.TicketNo, OfficerId = c.AccusedOfficerId!.Value, AgencyId = c.AccusedOfficerAgencyId!.Value, c.ReceivedAt, c.Finding })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id)
            .Select(r => new OfficerComplaint(r.Id, r.TicketNo, r.OfficerId, r.AgencyId, r.ReceivedAt, r.Finding))
            .ToList();
    }
}
