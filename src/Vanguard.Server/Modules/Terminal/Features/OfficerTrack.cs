using Microsoft.EntityFrameworkCore;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Terminal.Contracts;
using Vanguard.Server.Modules.Terminal.Data;

namespace Vanguard.Server.Modules.Terminal.Features;

/// <summary><see cref="IOfficerTrack"/> over <c>terminal_positions</c>; the DbContext keeps it to the caller's jurisdiction.</summary>
internal sealed class OfficerTrack(VanguardDbContext db) : IOfficerTrack
{
    public async Task<IReadOnlyList<TrackPoint>> PositionsAsync(Guid officerId, DateTimeOffset from, DateTimeOffset to, int max, CancellationToken ct) =>
        await db.Set<PositionPoint>().AsNoTracking()
            .Where(p => p.OfficerId == officerId && p.At >= from && p.At <= to)
            .OrderBy(p => p.At)
            .Take(max)
            .Select(p => new TrackPoint(p.At, p.Lat, p.Lon, p.AccuracyM))
            .ToListAsync(ct);
}
