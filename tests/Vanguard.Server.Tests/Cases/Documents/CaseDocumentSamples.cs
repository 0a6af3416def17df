using Vanguard.Server.Modules.Cases.Documents;

namespace Vanguard.Server.Tests.Cases.Documents;

/// <summary>One realistic document of each kind, built through the templates.</summary>
internal static class CaseDocumentSamples
{
    public const string CaseNumber = "郑交执罚〔2026〕0001号";
    public const string Agency = "郑州市交通运输综合行政执法支队";

    public static readonly CaseDocumentHeader Header = new(CaseNumber, Agency, new DateOnly(2026, 11, 26));

    public static readonly PartyInfo Driver = new(
        "王建国", "410102198003150019", "河南省郑州市中原区建设路88号院3号楼2单元501室", "13800000000");

    public static readonly PartyInfo Carrier = new(
        "郑州市通达物流运输有限公司", "91410100MA3X5K7Q2L", "河南省郑州市管城回族区航海东路1288号", "0371-66660000",
        IsOrganisation: true, LegalRepresentative: "李志强");

    private const string OverloadFacts =
        "2026年11月20日9时30分，当事人驾驶豫A12345号重型半挂牵引车（挂车号牌豫A6789挂）装载钢材行驶至G107国道郑州市中原区须水治超检测站，经检测车货总质量为63,500千克，超过《超限运输车辆行驶公路管理规定》第三条第一款第（四）项规定的限定标准49,000千克，超限14,500千克，超限率29.6%，且未办理超限运输许可";

    private const string OverloadEvidence = "称重检测单、现场照片、视听资料、询问笔录、车辆行驶证及道路运输证复印件";
    private const string Provision = "《公路安全保护条例》第三十三条第一款和《超限运输车辆行驶公路管理规定》第十三条";
    private const string Basis = "《超限运输车辆行驶公路管理规定》第四十三条第（三）项";
    private const string ReviewBody = "郑州市人民政府";
    private const string Court = "郑州市中原区人民法院";

    public static readonly string Fine = ChineseText.Money(700_000);

    public static CaseDocumentData Of(CaseDocumentKind kind) => kind switch
    {
        CaseDocumentKind.FilingRecord => CaseDocumentTemplates.FilingRecord(Header, new FilingRecordInput(
            CaseSource.Inspection,
            "须水治超检测站检测发现",
            "涉嫌违法超限运输",
            new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.FromHours(8)),
            Carrier,
            OverloadFacts + "。",
            Provision,
            ["张伟（执法证号：41010021001）", "刘洋（执法证号：41010021002）"],
            "当事人涉嫌违法超限运输，建议立案调查。")),
        CaseDocumentKind.ViolationNotice => CaseDocumentTemplates.ViolationNotice(Header, new ViolationNoticeInput(
            Carrier, OverloadFacts, OverloadEvidence, Provision, Basis, $"罚款{Fine}", HearingAvailable: true,
            Contact: "郑州市中原区须水镇须水治超检测站，联系人张伟，电话0371-67890000")),
        CaseDocumentKind.PenaltyDecision => CaseDocumentTemplates.PenaltyDecision(Header, new PenaltyDecisionInput(
            Carrier, OverloadFacts, OverloadEvidence, Provision, Basis, $"罚款{Fine}",
            "本机关于2026年11月21日向你单位送达了《违法行为通知书》，告知了拟作出行政处罚的事实、理由、依据及你单位依法享有的陈述、申辩和要求听证的权利。你单位在法定期限内未提出陈述、申辩，也未要求听证",
            "通过河南省非税收入电子缴款系统缴纳，或者持本决定书到中国农业银行、中国工商银行在郑州市的各营业网点缴纳（执收单位编码：410101001）",
            ReviewBody, Court)),
        CaseDocumentKind.OnSpotPenaltyDecision => CaseDocumentTemplates.OnSpotPenaltyDecision(Header, new OnSpotPenaltyDecisionInput(
            Driver,
            "豫A12345",
            new DateTimeOffset(2026, 11, 26, 1, 15, 0, TimeSpan.Zero),
            "G107国道郑州市中原区须水治超检测站",
            "当事人驾驶的车辆未随车携带道路运输证",
            "《中华人民共和国道路运输条例》第三十三条",
            "《中华人民共和国道路运输条例》第六十八条",
            $"罚款{ChineseText.Money(20_000)}",
            "当场使用微信或者支付宝扫描缴款码缴纳",
            null,
            ReviewBody,
            Court,
            ["张伟（执法证号：41010021001）", "刘洋（执法证号：41010021002）"])),
        CaseDocumentKind.ServiceReceipt => CaseDocumentTemplates.ServiceReceipt(Header, new ServiceReceiptInput(
            "行政处罚决定书", CaseNumber, Carrier.Name, null, Carrier.Address, "直接送达",
            ["张伟", "刘洋"])),
        CaseDocumentKind.ClosingReport => CaseDocumentTemplates.ClosingReport(Header, new ClosingReportInput(
            "违法超限运输",
            Carrier,
            new DateOnly(2026, 11, 20),
            CaseNumber,
            new DateOnly(2026, 11, 26),
            $"给予罚款{Fine}的行政处罚",
            "当事人已于2026年12月3日通过河南省非税收入电子缴款系统缴纳全部罚款，处罚决定已执行完毕",
            ["张伟（执法证号：41010021001）", "刘洋（执法证号：41010021002）"],
            "处罚决定已执行完毕，建议结案。")),
        CaseDocumentKind.HearingNotice => CaseDocumentTemplates.HearingNotice(Header, new HearingNoticeInput(
            Carrier,
            "郑州市通达物流运输有限公司涉嫌违法超限运输",
            new DateOnly(2026, 11, 23),
            new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.FromHours(8)),
            "郑州市交通运输综合行政执法支队三楼听证室（郑州市中原区中原西路100号）",
            "赵敏",
            "孙磊",
            Contact: "联系人张伟，电话0371-67890000")),
    };

    /// <summary>The value of a field the document must show, to find in the extracted text.</summary>
    public static string FieldValue(CaseDocumentKind kind) => kind switch
    {
        CaseDocumentKind.OnSpotPenaltyDecision => Driver.IdNumber,
        CaseDocumentKind.ServiceReceipt => "直接送达",
        CaseDocumentKind.FilingRecord or CaseDocumentKind.ViolationNotice or CaseDocumentKind.PenaltyDecision
            or CaseDocumentKind.ClosingReport or CaseDocumentKind.HearingNotice => Carrier.IdNumber,
    };
}
