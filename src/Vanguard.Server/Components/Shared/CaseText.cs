using System.Globalization;
using AntDesign;
using Vanguard.Domain.Cases;
using Vanguard.Domain.Identifiers;
using Vanguard.Domain.Penalties;
using Vanguard.Server.Modules.Cases;

namespace Vanguard.Server.Components.Shared;

/// <summary>Display names, colours and money for the case pages, in the user's language.</summary>
public static class CaseText
{
    /// <summary>The stages a user can filter by, in process order.</summary>
    public static IReadOnlyList<CaseStage> Stages { get; } = Enum.GetValues<CaseStage>();

    /// <summary>Document codes the case module can generate (CaseDocumentsHandler.Kinds), in process order.</summary>
    public static IReadOnlyList<string> DocumentCodes { get; } =
    [
        "case_filing_form", "violation_notice", "hearing_notice", "penalty_decision", "on_spot_decision", "service_receipt", "closing_report",
    ];

    /// <summary>Whatever the platform shows as money: "3,000.00 元" / "3,000.00 yuan".</summary>
    public static string Yuan(long fen) =>
        (fen / 100m).ToString("#,0.00", CultureInfo.InvariantCulture) + L.T(" 元", " yuan");

    /// <summary>Yuan typed into a form, in fen. Exact: null when the amount has more than two decimals or is negative.</summary>
    public static long? ToFen(decimal? yuan)
    {
        if (yuan is not { } y || y < 0)
        {
            return null;
        }

        var fen = y * 100m;
        return fen == decimal.Truncate(fen) && fen <= long.MaxValue ? (long)fen : null;
    }

    public static decimal ToYuan(long fen) => fen / 100m;

    public static string Stage(CaseStage stage) => L.T(CaseStageNames.Zh(stage), CaseStageNames.En(stage));

    public static TagColor StageColor(CaseStage stage) => stage switch
    {
        CaseStage.Lead => TagColor.Default,
        CaseStage.Investigation => TagColor.Blue,
        CaseStage.Review => TagColor.Cyan,
        CaseStage.LegalReview => TagColor.Purple,
        CaseStage.Notified => TagColor.GeekBlue,
        CaseStage.Hearing => TagColor.Magenta,
        CaseStage.Decided => TagColor.Gold,
        CaseStage.Served => TagColor.Lime,
        CaseStage.Executing => TagColor.Volcano,
        CaseStage.Executed => TagColor.Green,
        CaseStage.Closed => TagColor.Green,
        CaseStage.Archived => TagColor.Default,
        CaseStage.Dropped => TagColor.Default,
    };

    public static string Procedure(CaseProcedure procedure) => procedure switch
    {
        CaseProcedure.Ordinary => L.T("普通程序", "Ordinary"),
        CaseProcedure.Simplified => L.T("简易程序", "Simplified"),
        CaseProcedure.Offsite => L.T("非现场执法", "Off-site"),
    };

    public static string ProcedureShort(CaseProcedure procedure) => procedure switch
    {
        CaseProcedure.Ordinary => L.T("普通", "Ordinary"),
        CaseProcedure.Simplified => L.T("简易", "Simplified"),
        CaseProcedure.Offsite => L.T("非现场", "Off-site"),
    };

    /// <summary>The API's value for a procedure (CreateCaseRequest.Procedure).</summary>
    public static string ProcedureCode(CaseProcedure procedure) => procedure switch
    {
        CaseProcedure.Ordinary => "ordinary",
        CaseProcedure.Simplified => "simplified",
        CaseProcedure.Offsite => "offsite",
    };

    /// <summary>The offences of the discretion standard in force on a day (code and name).</summary>
    public static IReadOnlyList<(string Code, string Name)> Offences(DateOnly on) =>
        CaseLaw.Standard.Rules.Select(r => r.OffenceCode).Distinct(StringComparer.Ordinal)
            .Select(code => CaseLaw.Standard.Find(code, on))
            .OfType<PenaltyRule>()
            .Select(r => (r.OffenceCode, OffenceName(r)))
            .ToList();

    public static string Offence(string code, DateOnly on) =>
        CaseLaw.Standard.Find(code, on) is { } rule ? OffenceName(rule) : code;

    public static bool IsOverload(string? code) => code is OffenceCodes.OverloadMass or OffenceCodes.OverloadDimensions;

    public static bool IsUnlicensed(string? code) =>
        code is OffenceCodes.UnlicensedFreight or OffenceCodes.UnlicensedPassenger or OffenceCodes.UnlicensedDangerousGoods;

    public static string PlateColorName(string? color) => color is null ? "—" : L.IsEnglish
        ? color switch
        {
            PlateColor.Blue => "Blue",
            PlateColor.Yellow => "Yellow",
            PlateColor.Green => "Green (new energy)",
            PlateColor.YellowGreen => "Yellow-green (new energy)",
            PlateColor.White => "White",
            PlateColor.Black => "Black",
            _ => color,
        }
        : PlateColor.NameZh(color);

    /// <summary>The ID number as it may be shown: a person's masked (personal-information rules), a credit code in full.</summary>
    public static string PartyId(string? idNumber, PartyKind kind) =>
        idNumber is null ? "—" : kind == PartyKind.Person ? ResidentIdNumber.Mask(idNumber) : idNumber;

    public static string PartyKindName(PartyKind kind) => kind switch
    {
        PartyKind.Person => L.T("个人", "Person"),
        PartyKind.Organisation => L.T("单位", "Organisation"),
    };

    public static string Action(string code) => code switch
    {
        "accept" => L.T("受案登记", "Receive"),
        "file" => L.T("立案", "Open case"),
        "drop" => L.T("不予立案 / 撤销", "Drop"),
        "complete-investigation" => L.T("调查终结", "Finish investigation"),
        "submit-legal-review" => L.T("提交法制审核", "Submit for legal review"),
        "complete-legal-review" => L.T("法制审核", "Legal review"),
        "notify" => L.T("告知", "Notify the party"),
        "record-statement" => L.T("记录陈述申辩", "Record statement"),
        "waive-rights" => L.T("当事人放弃权利", "Party waives rights"),
        "request-hearing" => L.T("申请听证", "Hearing requested"),
        "schedule-hearing" => L.T("送达听证通知", "Schedule hearing"),
        "record-hearing" => L.T("举行听证", "Hearing held"),
        "collective-discussion" => L.T("集体讨论", "Collective discussion"),
        "decide" => L.T("作出决定", "Decide"),
        "decide-on-spot" => L.T("当场处罚", "Decide on the spot"),
        "serve" => L.T("送达决定书", "Serve the decision"),
        "record-service-consent" => L.T("同意电子送达", "Consent to e-service"),
        "record-payment" => L.T("登记缴款", "Record payment"),
        "issue-reminder" => L.T("催告", "Issue reminder"),
        "apply-enforcement" => L.T("申请强制执行", "Apply for enforcement"),
        "file-on-spot-record" => L.T("当场处罚备案", "File on-the-spot record"),
        "close" => L.T("结案", "Close"),
        "archive" => L.T("归档", "Archive"),
        "assign-officers" => L.T("增加承办人员", "Assign officers"),
        "document" => L.T("制作文书", "Document"),
        _ => code,
    };

    /// <summary>What an action does, in one sentence, with the rule it follows.</summary>
    public static string ActionHint(string code) => code switch
    {
        "file" => L.T("经机构负责人批准立案（《交通运输行政执法程序规定》第六十三条），立案后自动编制案号。", "The head of the agency approves opening the case; a case number is assigned."),
        "drop" => L.T("不予立案或撤销案件，须写明理由。", "Drop the case, with the reason."),
        "complete-investigation" => L.T("制作调查终结报告。须有两名以上持有效执法证的执法人员（《行政处罚法》第四十二条）。", "Write the investigation report. Needs two officers with valid certificates (art. 42)."),
        "submit-legal-review" => L.T("将案件提交法制审核（《行政处罚法》第五十八条）。", "Send the case to legal review (art. 58)."),
        "complete-legal-review" => L.T("法制审核人员签署审核意见；审核人员不得为本案调查人员。", "The legal reviewer signs an opinion; they may not be one of the investigators."),
        "notify" => L.T("送达违法行为通知书，告知拟处罚内容及陈述、申辩、听证权利（《行政处罚法》第四十四条）。", "Serve the violation notice with the proposed penalty and the party's rights (art. 44)."),
        "record-statement" => L.T("记录当事人的陈述、申辩（《行政处罚法》第四十五条）。", "Record the party's statement and defence (art. 45)."),
        "waive-rights" => L.T("当事人明确放弃陈述申辩或听证权利。", "The party expressly waives statement or hearing."),
        "request-hearing" => L.T("当事人在告知后五个工作日内申请听证（《行政处罚法》第六十四条）。", "The party asks for a hearing within 5 working days of notice (art. 64)."),
        "schedule-hearing" => L.T("应当在听证七日前通知当事人听证的时间、地点（《行政处罚法》第六十四条）。", "Tell the party the time and place at least 7 days before the hearing (art. 64)."),
        "record-hearing" => L.T("举行听证并制作听证笔录。", "The hearing was held and recorded."),
        "collective-discussion" => L.T("负责人集体讨论（《行政处罚法》第五十七条第二款）。", "The agency heads discuss the case (art. 57(2))."),
        "decide" => L.T("作出处理决定（《行政处罚法》第五十七条）；不得重于告知的拟处罚内容。", "Decide the case (art. 57); not heavier than notified."),
        "decide-on-spot" => L.T("当场处罚：对个人二百元以下、对单位三千元以下罚款或者警告（《行政处罚法》第五十一条）。", "On the spot: up to 200 yuan (person), 3,000 yuan (organisation) or a warning (art. 51)."),
        "serve" => L.T("送达行政处罚决定书（《行政处罚法》第六十一条）；电子送达须当事人同意。", "Serve the decision (art. 61); electronic service needs consent."),
        "record-service-consent" => L.T("当事人签署送达地址确认书，同意电子送达。", "The party signed consent to electronic service."),
        "record-payment" => L.T("登记缴纳的罚款及加处罚款（《行政处罚法》第六十七条、第七十二条）。", "Record a payment of the fine and any late fee (arts. 67, 72)."),
        "issue-reminder" => L.T("逾期未缴纳的，送达催告书（《行政强制法》第五十四条）。", "Serve a reminder when payment is overdue (Administrative Compulsion Law art. 54)."),
        "apply-enforcement" => L.T("催告十日后仍未履行的，申请人民法院强制执行（《行政强制法》第五十三条）。", "Apply to the court ten days after the reminder (art. 53)."),
        "file-on-spot-record" => L.T("当场处罚决定书报所属机关备案（五个工作日内）。", "File the on-the-spot decision with the agency (within 5 working days)."),
        "close" => L.T("结案：卷宗材料须齐全，罚款已缴清或已申请强制执行。", "Close: the file is complete and the fine is paid or enforcement applied for."),
        "archive" => L.T("案卷归档。", "Archive the case file."),
        "assign-officers" => L.T("指定或增加承办人员：作出决定前，执法人员不得少于两人，且须持有有效执法证件（《行政处罚法》第四十二条）。",
            "Assign officers before the decision: at least two, each with a valid enforcement certificate (art. 42)."),
        _ => string.Empty,
    };

    public static string Outcome(string code) => code switch
    {
        "penalty" => L.T("给予行政处罚", "Penalty"),
        "no-penalty-minor" => L.T("违法行为轻微，不予行政处罚", "No penalty: minor"),
        "no-penalty-not-established" => L.T("违法事实不能成立，不予行政处罚", "No penalty: not established"),
        "transfer" => L.T("移送司法机关", "Transfer to the judicial organs"),
        _ => code,
    };

    public static IReadOnlyList<string> Outcomes { get; } = ["penalty", "no-penalty-minor", "no-penalty-not-established", "transfer"];

    public static string ServiceMethod(string code) => code switch
    {
        "direct" => L.T("直接送达", "In person"),
        "post" => L.T("邮寄送达", "By post"),
        "electronic" => L.T("电子送达", "Electronic"),
        "public-notice" => L.T("公告送达", "Public notice"),
        _ => code,
    };

    public static IReadOnlyList<string> ServiceMethods { get; } = ["direct", "post", "electronic", "public-notice"];

    public static string Document(string code) => code switch
    {
        "case_filing_form" => L.T("立案登记表", "Case filing form"),
        "violation_notice" => L.T("违法行为通知书", "Notice of violation"),
        "hearing_notice" => L.T("听证通知书", "Hearing notice"),
        "penalty_decision" => L.T("行政处罚决定书", "Penalty decision"),
        "on_spot_decision" => L.T("当场行政处罚决定书", "On-the-spot decision"),
        "service_receipt" => L.T("送达回证", "Proof of service"),
        "closing_report" => L.T("结案报告", "Closing report"),
        _ => code,
    };

    public static string DeadlineState(DeadlineState state) => state switch
    {
        Domain.Cases.DeadlineState.Pending => L.T("未到期", "Pending"),
        Domain.Cases.DeadlineState.Met => L.T("已完成", "Met"),
        Domain.Cases.DeadlineState.DueSoon => L.T("即将到期", "Due soon"),
        Domain.Cases.DeadlineState.Overdue => L.T("已超期", "Overdue"),
    };

    public static TagColor DeadlineColor(DeadlineState state) => state switch
    {
        Domain.Cases.DeadlineState.Pending => TagColor.Blue,
        Domain.Cases.DeadlineState.Met => TagColor.Green,
        Domain.Cases.DeadlineState.DueSoon => TagColor.Orange,
        Domain.Cases.DeadlineState.Overdue => TagColor.Red,
    };

    /// <summary>Timeline warnings the workflow records (CaseWorkflow.Warning…).</summary>
    public static string Warning(string code) => code switch
    {
        CaseWorkflow.WarningDecisionLate => L.T("决定超过法定期限（《行政处罚法》第六十条）", "Decision after the legal deadline (art. 60)"),
        CaseWorkflow.WarningOnSpotRecordLate => L.T("当场处罚备案超期", "On-the-spot record filed late"),
        _ => code,
    };

    /// <summary>How many days until a date ("还剩 3 天", "超期 2 天").</summary>
    public static string DaysLeft(DateOnly due, DateOnly today)
    {
        var days = due.DayNumber - today.DayNumber;
        return days switch
        {
            0 => L.T("今天到期", "due today"),
            > 0 => L.T($"还剩 {days} 天", $"{days} days left"),
            _ => L.T($"超期 {-days} 天", $"{-days} days overdue"),
        };
    }

    /// <summary>The penalty the discretion standard proposes, in words: "警告", "罚款 1,500.00 元", "罚款 3,000.00 元 – 10,000.00 元".</summary>
    internal static string Proposal(CaseLaw.ProposalView p)
    {
        var fine = p.Kind switch
        {
            PenaltyKind.Warning => null,
            _ when p.AmountFen is { } amount => L.T("罚款 ", "a fine of ") + Yuan(amount),
            _ when p.MinFen is { } min && p.MaxFen is { } max => L.T($"罚款 {Yuan(min)} – {Yuan(max)}", $"a fine of {Yuan(min)} – {Yuan(max)}"),
            _ => L.T("按违法所得的倍数罚款（见说明）", "a multiple of the illegal gains (see below)"),
        };
        return string.Join(L.T("并", " and "), new[] { p.Warning || p.Kind == PenaltyKind.Warning ? L.T("警告", "a warning") : null, fine }.Where(t => t is not null));
    }

    private static string OffenceName(PenaltyRule rule) => L.IsEnglish && rule.NameEn.Length > 0 ? rule.NameEn : rule.NameZh;
}
