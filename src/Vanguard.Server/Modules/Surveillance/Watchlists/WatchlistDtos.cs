namespace Vanguard.Server.Modules.Surveillance.Watchlists;

public sealed record WatchlistView(
    Guid Id, string Name, string? Description, bool IsActive, string AgencyCode, string AgencyName, int ActiveEntries, int PendingEntries,
    bool WebhookEnabled, string? WebhookUrl, DateTimeOffset CreatedAt, int Version);

public sealed record CreateWatchlistRequest(string? Name, string? Description = null, string? AgencyCode = null);

public sealed record UpdateWatchlistRequest(string? Name, string? Description, bool? IsActive, int? Version);

/// <param name="InForce">Active and inside its validity window now (what the matcher sees).</param>
public sealed record EntryView(
    Guid Id, Guid WatchlistId, string WatchlistName, string Plate, string PlateColor, string Reason, string Source, string? SourceRef, string Status,
    bool InForce, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil, IReadOnlyList<string> AlertAgencyCodes, IReadOnlyList<string> Channels,
    bool FuzzyMatch, string RequestedBy, DateTimeOffset RequestedAt, string? ApprovedBy, DateTimeOffset? ApprovedAt, string? ClosingReason, int Version);

public sealed record EntryQuery(Guid? WatchlistId = null, string? Q = null, string? Status = null, string? Source = null, int Page = 1, int PageSize = 20);

public sealed record CreateEntryRequest(
    Guid? WatchlistId, string? Plate, string? PlateColor, string? Reason, string? Source = null, string? SourceRef = null, DateTimeOffset? ValidFrom = null,
    DateTimeOffset? ValidUntil = null, IReadOnlyList<string>? AlertAgencyCodes = null, IReadOnlyList<string>? Channels = null, bool? FuzzyMatch = null);

public sealed record UpdateEntryRequest(
    string? Reason, DateTimeOffset? ValidUntil, IReadOnlyList<string>? Channels, bool? FuzzyMatch, IReadOnlyList<string>? AlertAgencyCodes, int? Version);

public sealed record ReasonRequest(string? Reason);

public sealed record ApproveBatchRequest(Guid? BatchId);

public sealed record ImportRejection(int Line, string Code, string Message);

public sealed record ImportResult(Guid BatchId, int Created, IReadOnlyList<ImportRejection> Rejected);
