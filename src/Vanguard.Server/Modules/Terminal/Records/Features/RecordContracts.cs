namespace Vanguard.Server.Modules.Terminal.Records.Features;

public sealed record PartyInput(string? Kind, string? Name, string? IdNumber, string? Phone, string? Address);

public sealed record QuestionInput(string? Q, string? A);

public sealed record PhotoInput(string? DataUrl, DateTimeOffset? TakenAt, string? Note);

public sealed record SignatureInput(string? DataUrl, DateTimeOffset? SignedAt);

/// <summary><c>POST /terminal/records</c> (docs/terminal.md, 现场笔录).</summary>
public sealed record CreateRecordRequest(
    string? Kind,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    string? Place,
    double? Lat,
    double? Lon,
    string? Plate,
    string? PlateColor,
    PartyInput? Party,
    string? Content,
    IReadOnlyList<QuestionInput>? Questions,
    IReadOnlyList<PhotoInput>? Photos,
    Guid? BodycamEvidenceId,
    SignatureInput? Signature,
    bool? RefusedToSign,
    Guid? TaskId);

public sealed record PartyView(string Kind, string Name, string? IdNumber, string? Phone, string? Address);

public sealed record QuestionView(string Q, string A);

public sealed record RecordPhotoView(int N, Guid EvidenceId, string Sha256, string MediaType, long Length, DateTimeOffset? TakenAt, string? Note, string Url);

public sealed record RecordSignatureView(Guid EvidenceId, string Sha256, DateTimeOffset? SignedAt, string Url);

public sealed record RecordView(
    Guid Id,
    string Kind,
    Guid OfficerId,
    string OfficerName,
    string? AgencyCode,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string Place,
    double? Lat,
    double? Lon,
    string? Plate,
    string? PlateColor,
    PartyView Party,
    string Content,
    IReadOnlyList<QuestionView> Questions,
    IReadOnlyList<RecordPhotoView> Photos,
    Guid? BodycamEvidenceId,
    RecordSignatureView? Signature,
    bool RefusedToSign,
    Guid? TaskId,
    DateTimeOffset CreatedAt);

public sealed record RecordSummary(
    Guid Id, string Kind, DateTimeOffset StartedAt, string Place, string? Plate, string PartyName, string OfficerName, int PhotoCount,
    bool HasSignature, bool RefusedToSign, DateTimeOffset CreatedAt);

/// <summary><c>POST /terminal/on-spot-penalties</c> (简易程序).</summary>
/// <param name="CoOfficerIds">The other officer(s) present (行政处罚法 art. 42: at least two); the caller is always one.</param>
/// <param name="Statement">当事人的陈述、申辩 heard on the spot.</param>
public sealed record OnSpotPenaltyRequest(
    string? OffenceCode,
    string? Facts,
    string? Place,
    DateOnly? ActOn,
    PartyInput? Party,
    string? Plate,
    string? PlateColor,
    long? FineFen,
    bool? Warning,
    Guid? RecordId,
    Guid? BodycamEvidenceId,
    IReadOnlyList<Guid>? CoOfficerIds,
    string? Statement);

public sealed record OnSpotPenaltyView(
    Guid CaseId,
    string CaseNumber,
    string DecisionPdfUrl,
    string? PaymentQrPngUrl,
    long FineFen,
    bool Warning,
    DateOnly? PayBy,
    string? PaymentReference,
    string? PaymentUrl);

/// <summary>
/// A payment recorded on the terminal. <c>Reference</c>: the 专用票据 number for cash (行政处罚法 art. 70), the bank or POS
/// reference otherwise — never the case's own VANGUARD-PAY code. <c>CashReason</c>: why cash above 100 yuan was collected
/// on the spot (art. 68(2) 不当场收缴事后难以执行, or art. 69).
/// </summary>
public sealed record PaymentRequest(string? Reference, DateTimeOffset? PaidAt, long? AmountFen, string? Channel, string? CashReason = null);

/// <param name="PaidFen">All paid on the case so far.</param>
/// <param name="OwedFen">Still owed today.</param>
public sealed record PaymentView(
    Guid CaseId, string? CaseNumber, string Reference, DateTimeOffset PaidAt, long AmountFen, string Channel, long PaidFen, long OwedFen, string Stage);
