namespace Vanguard.Server.Modules.Cases.Documents;

/// <summary>
/// The administrative-penalty documents the platform prints, after the MOT 2021 式样 of 《交通运输行政执法程序规定》.
/// Every one carries the 案号.
/// </summary>
public enum CaseDocumentKind
{
    /// <summary>立案登记表 (ordinary procedure, art. 63 of the MOT rule: the head approves the filing).</summary>
    FilingRecord,

    /// <summary>违法行为通知书: the pre-decision notice (行政处罚法 arts. 44–45, 63–64).</summary>
    ViolationNotice,

    /// <summary>行政处罚决定书 (行政处罚法 art. 59).</summary>
    PenaltyDecision,

    /// <summary>当场行政处罚决定书: the simplified procedure (行政处罚法 arts. 51–52).</summary>
    OnSpotPenaltyDecision,

    /// <summary>送达回证.</summary>
    ServiceReceipt,

    /// <summary>结案报告.</summary>
    ClosingReport,

    /// <summary>听证通知书 (行政处罚法 art. 64: at least seven days before the hearing).</summary>
    HearingNotice,
}

/// <summary>A labelled entry: a table row on the form-like documents, a "标签：内容" line on the others.</summary>
/// <param name="Label">The label, e.g. 当事人. Empty: on a form the value spans the whole row.</param>
/// <param name="Value">The value; may be long and may contain line breaks. Empty leaves room to write by hand.</param>
/// <param name="MinLines">Lines of room to keep on a form even when the value is shorter (opinions, signatures).</param>
public sealed record DocumentField(string Label, string Value, int MinLines = 1);

/// <summary>
/// Everything printed on one document, already in words: the renderer adds no legal text of its own, so what is
/// here is what the party reads. Build it with <see cref="CaseDocumentTemplates"/> or by hand.
/// Printed in this order: agency name, title (from <see cref="Kind"/>), 案号, <see cref="Fields"/> (a bordered
/// table on 立案登记表, 送达回证 and 结案报告), <see cref="Paragraphs"/>, <see cref="RightsNotice"/>,
/// <see cref="SignatureLines"/> (left), then <see cref="AgencySeal"/> and <see cref="IssuedOn"/> (right).
/// </summary>
/// <param name="CaseNumber">案号 as issued, e.g. 郑交执罚〔2026〕0001号.</param>
/// <param name="AgencyName">The enforcement agency, printed centred above the title.</param>
/// <param name="AgencySeal">
/// The line printed where the seal goes, e.g. "郑州市交通运输综合行政执法支队（印章）"; <c>null</c> prints none.
/// This is text only: an electronic seal is applied to the finished PDF by a signing service.
/// </param>
/// <param name="Paragraphs">Body paragraphs; each starts with a two-character indent and wraps at the margin.</param>
/// <param name="RightsNotice">Paragraphs on the party's rights (陈述、申辩、听证; 行政复议、行政诉讼), after the body.</param>
/// <param name="SignatureLines">Lines such as "当事人签名：", printed left-aligned before the seal and the date.</param>
/// <param name="IssuedOn">The date of the document, printed as 2026年11月26日 (GB/T 9704-2012 7.3.5.1: Arabic numerals).</param>
public sealed record CaseDocumentData(
    CaseDocumentKind Kind,
    string CaseNumber,
    string AgencyName,
    string? AgencySeal,
    IReadOnlyList<DocumentField> Fields,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<string> RightsNotice,
    IReadOnlyList<string> SignatureLines,
    DateOnly IssuedOn);

public static class CaseDocumentKinds
{
    /// <summary>The printed title of the document.</summary>
    public static string Title(this CaseDocumentKind kind) => kind switch
    {
        CaseDocumentKind.FilingRecord => "立案登记表",
        CaseDocumentKind.ViolationNotice => "违法行为通知书",
        CaseDocumentKind.PenaltyDecision => "行政处罚决定书",
        CaseDocumentKind.OnSpotPenaltyDecision => "当场行政处罚决定书",
        CaseDocumentKind.ServiceReceipt => "送达回证",
        CaseDocumentKind.ClosingReport => "结案报告",
        CaseDocumentKind.HearingNotice => "听证通知书",
    };

    /// <summary>Whether the template is a form: its fields are printed as a bordered table.</summary>
    public static bool IsForm(this CaseDocumentKind kind) => kind switch
    {
        CaseDocumentKind.FilingRecord or CaseDocumentKind.ServiceReceipt or CaseDocumentKind.ClosingReport => true,
        CaseDocumentKind.ViolationNotice or CaseDocumentKind.PenaltyDecision or CaseDocumentKind.OnSpotPenaltyDecision
            or CaseDocumentKind.HearingNotice => false,
    };
}
