using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vanguard.Devices.Client;

/// <summary>One weigh-in-motion passage as <c>POST /api/v1/offsite/wim-records</c> takes it. Masses in kg, sizes in mm.</summary>
internal sealed record WimRecord(
    string RecordId,
    DateTimeOffset CapturedAt,
    int Lane,
    string Plate,
    string PlateColor,
    int AxleCount,
    string VehicleKind,
    bool TractorSingleDriveAxle,
    int SingleTyreAxleCount,
    int[] AxleWeightsKg,
    int GrossWeightKg,
    int SpeedKmh,
    int? HeightMm,
    int? WidthMm,
    int? LengthMm,
    IReadOnlyList<ImageRef> Images);

/// <summary>One plate read as <c>POST /api/v1/offsite/anpr-reads</c> takes it.</summary>
internal sealed record AnprRead(
    string ReadId,
    DateTimeOffset CapturedAt,
    string Plate,
    string PlateColor,
    double Confidence,
    string Direction,
    ImageRef? Image);

/// <summary>A picture the device took; the platform gets its hash always and its bytes only when sent inline.</summary>
internal sealed record ImageRef(string Kind, string Sha256, string ContentType, string? Base64);

/// <summary>The answer to an ingest batch; a resent record counts as a duplicate, never as a second record.</summary>
internal sealed record IngestResponse(int Accepted, int Duplicates, IReadOnlyList<IngestRejection>? Rejected);

internal sealed record IngestRejection(int Index, string? RecordId, string? Code, string? Message);

/// <summary>Wire names of the contract's enumerations.</summary>
internal static class Wire
{
    public const string Truck = "truck";
    public const string Combination = "combination";

    public const string WimRecordsPath = "api/v1/offsite/wim-records";
    public const string AnprReadsPath = "api/v1/offsite/anpr-reads";
    public const string DeviceKeyHeader = "X-Device-Key";

    /// <summary>Off-site devices stamp local time in China (UTC+8), and the contract wants that offset on the wire.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
