using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Surveillance.Data;

/// <summary>
/// 布控名单: a named list of vehicles to look out for (非法营运重点车辆, 逃逸车辆, 协查车辆 …), owned by an agency. Hits are
/// counted per list (precision), and each list may fan out its hits to another system through a signed webhook.
/// </summary>
public sealed class Watchlist : IAgencyOwned
{
    public Guid Id { get; set; }

    /// <summary>The owning agency: its command centre and the agencies under it see the list and its hits.</summary>
    public Guid AgencyId { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>A list switched off matches nothing, whatever its entries say.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>Outgoing webhook (null: none). Hits are POSTed there, signed with <see cref="WebhookSecret"/>.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>The HMAC key, protected with ASP.NET Core Data Protection (never stored in clear).</summary>
    public string? WebhookSecret { get; set; }

    public bool WebhookEnabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }
}

/// <summary>Where a watch-list entry came from.</summary>
public static class EntrySources
{
    /// <summary>人工录入.</summary>
    public const string Manual = "manual";

    /// <summary>疑似车辆研判 (a suspect rule found it and an approver promoted it).</summary>
    public const string SuspectModel = "suspect_model";

    /// <summary>群众举报 / 12328.</summary>
    public const string Report = "report";

    /// <summary>案件 (e.g. an unpaid decision, a vehicle that fled).</summary>
    public const string Case = "case";

    /// <summary>批量导入.</summary>
    public const string Import = "import";

    public static IReadOnlyList<string> All { get; } = [Manual, SuspectModel, Report, Case, Import];
}

/// <summary>An entry's life: requested → approved (active inside its window) or rejected; revoked at any time.</summary>
public static class EntryStatuses
{
    /// <summary>待审批: entered, not yet approved; matches nothing.</summary>
    public const string Pending = "pending";

    /// <summary>已生效: approved; matches while now is inside [ValidFrom, ValidUntil).</summary>
    public const string Active = "active";

    /// <summary>已驳回.</summary>
    public const string Rejected = "rejected";

    /// <summary>已撤控.</summary>
    public const string Revoked = "revoked";

    public static IReadOnlyList<string> All { get; } = [Pending, Active, Rejected, Revoked];
}

/// <summary>Where a hit is announced.</summary>
public static class AlertChannels
{
    /// <summary>指挥中心大屏 (the /command page and /hubs/command).</summary>
    public const string Command = "command";

    /// <summary>附近在岗执法人员的手持终端 (a task to the nearest officer on duty).</summary>
    public const string Terminal = "terminal";

    /// <summary>The list's webhook.</summary>
    public const string Webhook = "webhook";

    public static IReadOnlyList<string> All { get; } = [Command, Terminal, Webhook];
}

/// <summary>布控车辆: one vehicle on a list, with why, who asked, who approved and for how long.</summary>
public sealed class WatchlistEntry : IAgencyOwned
{
    public Guid Id { get; set; }

    public Guid WatchlistId { get; set; }

    /// <summary>The list's agency (copied, for the jurisdiction filter).</summary>
    public Guid AgencyId { get; set; }

    /// <summary>Normalised (<see cref="Vanguard.Domain.Identifiers.PlateNumber.Normalise"/>).</summary>
    public required string Plate { get; set; }

    /// <summary>A <see cref="Vanguard.Domain.Identifiers.PlateColor"/> code.</summary>
    public required string PlateColor { get; set; }

    /// <summary>布控事由.</summary>
    public required string Reason { get; set; }

    /// <summary>One of <see cref="EntrySources.All"/>.</summary>
    public required string Source { get; set; }

    /// <summary>The suspect, case or report id behind the entry, when there is one.</summary>
    public string? SourceRef { get; set; }

    /// <summary>The suspect rule that found the vehicle (for precision per rule); null for other sources.</summary>
    public Guid? RuleId { get; set; }

    /// <summary>One of <see cref="EntryStatuses.All"/>.</summary>
    public required string Status { get; set; }

    public DateTimeOffset ValidFrom { get; set; }

    /// <summary>Exclusive. An entry past it stops matching by itself (no job needed).</summary>
    public DateTimeOffset ValidUntil { get; set; }

    /// <summary>Agencies whose command centres and officers are alerted (JSON array of ids); empty: the camera's agency.</summary>
    public string AlertAgencyIdsJson { get; set; } = "[]";

    /// <summary>Comma-separated <see cref="AlertChannels"/>.</summary>
    public string Channels { get; set; } = "command,terminal,webhook";

    /// <summary>Also match reads that differ only in easily confused characters (0/D/Q, 1/I, 8/B, 2/Z, 5/S) — as a lower-confidence hit.</summary>
    public bool FuzzyMatch { get; set; }

    /// <summary>Entries imported together share it, so they can be approved together.</summary>
    public Guid? ImportBatchId { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public required string RequestedBy { get; set; }

    public string? RequestedById { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    /// <summary>审批人. Never the person who requested it.</summary>
    public string? ApprovedBy { get; set; }

    public string? ApprovedById { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }

    /// <summary>Why it was revoked or rejected.</summary>
    public string? ClosingReason { get; set; }

    /// <summary>Every change moves it; the in-memory index of every node catches up by it.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }
}

/// <summary>热点区域: cameras watched together (火车站出站口, 高速出口, 汽车站), for the suspect rules.</summary>
public sealed class HotspotGroup : IAgencyOwned
{
    public Guid Id { get; set; }

    public Guid AgencyId { get; set; }

    public required string Name { get; set; }

    /// <summary><c>railway_station</c>, <c>highway_exit</c>, <c>bus_station</c>, <c>airport</c>, <c>city_area</c>, <c>other</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>The cameras (device ids), JSON array.</summary>
    public string DeviceIdsJson { get; set; } = "[]";

    public double? Lat { get; set; }

    public double? Lon { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }
}

/// <summary>The kinds of suspect rule (研判模型).</summary>
public static class SuspectRuleKinds
{
    /// <summary>A vehicle without a valid 道路运输证 seen at a hotspot on at least N distinct days within the window.</summary>
    public const string HotspotDays = "hotspot_days";

    /// <summary>Repeated short round trips between a hotspot and another group of cameras (a city area).</summary>
    public const string RoundTrips = "round_trips";

    public static IReadOnlyList<string> All { get; } = [HotspotDays, RoundTrips];
}

/// <summary>研判规则: a configured suspect rule over plate reads.</summary>
public sealed class SuspectRule : IAgencyOwned
{
    public Guid Id { get; set; }

    public Guid AgencyId { get; set; }

    public required string Name { get; set; }

    /// <summary>One of <see cref="SuspectRuleKinds.All"/>.</summary>
    public required string Kind { get; set; }

    public Guid HotspotGroupId { get; set; }

    /// <summary>For <see cref="SuspectRuleKinds.RoundTrips"/>: the other end (a city area).</summary>
    public Guid? OtherGroupId { get; set; }

    /// <summary>Look-back window in days (default 30).</summary>
    public int WindowDays { get; set; } = 30;

    /// <summary>HotspotDays: at least this many distinct days (China time). RoundTrips: at least this many trips.</summary>
    public int Threshold { get; set; } = 5;

    /// <summary>RoundTrips: a trip there and back within this many minutes counts.</summary>
    public int? MaxTripMinutes { get; set; }

    /// <summary>Leave out vehicles with a valid 道路运输证 in the registry (licensed operators).</summary>
    public bool ExcludeLicensed { get; set; } = true;

    public bool Enabled { get; set; } = true;

    public DateTimeOffset? LastRunAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }
}

public static class SuspectStatuses
{
    /// <summary>待研判.</summary>
    public const string Pending = "pending";

    /// <summary>已转布控.</summary>
    public const string Promoted = "promoted";

    /// <summary>已排除.</summary>
    public const string Dismissed = "dismissed";

    public static IReadOnlyList<string> All { get; } = [Pending, Promoted, Dismissed];
}

/// <summary>疑似非法营运车辆: a vehicle a rule picked out, with the reads that made it, waiting for a person to decide.</summary>
public sealed class Suspect : IAgencyOwned
{
    public Guid Id { get; set; }

    public Guid RuleId { get; set; }

    public Guid AgencyId { get; set; }

    public required string Plate { get; set; }

    public required string PlateColor { get; set; }

    /// <summary>What the rule counted (distinct days, trips).</summary>
    public int Score { get; set; }

    /// <summary>The reads behind it: JSON array of {readId, at, deviceId, deviceName}.</summary>
    public string EvidenceJson { get; set; } = "[]";

    public DateTimeOffset FirstSeenAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public DateTimeOffset DetectedAt { get; set; }

    /// <summary>Re-detections refresh the evidence of a pending suspect instead of adding another.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    public required string Status { get; set; }

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecisionNote { get; set; }

    public Guid? WatchlistEntryId { get; set; }

    public int Version { get; set; }
}

public static class AlertStatuses
{
    /// <summary>新预警: raised, nobody sent yet (fuzzy hits wait here for a person to look at the photo).</summary>
    public const string New = "new";

    /// <summary>已派发 to an officer (a terminal task).</summary>
    public const string Dispatched = "dispatched";

    /// <summary>已接收.</summary>
    public const string Accepted = "accepted";

    /// <summary>已到场.</summary>
    public const string Arrived = "arrived";

    /// <summary>已处置 with an outcome.</summary>
    public const string Closed = "closed";

    public static IReadOnlyList<string> All { get; } = [New, Dispatched, Accepted, Arrived, Closed];
}

public static class MatchKinds
{
    /// <summary>精确命中: same plate and colour.</summary>
    public const string Exact = "exact";

    /// <summary>模糊命中: differs only in easily confused characters; lower confidence, checked by a person.</summary>
    public const string Fuzzy = "fuzzy";
}

/// <summary>
/// 布控预警: a plate read that matched an active entry. Further reads of the same entry within the alert window are
/// sightings of this alert (count and last place), not new alerts.
/// </summary>
public sealed class Alert : IAgencyOwned
{
    public Guid Id { get; set; }

    /// <summary>The camera's agency.</summary>
    public Guid AgencyId { get; set; }

    public Guid WatchlistId { get; set; }

    public Guid EntryId { get; set; }

    /// <summary>Copied from the entry, for precision per rule.</summary>
    public Guid? RuleId { get; set; }

    /// <summary>The plate read (<c>offsite_anpr_reads.Id</c>), kept beyond retention once it matched.</summary>
    public long ReadId { get; set; }

    public Guid DeviceId { get; set; }

    public required string DeviceName { get; set; }

    public double? Lat { get; set; }

    public double? Lon { get; set; }

    /// <summary>As read by the camera.</summary>
    public required string Plate { get; set; }

    public required string PlateColor { get; set; }

    /// <summary>As on the list (differs from <see cref="Plate"/> for a fuzzy hit).</summary>
    public required string EntryPlate { get; set; }

    /// <summary><see cref="MatchKinds"/>.</summary>
    public required string MatchKind { get; set; }

    /// <summary>Read confidence × match confidence, in thousandths.</summary>
    public int ConfidencePermille { get; set; }

    public string? ImageSha256 { get; set; }

    public DateTimeOffset CapturedAt { get; set; }

    /// <summary>When the platform accepted the read (start of read-to-alert latency).</summary>
    public DateTimeOffset ReadReceivedAt { get; set; }

    public DateTimeOffset RaisedAt { get; set; }

    public int Sightings { get; set; } = 1;

    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>The camera of the latest sighting: where the vehicle was last seen (the first camera stays in <see cref="DeviceName"/>).</summary>
    public Guid? LastDeviceId { get; set; }

    public string? LastDeviceName { get; set; }

    public double? LastLat { get; set; }

    public double? LastLon { get; set; }

    public required string Status { get; set; }

    public Guid? TaskId { get; set; }

    public Guid? OfficerId { get; set; }

    public string? OfficerName { get; set; }

    public DateTimeOffset? DispatchedAt { get; set; }

    /// <summary>seized / warned / case_opened / not_found / false_hit / resolved / other (the terminal's task outcomes).</summary>
    public string? Outcome { get; set; }

    public string? OutcomeNote { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public string? ClosedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }
}

/// <summary>One POST of a hit to a list's webhook (an outbox row: retried with back-off until delivered or given up).</summary>
public sealed class WebhookDelivery : IAgencyOwned
{
    public long Id { get; set; }

    public Guid AgencyId { get; set; }

    public Guid WatchlistId { get; set; }

    public Guid AlertId { get; set; }

    /// <summary><c>alert.raised</c>, <c>alert.closed</c>.</summary>
    public required string EventType { get; set; }

    public required string PayloadJson { get; set; }

    /// <summary><c>pending</c>, <c>delivered</c>, <c>failed</c> (gave up).</summary>
    public required string Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public int? LastStatusCode { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }
}
