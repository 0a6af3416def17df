namespace Vanguard.Server.Modules.Cases.Documents;

/// <summary>
/// Builds <see cref="CaseDocumentData"/> for each kind from plain inputs, with the standing legal wording of the
/// 2021 式样. Legal checks (deadlines, thresholds, who may sign) belong to the case module, not here.
/// </summary>
public static class CaseDocumentTemplates
{
    private const string Signing = "签名：　　　　　　　　　　　　日期：　　　　年　　月　　日";

    // 行政复议法 (2023) art. 20: apply within 60 days; 行政诉讼法 art. 46: sue within 6 months;
    // 行政处罚法 art. 73: neither suspends execution; art. 72: otherwise the agency applies to the court.
    private static string[] ReviewAndLitigation(string you, string reviewBody, string court) =>
    [
        $"如不服本处罚决定，{you}可以在收到本决定书之日起六十日内向{reviewBody}申请行政复议，或者在收到本决定书之日起六个月内依法向{court}提起行政诉讼。",
        "行政复议和行政诉讼期间，本决定不停止执行，法律另有规定的除外。",
        $"{you}逾期不申请行政复议、不提起行政诉讼又不履行本决定的，本机关将依法申请人民法院强制执行。",
    ];

    // 行政处罚法 art. 67(3): pay within 15 days of receipt; art. 72(1)(1): +3 % a day, at most the fine itself.
    private static string PaymentParagraph(string you, string payment) =>
        $"{you}应当自收到本决定书之日起十五日内缴纳罚款。缴款方式：{Sentence(payment)}到期不缴纳罚款的，本机关可以每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额。";

    public static CaseDocumentData FilingRecord(CaseDocumentHeader header, FilingRecordInput input)
    {
        var sources = new[]
        {
            (CaseSource.Inspection, "在行政检查中发现"),
            (CaseSource.VerifiedReport, "个人、法人及其他组织举报经核实的"),
            (CaseSource.AssignedBySuperior, "上级机关交办的"),
            (CaseSource.ReportedBySubordinate, "下级机关报请查处的"),
            (CaseSource.TransferredByDepartment, "有关部门移送的"),
            (CaseSource.Other, "其他"),
        };
        var boxes = sources.Select(s => $"{(s.Item1 == input.Source ? "■" : "□")}{(int)s.Item1}.{s.Item2}").ToList();
        var ticked = string.Join("\n", boxes.Chunk(2).Select(pair => string.Join("　", pair)));
        var source = input.SourceDetail is null ? ticked : $"{ticked}\n（{input.SourceDetail}）";
        var fields = new List<DocumentField>
        {
            new("案件来源", source),
            new("受案时间", ChineseText.DateAndTime(input.ReceivedAt)),
            new("案由", input.CaseCause),
        };
        fields.AddRange(PartyFields(input.Party));
        fields.Add(new("简要案情", input.Summary, MinLines: 4));
        fields.Add(new("立案依据", input.Basis));
        fields.Add(new("办案人员", string.Join("\n", input.Officers)));
        fields.Add(Opinion("承办机构意见", input.UnitOpinion));
        fields.Add(Opinion("负责人审批意见", input.ApproverOpinion));
        return Build(CaseDocumentKind.FilingRecord, header, fields, [], [], [], seal: false);
    }

    public static CaseDocumentData ViolationNotice(CaseDocumentHeader header, ViolationNoticeInput input)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(input.StatementDays);
        var you = You(input.Party);
        var paragraphs = new List<string> { Facts(input.Facts, input.Evidence) };
        paragraphs.Add(
            $"{you}的上述行为违反了{input.ViolatedProvision}的规定，依据{input.PenaltyBasis}的规定，本机关拟对{you}作出{input.ProposedPenalty}的行政处罚。");

        // 行政处罚法 arts. 44–45: state and defend, no heavier penalty for it; arts. 63–64: a hearing, asked for
        // within five (working, art. 85) days.
        var rights = new List<string>
        {
            $"根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，{you}享有陈述、申辩的权利。如需陈述、申辩，请于收到本通知书之日起{ChineseText.Number(input.StatementDays)}日内向本机关提出；逾期未提出的，视为放弃此权利。本机关不因{you}陈述、申辩而给予更重的处罚。",
        };
        if (input.HearingAvailable)
        {
            rights.Add(
                $"根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，{you}有权要求听证。如要求听证，应当在收到本通知书之日起五日内向本机关提出；逾期未提出的，视为放弃听证权利。");
        }

        if (input.Contact is not null)
        {
            rights.Add($"本机关联系方式：{input.Contact}");
        }

        return Build(CaseDocumentKind.ViolationNotice, header, PartyFields(input.Party), paragraphs, rights, [], seal: true);
    }

    public static CaseDocumentData PenaltyDecision(CaseDocumentHeader header, PenaltyDecisionInput input)
    {
        var you = You(input.Party);
        var paragraphs = new List<string> { Facts(input.Facts, input.Evidence) };
        if (input.Proceedings is not null)
        {
            paragraphs.Add(Sentence(input.Proceedings));
        }

        paragraphs.Add(
            $"{you}的上述行为违反了{input.ViolatedProvision}的规定，依据{input.PenaltyBasis}的规定，本机关决定对{you}作出{input.Penalty}的行政处罚。");
        if (input.Payment is not null)
        {
            paragraphs.Add(PaymentParagraph(you, input.Payment));
        }

        return Build(
            CaseDocumentKind.PenaltyDecision, header, PartyFields(input.Party), paragraphs,
            ReviewAndLitigation(you, input.ReviewBody, input.Court), [], seal: true);
    }

    public static CaseDocumentData OnSpotPenaltyDecision(CaseDocumentHeader header, OnSpotPenaltyDecisionInput input)
    {
        var you = You(input.Party);
        var fields = PartyFields(input.Party);
        if (input.VehiclePlate is not null)
        {
            fields.Add(new("车辆号牌", input.VehiclePlate));
        }

        fields.Add(new("违法时间", ChineseText.DateAndTime(input.ViolationAt)));
        fields.Add(new("违法地点", input.Place));
        var paragraphs = new List<string>
        {
            Sentence(input.Facts),
            $"{you}的上述行为违反了{input.ViolatedProvision}的规定，依据{input.PenaltyBasis}的规定，决定对{you}作出{input.Penalty}的行政处罚。",
        };
        if (input.Payment is not null)
        {
            paragraphs.Add(PaymentParagraph(you, input.Payment));
        }

        // 行政处罚法 art. 52 and MOT rule arts. 60–61: the party is told the facts, reasons, basis and rights on the
        // spot and heard before the decision is handed over.
        var rights = new List<string>
        {
            $"执法人员已当场告知{you}拟作出行政处罚的事实、理由和依据，以及{you}依法享有的陈述、申辩权利。{you}的陈述、申辩：{Sentence(input.Statement ?? "无")}",
        };
        rights.AddRange(ReviewAndLitigation(you, input.ReviewBody, input.Court));
        var signatures = new List<string>
        {
            $"执法人员：{string.Join("　", input.Officers)}",
            "执法人员签名：　　　　　　　　　　　　　　当事人签名：",
        };
        return Build(CaseDocumentKind.OnSpotPenaltyDecision, header, fields, paragraphs, rights, signatures, seal: true);
    }

    public static CaseDocumentData ServiceReceipt(CaseDocumentHeader header, ServiceReceiptInput input)
    {
        var fields = new List<DocumentField>
        {
            new("送达文书名称及文号", $"{input.DocumentTitle}（{input.DocumentNumber}）"),
            new("受送达人", input.Recipient),
            new("送达时间", input.ServedAt is { } at ? ChineseText.DateAndTime(at) : "　　　　年　　月　　日　　时　　分"),
            new("送达地点", input.Place ?? ""),
            new("送达方式", input.Method),
            new("受送达人签名或者盖章", "", MinLines: 3),
            new("代收人及代收理由", "", MinLines: 2),
            new("送达人", string.Join("　", input.Servers), MinLines: 2),
            new("见证人", "", MinLines: 2),
            new("备注", input.Notes ?? "", MinLines: 2),
        };
        return Build(CaseDocumentKind.ServiceReceipt, header, fields, [], [], [], seal: true);
    }

    public static CaseDocumentData ClosingReport(CaseDocumentHeader header, ClosingReportInput input)
    {
        var fields = new List<DocumentField> { new("案由", input.CaseCause) };
        fields.AddRange(PartyFields(input.Party));
        fields.Add(new("立案日期", ChineseText.Date(input.FiledOn)));
        fields.Add(new("处罚决定书文号", input.DecisionNumber ?? "无"));
        fields.Add(new("处罚决定日期", input.DecidedOn is { } decided ? ChineseText.Date(decided) : "无"));
        fields.Add(new("处理结果", input.Outcome, MinLines: 2));
        fields.Add(new("执行情况", input.Execution, MinLines: 2));
        fields.Add(new("办案人员", string.Join("\n", input.Officers)));
        fields.Add(Opinion("办案人员意见", input.OfficerOpinion));
        fields.Add(Opinion("承办机构审核意见", input.UnitOpinion));
        fields.Add(Opinion("负责人审批意见", input.ApproverOpinion));
        return Build(CaseDocumentKind.ClosingReport, header, fields, [], [], [], seal: false);
    }

    public static CaseDocumentData HearingNotice(CaseDocumentHeader header, HearingNoticeInput input)
    {
        var you = You(input.Party);
        var requested = input.RequestedOn is { } on ? $"于{ChineseText.Date(on)}" : "";
        var paragraphs = new List<string>
        {
            $"根据{you}{requested}提出的听证申请，本机关定于{ChineseText.DateAndTime(input.HearingAt)}在{input.Place}对{input.CaseCause}一案{(input.Public ? "公开" : "不公开")}举行听证。",
            $"本次听证由{input.Presiding}担任主持人{(input.Clerk is null ? "" : $"，{input.Clerk}担任记录员")}。",
        };

        // 行政处罚法 art. 64 (4)–(6): challenge the chair, one or two agents, absence ends the hearing.
        var rights = new List<string>
        {
            $"{you}认为主持人与本案有直接利害关系的，有权申请回避，并应当在听证开始前提出。",
            $"{you}可以亲自参加听证，也可以委托一至二人代理。委托他人代理的，代理人应当出具授权委托书。",
            $"请{you}准时参加，并携带身份证明和有关证据材料。{you}无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利，本机关终止听证。",
        };
        if (input.Contact is not null)
        {
            rights.Add($"本机关联系方式：{input.Contact}");
        }

        return Build(CaseDocumentKind.HearingNotice, header, PartyFields(input.Party), paragraphs, rights, [], seal: true);
    }

    /// <summary>当事人 lines: a person's 身份证件号码 and 住址, or an organisation's 统一社会信用代码, 法定代表人 and 地址.</summary>
    public static List<DocumentField> PartyFields(PartyInfo party)
    {
        var fields = new List<DocumentField> { new("当事人", party.Name) };
        if (party.IsOrganisation)
        {
            fields.Add(new("统一社会信用代码", party.IdNumber));
            if (party.LegalRepresentative is not null)
            {
                fields.Add(new("法定代表人", party.LegalRepresentative));
            }

            fields.Add(new("地址", party.Address));
        }
        else
        {
            fields.Add(new("身份证件号码", party.IdNumber));
            fields.Add(new("住址", party.Address));
        }

        if (party.Phone is not null)
        {
            fields.Add(new("联系电话", party.Phone));
        }

        return fields;
    }

    private static CaseDocumentData Build(
        CaseDocumentKind kind, CaseDocumentHeader header, IReadOnlyList<DocumentField> fields,
        IReadOnlyList<string> paragraphs, IReadOnlyList<string> rights, IReadOnlyList<string> signatures, bool seal) =>
        new(
            kind,
            header.CaseNumber,
            header.AgencyName,
            seal ? header.SealCaption ?? $"{header.AgencyName}（印章）" : null,
            fields,
            paragraphs,
            rights,
            signatures,
            header.IssuedOn);

    private static DocumentField Opinion(string label, string? opinion) => new(label, $"{opinion}\n\n{Signing}", MinLines: 3);

    private static string You(PartyInfo party) => party.IsOrganisation ? "你单位" : "你";

    private static string Facts(string facts, string? evidence) =>
        evidence is null ? Sentence(facts) : $"{Sentence(facts)}以上事实有{evidence}等证据为证。";

    /// <summary>Ends the text with a full stop unless it already ends a sentence.</summary>
    private static string Sentence(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.Length == 0 || "。！？；".Contains(trimmed[^1]) ? trimmed : $"{trimmed.TrimEnd('，', ',', '.')}。";
    }
}
