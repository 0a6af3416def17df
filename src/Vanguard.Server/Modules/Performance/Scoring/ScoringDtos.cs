namespace Vanguard.Server.Modules.Performance.Scoring;

public sealed record ScoreRunRequest(string? Month, string? Reason);

public sealed record RunView(
    Guid Id, string Month, int Number, int CatalogueNumber, string Status, string Reason, DateTimeOffset ComputedAt, string ComputedBy,
    DateTimeOffset? PublishedAt, int Agencies);

/// <summary>One deduction of one agency with the records that caused it (drill-down; shown only within jurisdiction).</summary>
public sealed record DrillDownView(
    string Month, int RunNumber, string AgencyCode, string AgencyName, decimal Score, int Rank, IReadOnlyList<DrillDownItem> Indicators);

/// <param name="RecordRefs">Ids of the records behind the failures: <c>case:…</c>, <c>alert:…</c>, <c>weighing:…</c>, as the source names them.</param>
public sealed record DrillDownItem(
    string GroupCode, string Code, string Name, decimal Weight, decimal Deducted, decimal Points, bool NoData, int Failures, int Total,
    IReadOnlyList<string> RecordRefs);
