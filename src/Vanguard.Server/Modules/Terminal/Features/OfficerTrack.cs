using Microsoft.EntityFrameworkCore;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Terminal.Contracts;
using Vanguard.Server.Modules.Terminal.Data;

namespace Vanguard.Server.Modules.Terminal.Features;

/// <summary><see cref="IOfficerTrack"/> over <c>terminal_positions</c>; the DbContext keeps it to the caller's jurisdiction.</summary>
internal sealed class OfficerTrack(VanguardDbContext db, TimeProvider clock) : IOfficerTrack
{
    public async Task<IReadOnlyList<TrackPoint>> PositionsAsync(Guid officerId, DateTimeOffset from, DateTimeOffset to, int max, CancellationToken ct) =>
        await db.Set<PositionPoint>().AsNoTracking()
            .Where(p => p.OfficerId == officerId && p.At >= from && p.At <= to)
            .OrderBy(p => p.At)
            .Take(max)
            .Select(p => new TrackPoint(p.At, p.Lat, p.Lon, p.AccuracyM))
            .ToListAsync(ct);

    public async Task AddDemoTrackAsync(Guid officerId, IReadOnlyList<TrackPoint> points, CancellationToken ct)
    {
        var agencyId = await db.Officers.AsNoTracking().Where(o => o.Id == officerId).Select(o => (Guid?)o.AgencyId).SingleOrDefaultAsync(ct);
        if (agencyId is not { } agency || points.Count == 0)
        {
            return;
        }

        var (first, last) = (points.Min(p => p.At), points.Max(p => p.At));
        var stored = (await db.Set<PositionPoint>().AsNoTracking().Where(p => p.OfficerId == officerId && p.At >= first && p.At <= last)
            .Select(p => p.At).ToListAsync(ct)).ToHashSet();
        var now = clock.GetUtcNow();
        foreach (var p in points.Where(p => !stored.Contains(p.At)).DistinctBy(p => p.At))
        {
            db.Add(new PositionPoint { OfficerId = officerId, AgencyId = agency, At = p.At, Lat = p.Lat, Lon = p.Lon, AccuracyM = p.AccuracyM, ReceivedAt = now });
        }

        await db.SaveChangesAsync(ct);
    }
}
