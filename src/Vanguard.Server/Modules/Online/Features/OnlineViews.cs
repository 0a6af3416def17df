using Vanguard.Server.Modules.Cases.Contracts;
using Vanguard.Server.Modules.Offsite.Contracts;

namespace Vanguard.Server.Modules.Online.Features;

/// <summary>Everything the portal shows about one case.</summary>
public sealed record OnlineCaseView(
    PartyCaseView Case,
    OnlineWeighingView? Weighing,
    IReadOnlyList<OnlineFileView> Clips,
    IReadOnlyList<OnlineFileView> Documents,
    IReadOnlyList<OnlineSubmissionView> Submissions,
    OnlineConsentView? Consent,
    IReadOnlyList<OnlineDeliveryView> Deliveries,
    IReadOnlyList<OnlineDeadlineLine> Deadlines,
    OnlineAppealView? Appeal,
    OnlinePaymentView Payment);

public sealed record OnlineWeighingView(OffsiteWeighingEvidence Record, IReadOnlyList<OnlineFileView> Photos);

/// <summary>A file the party can download, with its SHA-256 to check the download against.</summary>
public sealed record OnlineFileView(string Kind, string Name, string MediaType, string Sha256, long? Length, string? Url);

public sealed record OnlineSubmissionView(
    Guid Id, string Kind, string KindName, string? Text, DateTimeOffset SubmittedAt, DateOnly AnswerDueOn, string Status, string? Answer,
    DateTimeOffset? AnsweredAt, IReadOnlyList<OnlineFileView> Attachments);

public sealed record OnlineConsentView(string Phone, string? Email, DateTimeOffset ConsentedAt);

public sealed record OnlineDeliveryView(
    Guid Id, string Kind, string Title, string Sha256, string Status, DateTimeOffset? SentAt, DateTimeOffset? OpenedAt, DateTimeOffset? DownloadedAt, string Url);

/// <summary>One deadline in plain Chinese: <paramref name="Text"/> says what to do by when, <paramref name="State"/> open/passed/done/notApplicable.</summary>
public sealed record OnlineDeadlineLine(string Code, string Title, DateOnly? Due, string Text, string State);

/// <summary>复议 and 诉讼 rights on a decision (行政复议法 art. 20: 60 days; 行政诉讼法 art. 46: 6 months), counted from service.</summary>
public sealed record OnlineAppealView(DateOnly From, DateOnly ReviewBy, string ReviewBody, DateOnly LawsuitBy, string Court, string Text);

/// <param name="Available">Whether online payment is switched on (the payments module is registered).</param>
public sealed record OnlinePaymentView(long FineFen, long LateFeeFen, long OwedFen, DateOnly? PayBy, long PaidFen, DateOnly? PaidOn, bool Available);

/// <summary>A line of the staff queue.</summary>
public sealed record OnlineQueueItem(
    Guid Id, Guid CaseId, string? CaseNumber, string CaseTitle, string Kind, string KindName, string? Text, DateTimeOffset SubmittedAt, DateOnly AnswerDueOn,
    bool Overdue, string Status, string? Answer, string? AnsweredBy, DateTimeOffset? AnsweredAt, IReadOnlyList<OnlineFileView> Attachments);

public sealed record StatementRequest(string? Text, IReadOnlyList<AttachmentInput?>? Attachments);

public sealed record AttachmentInput(string? FileName, string? MediaType, string? Base64);

public sealed record ConsentRequest(string? Phone, string? Email, bool Agree);

public sealed record AnswerRequest(string? Answer);

public sealed record DeliveryRequest(string? Kind);

public sealed record LookupRequest(string? Plate, string? NoticeCode);

public sealed record CodeRequest(string? Plate, string? PlateColor);

/// <param name="PlateColor">As asked for the code; empty = yellow.</param>
public sealed record VerifyCodeRequest(string? Plate, string? Code, string? PlateColor = null);

public sealed record OnlineServiceState(OnlineConsentView? Consent, IReadOnlyList<OnlineDeliveryView> Deliveries);
