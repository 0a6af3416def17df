using Vanguard.Server.Modules.Warnings.Engine;

namespace Vanguard.Server.Modules.Warnings.Features;

/// <param name="Status"><c>open</c> or <c>closed</c>; <paramref name="Cleared"/>: open, but the condition is gone (条件已消除).</param>
public sealed record WarningSummary(
    Guid Id, string RuleCode, string RuleName, string Subject, string AgencyCode, string AgencyName, string Summary, DateTimeOffset RaisedAt,
    DateTimeOffset DueAt, string Status, bool Cleared, bool Overdue, DateTimeOffset? ClosedAt, bool ClosedLate, int Version);

/// <param name="Links">Where each evidence reference opens on the platform (reference → path); references without a page are left out.</param>
public sealed record WarningView(
    Guid Id, string RuleCode, string RuleName, string Protects, string Subject, string AgencyCode, string AgencyName, string Summary,
    IReadOnlyList<Figure> Figures, IReadOnlyList<string> EvidenceRefs, IReadOnlyDictionary<string, string> Links, string LeaderAgencyName,
    IReadOnlyList<string> LeaderAccounts, DateTimeOffset RaisedAt, DateTimeOffset DueAt, string Status, bool Cleared, DateTimeOffset? ClearedAt,
    bool Overdue, DateTimeOffset? ClosedAt, bool ClosedLate, string? Response, string? RespondedBy, int Version);

public sealed record WarningQuery(string? Rule, string? Status, string? AgencyCode, bool? Overdue, int Page, int PageSize);

/// <summary>处置回复: what was done about the warning (required); closes it.</summary>
public sealed record RespondRequest(string? Response, int? Version);

public sealed record RuleCount(string Code, string Name, int Open, int Overdue, int Cleared, int Closed);

public sealed record WarningCounts(int Open, int Overdue, int Cleared, int Closed, IReadOnlyList<RuleCount> Rules);

/// <param name="Province">The province agency code these settings apply to.</param>
public sealed record RuleView(
    string Code, string Name, string NameEn, string Protects, string ThresholdMeaning, string? PercentMeaning, bool HasThreshold, bool SelfClearing, string Province,
    bool Enabled, decimal Value, decimal? Percent, int ResponseDays, decimal DefaultValue, decimal? DefaultPercent, int DefaultResponseDays,
    DateTimeOffset? UpdatedAt, string? UpdatedBy);

public sealed record RuleUpdate(bool? Enabled, decimal? Value, decimal? Percent, int? ResponseDays);
