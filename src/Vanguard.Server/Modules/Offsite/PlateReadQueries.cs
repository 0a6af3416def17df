using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Surveillance;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Offsite.Contracts;
using Vanguard.Server.Modules.Offsite.Data;

namespace Vanguard.Server.Modules.Offsite;

/// <summary>
/// Plate-read queries for the suspect rules and alert evidence (<see cref="IPlateReadQueries"/>), in the caller's
/// jurisdiction. Counting is done by the database: a month of a railway station's reads is far too many to load.
/// </summary>
internal sealed class PlateReadQueries(VanguardDbContext db) : IPlateReadQueries
{
    /// <summary>Ids per statement when retaining (keeps every provider's parameter limit far away).</summary>
    private const int RetainChunk = 500;

    public async Task<IReadOnlyList<PlateDays>> DistinctDaysAsync(IReadOnlyCollection<Guid> deviceIds, DateTimeOffset since, int minDays, CancellationToken ct)
    {
        if (deviceIds.Count == 0)
        {
            return [];
        }

        var devices = deviceIds.Distinct().ToList();
        var sinceMs = since.ToUnixTimeMilliseconds();
        // A China day is (ms + 8 h) / 24 h in integer division: the same on SQLite and PostgreSQL (SuspectDetection.ChinaDayNumber).
        var rows = await db.Set<AnprRead>().AsNoTracking()
            .Where(r => devices.Contains(r.DeviceId) && r.CapturedAtMs >= sinceMs)
            .GroupBy(r => new { r.Plate, r.PlateColor })
            .Select(g => new
            {
                g.Key.Plate,
                g.Key.PlateColor,
                Days = g.Select(r => (r.CapturedAtMs + SuspectDetection.ChinaOffsetMs) / SuspectDetection.DayMs).Distinct().Count(),
                FirstMs = g.Min(r => r.CapturedAtMs),
                LastMs = g.Max(r => r.CapturedAtMs),
            })
            .Where(x => x.Days >= minDays)
            .ToListAsync(ct);
        return rows
            .OrderByDescending(r => r.Days).ThenBy(r => r.Plate, StringComparer.Ordinal).ThenBy(r => r.PlateColor, StringComparer.Ordinal)
            .Select(r => new PlateDays(r.Plate, r.PlateColor, r.Days, DateTimeOffset.FromUnixTimeMilliseconds(r.FirstMs),
                DateTimeOffset.FromUnixTimeMilliseconds(r.LastMs)))
            .ToList();
    }

    public async Task<IReadOnlyList<PlateReadView>> ReadsOfAsync(
        string plate, string plateColor, IReadOnlyCollection<Guid> deviceIds, DateTimeOffset from, DateTimeOffset to, int max, CancellationToken ct)
    {
        var devices = deviceIds.Distinct().ToList();
        var fromMs = from.ToUnixTimeMilliseconds();
        var toMs = to.ToUnixTimeMilliseconds();
        var query = db.Set<AnprRead>().AsNoTracking()
            .Where(r => r.Plate == plate && r.PlateColor == plateColor && r.CapturedAtMs >= fromMs && r.CapturedAtMs < toMs);
        if (devices.Count > 0)
        {
            query = query.Where(r => devices.Contains(r.DeviceId));
        }

        var latest = await query.OrderByDescending(r => r.CapturedAtMs).ThenByDescending(r => r.Id).Take(Math.Max(0, max)).ToListAsync(ct);
        latest.Reverse();
        return latest.Select(View).ToList();
    }

    public async IAsyncEnumerable<PlateReadView> ReadsByDevicesAsync(
        IReadOnlyCollection<Guid> deviceIds, DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken ct)
    {
        if (deviceIds.Count == 0)
        {
            yield break;
        }

        var devices = deviceIds.Distinct().ToList();
        var fromMs = from.ToUnixTimeMilliseconds();
        var toMs = to.ToUnixTimeMilliseconds();
        var reads = db.Set<AnprRead>().AsNoTracking()
            .Where(r => devices.Contains(r.DeviceId) && r.CapturedAtMs >= fromMs && r.CapturedAtMs < toMs)
            .OrderBy(r => r.Plate).ThenBy(r => r.PlateColor).ThenBy(r => r.CapturedAtMs).ThenBy(r => r.Id)
            .AsAsyncEnumerable()
            .WithCancellation(ct);
        await foreach (var read in reads)
        {
            yield return View(read);
        }
    }

    public async Task RetainAsync(IReadOnlyCollection<long> readIds, CancellationToken ct)
    {
        foreach (var chunk in readIds.Distinct().Chunk(RetainChunk))
        {
            await db.Set<AnprRead>().Where(r => chunk.Contains(r.Id) && !r.Retained).ExecuteUpdateAsync(s => s.SetProperty(r => r.Retained, true), ct);
        }
    }

    private static PlateReadView View(AnprRead r) => new(
        r.Id, r.DeviceId, r.Plate, r.PlateColor, DateTimeOffset.FromUnixTimeMilliseconds(r.CapturedAtMs).ToOffset(TimeSpan.FromMinutes(r.CapturedOffsetMinutes)),
        r.ConfidencePermille, r.Direction, r.ImageSha256);
}
