using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Vanguard.Domain.Cases;
using Vanguard.Domain.Common;
using Vanguard.Domain.Identifiers;
using Vanguard.Domain.Organisation;
using Vanguard.Domain.Overload;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Cases.Contracts;
using Vanguard.Server.Modules.Offsite.Contracts;
using Vanguard.Server.Modules.Offsite.Data;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Registry.Contracts;

namespace Vanguard.Server.Modules.Offsite.Ingest;

/// <summary>Takes a batch from a station or camera: validate, judge, write, acknowledge — with one audit entry per batch.</summary>
internal sealed class IngestHandler(
    VanguardDbContext db, IDeviceDirectory devices, IRegistry registry, ILegalCalendar calendar, IAuditLog audit, TimeProvider clock,
    ImageStore images, IOptions<OffsiteOptions> options, IEnumerable<IPlateReadObserver> readObservers, ILogger<IngestHandler> logger)
{
    public static readonly Error WrongDevice = Error.Forbidden("offsite.wrong_device_kind", "该设备类型不能上报此类数据。", "This kind of device cannot send this data.");

    public static Error BatchTooLarge => Validator.Invalid("records", "offsite.batch_too_large",
        $"每批最多 {WimIngest.MaxBatch} 条记录。", $"At most {WimIngest.MaxBatch} records per batch.");

    public async Task<Result<IngestResult>> IngestWimAsync(string deviceCode, List<WimRecordInput> batch, CancellationToken ct)
    {
        if (batch.Count > WimIngest.MaxBatch)
        {
            return BatchTooLarge;
        }

        var station = await devices.FindAsync(deviceCode, ct);
        if (station is null || station.Kind != DeviceKind.WimStation)
        {
            return WrongDevice;
        }

        var now = clock.GetUtcNow();
        // 2-axle trucks: the 行驶证 mass is the limit when lower (超限规定 art. 3) — one registry query for the batch.
        var twoAxle = batch.Where(r => r.AxleCount == 2 && r.VehicleKind == "truck" && r.Plate is not null && r.PlateColor is not null)
            .Select(r => (PlateNumber.Normalise(r.Plate!), PlateColor.Parse(r.PlateColor!) ?? string.Empty)).ToHashSet();
        var masses = await registry.RegisteredMassesAsync(twoAxle, ct);
        var settings = new OverloadSettings(options.Value.OverloadRounding);
        var (ready, rejected, batchDuplicates) = WimIngest.Prepare(batch, station, now, (p, c) => masses.TryGetValue((p, c), out var m) ? m : null, settings);
        foreach (var image in ready.SelectMany(r => r.Images))
        {
            await images.PutAsync(image.Sha256, image.Bytes, ct);
        }

        var inserted = new List<(int Index, long Id)>();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var rows = ready.Select(r => r.Row).ToList();
            inserted = rows.Count == 0 ? [] : await DetectionWriter.InsertWimAsync(db.Database.GetDbConnection(), tx.GetDbTransaction(), rows, ct);
            var cal = await calendar.CurrentAsync(ct);
            foreach (var (index, id) in inserted)
            {
                var prepared = ready[index];
                if (!prepared.NeedsReview)
                {
                    continue;
                }

                var row = prepared.Row;
                var capturedOn = LegalClock.DayOf(row.CapturedAt);
                db.Add(new ReviewItem
                {
                    Id = Guid.CreateVersion7(), WimRecordId = id, DeviceId = row.DeviceId, StationCode = deviceCode, AgencyId = row.AgencyId, Plate = row.Plate, PlateColor = row.PlateColor,
                    CapturedAtMs = row.CapturedAtMs, OverKg = row.OverKg, PenaltyFen = row.PenaltyFen, Status = ReviewStatus.Pending,
                    ReviewDueOn = CaseDeadlines.OffsiteReviewDue(capturedOn, cal), CreatedAt = now,
                });
            }

            audit.Record("offsite.wim_batch", "device", deviceCode, new { count = batch.Count, accepted = inserted.Count, digest = Digest(ready) }, station.AgencyId);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        });
        return new IngestResult(inserted.Count, ready.Count - inserted.Count + batchDuplicates, rejected);
    }

    public async Task<Result<IngestResult>> IngestAnprAsync(string deviceCode, List<AnprReadInput> batch, CancellationToken ct)
    {
        // Read-to-alert latency starts here, when the platform has the batch in hand.
        var acceptedAt = Stopwatch.GetTimestamp();
        if (batch.Count > WimIngest.MaxBatch)
        {
            return BatchTooLarge;
        }

        var camera = await devices.FindAsync(deviceCode, ct);
        if (camera is null || camera.Kind != DeviceKind.AnprCamera)
        {
            return WrongDevice;
        }

        var now = clock.GetUtcNow();
        var rows = new List<AnprRead>(batch.Count);
        var rejected = new List<IngestRejection>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var batchDuplicates = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var r = batch[i];
            var problem = r switch
            {
                { ReadId: null or "" } or { ReadId.Length: > 64 } => ("offsite.record_id_invalid", "readId 不能为空，且不超过 64 个字符。"),
                { CapturedAt: null } => ("offsite.captured_at_missing", "capturedAt 不能为空（RFC 3339，带时区）。"),
                { CapturedAt: { } at } when at > now + WimIngest.FutureAllowance => ("offsite.captured_in_future", "capturedAt 晚于平台当前时间，请检查设备时钟。"),
                { Plate: null } => ("offsite.plate_invalid", "号牌号码不符合 GA 36 格式。"),
                _ when !PlateNumber.IsValid(PlateNumber.Normalise(r.Plate!)) => ("offsite.plate_invalid", "号牌号码不符合 GA 36 格式。"),
                { PlateColor: null } => ("offsite.plate_color_invalid", "号牌颜色无效。"),
                _ when PlateColor.Parse(r.PlateColor!) is null => ("offsite.plate_color_invalid", "号牌颜色无效。"),
                { Confidence: null or < 0 or > 1 } => ("offsite.confidence_invalid", "confidence 须在 0–1 之间。"),
                _ => ((string, string)?)null,
            };
            if (problem is { } p)
            {
                rejected.Add(new IngestRejection(i, r.ReadId, p.Item1, p.Item2));
                continue;
            }

            if (!seen.Add(r.ReadId!))
            {
                batchDuplicates++;
                continue;
            }

            var captured = r.CapturedAt!.Value;
            rows.Add(new AnprRead
            {
                DeviceId = camera.Id, AgencyId = camera.AgencyId, ReadId = r.ReadId!, CapturedAtMs = captured.ToUnixTimeMilliseconds(),
                CapturedOffsetMinutes = (short)captured.Offset.TotalMinutes, ReceivedAtMs = now.ToUnixTimeMilliseconds(),
                Plate = PlateNumber.Normalise(r.Plate!), PlateColor = PlateColor.Parse(r.PlateColor!)!,
                ConfidencePermille = (int)Math.Round(r.Confidence!.Value * 1000, MidpointRounding.AwayFromZero), Direction = r.Direction,
                ImageSha256 = r.Image?.Sha256?.ToLowerInvariant(),
            });
        }

        var inserted = new List<(int Index, long Id)>();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            inserted = rows.Count == 0 ? [] : await DetectionWriter.InsertAnprAsync(db.Database.GetDbConnection(), tx.GetDbTransaction(), rows, ct);
            audit.Record("offsite.anpr_batch", "device", deviceCode, new { count = batch.Count, accepted = inserted.Count }, camera.AgencyId);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        });
        NotifyObservers(rows, inserted, now, acceptedAt);
        return new IngestResult(inserted.Count, rows.Count - inserted.Count + batchDuplicates, rejected);
    }

    /// <summary>
    /// Hands the reads this batch stored (committed, new: resends are not in <paramref name="inserted"/>) to every
    /// observer — the watch-list matcher. Observers queue and return; one that fails is logged and does not fail the batch,
    /// which is already stored.
    /// </summary>
    private void NotifyObservers(List<AnprRead> rows, List<(int Index, long Id)> inserted, DateTimeOffset receivedAt, long acceptedAt)
    {
        if (inserted.Count == 0)
        {
            return;
        }

        var stored = new StoredPlateRead[inserted.Count];
        for (var i = 0; i < inserted.Count; i++)
        {
            var (index, id) = inserted[i];
            var r = rows[index];
            var captured = DateTimeOffset.FromUnixTimeMilliseconds(r.CapturedAtMs).ToOffset(TimeSpan.FromMinutes(r.CapturedOffsetMinutes));
            stored[i] = new StoredPlateRead(
                id, r.DeviceId, r.AgencyId, r.Plate, r.PlateColor, captured, receivedAt, r.ConfidencePermille, r.Direction, r.ImageSha256, acceptedAt);
        }

        foreach (var observer in readObservers)
        {
            try
            {
                observer.OnReadsStored(stored);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Plate-read observer {Observer} failed on a batch of {Count} reads", observer.GetType().Name, stored.Length);
            }
        }
    }

    /// <summary>A fingerprint of what the batch contained, for the audit entry (the rows themselves stay in their table).</summary>
    private static string Digest(List<PreparedWim> ready)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var r in ready)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(r.Row.RecordId + "|" + r.Row.GrossWeightKg + "|" + r.Row.CapturedAtMs + "\n"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
