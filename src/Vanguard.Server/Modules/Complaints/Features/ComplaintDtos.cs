namespace Vanguard.Server.Modules.Complaints.Features;

/// <summary>Where it happened: text, optionally the agency whose area it is in, optionally coordinates.</summary>
public sealed record PlaceRequest(string? Text, string? AgencyCode, double? Lat, double? Lon);

/// <summary>The complainant (personal data).</summary>
public sealed record ComplainantRequest(string? Name, string? Phone);

/// <summary>The accused: a party (company, vehicle, station) or an officer, with their officer number when known.</summary>
public sealed record AccusedRequest(string? Party, string? OfficerNo);

/// <summary><c>POST /api/v1/complaints</c>; <paramref name="Photos"/>: the complainant's photos in base64 (at most 3, JPEG or PNG, 5 MB each).</summary>
public sealed record FileComplaintRequest(
    string? Type, string? Domain, PlaceRequest? Place, DateTimeOffset? OccurredAt, ComplainantRequest? Complainant, AccusedRequest? Accused,
    string? Description, string? TicketNo, string? AgencyCode, IReadOnlyList<PublicPhoto>? Photos = null);

/// <summary><c>POST /complaints/{id}/assign</c>: change the responsible agency before the first contact.</summary>
public sealed record AssignRequest(string? AgencyCode, string? Note, int? Version);

/// <summary><c>/reviewer</c>: the officer (id) who reviews a complaint about an officer.</summary>
public sealed record ReviewerRequest(Guid? OfficerId, int? Version);

/// <summary><c>/contact</c>: the first phone contact (time, note of the call, call record reference).</summary>
public sealed record ContactRequest(DateTimeOffset? At, string? Note, string? CallRecordRef, int? Version);

/// <summary><c>/onsite</c>: presence on site (time, position, optional body-camera evidence id).</summary>
public sealed record OnsiteRequest(DateTimeOffset? At, double? Lat, double? Lon, string? EvidenceId, string? Note, int? Version);

/// <summary>
/// <c>/result</c>: the handling result and, for 投诉举报, the 调查结论 (<c>substantiated</c> 属实, <c>partly_substantiated</c> 部分属实,
/// <c>unsubstantiated</c> 不属实).
/// </summary>
public sealed record ResultRequest(string? Note, string? Finding, int? Version);

/// <summary><c>/reply</c>, <c>/reexamine</c>: a text.</summary>
public sealed record NoteRequest(string? Note, int? Version);

/// <summary><c>/return-visit</c>: 满意 / 基本满意 / 不满意.</summary>
public sealed record ReturnVisitRequest(string? Satisfaction, string? Note, int? Version);

/// <summary>Where a must stands now: pending, on_time, overdue, late.</summary>
public sealed record MustView(DateTimeOffset DueAt, DateTimeOffset? DoneAt, string State, string StateName);

/// <summary>A line of the list: the complainant masked.</summary>
public sealed record ComplaintSummary(
    Guid Id, string? TicketNo, string Type, string TypeName, string Domain, string DomainName, string Place, DateTimeOffset OccurredAt,
    string ComplainantName, string ComplainantPhone, string Accused, string AgencyCode, string AgencyName, string Status, string StatusName,
    DateTimeOffset ReceivedAt, MustView Contact, MustView Onsite, int Version);

public sealed record StepView(
    string Kind, DateTimeOffset At, DateTimeOffset RecordedAt, string ByName, string? OfficerId, string? Note, string? EvidenceRef, double? Lat,
    double? Lon, string? Satisfaction, string? Finding, string? FindingName);

/// <summary>One complaint for those who handle it: the complainant in full (they must phone them) and every step.</summary>
public sealed record ComplaintView(
    Guid Id, string? TicketNo, string Source, string Type, string TypeName, string Domain, string DomainName, string Place, string? PlaceAgencyCode,
    double? Lat, double? Lon, DateTimeOffset OccurredAt, string ComplainantName, string ComplainantPhone, string Accused, string? AccusedOfficerNo,
    OfficerRef? AccusedOfficer, OfficerRef? Reviewer, string Description, string AgencyCode, string AgencyName, string Status, string StatusName,
    DateTimeOffset ReceivedAt, DateTimeOffset AssignedAt,
    MustView Contact, MustView Onsite, string? Satisfaction, string? Finding, string? FindingName, int Reexaminations, IReadOnlyList<StepView> Steps, IReadOnlyList<AttachmentView> Attachments,
    int Version);

/// <summary>A photo the complainant handed in; <paramref name="Url"/> serves it to staff (the viewing is in the evidence's custody).</summary>
public sealed record AttachmentView(Guid Id, string FileName, string MediaType, long Length, string Sha256, DateTimeOffset AddedAt, string Url);

/// <summary>An officer as a complaint names them.</summary>
public sealed record OfficerRef(Guid Id, string OfficerNo, string Name, string AgencyCode);

public sealed record WarningView(
    Guid Id, Guid ComplaintId, string? TicketNo, string Must, string MustName, DateTimeOffset DueAt, DateTimeOffset BreachedAt, string AgencyCode,
    string AgencyName, string ComplaintStatus);

public sealed record ComplaintQuery(string? Status, string? Type, string? Sla, string? Q, int Page, int PageSize);

/// <summary>
/// <c>GET /complaints/{id}/officer-trace</c>: the accused officer's terminal positions and recordings within the window
/// around the time of the event.
/// </summary>
public sealed record OfficerTraceView(
    Guid ComplaintId, OfficerRef Officer, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<TracePosition> Positions, IReadOnlyList<TraceClip> Clips,
    bool Truncated);

public sealed record TracePosition(DateTimeOffset At, double Lat, double Lon, double? AccuracyM);

/// <param name="Url">The evidence player page for the clip (it keeps the chain of custody of the viewing).</param>
public sealed record TraceClip(
    Guid EvidenceId, string FileName, string MediaType, DateTimeOffset RecordedFrom, DateTimeOffset RecordedTo, double? DurationSeconds, string DeviceSerial,
    string Url);
