using Vanguard.Domain.Cases;

namespace Vanguard.Server.Modules.Cases.Features;

public sealed record PartyInput(string? Kind, string? Name, string? IdNumber, string? Address, string? Phone);

public sealed record VehicleInput(string? Plate, string? Color);

public sealed record CreateCaseRequest(
    string? Procedure,
    string? AgencyCode,
    string? OffenceCode,
    string? Title,
    int? Source,
    PartyInput? Party,
    VehicleInput? Vehicle,
    DateOnly? ActOn,
    string? Facts,
    Dictionary<string, long>? PenaltyFacts,
    IReadOnlyList<Guid>? OfficerIds,
    bool LegalReviewRequired = false,
    bool CollectiveDiscussionRequired = false,
    bool RevokesLicence = false,
    DateOnly? AcceptedOn = null);

/// <summary>The parameters of any case action; which ones are needed depends on the action.</summary>
public sealed record CaseActionRequest(
    DateOnly? On = null,
    string? ApprovedBy = null,
    string? Reason = null,
    bool? Passed = null,
    string? Opinion = null,
    long? ProposedFineFen = null,
    bool? ProposedWarning = null,
    string? Summary = null,
    bool? Statement = null,
    bool? Hearing = null,
    DateOnly? HearingDate = null,
    string? Outcome = null,
    long? FineFen = null,
    bool? Warning = null,
    string? Method = null,
    long? AmountFen = null,
    IReadOnlyList<Guid>? OfficerIds = null,
    string? Kind = null,
    string? Organ = null,
    string? DocumentNumber = null);

public sealed record CaseSummary(
    Guid Id,
    string? CaseNumber,
    string Title,
    string OffenceCode,
    CaseProcedure Procedure,
    CaseStage Stage,
    string StageName,
    string PartyName,
    string? VehiclePlate,
    string AgencyCode,
    string AgencyName,
    DateOnly? FiledOn,
    DateOnly? NextDueOn,
    string? NextDueName,
    bool Overdue,
    DateTimeOffset UpdatedAt);

public sealed record CaseEventView(DateOnly On, DateTimeOffset At, string Action, string Description, string ActorName, IReadOnlyList<string> Warnings);

public sealed record CaseOfficerView(Guid Id, string Name, string OfficerNo, string? CertificateNo, DateOnly? CertificateValidUntil, bool Investigating);

public sealed record CaseDocumentView(Guid Id, string Kind, string Title, string Sha256, DateTimeOffset CreatedAt, string Url);

public sealed record CaseFileItemView(string Code, string Description, string? Reference, DateTimeOffset AddedAt, string AddedBy);

public sealed record ChecklistItemView(string Code, string Name, bool Required, bool Present);

public sealed record CaseDetail(
    CaseSummary Summary,
    string? PartyIdNumber,
    string? PartyAddress,
    string? PartyPhone,
    string? PlateColor,
    string? Facts,
    int Source,
    CaseSnapshot State,
    object Deadlines,
    object? Proposal,
    IReadOnlyList<CaseOfficerView> Officers,
    IReadOnlyList<CaseEventView> Timeline,
    IReadOnlyList<CaseDocumentView> Documents,
    IReadOnlyList<CaseFileItemView> FileItems,
    IReadOnlyList<ChecklistItemView> Checklist,
    bool ChecklistComplete,
    IReadOnlyList<string> AvailableActions,
    long AmountOwedFen,
    int Version);
