namespace Vanguard.Server.Modules.Credit.Data;

/// <summary>
/// One subject's part in one decision (信用记录): written by the credit job from <c>ICaseDecisions</c>, once per case, subject and
/// role. Province-wide, not owned by an agency: credit information is shared between agencies for joint sanctions (联合惩戒).
/// </summary>
public sealed class CreditEvent
{
    public long Id { get; set; }

    public Guid CaseId { get; set; }

    /// <summary>The deciding agency.</summary>
    public Guid AgencyId { get; set; }

    /// <summary><c>CreditSubjectKind</c>.</summary>
    public required string SubjectKind { get; set; }

    /// <summary>Plate|colour, 身份证号 or 统一社会信用代码. Personal data: never logged.</summary>
    public required string SubjectKey { get; set; }

    public required string SubjectName { get; set; }

    /// <summary><c>CreditRole</c>.</summary>
    public required string Role { get; set; }

    public string? CaseNumber { get; set; }

    public required string OffenceCode { get; set; }

    public required string OffenceName { get; set; }

    /// <summary>超限运输 (超限规定 art. 43): what the blacklist rules count.</summary>
    public bool IsOverload { get; set; }

    /// <summary>The day of the act (or of the decision when the case has none): the rules' windows run on it.</summary>
    public DateOnly ActOn { get; set; }

    public DateOnly DecidedOn { get; set; }

    public long? FineFen { get; set; }

    /// <summary>The decision was set aside, changed or found unlawful (复议/诉讼纠错): the event no longer counts.</summary>
    public bool Voided { get; set; }

    public DateTimeOffset? VoidedAt { get; set; }

    public string? VoidReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// 超限规定 art. 44 抄告 content an officer records on a decided overload case: the 驾驶人 and the 货运源头单位 that loaded the truck.
/// One row per case (a second recording replaces the first until the job has turned it into events).
/// </summary>
public sealed class OverloadParties
{
    public Guid CaseId { get; set; }

    public Guid AgencyId { get; set; }

    /// <summary>身份证号 of the driver (given, or found in the registry from the 从业资格证号).</summary>
    public string? DriverIdNumber { get; set; }

    public string? DriverName { get; set; }

    public string? DriverQualificationNo { get; set; }

    public string? SourceCreditCode { get; set; }

    public string? SourceName { get; set; }

    public required string RecordedBy { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>When the job wrote the events of this recording; null until then.</summary>
    public DateTimeOffset? ProcessedAt { get; set; }
}

/// <summary>Where the credit job stands (the last review outcome it has read), keyed by name.</summary>
public sealed class CreditCursor
{
    public required string Name { get; set; }

    public DateTimeOffset Value { get; set; }
}

/// <summary>Status of a blacklist entry.</summary>
public static class BlacklistStatus
{
    /// <summary>拟列入: the rule is crossed; a manager confirms (the party is told and may object first).</summary>
    public const string Proposed = "proposed";

    /// <summary>已列入: published (严重失信主体名单 is public).</summary>
    public const string Listed = "listed";

    /// <summary>已移出 (expired, corrected decision, credit repair, or by a manager).</summary>
    public const string Delisted = "delisted";

    public static IReadOnlyList<string> All { get; } = [Proposed, Listed, Delisted];

    public static string NameZh(string status) => status switch
    {
        Proposed => "拟列入",
        Listed => "已列入",
        _ => "已移出",
    };
}

/// <summary>Why an entry left the list.</summary>
public static class DelistKind
{
    public const string Expired = "expired";
    public const string Corrected = "corrected";
    public const string Repaired = "repaired";
    public const string Manual = "manual";

    public static string NameZh(string? kind) => kind switch
    {
        Expired => "期满移出",
        Corrected => "处罚决定被纠正",
        Repaired => "信用修复",
        Manual => "人工移出",
        _ => "—",
    };
}

/// <summary>黑名单 (严重违法失信超限超载): one subject under one rule. At most one open (proposed or listed) entry per subject and rule.</summary>
public sealed class BlacklistEntry
{
    public Guid Id { get; set; }

    public required string SubjectKind { get; set; }

    public required string SubjectKey { get; set; }

    public required string SubjectName { get; set; }

    /// <summary><c>BlacklistRule</c>.</summary>
    public required string Rule { get; set; }

    public required string Status { get; set; }

    public required string Reason { get; set; }

    /// <summary>The counted cases, comma-separated ids (the drawer links each to <c>/cases/{id}</c>).</summary>
    public required string CountedCaseIds { get; set; }

    /// <summary>The counted cases' numbers, comma-separated, as shown.</summary>
    public required string CountedCaseNumbers { get; set; }

    /// <summary>The latest counted act: acts up to it do not count again after the entry ends (other than by correction).</summary>
    public DateOnly LastCountedActOn { get; set; }

    public DateTimeOffset ProposedAt { get; set; }

    public DateOnly? ListedOn { get; set; }

    public DateOnly? ExpiresOn { get; set; }

    public string? ListedBy { get; set; }

    public string? ListNote { get; set; }

    public DateOnly? DelistedOn { get; set; }

    public string? DelistKind { get; set; }

    public string? DelistReason { get; set; }

    public string? DelistedBy { get; set; }

    public int Version { get; set; }
}

public static class RepairStatus
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";

    public static IReadOnlyList<string> All { get; } = [Pending, Approved, Rejected];

    public static string NameZh(string status) => status switch
    {
        Pending => "待审核",
        Approved => "已通过",
        _ => "未通过",
    };
}

/// <summary>信用修复 application, made by staff on behalf of the listed party, decided by a manager.</summary>
public sealed class RepairApplication
{
    public Guid Id { get; set; }

    public Guid EntryId { get; set; }

    public required string Status { get; set; }

    /// <summary>信用承诺书 text.</summary>
    public required string Commitment { get; set; }

    /// <summary>整改情况.</summary>
    public required string Rectification { get; set; }

    public DateTimeOffset AppliedAt { get; set; }

    public required string AppliedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }

    public string? DecisionNote { get; set; }

    /// <summary>Concurrency token: two managers deciding the same application at once — the second gets a conflict.</summary>
    public int Version { get; set; }
}
