using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vanguard.Server.Modules.Offsite.Ingest;

/// <summary>One weigh-in-motion record as a station sends it.</summary>
public sealed class WimRecordInput
{
    public string? RecordId { get; set; }

    public DateTimeOffset? CapturedAt { get; set; }

    public int? Lane { get; set; }

    public string? Plate { get; set; }

    public string? PlateColor { get; set; }

    public int? AxleCount { get; set; }

    public string? VehicleKind { get; set; }

    public bool TractorSingleDriveAxle { get; set; }

    public int SingleTyreAxleCount { get; set; }

    public int[]? AxleWeightsKg { get; set; }

    public int? GrossWeightKg { get; set; }

    public decimal? SpeedKmh { get; set; }

    public int? HeightMm { get; set; }

    public int? WidthMm { get; set; }

    public int? LengthMm { get; set; }

    public List<ImageInput>? Images { get; set; }
}

/// <summary>A photo of the vehicle: always its hash; the bytes inline (base64) or in a later upload.</summary>
public sealed class ImageInput
{
    public string? Kind { get; set; }

    public string? Sha256 { get; set; }

    public string? ContentType { get; set; }

    public string? Base64 { get; set; }
}

/// <summary>One plate read as a camera sends it.</summary>
public sealed class AnprReadInput
{
    public string? ReadId { get; set; }

    public DateTimeOffset? CapturedAt { get; set; }

    public string? Plate { get; set; }

    public string? PlateColor { get; set; }

    public decimal? Confidence { get; set; }

    public string? Direction { get; set; }

    public ImageInput? Image { get; set; }
}

public sealed record IngestRejection(int Index, string? RecordId, string Code, string Message);

/// <summary>The answer to a batch: how many were new, how many were resends, and why the others were refused.</summary>
/// <param name="Queued">
/// Only with the NATS bus (<c>Vanguard:Bus=Nats</c>): how many records JetStream stored for processing. Then
/// <paramref name="Accepted"/> means queued (stored durably, not yet judged) and <paramref name="Duplicates"/> counts
/// only repeats within the batch — a resend of records already stored is found when the batch is processed. Absent
/// (null) with the in-process bus, whose answer comes after the records were written.
/// </param>
public sealed record IngestResult(
    int Accepted, int Duplicates, IReadOnlyList<IngestRejection> Rejected, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Queued = null);

/// <summary>Source-generated JSON for the ingest path: no reflection on the hot path.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(List<WimRecordInput>))]
[JsonSerializable(typeof(List<AnprReadInput>))]
[JsonSerializable(typeof(List<ImageMeta>))]
internal sealed partial class OffsiteJson : JsonSerializerContext;

/// <summary>What is stored about an image (its bytes go to the content-addressed store).</summary>
public sealed record ImageMeta(string Kind, string Sha256, string ContentType, bool Stored);
