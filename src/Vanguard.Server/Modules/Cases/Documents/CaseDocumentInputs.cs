namespace Vanguard.Server.Modules.Cases.Documents;

// Plain inputs for CaseDocumentTemplates. The case module maps its entities onto these; all text is already
// formatted (amounts with ChineseText.Money, provisions as cited, e.g. 《公路安全保护条例》第三十三条第一款).

/// <summary>What every document carries at the top and the bottom.</summary>
/// <param name="CaseNumber">案号, e.g. 郑交执罚〔2026〕0001号.</param>
/// <param name="SealCaption">The line where the seal goes; <c>null</c>: "{AgencyName}（印章）".</param>
public sealed record CaseDocumentHeader(string CaseNumber, string AgencyName, DateOnly IssuedOn, string? SealCaption = null);

/// <summary>The party (当事人): a person (身份证件号码) or an organisation (统一社会信用代码, 法定代表人).</summary>
public sealed record PartyInfo(
    string Name,
    string IdNumber,
    string Address,
    string? Phone = null,
    bool IsOrganisation = false,
    string? LegalRepresentative = null);

/// <summary>立案登记表 case sources, numbered as on the 2021 form.</summary>
public enum CaseSource
{
    /// <summary>1 在行政检查中发现.</summary>
    Inspection = 1,

    /// <summary>2 个人、法人及其他组织举报经核实.</summary>
    VerifiedReport = 2,

    /// <summary>3 上级机关交办.</summary>
    AssignedBySuperior = 3,

    /// <summary>4 下级机关报请查处.</summary>
    ReportedBySubordinate = 4,

    /// <summary>5 有关部门移送.</summary>
    TransferredByDepartment = 5,

    /// <summary>6 其他.</summary>
    Other = 6,
}

/// <param name="SourceDetail">Free text after the ticked source, e.g. 非现场执法检测点检测发现.</param>
/// <param name="CaseCause">案由, e.g. 涉嫌违法超限运输.</param>
/// <param name="Summary">简要案情.</param>
/// <param name="Basis">立案依据: the provisions the suspected act violates.</param>
/// <param name="Officers">办案人员 with their 执法证号, e.g. 张伟（执法证号：41010021001）.</param>
/// <param name="UnitOpinion">承办机构意见; <c>null</c> leaves room to write.</param>
/// <param name="ApproverOpinion">负责人审批意见; <c>null</c> leaves room to write.</param>
public sealed record FilingRecordInput(
    CaseSource Source,
    string? SourceDetail,
    string CaseCause,
    DateTimeOffset ReceivedAt,
    PartyInfo Party,
    string Summary,
    string Basis,
    IReadOnlyList<string> Officers,
    string? UnitOpinion = null,
    string? ApproverOpinion = null);

/// <param name="Facts">The facts as found, one or more sentences (违法事实).</param>
/// <param name="Evidence">The evidence, e.g. 检测数据、现场照片、询问笔录; <c>null</c> omits the sentence.</param>
/// <param name="ProposedPenalty">拟作出的处罚, e.g. 罚款人民币伍仟元整（￥5,000.00）.</param>
/// <param name="HearingAvailable">Whether the proposed penalty gives a right to a hearing (行政处罚法 art. 63).</param>
/// <param name="StatementDays">Days to state and defend: the law sets none, local practice is often 3 (configurable).</param>
/// <param name="Contact">本机关联系人、地址、电话, printed after the rights; <c>null</c> omits it.</param>
public sealed record ViolationNoticeInput(
    PartyInfo Party,
    string Facts,
    string? Evidence,
    string ViolatedProvision,
    string PenaltyBasis,
    string ProposedPenalty,
    bool HearingAvailable,
    int StatementDays = 3,
    string? Contact = null);

/// <param name="Penalty">The penalty decided, e.g. 罚款人民币伍仟元整（￥5,000.00）, or 警告.</param>
/// <param name="Proceedings">What happened since the notice (陈述、申辩、听证情况 and how they were considered); <c>null</c> omits it.</param>
/// <param name="Payment">Where and how to pay (bank, account, 电子缴款); <c>null</c> when there is no fine.</param>
/// <param name="ReviewBody">The 行政复议 body, e.g. 郑州市人民政府.</param>
/// <param name="Court">The court for a lawsuit, e.g. 郑州市中原区人民法院.</param>
public sealed record PenaltyDecisionInput(
    PartyInfo Party,
    string Facts,
    string? Evidence,
    string ViolatedProvision,
    string PenaltyBasis,
    string Penalty,
    string? Proceedings,
    string? Payment,
    string ReviewBody,
    string Court);

/// <param name="Statement">当事人的陈述、申辩 as heard on the spot; <c>null</c> prints 无.</param>
/// <param name="Officers">执法人员 with their 执法证号 (at least two, 行政处罚法 art. 42).</param>
public sealed record OnSpotPenaltyDecisionInput(
    PartyInfo Party,
    string? VehiclePlate,
    DateTimeOffset ViolationAt,
    string Place,
    string Facts,
    string ViolatedProvision,
    string PenaltyBasis,
    string Penalty,
    string? Payment,
    string? Statement,
    string ReviewBody,
    string Court,
    IReadOnlyList<string> Officers);

/// <param name="DocumentTitle">送达文书名称, e.g. 行政处罚决定书.</param>
/// <param name="DocumentNumber">Its 文号 or 案号.</param>
/// <param name="ServedAt"><c>null</c> leaves the blanks (年 月 日 时 分) to fill in by hand.</param>
/// <param name="Method">送达方式: 直接送达, 留置送达, 邮寄送达, 电子送达 (with a 送达地址确认书), 公告送达 ….</param>
/// <param name="Servers">送达人.</param>
public sealed record ServiceReceiptInput(
    string DocumentTitle,
    string DocumentNumber,
    string Recipient,
    DateTimeOffset? ServedAt,
    string? Place,
    string Method,
    IReadOnlyList<string> Servers,
    string? Notes = null);

/// <param name="Outcome">处理结果, e.g. 给予罚款人民币伍仟元整（￥5,000.00）的行政处罚.</param>
/// <param name="Execution">执行情况, e.g. 当事人已于2026年11月25日缴纳罚款.</param>
public sealed record ClosingReportInput(
    string CaseCause,
    PartyInfo Party,
    DateOnly FiledOn,
    string? DecisionNumber,
    DateOnly? DecidedOn,
    string Outcome,
    string Execution,
    IReadOnlyList<string> Officers,
    string? OfficerOpinion = null,
    string? UnitOpinion = null,
    string? ApproverOpinion = null);

/// <param name="RequestedOn">When the party asked for the hearing; <c>null</c> omits the date.</param>
/// <param name="Public">Hearings are public unless state secrets, trade secrets or privacy are involved (art. 64(3)).</param>
public sealed record HearingNoticeInput(
    PartyInfo Party,
    string CaseCause,
    DateOnly? RequestedOn,
    DateTimeOffset HearingAt,
    string Place,
    string Presiding,
    string? Clerk,
    bool Public = true,
    string? Contact = null);
