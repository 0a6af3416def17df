using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Terminal.Records.Data;

/// <summary>
/// A record made on the spot with the officer's terminal: 现场检查笔录 (inspection) or 询问笔录 (inquiry)
/// (交通运输行政执法程序规定 arts. 30–33; 行政处罚法 art. 46 lists 现场笔录 among the kinds of evidence).
/// Photos and the party's signature are evidence items kept by the evidence module; this row refers to them.
/// </summary>
public sealed class TerminalRecord : IAgencyOwned
{
    public Guid Id { get; set; }

    /// <summary>The recording officer's agency.</summary>
    public Guid AgencyId { get; set; }

    /// <summary><see cref="RecordKind.Inspection"/> or <see cref="RecordKind.Inquiry"/>.</summary>
    public required string Kind { get; set; }

    public Guid OfficerId { get; set; }

    public required string OfficerName { get; set; }

    /// <summary>The account that sent it (<c>ICurrentActor.Id</c>).</summary>
    public required string CreatedById { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public required string Place { get; set; }

    public double? Lat { get; set; }

    public double? Lon { get; set; }

    public string? Plate { get; set; }

    public string? PlateColor { get; set; }

    /// <summary>person or organisation.</summary>
    public required string PartyKind { get; set; }

    public required string PartyName { get; set; }

    /// <summary>身份证号码 (person) or 统一社会信用代码 (organisation), checked before it is stored.</summary>
    public string? PartyIdNumber { get; set; }

    public string? PartyPhone { get; set; }

    public string? PartyAddress { get; set; }

    public required string Content { get; set; }

    /// <summary>询问笔录 questions and answers as JSON: <c>[{"q":"…","a":"…"}]</c>.</summary>
    public string? QuestionsJson { get; set; }

    public Guid? BodycamEvidenceId { get; set; }

    public Guid? SignatureEvidenceId { get; set; }

    public string? SignatureSha256 { get; set; }

    public DateTimeOffset? SignedAt { get; set; }

    /// <summary>The party refused to sign; the officers note it on the record (执法人员注明).</summary>
    public bool RefusedToSign { get; set; }

    /// <summary>The dispatched task (任务) the record answers, when there is one.</summary>
    public Guid? TaskId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class TerminalRecordPhoto
{
    public Guid RecordId { get; set; }

    /// <summary>1-based position on the record; the URL names it.</summary>
    public int N { get; set; }

    public Guid EvidenceId { get; set; }

    public required string Sha256 { get; set; }

    public required string MediaType { get; set; }

    public long Length { get; set; }

    public DateTimeOffset? TakenAt { get; set; }

    public string? Note { get; set; }
}

/// <summary>A simplified-procedure decision (当场处罚) made from the terminal: the case lives in the cases module.</summary>
public sealed class TerminalOnSpotPenalty : IAgencyOwned
{
    public Guid CaseId { get; set; }

    public Guid AgencyId { get; set; }

    public required string CaseNumber { get; set; }

    public required string OffenceCode { get; set; }

    public long FineFen { get; set; }

    public bool Warning { get; set; }

    public Guid OfficerId { get; set; }

    public Guid? RecordId { get; set; }

    public Guid? BodycamEvidenceId { get; set; }

    public DateOnly DecidedOn { get; set; }

    public DateOnly? PayBy { get; set; }

    /// <summary>What the payment QR code encodes: <c>VANGUARD-PAY:&lt;caseNumber&gt;:&lt;fineFen&gt;</c>.</summary>
    public required string PaymentReference { get; set; }

    public required string CreatedById { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A payment the officer recorded for an on-the-spot fine (until online payment exists): bank or receipt reference.</summary>
public sealed class TerminalOnSpotPayment : IAgencyOwned
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public Guid AgencyId { get; set; }

    public required string Reference { get; set; }

    public DateTimeOffset PaidAt { get; set; }

    public long AmountFen { get; set; }

    public required string Channel { get; set; }

    public required string RecordedById { get; set; }

    public required string RecordedByName { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

public static class RecordKind
{
    public const string Inspection = "inspection";
    public const string Inquiry = "inquiry";
}
