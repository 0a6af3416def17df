using Vanguard.Server.Common;
using Vanguard.Server.Modules.Terminal.Contracts;

namespace Vanguard.Server.Modules.Supervision.Features;

public sealed record InspectionItemRequest(string? Code, string? Result, string? Finding, Guid? ClipId, Guid? CaseId);

/// <summary>Either <see cref="OfficerId"/> (an officer, counted against their own team) or <see cref="AgencyCode"/> (a team or station).</summary>
public sealed record CreateInspectionRequest(
    Guid? OfficerId, string? AgencyCode, DateOnly? InspectedOn, string? Place, bool? Serious, string? Note, IReadOnlyList<InspectionItemRequest>? Items);

public sealed record MeasureRequest(string? Measure, string? Note, int? Version);

public sealed record InspectionQuery(Guid? OfficerId, string? AgencyCode, bool? Breach, DateOnly? From, DateOnly? To, int Page, int PageSize);

public sealed record AccountabilityQuery(string? Status, string? Level, Guid? InspectionId, int Page, int PageSize);

public sealed record DisciplineItemView(string Code, string Group, string GroupName, int Number, string Text, string TextEn);

public sealed record InspectionItemView(
    string Code, string Label, string Result, string ResultName, string? Finding, Guid? ClipId, Guid? CaseId, string? CaseNumber);

public sealed record InspectionSummary(
    Guid Id, DateOnly InspectedOn, string Place, string AgencyCode, string AgencyName, Guid? OfficerId, string? OfficerNo, string? OfficerName,
    int Breaches, bool Serious, string InspectorName, DateTimeOffset CreatedAt);

public sealed record AccountabilityView(
    Guid Id, Guid InspectionId, DateOnly InspectedOn, string AgencyName, string Level, string LevelName, string Holder, Guid? OfficerId, int Year,
    string Status, string StatusName, string? Measure, string? MeasureName, string? MeasureNote, DateTimeOffset? HandledAt, string? HandledBy,
    DateTimeOffset CreatedAt, int Version);

/// <param name="PersonTimesInYear">The enforcement agency's person-times (inspections with a breach) in the inspection's year so far.</param>
public sealed record InspectionView(
    InspectionSummary Inspection, string? Note, string EnforcementAgencyName, int PersonTimesInYear, IReadOnlyList<InspectionItemView> Items,
    IReadOnlyList<AccountabilityView> Accountability);

public sealed record TimelineOfficer(Guid Id, string OfficerNo, string Name, string AgencyCode, string AgencyName);

/// <summary>
/// One line of an officer's trace: an audited action (<see cref="Sequence"/>, <see cref="HashVerifies"/>), a stretch of
/// terminal positions, or a recording.
/// </summary>
public sealed record TimelineLine(
    DateTimeOffset At, DateTimeOffset? Until, string Kind, string KindName, string What, string? Action, string? TargetType, string? TargetId,
    string? TargetLabel, string? TargetUrl, long? Sequence, bool? HashVerifies);

/// <summary>Counts over the period for the evaluation of the officer (positions in points; duty from the duty entries of the chain).</summary>
public sealed record TimelineSummary(
    int Actions, int Cases, int Records, int Evidence, int Lookups, int Complaints, int Tasks, int Clips, int Positions, double? DutyHours, int Unverified);

/// <param name="Truncated">The period held more than the trace reads at once (5 000 actions, 5 000 positions, 500 recordings): the oldest are missing.</param>
public sealed record OfficerTimelineView(
    TimelineOfficer Officer, DateTimeOffset From, DateTimeOffset To, string? Kind, TimelineSummary Summary, Page<TimelineLine> Lines,
    IReadOnlyList<TrackPoint> Positions, bool Truncated);
