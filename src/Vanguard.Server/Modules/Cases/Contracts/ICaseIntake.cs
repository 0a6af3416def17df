using Vanguard.Domain.Calendar;
using Vanguard.Domain.Common;

namespace Vanguard.Server.Modules.Cases.Contracts;

/// <summary>How other modules open cases: the off-site review today, the terminal and the watch-list later.</summary>
public interface ICaseIntake
{
    /// <summary>
    /// Opens an off-site case (非现场执法) from reviewed device evidence: registers it with its file items and files it
    /// (立案) under the reviewer's standing approval, as the current user.
    /// </summary>
    Task<Result<CaseRef>> OpenOffsiteCaseAsync(OffsiteCaseRequest request, CancellationToken ct);

    /// <summary>
    /// 简易程序: registers a simplified-procedure case, decides it on the spot (当场处罚, decided and handed over at once)
    /// and stores its 当场行政处罚决定书, in one transaction (the caller's, when one is open), as the current officer with
    /// <see cref="OnSpotCaseRequest.CoOfficerIds"/> (行政处罚法 art. 42: two officers). A fine over the art. 51 limit is
    /// refused with <c>cases.on_spot_limit_exceeded</c> before anything is written.
    /// </summary>
    Task<Result<OnSpotCaseRef>> OpenOnSpotCaseAsync(OnSpotCaseRequest request, CancellationToken ct);
}

/// <summary>The documents of a case, for other modules.</summary>
public interface ICaseDocuments
{
    /// <summary>The latest 当场行政处罚决定书 of a case in the caller's jurisdiction (generated when there is none yet).</summary>
    Task<Result<CaseDocumentFileRef>> OnSpotDecisionAsync(Guid caseId, CancellationToken ct);
}

/// <summary>Execution of decisions (执行), for other modules.</summary>
public interface ICaseExecution
{
    /// <summary>
    /// Records a payment of the fine through the case workflow (<c>record-payment</c>; the case must be executing), in
    /// the caller's transaction when one is open. <paramref name="idempotencyKey"/> makes a repeat a no-op.
    /// </summary>
    Task<Result<CasePaymentRef>> RecordPaymentAsync(Guid caseId, long amountFen, DateOnly paidOn, string? idempotencyKey, CancellationToken ct);

    /// <summary>
    /// Read-only: what the case's decision asks to be paid (fine, due date, paid so far) and who collects it, for the
    /// payments module. Reads through the caller's jurisdiction (not found outside it).
    /// </summary>
    Task<Result<CasePaymentState>> PaymentStateAsync(Guid caseId, CancellationToken ct);
}

/// <summary>The holiday calendar legal periods are counted on (行政处罚法 art. 85).</summary>
public interface ILegalCalendar
{
    Task<IHolidayCalendar> CurrentAsync(CancellationToken ct);
}

public sealed record CaseRef(Guid Id, string? CaseNumber);

public sealed record CaseParty(string Kind, string Name, string? IdNumber, string? Address, string? Phone);

public sealed record CaseFileEntry(string Code, string Description, string? Reference);

public sealed record OffsiteCaseRequest(
    string AgencyCode,
    string OffenceCode,
    string Title,
    string Facts,
    CaseParty Party,
    string Plate,
    string PlateColor,
    DateOnly ActOn,
    IReadOnlyDictionary<string, long> PenaltyFacts,
    IReadOnlyList<Guid> OfficerIds,
    IReadOnlyList<CaseFileEntry> FileItems,
    string ApprovedBy);

/// <param name="Place">违法地点, printed on the decision.</param>
/// <param name="ViolationAt">违法时间, printed on the decision.</param>
/// <param name="CoOfficerIds">The other officers present, besides the current one.</param>
/// <param name="Payment">How to pay (printed on the decision); <c>{caseNumber}</c> in it becomes the case number allocated.</param>
/// <param name="Statement">当事人的陈述、申辩 as heard on the spot; null prints 无.</param>
public sealed record OnSpotCaseRequest(
    string AgencyCode,
    string OffenceCode,
    string Title,
    string Facts,
    string Place,
    DateOnly ActOn,
    DateTimeOffset ViolationAt,
    CaseParty Party,
    string? Plate,
    string? PlateColor,
    long? FineFen,
    bool Warning,
    IReadOnlyList<Guid> CoOfficerIds,
    string? Payment,
    string? Statement,
    IReadOnlyList<CaseFileEntry> FileItems);

/// <param name="PayBy">The last day to pay (行政处罚法 art. 67: 15 days); null when there is no fine.</param>
public sealed record OnSpotCaseRef(Guid CaseId, string CaseNumber, Guid AgencyId, DateOnly DecidedOn, DateOnly? PayBy);

public sealed record CaseDocumentFileRef(Guid DocumentId, string Title, string Sha256, byte[] Content);

/// <param name="PaidFen">All paid so far.</param>
/// <param name="OwedFen">Still owed today (with any late-payment surcharge).</param>
public sealed record CasePaymentRef(Guid CaseId, string? CaseNumber, long PaidFen, long OwedFen, string Stage);

/// <param name="Stage">The case's stage in lower case (<c>executing</c> while money is owed, <c>executed</c> once paid in full).</param>
/// <param name="FineFen">The decided fine; 0 when there is none (a warning, no penalty, not decided).</param>
/// <param name="PayBy">The last day to pay (行政处罚法 art. 67: 15 days from service); null until the decision is served.</param>
/// <param name="PaidFen">All paid so far.</param>
/// <param name="AgencyName">The deciding agency: the 收款单位 shown to the party.</param>
public sealed record CasePaymentState(
    Guid CaseId, string? CaseNumber, Guid AgencyId, string AgencyName, string Stage, long FineFen, DateOnly? PayBy, long PaidFen);
