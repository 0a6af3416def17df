using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Online.Data;

/// <summary>
/// 网上陈述申辩 / 听证申请 / 放弃权利: what a party submitted online, applied to the case through the workflow and queued
/// for the case officer, who answers (回复) back to the portal.
/// </summary>
public sealed class OnlineSubmission : IAgencyOwned
{
    public Guid Id { get; set; }

    public Guid AgencyId { get; set; }

    public Guid CaseId { get; set; }

    public string? CaseNumber { get; set; }

    public required string CaseTitle { get; set; }

    /// <summary>statement, hearing or waiver.</summary>
    public required string Kind { get; set; }

    public string? Text { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    /// <summary>By when the officer should answer (the case's decision cannot wait for it: the answer is due before deciding).</summary>
    public DateOnly AnswerDueOn { get; set; }

    /// <summary>pending, answered or noted (a waiver needs no answer).</summary>
    public required string Status { get; set; }

    public string? Answer { get; set; }

    public string? AnsweredBy { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>The client address, kept for the record (行政处罚法 art. 41: the channel is the party's).</summary>
    public string? ClientIp { get; set; }
}

/// <summary>An attachment of a statement (image or PDF, ≤ 10 MB), kept with its SHA-256.</summary>
public sealed class OnlineAttachment : IAgencyOwned
{
    public Guid Id { get; set; }

    public Guid AgencyId { get; set; }

    public Guid SubmissionId { get; set; }

    public required string FileName { get; set; }

    public required string MediaType { get; set; }

    public required string Sha256 { get; set; }

    public long Length { get; set; }

    public required byte[] Content { get; set; }
}

/// <summary>送达地址确认书: the party's consent to electronic service and the addresses to serve at.</summary>
public sealed class OnlineServiceConsent : IAgencyOwned
{
    public Guid Id { get; set; }

    public Guid AgencyId { get; set; }

    public Guid CaseId { get; set; }

    public required string Phone { get; set; }

    public string? Email { get; set; }

    public DateTimeOffset ConsentedAt { get; set; }

    public string? ClientIp { get; set; }

    public string? UserAgent { get; set; }
}

/// <summary>电子送达: a document sent to the party's confirmed address; served when the sending is recorded.</summary>
public sealed class OnlineDelivery : IAgencyOwned
{
    public Guid Id { get; set; }

    public Guid AgencyId { get; set; }

    public Guid CaseId { get; set; }

    public Guid DocumentId { get; set; }

    /// <summary>violation_notice or penalty_decision.</summary>
    public required string Kind { get; set; }

    public required string Title { get; set; }

    public required string Sha256 { get; set; }

    public required string Recipient { get; set; }

    /// <summary>pending, sent or failed.</summary>
    public required string Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The date of service (交通运输行政执法程序规定 as amended 2021: 送达日期为系统记录的发送成功日期).</summary>
    public DateTimeOffset? SentAt { get; set; }

    public string? SentBy { get; set; }

    /// <summary>The party's receipt: first seen on the portal.</summary>
    public DateTimeOffset? OpenedAt { get; set; }

    /// <summary>The party's receipt: first downloaded.</summary>
    public DateTimeOffset? DownloadedAt { get; set; }

    public int Downloads { get; set; }
}

/// <summary>One-time code for listing a plate's cases; only its hash is kept.</summary>
public sealed class OnlineOneTimeCode
{
    public Guid Id { get; set; }

    /// <summary>SHA-256 of the normalised plate (the plate itself is not kept here).</summary>
    public required string PlateHash { get; set; }

    /// <summary>HMAC-SHA-256 of the code under <see cref="Salt"/>.</summary>
    public required string CodeHash { get; set; }

    public required string Salt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public int FailedAttempts { get; set; }

    public DateTimeOffset? UsedAt { get; set; }
}

/// <summary>The default SMS channel: messages wait here for the operator's gateway (<c>online_sms_outbox</c>).</summary>
public sealed class OnlineSmsMessage
{
    public Guid Id { get; set; }

    public required string Phone { get; set; }

    public required string Text { get; set; }

    /// <summary>otp or delivery.</summary>
    public required string Purpose { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
