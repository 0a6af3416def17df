using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Vanguard.Domain.Cases;
using Vanguard.Domain.Identifiers;
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

/// <summary>How the process step hands the batch's plate reads to the <see cref="IPlateReadObserver"/>s.</summary>
internal enum ReadHandOff
{
    /// <summary>In process: the observers queue the new reads and return (the device is answered after the commit).</summary>
    Queue,

    /// <summary>From the bus: wait until the new reads were matched and their alerts written, before the batch is acknowledged.</summary>
    Await,

    /// <summary>
    /// From the bus, delivered again (a node took it and did not acknowledge): the reads an earlier delivery stored may
    /// never have been matched, so they are handed over too — the alerts are keyed by (entry, read), none is raised twice.
    /// </summary>
    AwaitWithStoredBefore,
}

/// <summary>
/// The process step of an accepted batch: judge, write the rows (<c>ON CONFLICT DO NOTHING</c> on (device, record id):
/// a resend is a duplicate), the review items and one audit entry in one transaction, then hand the new plate reads to
/// the observers. Safe to run twice on the same batch.
/// </summary>
internal sealed class IngestProcessor(
    VanguardDbContext db, IRegistry registry, ILegalCalendar calendar, IAuditLog audit, IOptions<OffsiteOptions> options,
    IEnumerable<IPlateReadObserver> readObservers, ILogger<IngestProcessor> logger)
{
    public Task<ProcessOutcome> ProcessAsync(IngestBatch batch, DeviceInfo device, ReadHandOff handOff, long acceptedAt, CancellationToken ct) => batch.Kind switch
    {
        IngestKinds.Wim => ProcessWimAsync(batch, device, ct),
        IngestKinds.Anpr => ProcessAnprAsync(batch, device, handOff, acceptedAt, ct),
        _ => throw new ArgumentException($"Unknown batch kind '{batch.Kind}'.", nameof(batch)),
    };

    private async Task<ProcessOutcome> ProcessWimAsync(IngestBatch batch, DeviceInfo station, CancellationToken ct)
    {
        var records = batch.Wim ?? [];
        var now = batch.ReceivedAt;
        // 2-axle trucks: the 行驶证 mass is the limit when lower (超限规定 art. 3) — one registry query for the batch.
        var twoAxle = records.Where(r => r.AxleCount == 2 && r.VehicleKind == "truck" && r.Plate is not null && r.PlateColor is not null)
            .Select(r => (PlateNumber.Normalise(r.Plate!), PlateColor.Parse(r.PlateColor!) ?? string.Empty)).ToHashSet();
        var masses = await registry.RegisteredMassesAsync(twoAxle, ct);
        var settings = new OverloadSettings(options.Value.OverloadRounding);
        var storedImages = new HashSet<string>(batch.StoredImages ?? [], StringComparer.Ordinal);
        var (ready, rejected, _) = WimIngest.Prepare(records, station, now, (p, c) => masses.TryGetValue((p, c), out var m) ? m : null, settings, storedImages);

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
                    Id = Guid.CreateVersion7(), WimRecordId = id, DeviceId = row.DeviceId, StationCode = batch.DeviceCode, AgencyId = row.AgencyId, Plate = row.Plate,
                    PlateColor = row.PlateColor, CapturedAtMs = row.CapturedAtMs, OverKg = row.OverKg, PenaltyFen = row.PenaltyFen, Status = ReviewStatus.Pending,
                    ReviewDueOn = CaseDeadlines.OffsiteReviewDue(capturedOn, cal), CreatedAt = now,
                });
            }

            audit.Record("offsite.wim_batch", "device", batch.DeviceCode, new { count = batch.Count, accepted = inserted.Count, digest = Digest(ready) }, station.AgencyId);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        });
        return new ProcessOutcome(inserted.Count, ready.Count - inserted.Count, rejected);
    }

    private async Task<ProcessOutcome> ProcessAnprAsync(IngestBatch batch, DeviceInfo camera, ReadHandOff handOff, long acceptedAt, CancellationToken ct)
    {
        var now = batch.ReceivedAt;
        var rows = (batch.Anpr ?? []).Select(r =>
        {
            var captured = r.CapturedAt!.Value;
            return new AnprRead
            {
                DeviceId = camera.Id, AgencyId = camera.AgencyId, ReadId = r.ReadId!, CapturedAtMs = captured.ToUnixTimeMilliseconds(),
                CapturedOffsetMinutes = (short)captured.Offset.TotalMinutes, ReceivedAtMs = now.ToUnixTimeMilliseconds(),
                Plate = PlateNumber.Normalise(r.Plate!), PlateColor = PlateColor.Parse(r.PlateColor!)!,
                ConfidencePermille = (int)Math.Round(r.Confidence!.Value * 1000, MidpointRounding.AwayFromZero), Direction = r.Direction,
                ImageSha256 = r.Image?.Sha256?.ToLowerInvariant(),
            };
        }).ToList();

        var inserted = new List<(int Index, long Id)>();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            inserted = rows.Count == 0 ? [] : await DetectionWriter.InsertAnprAsync(db.Database.GetDbConnection(), tx.GetDbTransaction(), rows, ct);
            audit.Record("offsite.anpr_batch", "device", batch.DeviceCode, new { count = batch.Count, accepted = inserted.Count }, camera.AgencyId);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        });

        var handed = inserted;
        if (handOff == ReadHandOff.AwaitWithStoredBefore && inserted.Count < rows.Count)
        {
            handed = [.. inserted, .. await StoredBeforeAsync(rows, inserted, camera.Id, ct)];
        }

        var stored = ToStoredReads(rows, handed, now, acceptedAt);
        if (handOff == ReadHandOff.Queue)
        {
            NotifyObservers(stored);
        }
        else if (stored.Length > 0)
        {
            foreach (var observer in readObservers)
            {
                await observer.HandleStoredReadsAsync(stored, ct);
            }
        }

        return new ProcessOutcome(inserted.Count, rows.Count - inserted.Count, []);
    }

    /// <summary>The ids of the batch's reads that were already stored (by an earlier delivery of this batch, or a resend).</summary>
    private async Task<List<(int Index, long Id)>> StoredBeforeAsync(List<AnprRead> rows, List<(int Index, long Id)> inserted, Guid deviceId, CancellationToken ct)
    {
        var insertedIndexes = inserted.Select(i => i.Index).ToHashSet();
        var missing = Enumerable.Range(0, rows.Count).Where(i => !insertedIndexes.Contains(i)).ToDictionary(i => rows[i].ReadId, StringComparer.Ordinal);
        var found = new List<(int, long)>(missing.Count);
        foreach (var chunk in missing.Keys.Chunk(500))
        {
            var ids = await db.Set<AnprRead>().AsNoTracking().Where(r => r.DeviceId == deviceId && chunk.Contains(r.ReadId))
                .Select(r => new { r.Id, r.ReadId }).ToListAsync(ct);
            found.AddRange(ids.Select(r => (missing[r.ReadId], r.Id)));
        }

        return found;
    }

    private static StoredPlateRead[] ToStoredReads(List<AnprRead> rows, List<(int Index, long Id)> handed, DateTimeOffset receivedAt, long acceptedAt)
    {
        var stored = new StoredPlateRead[handed.Count];
        for (var i = 0; i < handed.Count; i++)
        {
            var (index, id) = handed[i];
            var r = rows[index];
            var captured = DateTimeOffset.FromUnixTimeMilliseconds(r.CapturedAtMs).ToOffset(TimeSpan.FromMinutes(r.CapturedOffsetMinutes));
            stored[i] = new StoredPlateRead(
                id, r.DeviceId, r.AgencyId, r.Plate, r.PlateColor, captured, receivedAt, r.ConfidencePermille, r.Direction, r.ImageSha256, acceptedAt);
        }

        return stored;
    }

    /// <summary>
    /// Hands the reads this batch stored (committed, new: resends are not among them) to every observer — the watch-list
    /// matcher. Observers queue and return; one that fails is logged and does not fail the batch, which is already stored.
    /// </summary>
    private void NotifyObservers(StoredPlateRead[] stored)
    {
        if (stored.Length == 0)
        {
            return;
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
