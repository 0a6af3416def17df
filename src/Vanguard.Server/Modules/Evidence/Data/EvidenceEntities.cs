using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Evidence.Data;

/// <summary>
/// A body-camera recording (视音频证据): the file is a content-addressed blob named by <see cref="Sha256"/>; this row is
/// what is known about it. Rows are never removed: a deleted item keeps its metadata and custody history.
/// </summary>
public sealed class EvidenceItem : IAgencyOwned
{
    public Guid Id { get; set; }

    /// <summary>The recording officer's agency.</summary>
    public Guid AgencyId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the file, verified at ingest.</summary>
    public required string Sha256 { get; set; }

    public long Length { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public Guid OfficerId { get; set; }

    public required string OfficerNo { get; set; }

    public required string OfficerName { get; set; }

    /// <summary>Serial number of the recorder (执法记录仪), as the file declared it.</summary>
    public required string DeviceSerial { get; set; }

    /// <summary>The registered device with that serial number or code, when there is one.</summary>
    public Guid? DeviceId { get; set; }

    /// <summary>Who sent the file: a docking station's device code or a person's user id.</summary>
    public required string UploadedByKind { get; set; }

    public required string UploadedById { get; set; }

    public required string UploadedByName { get; set; }

    public DateTimeOffset RecordedFrom { get; set; }

    public DateTimeOffset RecordedTo { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    /// <summary>GPS track as JSON: <c>[{"t":"…","lat":34.7,"lon":113.6}, …]</c>.</summary>
    public string? GpsTrackJson { get; set; }

    public required string Category { get; set; }

    public required string RetentionClass { get; set; }

    /// <summary>When a standard item becomes deletable; null when permanent.</summary>
    public DateTimeOffset? RetainUntil { get; set; }

    public bool LegalHold { get; set; }

    public string? LegalHoldReason { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public string? DeletedReason { get; set; }

    /// <summary>pending, available or unavailable (<see cref="MediaReason"/> says why).</summary>
    public required string MediaStatus { get; set; }

    public string? MediaReason { get; set; }

    public double? DurationSeconds { get; set; }

    public int? Width { get; set; }

    public int? Height { get; set; }

    public string? VideoCodec { get; set; }

    public string? AudioCodec { get; set; }

    public byte[]? Thumbnail { get; set; }

    public DateTimeOffset? LastVerifiedAt { get; set; }

    /// <summary>Optimistic concurrency: a retention change and the retention job cannot both win.</summary>
    public int Version { get; set; }
}

public sealed class EvidenceTag
{
    public Guid EvidenceId { get; set; }

    public required string Tag { get; set; }
}

/// <summary>A recording used as evidence in a case: kept permanently while linked.</summary>
public sealed class EvidenceCaseLink
{
    public Guid EvidenceId { get; set; }

    public Guid CaseId { get; set; }

    public string? CaseNumber { get; set; }

    public DateTimeOffset LinkedAt { get; set; }

    public required string LinkedBy { get; set; }
}

/// <summary>One line of an item's chain of custody (证据保管链): who did what with it, when, and from where.</summary>
public sealed class CustodyEntry : IAgencyOwned
{
    public long Id { get; set; }

    public Guid EvidenceId { get; set; }

    public Guid AgencyId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>upload, view, download, link, export, report, retention, legal_hold, delete, integrity, transfer.</summary>
    public required string Action { get; set; }

    public required string ActorKind { get; set; }

    public required string ActorId { get; set; }

    public required string ActorName { get; set; }

    public string? RemoteIp { get; set; }

    public string? UserAgent { get; set; }

    public string? Details { get; set; }
}

/// <summary>A blob that no longer matches its hash, or is gone: raised by the integrity job, shown until resolved.</summary>
public sealed class IntegrityFinding : IAgencyOwned
{
    public long Id { get; set; }

    public Guid EvidenceId { get; set; }

    public Guid AgencyId { get; set; }

    public DateTimeOffset DetectedAt { get; set; }

    /// <summary>mismatch or missing.</summary>
    public required string Kind { get; set; }

    public required string ExpectedSha256 { get; set; }

    public string? ActualSha256 { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }
}

/// <summary>An unfinished tus upload, bound to the device or person that created it.</summary>
public sealed class EvidenceUpload : IAgencyOwned
{
    public Guid Id { get; set; }

    /// <summary>The agency of the officer the recording belongs to.</summary>
    public Guid AgencyId { get; set; }

    public required string CreatedByKind { get; set; }

    public required string CreatedById { get; set; }

    public required string CreatedByName { get; set; }

    public long Length { get; set; }

    public long Offset { get; set; }

    /// <summary>The <c>Upload-Metadata</c> header as sent, returned by HEAD.</summary>
    public required string RawMetadata { get; set; }

    public required string Sha256 { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public Guid OfficerId { get; set; }

    public required string DeviceSerial { get; set; }

    public DateTimeOffset RecordedFrom { get; set; }

    public DateTimeOffset RecordedTo { get; set; }

    public required string Category { get; set; }

    public string? Tags { get; set; }

    public string? GpsTrackJson { get; set; }

    /// <summary>active, completed, rejected or terminated.</summary>
    public required string Status { get; set; }

    public Guid? EvidenceId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}

public static class UploadStatus
{
    public const string Active = "active";
    public const string Completed = "completed";
    public const string Rejected = "rejected";
    public const string Terminated = "terminated";
}

public static class MediaStatus
{
    public const string Pending = "pending";
    public const string Available = "available";
    public const string Unavailable = "unavailable";
}
