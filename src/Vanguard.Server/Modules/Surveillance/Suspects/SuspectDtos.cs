namespace Vanguard.Server.Modules.Surveillance.Suspects;

public sealed record DeviceRef(Guid Id, string Code, string Name);

public sealed record HotspotView(Guid Id, string Name, string Kind, IReadOnlyList<DeviceRef> Devices, double? Lat, double? Lon, string AgencyCode, int Version);

public sealed record HotspotRequest(string? Name, string? Kind, IReadOnlyList<string>? DeviceCodes, double? Lat = null, double? Lon = null, string? AgencyCode = null, int? Version = null);

public sealed record RuleView(
    Guid Id, string Name, string Kind, Guid HotspotId, string HotspotName, Guid? OtherHotspotId, string? OtherHotspotName, int WindowDays, int Threshold,
    int? MaxTripMinutes, bool ExcludeLicensed, bool Enabled, DateTimeOffset? LastRunAt, int PendingSuspects, int Version);

public sealed record RuleRequest(
    string? Name, string? Kind, Guid? HotspotId, Guid? OtherHotspotId = null, int? WindowDays = null, int? Threshold = null, int? MaxTripMinutes = null,
    bool? ExcludeLicensed = null, bool? Enabled = null, int? Version = null);

public sealed record RunResult(int Found, int Created, int Updated);

public sealed record SuspectQuery(string? Status = "pending", Guid? RuleId = null, string? Q = null, int Page = 1, int PageSize = 20);

public sealed record SuspectEvidence(long ReadId, DateTimeOffset At, Guid DeviceId, string DeviceName, string? ImageSha256);

public sealed record SuspectView(
    Guid Id, Guid RuleId, string RuleName, string Plate, string PlateColor, int Score, string Status, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt,
    DateTimeOffset DetectedAt, IReadOnlyList<SuspectEvidence> Evidence, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionNote,
    Guid? WatchlistEntryId, int Version);

public sealed record PromoteRequest(Guid? WatchlistId, int? ValidDays, string? Reason = null, bool? FuzzyMatch = null);

public sealed record DismissRequest(string? Note);
