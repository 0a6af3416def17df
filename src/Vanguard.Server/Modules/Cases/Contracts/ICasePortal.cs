using Vanguard.Domain.Common;

namespace Vanguard.Server.Modules.Cases.Contracts;

/// <summary>
/// What the public portal (不见面执法, docs/online.md) may know and do about a case on the party's behalf. The portal
/// checks first that the party proved the case; these methods only look in the caller's jurisdiction, so the portal
/// calls them in a public-party scope (<c>IPublicPartyScope</c>).
/// </summary>
public interface ICasePortal
{
    /// <summary>The case as the party sees it; null when there is no such case (or it was dropped).</summary>
    Task<PartyCaseView?> PartyCaseAsync(Guid caseId, CancellationToken ct);

    /// <summary>
    /// The cases (not dropped) a registered owner may open with a one-time code, newest first: about this plate AND colour,
    /// whose party is the owner (case id number / credit code = <paramref name="ownerNumber"/>), and — when the registry knows
    /// since when the owner holds the vehicle (<paramref name="registeredOn"/>) — about acts since then. Cases of a driver, a
    /// loader or a previous owner need their notice code.
    /// </summary>
    Task<IReadOnlyList<PartyCaseSummary>> CasesOfOwnedVehicleAsync(
        string plate, string plateColor, string ownerNumber, DateOnly? registeredOn, int max, CancellationToken ct);

    /// <summary>
    /// Applies a party's step through the workflow (the same rules as staff actions): <c>record-statement</c> (with
    /// <paramref name="text"/>), <c>waive-rights</c> (statement and hearing), <c>request-hearing</c>,
    /// <c>record-service-consent</c>, or <c>serve</c> with the electronic method. <paramref name="idempotencyKey"/> makes a
    /// retry a no-op.
    /// </summary>
    Task<Result<PartyCaseView>> ActAsync(Guid caseId, string action, DateOnly on, string? text, string? idempotencyKey, CancellationToken ct);

    /// <summary>The latest stored document of a kind (<c>violation_notice</c>, <c>penalty_decision</c> …), generated when there is none yet.</summary>
    Task<Result<CaseDocumentFileRef>> DocumentAsync(Guid caseId, string kind, CancellationToken ct);

    /// <summary>A stored document of the case by id; null when absent.</summary>
    Task<CaseDocumentFileRef?> DocumentByIdAsync(Guid caseId, Guid documentId, CancellationToken ct);
}

/// <summary>One line of a plate's case list.</summary>
public sealed record PartyCaseSummary(Guid Id, string? CaseNumber, string Title, string Stage, string StageName, DateOnly? ActOn, string AgencyName);

/// <param name="HearingEligible">The proposed penalty carries a right to a hearing (行政处罚法 art. 63).</param>
/// <param name="CanState">陈述申辩 is open: notified, not decided, period not over, not waived.</param>
/// <param name="CanRequestHearing">Eligible, notified and inside the 5-working-day period (art. 64(1)).</param>
/// <param name="AmountOwedFen">Fine plus 加处罚款 today, less nothing paid (what the decision asks now).</param>
public sealed record PartyCaseView(
    Guid Id,
    string? CaseNumber,
    Guid AgencyId,
    string AgencyName,
    string Title,
    string OffenceCode,
    string OffenceName,
    string? ViolationBasis,
    string? PenaltyBasis,
    string PartyName,
    string? Plate,
    string? Facts,
    string Procedure,
    string Stage,
    string StageName,
    DateOnly? ActOn,
    DateOnly? FiledOn,
    PartyProposal Proposal,
    DateOnly? NoticeServedOn,
    long? ProposedFineFen,
    bool ProposedWarning,
    string? Outcome,
    DateOnly? DecidedOn,
    long? DecidedFineFen,
    bool DecidedWarning,
    DateOnly? ServedOn,
    string? ServiceMethod,
    DateOnly? StatementDue,
    DateOnly? HearingRequestDue,
    bool HearingEligible,
    DateOnly? PaymentDue,
    long LateFeeFen,
    long AmountOwedFen,
    long PaidFen,
    DateOnly? PaidOn,
    DateOnly? StatementOn,
    bool DefenceMade,
    bool StatementWaived,
    bool HearingWaived,
    DateOnly? HearingRequestedOn,
    DateOnly? HearingDate,
    bool ElectronicServiceConsent,
    bool CanState,
    bool CanRequestHearing,
    bool CanWaive,
    IReadOnlyList<PartyDocument> Documents);

/// <summary>The discretion standard's proposal (裁量基准) and how it was worked out.</summary>
public sealed record PartyProposal(long? AmountFen, long? MinFen, long? MaxFen, bool Warning, string LegalBasis, IReadOnlyList<string> Explanation);

public sealed record PartyDocument(Guid Id, string Kind, string Title, string Sha256, DateTimeOffset CreatedAt);
