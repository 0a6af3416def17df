using Microsoft.EntityFrameworkCore;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Evidence.Contracts;
using Vanguard.Server.Modules.Evidence.Data;

namespace Vanguard.Server.Modules.Evidence.Features;

/// <summary><see cref="IOfficerClips"/> over the evidence items; the DbContext keeps it to the caller's jurisdiction.</summary>
internal sealed class OfficerClips(VanguardDbContext db) : IOfficerClips
{
    public async Task<IReadOnlyList<OfficerClip>> RecordedByAsync(Guid officerId, DateTimeOffset from, DateTimeOffset to, int max, CancellationToken ct) =>
        await db.Set<EvidenceItem>().AsNoTracking()
            .Where(e => e.OfficerId == officerId && e.DeletedAt == null && e.RecordedFrom <= to && e.RecordedTo >= from)
            .OrderBy(e => e.RecordedFrom)
            .Take(max)
            .Select(e => new OfficerClip(e.Id, e.FileName, e.ContentType, e.RecordedFrom, e.RecordedTo, e.DurationSeconds, e.DeviceSerial, e.Sha256))
            .ToListAsync(ct);
}
