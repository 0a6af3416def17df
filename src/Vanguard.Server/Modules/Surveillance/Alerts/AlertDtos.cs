namespace Vanguard.Server.Modules.Surveillance.Alerts;

public sealed record AlertView(
    Guid Id, string Plate, string PlateColor, string EntryPlate, string MatchKind, int ConfidencePermille, Guid WatchlistId, string WatchlistName,
    string Reason, Guid DeviceId, string DeviceName, double? Lat, double? Lon, string AgencyCode, DateTimeOffset CapturedAt, DateTimeOffset RaisedAt,
    int Sightings, DateTimeOffset LastSeenAt, string Status, Guid? TaskId, Guid? OfficerId, string? OfficerName, DateTimeOffset? DispatchedAt,
    string? Outcome, string? OutcomeNote, DateTimeOffset? ClosedAt, string? ImageSha256, int Version, string? LastDeviceName = null, double? LastLat = null,
    double? LastLon = null);

/// <param name="Date">A day in China time; default today.</param>
public sealed record AlertQuery(DateOnly? Date = null, string? Status = null, Guid? WatchlistId = null, int Page = 1, int PageSize = 20);

public sealed record DispatchAlertRequest(Guid? OfficerId);

public sealed record CloseAlertRequest(string? Outcome, string? Note);

/// <param name="Precision">Confirmed ÷ dispatched (closed after dispatch); null when nothing was dispatched.</param>
public sealed record PrecisionRow(Guid Id, string Name, int Raised, int Dispatched, int Confirmed, int NotFound, int FalseHits, decimal? Precision);

public sealed record PrecisionReport(DateOnly From, DateOnly To, IReadOnlyList<PrecisionRow> Lists, IReadOnlyList<PrecisionRow> Rules);

public sealed record CommandSummary(
    DateTimeOffset At, int AlertsToday, int DispatchedToday, int ClosedToday, int SeizedToday, int OfficersOnDuty, IReadOnlyList<DayCount> SeizuresByDay,
    IReadOnlyList<DayCount> AlertsByDay, IReadOnlyList<StationStatus> Stations, IReadOnlyList<OfficerOnMap> Officers, IReadOnlyList<AlertView> RecentAlerts,
    IReadOnlyList<AgencyPoint> Agencies);

public sealed record DayCount(DateOnly Day, int Count);

/// <param name="Status"><c>online</c> (data within 15 min), <c>silent</c>, <c>uncertified</c> (WIM station without a valid 检定).</param>
public sealed record StationStatus(Guid DeviceId, string Code, string Name, string Kind, double? Lat, double? Lon, string Status, DateTimeOffset? LastSeenAt);

public sealed record OfficerOnMap(Guid OfficerId, string Name, string OfficerNo, double Lat, double Lon, DateTimeOffset At);

public sealed record AgencyPoint(string Code, string Name, double Lat, double Lon);
