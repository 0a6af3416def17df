using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Disclosure.Data;

/// <summary>
/// One published penalty decision (行政处罚决定信息公示), one per case. Holds only the public text, masked when it was written
/// (DisclosureMask): the party in full stays in the case. Owned by the deciding agency, so staff see their subtree; the public reads
/// the in-force entries of every agency.
/// </summary>
public sealed class DisclosureEntry : IAgencyOwned
{
    public Guid Id { get; set; }

    /// <summary>Unique: two nodes publishing the same decision at once, the second loses on the index.</summary>
    public Guid CaseId { get; set; }

    public Guid AgencyId { get; set; }

    /// <summary>处罚机关 as named when published.</summary>
    public required string AgencyName { get; set; }

    /// <summary>行政处罚决定书文号 (the case number on this platform).</summary>
    public string? DocumentNumber { get; set; }

    /// <summary><c>person</c> (自然人) or <c>organisation</c> (法人或其他组织).</summary>
    public required string PartyKind { get; set; }

    /// <summary>行政相对人名称: masked for a natural person, in full for an organisation.</summary>
    public required string PartyName { get; set; }

    /// <summary>Masked 公民身份号码, or an organisation's 统一社会信用代码 in full.</summary>
    public string? PartyIdNumber { get; set; }

    /// <summary>An organisation's 法定代表人, masked (the case model does not record one yet: null).</summary>
    public string? LegalRepresentative { get; set; }

    public string? VehiclePlate { get; set; }

    /// <summary>A natural person's address to the county, an organisation's in full.</summary>
    public string? PartyAddress { get; set; }

    public required string OffenceCode { get; set; }

    /// <summary>违法行为类型.</summary>
    public required string OffenceName { get; set; }

    /// <summary>主要违法事实, generated from the structured fields (DisclosureFacts), never the officer's free text.</summary>
    public string? Facts { get; set; }

    /// <summary>违法依据.</summary>
    public string? ViolationBasis { get; set; }

    /// <summary>处罚依据.</summary>
    public string? PenaltyBasis { get; set; }

    /// <summary>处罚内容 (警告并罚款 1,000 元).</summary>
    public required string Penalty { get; set; }

    public long? FineFen { get; set; }

    public bool Warning { get; set; }

    /// <summary><c>ordinary</c>, <c>simplified</c> or <c>offsite</c>.</summary>
    public required string Procedure { get; set; }

    /// <summary>处罚决定日期.</summary>
    public DateOnly DecidedOn { get; set; }

    /// <summary>The 7th working day after the decision (国办发〔2018〕118号).</summary>
    public DateOnly DueOn { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    /// <summary>The China date of <see cref="PublishedAt"/>, compared with <see cref="DueOn"/>.</summary>
    public DateOnly PublishedOn { get; set; }

    /// <summary>公示截止日期: the last day shown.</summary>
    public DateOnly ExpiresOn { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    /// <summary>The user who withdrew it, or <c>system</c> for a correction found on review.</summary>
    public string? WithdrawnBy { get; set; }

    /// <summary><c>review</c> (a correction on 行政复议 / 行政诉讼, automatic), <c>manual</c>, or <c>withheld</c> (不予公开 before it was
    /// ever shown: <see cref="PublishedAt"/> is then the time of that decision).</summary>
    public string? WithdrawalKind { get; set; }

    public string? WithdrawalNote { get; set; }

    public int Version { get; set; }
}
