using System.Diagnostics;
using Microsoft.Extensions.Options;
using Vanguard.Domain.Common;
using Vanguard.Domain.Identifiers;
using Vanguard.Domain.Organisation;
using Vanguard.Domain.Overload;
using Vanguard.Server.Modules.Offsite.Bus;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Offsite.Ingest;

/// <summary>
/// Takes a batch from a station or camera — the accept step: the device and its kind, the batch limit, every record's
/// checks with their rejection codes, repeats within the batch, photo bytes into the image store — and hands what passed
/// to the <see cref="IIngestBus"/>, which processes it (judge, write, review items, audit, plate reads to the matcher)
/// at once in this process, or after JetStream stored it.
/// </summary>
internal sealed class IngestHandler(IDeviceDirectory devices, TimeProvider clock, ImageStore images, IOptions<OffsiteOptions> options, IIngestBus bus)
{
    public static readonly Error WrongDevice = Error.Forbidden("offsite.wrong_device_kind", "该设备类型不能上报此类数据。", "This kind of device cannot send this data.");

    public static Error BatchTooLarge => Validator.Invalid("records", "offsite.batch_too_large",
        $"每批最多 {WimIngest.MaxBatch} 条记录。", $"At most {WimIngest.MaxBatch} records per batch.");

    public async Task<Result<IngestResult>> IngestWimAsync(string deviceCode, List<WimRecordInput> batch, CancellationToken ct)
    {
        var acceptedAt = Stopwatch.GetTimestamp();
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
        // Judged here without the registry's 行驶证 masses only to refuse, with the same codes, what no judgement can take
        // (impossible vehicles); the judgement that is stored is the process step's.
        var (ready, rejected, batchDuplicates) = WimIngest.Prepare(batch, station, now, static (_, _) => null, new OverloadSettings(options.Value.OverloadRounding));
        var stored = new List<string>();
        foreach (var image in ready.SelectMany(r => r.Images))
        {
            await images.PutAsync(image.Sha256, image.Bytes, ct);
            stored.Add(image.Sha256);
        }

        var records = new List<WimRecordInput>(ready.Count);
        foreach (var prepared in ready)
        {
            var record = batch[prepared.Index];
            foreach (var image in record.Images ?? [])
            {
                // The bytes are in the store now; the record goes on without them (a bus message stays small).
                image.Base64 = null;
            }

            records.Add(record);
        }

        var accepted = new IngestBatch(IngestKinds.Wim, station.Id, station.Code, now, batch.Count, records, null, stored);
        return await bus.SubmitAsync(new AcceptedBatch(accepted, station, ready.Select(r => r.Index).ToList(), rejected, batchDuplicates, acceptedAt), ct);
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
        var reads = new List<AnprReadInput>(batch.Count);
        var indexes = new List<int>(batch.Count);
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

            reads.Add(r);
            indexes.Add(i);
        }

        var accepted = new IngestBatch(IngestKinds.Anpr, camera.Id, camera.Code, now, batch.Count, null, reads, null);
        return await bus.SubmitAsync(new AcceptedBatch(accepted, camera, indexes, rejected, batchDuplicates, acceptedAt), ct);
    }
}
