using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Offsite.Data;

/// <summary>
/// 称重检测记录: one vehicle over one weigh-in-motion station, with the platform's judgement. Written in bulk by the
/// ingest path (raw SQL, see <see cref="Ingest.DetectionWriter"/>); times are UTC milliseconds so both databases
/// index and range-scan them alike, and the sender's offset is kept for display.
/// </summary>
public sealed class WimRecord : IAgencyOwned
{
    public long Id { get; set; }

    public Guid DeviceId { get; set; }

    public Guid AgencyId { get; set; }

    public required string RecordId { get; set; }

    public long CapturedAtMs { get; set; }

    public short CapturedOffsetMinutes { get; set; }

    public long ReceivedAtMs { get; set; }

    public int Lane { get; set; }

    public required string Plate { get; set; }

    public required string PlateColor { get; set; }

    public int AxleCount { get; set; }

    /// <summary>truck or combination.</summary>
    public required string VehicleKind { get; set; }

    public bool TractorSingleDriveAxle { get; set; }

    public int SingleTyreAxleCount { get; set; }

    /// <summary>Axle weights in kg, comma-separated, front to rear.</summary>
    public required string AxleWeightsKg { get; set; }

    public int GrossWeightKg { get; set; }

    /// <summary>Speed in tenths of km/h.</summary>
    public int SpeedDeciKmh { get; set; }

    public int? HeightMm { get; set; }

    public int? WidthMm { get; set; }

    public int? LengthMm { get; set; }

    /// <summary>0 compliant, 1 overloaded.</summary>
    public int Verdict { get; set; }

    public int LimitKg { get; set; }

    public int ToleranceKg { get; set; }

    public int AdjustedKg { get; set; }

    public int OverKg { get; set; }

    /// <summary>Over-limit share in hundredths of a percent (2.35 % → 235).</summary>
    public int OverBasisPoints { get; set; }

    /// <summary>none, warning or fine.</summary>
    public required string PenaltyKind { get; set; }

    public long? PenaltyFen { get; set; }

    /// <summary>False when the station's verification certificate did not cover the capture (never a case).</summary>
    public bool EvidenceUsable { get; set; }

    /// <summary>The images as sent (kind, sha256, contentType), JSON.</summary>
    public string? ImagesJson { get; set; }

    public DateTimeOffset CapturedAt => DateTimeOffset.FromUnixTimeMilliseconds(CapturedAtMs).ToOffset(TimeSpan.FromMinutes(CapturedOffsetMinutes));
}

/// <summary>车牌识别记录 from a plate camera. Personal data: unmatched reads are deleted after the retention period.</summary>
public sealed class AnprRead : IAgencyOwned
{
    public long Id { get; set; }

    public Guid DeviceId { get; set; }

    public Guid AgencyId { get; set; }

    public required string ReadId { get; set; }

    public long CapturedAtMs { get; set; }

    public short CapturedOffsetMinutes { get; set; }

    public long ReceivedAtMs { get; set; }

    public required string Plate { get; set; }

    public required string PlateColor { get; set; }

    /// <summary>Confidence in thousandths (0.953 → 953).</summary>
    public int ConfidencePermille { get; set; }

    public string? Direction { get; set; }

    public string? ImageSha256 { get; set; }

    /// <summary>Matched a watch-list or a case: kept beyond the retention period.</summary>
    public bool Retained { get; set; }
}

public enum ReviewStatus
{
    Pending,
    Confirmed,
    Invalidated,
}

/// <summary>审核: an overloaded, evidence-usable weighing waiting for a person to confirm or invalidate it.</summary>
public sealed class ReviewItem : IAgencyOwned
{
    public Guid Id { get; set; }

    public long WimRecordId { get; set; }

    public Guid DeviceId { get; set; }

    public required string StationCode { get; set; }

    public Guid AgencyId { get; set; }

    public required string Plate { get; set; }

    public required string PlateColor { get; set; }

    public long CapturedAtMs { get; set; }

    public int OverKg { get; set; }

    public long? PenaltyFen { get; set; }

    public ReviewStatus Status { get; set; }

    /// <summary>Review due (5 working days after capture, modelled on 道路交通安全违法行为处理程序规定 art. 19).</summary>
    public DateOnly ReviewDueOn { get; set; }

    public string? ReviewedBy { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    public string? InvalidReason { get; set; }

    public string? Note { get; set; }

    public Guid? CaseId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>通知: an SMS (or other channel) to a vehicle owner, sent by a background sender (outbox).</summary>
public sealed class OffsiteNotification
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public required string Plate { get; set; }

    /// <summary>The owner's phone, when the registry knows it.</summary>
    public string? Recipient { get; set; }

    /// <summary>The code the owner enters online (不见面执法) to find the case.</summary>
    public required string NoticeCode { get; set; }

    public required string Text { get; set; }

    /// <summary>pending, sent or failed.</summary>
    public required string Status { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }
}
