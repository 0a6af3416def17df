using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vanguard.Domain.Common;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Offsite.Data;
using Vanguard.Server.Modules.Offsite.Ingest;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Offsite.Features;

/// <summary>Reads of stored detections and of station health.</summary>
internal sealed class OffsiteQueries(
    VanguardDbContext db, IDeviceDirectory devices, IAgencyDirectory agencies, IJurisdiction jurisdiction, TimeProvider clock, IOptions<OffsiteOptions> options)
{
    public static readonly Error RecordNotFound = Error.NotFound("offsite.record_not_found", "称重记录不存在或不在您的管辖范围内。", "No such weighing record in your jurisdiction.");

    /// <summary>Whether a weighing the caller may see (the jurisdiction filter applies) lists the photo <paramref name="sha256"/>.</summary>
    public async Task<bool> WeighingShowsImageAsync(string stationCode, string recordId, string sha256, CancellationToken ct)
    {
        var station = await devices.FindAsync(stationCode, ct);
        return station is not null && await db.Set<WimRecord>().AsNoTracking()
            .AnyAsync(x => x.DeviceId == station.Id && x.RecordId == recordId && x.ImagesJson != null && x.ImagesJson.Contains(sha256), ct);
    }

    public async Task<Result<WimRecordView>> WimRecordAsync(string stationCode, string recordId, CancellationToken ct)
    {
        var station = await devices.FindAsync(stationCode, ct);
        if (station is null)
        {
            return RecordNotFound;
        }

        var r = await db.Set<WimRecord>().AsNoTracking().SingleOrDefaultAsync(x => x.DeviceId == station.Id && x.RecordId == recordId, ct);
        if (r is null)
        {
            return RecordNotFound;
        }

        var review = await db.Set<ReviewItem>().AsNoTracking().Where(i => i.WimRecordId == r.Id)
            .Select(i => new { i.Id, i.Status, i.CaseId }).SingleOrDefaultAsync(ct);
        var images = r.ImagesJson is null ? [] : JsonSerializer.Deserialize(r.ImagesJson, OffsiteJson.Default.ListImageMeta) ?? [];
        return new WimRecordView(
            station.Code, r.RecordId, r.CapturedAt, r.Lane, r.Plate, r.PlateColor, r.AxleCount, r.VehicleKind, r.TractorSingleDriveAxle, r.SingleTyreAxleCount,
            r.AxleWeightsKg.Split(',').Select(w => int.Parse(w, CultureInfo.InvariantCulture)).ToList(), r.GrossWeightKg, r.SpeedDeciKmh / 10m,
            r.HeightMm, r.WidthMm, r.LengthMm, r.Verdict == 1 ? "overloaded" : "compliant", r.LimitKg, r.ToleranceKg, r.AdjustedKg, r.OverKg,
            r.OverBasisPoints / 100m, new PenaltyView(r.PenaltyKind, r.PenaltyFen / 100), r.EvidenceUsable, review?.Id,
            review?.Status.ToString().ToLowerInvariant(), review?.CaseId, images);
    }

    /// <summary>站点状态: silent stations and certificates that expired or expire soon.</summary>
    public async Task<IReadOnlyList<StationHealthView>> StationsAsync(CancellationToken ct)
    {
        var stations = (await devices.ListAsync([DeviceKind.WimStation, DeviceKind.AnprCamera], ct)).Where(d => jurisdiction.Covers(d.AgencyId)).ToList();
        // One indexed look-up per station (a few hundred) rather than a GROUP BY over tens of millions of detections.
        var lastWim = new Dictionary<Guid, long>();
        var lastAnpr = new Dictionary<Guid, long>();
        foreach (var station in stations)
        {
            var id = station.Id;
            var last = station.Kind == DeviceKind.WimStation
                ? await db.Set<WimRecord>().AsNoTracking().Where(r => r.DeviceId == id).MaxAsync(r => (long?)r.ReceivedAtMs, ct)
                : await db.Set<AnprRead>().AsNoTracking().Where(r => r.DeviceId == id).MaxAsync(r => (long?)r.ReceivedAtMs, ct);
            if (last is { } ms)
            {
                (station.Kind == DeviceKind.WimStation ? lastWim : lastAnpr)[id] = ms;
            }
        }

        var now = clock.GetUtcNow();
        var today = LegalClock.Today(clock);
        return stations.Select(s =>
        {
            long? lastMs = lastWim.TryGetValue(s.Id, out var w) ? w : lastAnpr.TryGetValue(s.Id, out var a) ? a : null;
            DateTimeOffset? last = lastMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
            var silent = last is null || now - last > TimeSpan.FromMinutes(options.Value.StationSilentMinutes);
            var measuring = s.Kind == DeviceKind.WimStation;
            var expired = measuring && !s.IsCertifiedOn(today);
            var soon = measuring && !expired && s.CertificateValidUntil is { } until && until.DayNumber - today.DayNumber <= options.Value.CertificateWarningDays;
            var warnings = new List<string>();
            if (silent)
            {
                warnings.Add(last is null ? "从未上报数据" : $"已超过 {options.Value.StationSilentMinutes} 分钟未上报数据");
            }

            if (expired)
            {
                warnings.Add("检定证书无效或已过期：数据不能作为执法依据");
            }

            if (soon)
            {
                warnings.Add($"检定证书将于 {s.CertificateValidUntil:yyyy-MM-dd} 到期");
            }

            return new StationHealthView(s.Code, s.Name, s.Kind, agencies.Current.Find(s.AgencyId)?.Code ?? string.Empty, last, silent, s.CertificateNumber,
                s.CertificateValidUntil, expired, soon, s.AccuracyClass, warnings);
        }).ToList();
    }
}
