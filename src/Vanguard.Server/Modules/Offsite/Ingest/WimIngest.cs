using Vanguard.Server.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Vanguard.Domain.Identifiers;
using Vanguard.Domain.Overload;
using Vanguard.Server.Modules.Offsite.Data;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Offsite.Ingest;

/// <summary>A record that passed validation, judged and ready to be written.</summary>
internal sealed record PreparedWim(int Index, WimRecord Row, bool NeedsReview, IReadOnlyList<(string Sha256, byte[] Bytes)> Images);

/// <summary>
/// Checks and judges one batch from one station. Every record is judged on its own: one bad record never rejects
/// its good neighbours. The judgement is the domain's (超限规定 art. 3 and 43); evidence from a station whose
/// 检定证书 did not cover the capture is kept but marked unusable (行政处罚法 art. 41; 河南省治超条例 art. 10).
/// </summary>
internal static class WimIngest
{
    public const int MaxBatch = 1_000;

    /// <summary>Clocks drift; anything later than this ahead of the platform is refused.</summary>
    public static readonly TimeSpan FutureAllowance = TimeSpan.FromMinutes(5);

    /// <summary>Stations buffer while offline; a year-old record is a fault, not a buffer.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(365);

    /// <param name="storedImages">
    /// Photos whose bytes came with the batch and were already put in the image store by the step that accepted it (the
    /// record then travels without them): their metadata says stored.
    /// </param>
    public static (List<PreparedWim> Ready, List<IngestRejection> Rejected, int DuplicatesInBatch) Prepare(
        IReadOnlyList<WimRecordInput> batch, DeviceInfo station, DateTimeOffset now, Func<string, string, int?> registeredMass, OverloadSettings settings,
        IReadOnlySet<string>? storedImages = null)
    {
        var ready = new List<PreparedWim>(batch.Count);
        var rejected = new List<IngestRejection>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var r = batch[i];
            if (Check(r, now) is { } problem)
            {
                rejected.Add(new IngestRejection(i, r.RecordId, problem.Code, problem.Message));
                continue;
            }

            if (!seen.Add(r.RecordId!))
            {
                duplicates++;
                continue;
            }

            if (DecodeImages(r.Images) is not { } images)
            {
                rejected.Add(new IngestRejection(i, r.RecordId, "offsite.image_invalid", "图片的 base64 内容无法解码或与 sha256 不符。"));
                continue;
            }

            var plate = PlateNumber.Normalise(r.Plate!);
            var color = PlateColor.Parse(r.PlateColor!)!;
            var kind = r.VehicleKind == "combination" ? VehicleKind.Combination : VehicleKind.Truck;
            var captured = r.CapturedAt!.Value;
            var vehicle = new VehicleAxles(r.AxleCount!.Value, kind, r.TractorSingleDriveAxle, r.SingleTyreAxleCount);
            var mass = r.AxleCount == 2 && kind == VehicleKind.Truck ? registeredMass(plate, color) : null;
            OverloadJudgement judgement;
            try
            {
                judgement = OverloadJudge.Judge(
                    new WeighingInput(vehicle, r.GrossWeightKg!.Value, r.HeightMm, r.WidthMm, r.LengthMm, station.AccuracyClass, mass),
                    settings,
                    LegalClock.DayOf(captured));
            }
            catch (ArgumentOutOfRangeException)
            {
                // The domain refuses combinations no real vehicle has (e.g. a limit at or below zero).
                rejected.Add(new IngestRejection(i, r.RecordId, "offsite.vehicle_impossible", "车辆参数组合不可能存在，无法判定。"));
                continue;
            }

            var usable = station.IsCertifiedOn(LegalClock.DayOf(captured));
            var overloaded = judgement.Verdict == OverloadVerdict.Overloaded;
            var row = new WimRecord
            {
                DeviceId = station.Id,
                AgencyId = station.AgencyId,
                RecordId = r.RecordId!,
                CapturedAtMs = captured.ToUnixTimeMilliseconds(),
                CapturedOffsetMinutes = (short)captured.Offset.TotalMinutes,
                ReceivedAtMs = now.ToUnixTimeMilliseconds(),
                Lane = r.Lane ?? 0,
                Plate = plate,
                PlateColor = color,
                AxleCount = r.AxleCount.Value,
                VehicleKind = kind == VehicleKind.Combination ? "combination" : "truck",
                TractorSingleDriveAxle = r.TractorSingleDriveAxle,
                SingleTyreAxleCount = r.SingleTyreAxleCount,
                AxleWeightsKg = string.Join(',', r.AxleWeightsKg!.Select(w => w.ToString(CultureInfo.InvariantCulture))),
                GrossWeightKg = r.GrossWeightKg.Value,
                SpeedDeciKmh = (int)Math.Round((r.SpeedKmh ?? 0) * 10, MidpointRounding.AwayFromZero),
                HeightMm = r.HeightMm,
                WidthMm = r.WidthMm,
                LengthMm = r.LengthMm,
                Verdict = overloaded ? 1 : 0,
                LimitKg = judgement.LimitKg,
                ToleranceKg = judgement.ToleranceKg,
                AdjustedKg = judgement.AdjustedKg,
                OverKg = judgement.OverKg,
                OverBasisPoints = (int)(judgement.OverPercent * 100),
                PenaltyKind = judgement.Penalty.Kind,
                PenaltyFen = judgement.Penalty.AmountFen,
                EvidenceUsable = usable,
                ImagesJson = r.Images is { Count: > 0 } list
                    ? JsonSerializer.Serialize(
                        list.Select(im => new ImageMeta(
                            im.Kind ?? "other", im.Sha256!.ToLowerInvariant(), im.ContentType ?? "image/jpeg",
                            im.Base64 is not null || storedImages?.Contains(im.Sha256!.ToLowerInvariant()) == true)).ToList(),
                        OffsiteJson.Default.ListImageMeta)
                    : null,
            };
            ready.Add(new PreparedWim(i, row, overloaded && usable, images));
        }

        return (ready, rejected, duplicates);
    }

    private static (string Code, string Message)? Check(WimRecordInput r, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(r.RecordId) || r.RecordId.Length > 64)
        {
            return ("offsite.record_id_invalid", "recordId 不能为空，且不超过 64 个字符。");
        }

        if (r.CapturedAt is not { } captured)
        {
            return ("offsite.captured_at_missing", "capturedAt 不能为空（RFC 3339，带时区）。");
        }

        if (captured > now + FutureAllowance)
        {
            return ("offsite.captured_in_future", "capturedAt 晚于平台当前时间，请检查设备时钟。");
        }

        if (captured < now - MaxAge)
        {
            return ("offsite.captured_too_old", "capturedAt 早于一年前，记录不予接收。");
        }

        if (r.Plate is null || !PlateNumber.IsValid(PlateNumber.Normalise(r.Plate)))
        {
            return ("offsite.plate_invalid", "号牌号码不符合 GA 36 格式。");
        }

        if (r.PlateColor is null || PlateColor.Parse(r.PlateColor) is null)
        {
            return ("offsite.plate_color_invalid", "号牌颜色须为 blue、yellow、green、yellow-green、white 或 black。");
        }

        if (r.VehicleKind is not ("truck" or "combination"))
        {
            return ("offsite.vehicle_kind_invalid", "vehicleKind 须为 truck（货车）或 combination（汽车列车）。");
        }

        if (r.AxleCount is not (>= 2 and <= 12) || r.AxleWeightsKg is null || r.AxleWeightsKg.Length != r.AxleCount
            || r.SingleTyreAxleCount < 0 || r.SingleTyreAxleCount > r.AxleCount || r.AxleWeightsKg.Any(w => w is < 0 or > 100_000))
        {
            return ("offsite.axles_invalid", "轴数须为 2–12，axleWeightsKg 的个数须等于轴数。");
        }

        if (r.GrossWeightKg is not (> 0 and <= 200_000))
        {
            return ("offsite.gross_invalid", "grossWeightKg 须在 1–200 000 之间。");
        }

        if (!WeighingConsistency.AxlesMatchGross(r.AxleWeightsKg, r.GrossWeightKg.Value))
        {
            return ("offsite.weights_inconsistent", "各轴重之和与总重相差超过允许范围。");
        }

        if (r.HeightMm is <= 0 or > 10_000 || r.WidthMm is <= 0 or > 10_000 || r.LengthMm is <= 0 or > 50_000)
        {
            return ("offsite.dimensions_invalid", "外廓尺寸超出可能的范围。");
        }

        if (r.Images is { } images && images.Any(im => im.Sha256 is not { Length: 64 } || !im.Sha256.All(char.IsAsciiHexDigit)))
        {
            return ("offsite.image_invalid", "每张图片须带 64 位十六进制 sha256。");
        }

        return null;
    }

    private static List<(string, byte[])>? DecodeImages(List<ImageInput>? images)
    {
        var decoded = new List<(string, byte[])>();
        foreach (var image in images ?? [])
        {
            if (image.Base64 is null)
            {
                continue;
            }

            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(image.Base64);
            }
            catch (FormatException)
            {
                return null;
            }

            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (!string.Equals(sha, image.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            decoded.Add((sha, bytes));
        }

        return decoded;
    }
}
