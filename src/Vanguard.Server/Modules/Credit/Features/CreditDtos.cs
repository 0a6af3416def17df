namespace Vanguard.Server.Modules.Credit.Features;

/// <summary>One credit event as staff see it.</summary>
public sealed record CreditEventView(
    long Id, Guid CaseId, string? CaseNumber, string SubjectKind, string SubjectKey, string SubjectName, string Role, string RoleName, string OffenceName,
    bool IsOverload, DateOnly ActOn, DateOnly DecidedOn, long? FineFen, bool Voided, string? VoidReason);

/// <summary>A blacklist entry in a list. <see cref="Subject"/>: plate and colour, a person's ID number masked, or the credit code.</summary>
public sealed record BlacklistSummary(
    Guid Id, string SubjectKind, string SubjectKindName, string Subject, string SubjectName, string Rule, string RuleName, string Status, string StatusName,
    DateTimeOffset ProposedAt, DateOnly? ListedOn, DateOnly? ExpiresOn, DateOnly? EarliestRepairOn, int CountedCases, string? DelistKindName, int Version);

public sealed record CountedDecision(Guid CaseId, string? CaseNumber, DateOnly? ActOn, string? OffenceName, bool Voided, string? VoidReason);

/// <summary>One entry with what it rests on, its history and its 信用修复 applications (subject in full: audited).</summary>
public sealed record BlacklistView(
    BlacklistSummary Summary, string SubjectKey, string Reason, IReadOnlyList<CountedDecision> Counted, string? ListedBy, string? ListNote, DateOnly? DelistedOn,
    string? DelistKind, string? DelistReason, string? DelistedBy, IReadOnlyList<RepairView> Repairs);

public sealed record RepairView(
    Guid Id, Guid EntryId, string Status, string StatusName, string Commitment, string Rectification, DateTimeOffset AppliedAt, string AppliedBy,
    DateTimeOffset? DecidedAt, string? DecidedBy, string? DecisionNote, string SubjectName, string SubjectKindName, string RuleName, int Version);

/// <summary>A subject's credit record: its decisions, the overload count of the last 12 months and its blacklist entries.</summary>
public sealed record SubjectRecord(
    string SubjectKind, string SubjectKey, string? SubjectName, int OverloadViolations12Months, IReadOnlyList<BlacklistSummary> Entries,
    IReadOnlyList<CreditEventView> Events);

public sealed record ConfirmRequest(string? Note, int? Version);

public sealed record DelistRequest(string? Reason, int? Version);

/// <summary>信用修复: the party's 信用承诺书 and what was rectified (整改情况).</summary>
public sealed record RepairRequest(string? Commitment, string? Rectification);

/// <summary><c>version</c>: the application's version as read; a stale one is a conflict (credit.concurrent_update).</summary>
/// <summary>A person's credit record: the 身份证号 and the purpose of the look-up (required, audited).</summary>
public sealed record PersonLookupRequest(string? IdNumber, string? Purpose);

/// <summary><c>version</c>: the application's version as read; a stale one is a conflict (credit.concurrent_update).</summary>
public sealed record RepairDecisionRequest(bool? Approve, string? Note, int? Version = null);

/// <summary>超限规定 art. 44: the driver (ID number, or 从业资格证号 found in the registry) and the 货运源头单位 (credit code and name).</summary>
public sealed record OverloadPartiesRequest(
    string? DriverIdNumber, string? DriverQualificationNo, string? DriverName, string? SourceCreditCode, string? SourceName);

public sealed record OverloadPartiesView(
    Guid CaseId, string? DriverIdNumber, string? DriverName, string? DriverQualificationNo, string? SourceCreditCode, string? SourceName, string RecordedBy,
    DateTimeOffset RecordedAt, DateTimeOffset? ProcessedAt);

/// <summary>源头治超: a source unit by overloaded trucks loaded in the window.</summary>
public sealed record SourceRank(string CreditCode, string Name, int Trucks, int Cases, string? Status);

/// <summary>A transport enterprise: registered vehicles, vehicles with a violation in the window, and the rate against the line.</summary>
public sealed record EnterpriseRate(string CreditCode, string Name, int Fleet, int Violating, decimal RatePercent, bool OverLine, string? Status);

public sealed record SourcesDashboard(DateOnly From, DateOnly To, int LinePercent, int MinimumFleet, IReadOnlyList<SourceRank> Sources, IReadOnlyList<EnterpriseRate> Enterprises);

/// <summary>The public list (严重失信主体名单): natural persons masked, organisations in full.</summary>
public sealed record PublicBlacklistItem(string SubjectKindName, string Subject, string Name, string RuleName, DateOnly ListedOn, DateOnly ExpiresOn);

public sealed record BlacklistQuery(string? Status, string? Kind, string? Q, int? Page, int? PageSize);
