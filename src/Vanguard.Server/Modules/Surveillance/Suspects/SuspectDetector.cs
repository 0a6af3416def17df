using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Organisation;
using Vanguard.Domain.Surveillance;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Offsite.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Registry.Contracts;
using Vanguard.Server.Modules.Surveillance.Data;
using Vanguard.Server.Common;

namespace Vanguard.Server.Modules.Surveillance.Suspects;

/// <summary>
/// Runs one suspect rule (研判) over the plate reads of its window and files what it finds on the review list:
/// <list type="bullet">
/// <item><c>hotspot_days</c>: vehicles read by the hotspot's cameras on at least <c>Threshold</c> distinct China days (counted by the database).</item>
/// <item><c>round_trips</c>: vehicles with at least <c>Threshold</c> round trips between the hotspot and the other group, each within
/// <c>MaxTripMinutes</c> (<see cref="SuspectDetection.RoundTrips"/>; a camera in both groups counts as the hotspot's).</item>
/// </list>
/// Vehicles with a 道路运输证 in force today are left out when the rule says so. A vehicle the same rule already has
/// pending is refreshed (score, evidence, last seen) rather than filed twice; a promoted one is left alone; a dismissed one
/// comes back only when it was seen again after the dismissal. The evidence (the latest reads, at most
/// <see cref="MaxEvidence"/>) is kept beyond the plate-read retention period.
/// </summary>
internal sealed class SuspectDetector(
    VanguardDbContext db, IPlateReadQueries reads, IRegistry registry, IDeviceDirectory devices, IAuditLog audit, TimeProvider clock)
{
    public const int MaxEvidence = 50;

    /// <summary>Plates per statement when looking up the rule's earlier suspects.</summary>
    private const int PlateChunk = 500;

    /// <summary>Reads a camera stamps a little ahead of the platform's clock still belong to this run.</summary>
    private static readonly TimeSpan ClockAllowance = TimeSpan.FromHours(1);

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="Evidence">Null until needed: read only for vehicles that are filed or refreshed (hotspot_days).</param>
    private sealed record Candidate(string Plate, string PlateColor, int Score, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt, IReadOnlyList<PlateReadView>? Evidence);

    /// <summary>Runs the rule (already loaded, in the caller's jurisdiction) and saves the outcome with one audit entry.</summary>
    public async Task<RunResult> RunAsync(SuspectRule rule, CancellationToken ct)
    {
        var now = StoredTime.Of(clock.GetUtcNow());
        var since = now.AddDays(-rule.WindowDays);
        var until = now + ClockAllowance;
        var groups = await db.Set<HotspotGroup>().IgnoreQueryFilters().AsNoTracking()
            .Where(g => g.Id == rule.HotspotGroupId || g.Id == rule.OtherGroupId)
            .ToDictionaryAsync(g => g.Id, ct);
        var hotspotDevices = groups.TryGetValue(rule.HotspotGroupId, out var hotspot) ? DeviceIds(hotspot) : [];
        var candidates = rule.Kind switch
        {
            SuspectRuleKinds.HotspotDays => (await reads.DistinctDaysAsync(hotspotDevices, since, rule.Threshold, ct))
                .Select(v => new Candidate(v.Plate, v.PlateColor, v.Days, v.FirstAt, v.LastAt, null)).ToList(),
            SuspectRuleKinds.RoundTrips => await RoundTripsAsync(
                rule, hotspotDevices, rule.OtherGroupId is { } other && groups.TryGetValue(other, out var o) ? DeviceIds(o) : [], since, until, ct),
            _ => [],
        };
        if (rule.ExcludeLicensed && candidates.Count > 0)
        {
            var licensed = await registry.LicensedAsync(
                candidates.Select(c => (c.Plate, c.PlateColor)).ToList(), SuspectDetection.ChinaDay(now), ct);
            candidates = candidates.Where(c => !licensed.Contains((c.Plate, c.PlateColor))).ToList();
        }

        var (created, updated, retained) = await FileAsync(
            rule, candidates, now, c => reads.ReadsOfAsync(c.Plate, c.PlateColor, hotspotDevices, since, until, MaxEvidence, ct), ct);
        rule.LastRunAt = now;
        audit.Record("surveillance.suspect_rule_run", "suspect_rule", rule.Id.ToString(),
            new { rule.Kind, rule.WindowDays, rule.Threshold, found = candidates.Count, created, updated }, rule.AgencyId);
        await db.SaveChangesAsync(ct);
        if (retained.Count > 0)
        {
            await reads.RetainAsync(retained, ct);
        }

        return new RunResult(candidates.Count, created, updated);
    }

    private async Task<List<Candidate>> RoundTripsAsync(
        SuspectRule rule, IReadOnlyList<Guid> hotspotDevices, IReadOnlyList<Guid> otherDevices, DateTimeOffset since, DateTimeOffset until, CancellationToken ct)
    {
        var candidates = new List<Candidate>();
        if (hotspotDevices.Count == 0 || otherDevices.Count == 0)
        {
            return candidates;
        }

        var atHotspot = hotspotDevices.ToHashSet();
        var maxTrip = TimeSpan.FromMinutes(rule.MaxTripMinutes ?? 0);
        var vehicle = new List<PlateReadView>();
        // The stream is ordered by plate, colour, time: one vehicle's reads are held at a time, never the whole window.
        await foreach (var read in reads.ReadsByDevicesAsync(atHotspot.Concat(otherDevices).Distinct().ToList(), since, until, ct))
        {
            if (vehicle.Count > 0 && (vehicle[0].Plate != read.Plate || vehicle[0].PlateColor != read.PlateColor))
            {
                Judge(vehicle);
                vehicle.Clear();
            }

            vehicle.Add(read);
        }

        Judge(vehicle);
        return candidates;

        void Judge(List<PlateReadView> ofVehicle)
        {
            if (ofVehicle.Count < 3)
            {
                return;
            }

            var trips = SuspectDetection.RoundTrips(ofVehicle.Select(r => new SideRead(r.CapturedAt, atHotspot.Contains(r.DeviceId))).ToList(), maxTrip);
            if (trips.Count < rule.Threshold)
            {
                return;
            }

            // The evidence is the trips themselves (leaving, the other side, coming back), the latest first kept.
            var evidence = trips.SelectMany(t => ofVehicle.Skip(t.DepartureIndex).Take(t.ReturnIndex - t.DepartureIndex + 1))
                .DistinctBy(r => r.Id).TakeLast(MaxEvidence).ToList();
            candidates.Add(new Candidate(ofVehicle[0].Plate, ofVehicle[0].PlateColor, trips.Count, trips[0].DepartedAt, trips[^1].ReturnedAt, evidence));
        }
    }

    private async Task<(int Created, int Updated, List<long> Retained)> FileAsync(
        SuspectRule rule, List<Candidate> candidates, DateTimeOffset now, Func<Candidate, Task<IReadOnlyList<PlateReadView>>> readEvidence, CancellationToken ct)
    {
        var earlier = new List<Suspect>();
        foreach (var plates in candidates.Select(c => c.Plate).Distinct().Chunk(PlateChunk))
        {
            earlier.AddRange(await db.Set<Suspect>().IgnoreQueryFilters().Where(s => s.RuleId == rule.Id && plates.Contains(s.Plate)).ToListAsync(ct));
        }

        var byVehicle = earlier.ToLookup(s => (s.Plate, s.PlateColor));
        var names = candidates.Count == 0
            ? new Dictionary<Guid, string>()
            : (await devices.ListAsync([DeviceKind.AnprCamera], ct)).ToDictionary(d => d.Id, d => d.Name);
        int created = 0, updated = 0;
        var retained = new List<long>();
        foreach (var c in candidates)
        {
            var mine = byVehicle[(c.Plate, c.PlateColor)].ToList();
            if (mine.Any(s => s.Status == SuspectStatuses.Promoted))
            {
                continue;
            }

            var pending = mine.FirstOrDefault(s => s.Status == SuspectStatuses.Pending);
            var lastDismissal = mine.Where(s => s.Status == SuspectStatuses.Dismissed).Max(s => s.DecidedAt);
            if (pending is null && lastDismissal is { } dismissedAt && c.LastSeenAt <= dismissedAt)
            {
                continue;
            }

            var evidenceReads = c.Evidence ?? await readEvidence(c);
            var evidence = JsonSerializer.Serialize(
                evidenceReads.OrderByDescending(r => r.CapturedAt).Select(r =>
                    new SuspectEvidence(r.Id, r.CapturedAt, r.DeviceId, names.GetValueOrDefault(r.DeviceId) ?? "未知设备", r.ImageSha256)),
                Json);
            if (pending is not null)
            {
                if (pending.Score != c.Score || pending.LastSeenAt != StoredTime.Of(c.LastSeenAt) || pending.EvidenceJson != evidence)
                {
                    pending.Score = c.Score;
                    pending.EvidenceJson = evidence;
                    pending.FirstSeenAt = StoredTime.Of(c.FirstSeenAt);
                    pending.LastSeenAt = StoredTime.Of(c.LastSeenAt);
                    pending.UpdatedAt = now;
                    pending.Version++;
                    updated++;
                    retained.AddRange(evidenceReads.Select(r => r.Id));
                }

                continue;
            }

            db.Add(new Suspect
            {
                Id = Guid.CreateVersion7(),
                RuleId = rule.Id,
                AgencyId = rule.AgencyId,
                Plate = c.Plate,
                PlateColor = c.PlateColor,
                Score = c.Score,
                EvidenceJson = evidence,
                FirstSeenAt = StoredTime.Of(c.FirstSeenAt),
                LastSeenAt = StoredTime.Of(c.LastSeenAt),
                DetectedAt = now,
                UpdatedAt = now,
                Status = SuspectStatuses.Pending,
                Version = 1,
            });
            created++;
            retained.AddRange(evidenceReads.Select(r => r.Id));
        }

        return (created, updated, retained);
    }

    internal static IReadOnlyList<Guid> DeviceIds(HotspotGroup group) => JsonSerializer.Deserialize<List<Guid>>(group.DeviceIdsJson) ?? [];
}
