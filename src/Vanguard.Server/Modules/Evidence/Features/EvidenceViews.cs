using System.Text.Json;

namespace Vanguard.Server.Modules.Evidence.Features;

public sealed record EvidenceSummary(
    Guid Id, string FileName, string ContentType, string Sha256, long Length, string OfficerNo, string OfficerName, string AgencyCode,
    string AgencyName, string DeviceSerial, DateTimeOffset RecordedFrom, DateTimeOffset RecordedTo, DateTimeOffset UploadedAt, string Category,
    IReadOnlyList<string> Tags, string MediaInfo, double? DurationSeconds, bool LegalHold, int LinkedCases, bool Deleted);

public sealed record MediaView(double? DurationSeconds, int? Width, int? Height, string? VideoCodec, string? AudioCodec, string? ThumbnailUrl);

public sealed record CaseLinkView(Guid CaseId, string? CaseNumber, DateTimeOffset LinkedAt, string LinkedBy);

public sealed record UploaderView(string Kind, string Id, string Name);

/// <summary>An item with everything known about it; <c>mediaInfo</c> is pending, available or unavailable (<c>mediaReason</c> says why).</summary>
public sealed record EvidenceDetail(
    Guid Id, string FileName, string ContentType, string Sha256, long Length, Guid OfficerId, string OfficerNo, string OfficerName,
    string AgencyCode, string AgencyName, string DeviceSerial, Guid? DeviceId, UploaderView UploadedBy, DateTimeOffset RecordedFrom,
    DateTimeOffset RecordedTo, DateTimeOffset UploadedAt, JsonElement? GpsTrack, string Category, IReadOnlyList<string> Tags,
    IReadOnlyList<CaseLinkView> Cases, string RetentionClass, DateTimeOffset? RetainUntil, string Retention, bool LegalHold, string? LegalHoldReason,
    DateTimeOffset? DeletedAt, string? DeletedReason, string MediaInfo, string? MediaReason, MediaView? Media, DateTimeOffset? LastVerifiedAt,
    string ContentUrl, string CustodyUrl, string CustodyReportUrl);

public sealed record CustodyView(
    long Id, DateTimeOffset At, string Action, string ActionName, string ActorKind, string ActorId, string ActorName, string? RemoteIp,
    string? UserAgent, string? Details);

public sealed record IntegrityFindingView(
    long Id, Guid EvidenceId, string FileName, DateTimeOffset DetectedAt, string Kind, string ExpectedSha256, string? ActualSha256, DateTimeOffset? ResolvedAt);

public sealed record LinkRequest(string? CaseId, string? CaseNumber);

public sealed record RetentionRequest(string? RetentionClass, bool? LegalHold, string? Reason);

public sealed record DeleteRequest(string? Reason);

public sealed record EvidenceQuery(
    string? OfficerNo, DateTimeOffset? From, DateTimeOffset? To, Guid? CaseId, string? Tag, string? Sha256, string? Q, string? Category,
    bool IncludeDeleted);

public sealed record JobRun(string Job, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, int Examined, int Affected, IReadOnlyList<string> Notes);

internal static class CustodyText
{
    public static string ActionName(string action, bool english) => (action, english) switch
    {
        ("upload", false) => "上传入库",
        ("view", false) => "查看（播放）",
        ("download", false) => "下载",
        ("link", false) => "关联案件",
        ("export", false) => "导出",
        ("report", false) => "生成保管链报告",
        ("retention", false) => "变更保存期限",
        ("legal_hold", false) => "诉讼保全（冻结删除）",
        ("delete", false) => "删除",
        ("integrity", false) => "完整性告警",
        ("upload", true) => "Uploaded",
        ("view", true) => "Viewed (played)",
        ("download", true) => "Downloaded",
        ("link", true) => "Linked to a case",
        ("export", true) => "Exported",
        ("report", true) => "Custody report",
        ("retention", true) => "Retention changed",
        ("legal_hold", true) => "Legal hold changed",
        ("delete", true) => "Deleted",
        ("integrity", true) => "Integrity warning",
        _ => action,
    };
}
