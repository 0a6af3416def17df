using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Offsite.Contracts;
using Vanguard.Server.Modules.Offsite.Data;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Offsite;

/// <summary>
/// The off-site module's side of <see cref="IOverloadStatistics"/>: each reading is one query over the period (grouped where SQL can
/// decide it), the rest in memory on narrow rows.
/// </summary>
internal sealed class OverloadStatistics(VanguardDbContext db, IDeviceDirectory devices, TimeProvider clock) : IOverloadStatistics
{
    public async Task<IReadOnlyList<AgencyWeighings>> WeighingsAsync(DateTimeOffset from, DateTimeOffset to, int maxIds, CancellationToken ct)
    {
        var fromMs = from.ToUnixTimeMilliseconds();
        var toMs = to.ToUnixTimeMilliseconds();
        var inPeriod = db.Set<WimRecord>().AsNoTracking().Where(r => r.CapturedAtMs >= fromMs && r.CapturedAtMs < toMs);
        var counts = await inPeriod.GroupBy(r => r.AgencyId)
            .Select(g => new { AgencyId = g.Key, Weighings = g.Count(), Overloaded = g.Count(r => r.Verdict == 1) })
            .ToListAsync(ct);
        // The month's overloaded ids of every agency in one query (a few per cent of the month), the first maxIds per agency taken
        // here: one query per agency made the run grow with the number of agencies.
        var overloaded = maxIds <= 0 ? []
            : await inPeriod.Where(r => r.Verdict == 1).Select(r => new { r.AgencyId, r.Id }).ToListAsync(ct);
        var idsByAgency = overloaded.GroupBy(r => r.AgencyId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<long>)g.Select(r => r.Id).Order().Take(maxIds).ToList());
        return counts.OrderBy(c => c.AgencyId)
            .Select(c => new AgencyWeighings(c.AgencyId, c.Weighings, c.Overloaded, idsByAgency.GetValueOrDefault(c.AgencyId, [])))
            .ToList();
    }

    public async Task<IReadOnlyList<AgencyReviewTimeliness>> ReviewTimelinessAsync(DateTimeOffset from, DateTimeOffset to, int maxIds, CancellationToken ct)
    {
        var fromMs = from.ToUnixTimeMilliseconds();
        var toMs = to.ToUnixTimeMilliseconds();
        // The due day is a calendar date in China and the review an instant: compared here rather than in SQL, where the two
        // databases store them differently. A month's review items are the overloaded, usable weighings only: a narrow read.
        var rows = await db.Set<ReviewItem>().AsNoTracking()
            .Where(i => i.CapturedAtMs >= fromMs && i.CapturedAtMs < toMs)
            .Select(i => new { i.AgencyId, i.WimRecordId, i.ReviewDueOn, i.ReviewedAt })
            .ToListAsync(ct);
        var today = LegalClock.Today(clock);
        return rows.GroupBy(r => r.AgencyId).OrderBy(g => g.Key).Select(g =>
            {
                var late = g.Where(r => r.ReviewedAt is { } at ? LegalClock.DayOf(at) > r.ReviewDueOn : today > r.ReviewDueOn)
                    .Select(r => r.WimRecordId).Order().ToList();
                return new AgencyReviewTimeliness(g.Key, g.Count(), late.Count, maxIds <= 0 ? [] : late.Take(maxIds).ToList());
            })
            .ToList();
    }

    public async Task<IReadOnlyList<VehicleOverloads>> VehicleOverloadsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var fromMs = from.ToUnixTimeMilliseconds();
        var toMs = to.ToUnixTimeMilliseconds();
        var items = db.Set<ReviewItem>().AsNoTracking();
        // Review items rather than all weighings: an invalidated one (cloned plate, plate mismatch, emergency …) is no offence of the
        // vehicle, and one the station's certificate did not cover could never be dealt with.
        var inPeriod = items.Where(i => i.CapturedAtMs >= fromMs && i.CapturedAtMs < toMs && i.Status != ReviewStatus.Invalidated);
        var vehicles = await inPeriod.GroupBy(i => new { i.AgencyId, i.Plate, i.PlateColor })
            .Select(g => new { g.Key.AgencyId, g.Key.Plate, g.Key.PlateColor })
            .ToListAsync(ct);
        // "Dealt with before": an earlier-captured overload of the same vehicle that review had already confirmed (it became an off-site
        // case) when the vehicle came back — confirmed by then, not merely by the time the month is scored. The review time is compared
        // here rather than in SQL, where the two databases store instants differently.
        var month = await inPeriod.Select(i => new { i.AgencyId, i.Plate, i.PlateColor, i.WimRecordId, i.CapturedAtMs }).ToListAsync(ct);
        var confirmed = (await items
                .Where(e => e.Status == ReviewStatus.Confirmed && e.CapturedAtMs < toMs && e.ReviewedAt != null
                    && inPeriod.Any(i => i.Plate == e.Plate && i.PlateColor == e.PlateColor))
                .Select(e => new { e.Plate, e.PlateColor, e.CapturedAtMs, e.ReviewedAt })
                .ToListAsync(ct))
            .ToLookup(e => (e.Plate, e.PlateColor));
        var repeats = month.Where(i => confirmed[(i.Plate, i.PlateColor)]
                .Any(e => e.CapturedAtMs < i.CapturedAtMs && e.ReviewedAt!.Value.ToUnixTimeMilliseconds() <= i.CapturedAtMs))
            .ToList();
        var firstRepeat = repeats.GroupBy(r => (r.AgencyId, r.Plate, r.PlateColor))
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.CapturedAtMs).ThenBy(r => r.WimRecordId).First());
        return vehicles
            .Select(v =>
            {
                var repeat = firstRepeat.GetValueOrDefault((v.AgencyId, v.Plate, v.PlateColor));
                return new VehicleOverloads(v.AgencyId, VehicleKey(v.Plate, v.PlateColor), repeat?.WimRecordId,
                    repeat is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(repeat.CapturedAtMs).ToOffset(LegalClock.ChinaOffset));
            })
            .OrderBy(v => v.AgencyId).ThenBy(v => v.VehicleKey, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<IReadOnlyList<WeighingFacts>> DescribeWeighingsAsync(IReadOnlyCollection<long> weighingIds, CancellationToken ct)
    {
        if (weighingIds.Count == 0)
        {
            return [];
        }

        var ids = weighingIds.Distinct().ToList();
        var rows = await db.Set<WimRecord>().AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new
            {
                r.Id, r.DeviceId, r.CapturedAtMs, r.CapturedOffsetMinutes, r.Plate, r.PlateColor, r.AxleCount, r.GrossWeightKg, r.LimitKg, r.OverKg,
                r.OverBasisPoints, r.Verdict, r.EvidenceUsable,
            })
            .ToListAsync(ct);
        var reviews = await db.Set<ReviewItem>().AsNoTracking().Where(i => ids.Contains(i.WimRecordId))
            .Select(i => new { i.WimRecordId, i.Status, i.ReviewDueOn, i.ReviewedAt, i.InvalidReason, i.CaseId })
            .ToDictionaryAsync(i => i.WimRecordId, ct);
        var stations = (await devices.ListAsync([DeviceKind.WimStation], ct)).ToDictionary(d => d.Id);
        return rows.OrderBy(r => r.Id).Select(r =>
            {
                var station = stations.GetValueOrDefault(r.DeviceId);
                var review = reviews.GetValueOrDefault(r.Id);
                return new WeighingFacts(
                    r.Id, DateTimeOffset.FromUnixTimeMilliseconds(r.CapturedAtMs).ToOffset(TimeSpan.FromMinutes(r.CapturedOffsetMinutes)),
                    station?.Code ?? string.Empty, station?.Name ?? string.Empty, PlateMask.Of(r.Plate), r.PlateColor, r.AxleCount, r.GrossWeightKg,
                    r.LimitKg, r.OverKg, r.OverBasisPoints / 100m, r.Verdict == 1, r.EvidenceUsable, review?.Status.ToString().ToLowerInvariant(),
                    review?.ReviewDueOn, review?.ReviewedAt, review?.InvalidReason, review?.CaseId is not null);
            })
            .ToList();
    }

    /// <summary>The vehicle without its plate: the performance module counts vehicles, it has no use for who they are.</summary>
    private static string VehicleKey(string plate, string plateColor) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(plate + "/" + plateColor)), 0, 12);
}
