namespace Vanguard.Domain.Penalties;

/// <summary>
/// 默认裁量基准 (the national rules as version 1 of the table). Provinces refine the ranges (阶次) in their own
/// standard and load it as later versions.
/// Sources: 超限运输车辆行驶公路管理规定 (交通运输部令2016年第62号, in force 2016-09-21) art. 43, text checked
/// against jianbiaoku.com; 道路运输条例 (2023-07-20 revision) art. 63, text checked against the full text.
/// </summary>
public static class DefaultPenaltyRules
{
    /// <summary>超限规定 art. 43 para. 2: the group whose fines are added up, and its cap of 30 000 yuan.</summary>
    public const string OverloadGroup = "超限规定第四十三条";

    public const long OverloadCapFen = 3_000_000;

    public static readonly DateOnly OverloadRuleInForce = new(2016, 9, 21);

    public static readonly DateOnly RoadTransportRegulation2023 = new(2023, 7, 20);

    private const string OverloadRule = "《超限运输车辆行驶公路管理规定》";
    private const string RoadTransport = "《中华人民共和国道路运输条例》";

    public static IReadOnlyList<PenaltyRule> All(OverloadUnitRounding overloadRounding = OverloadUnitRounding.Floor) =>
    [
        OverloadMass(overloadRounding),
        OverloadDimensions(),
        UnlicensedFreight(),
        UnlicensedPassenger(),
        UnlicensedDangerousGoods(),
    ];

    /// <summary>
    /// 车货总质量超限 (超限规定 art. 43 para. 1(2)): over the art. 3 para. 1(4)–(8) limit by ≤ 1 000 kg → 警告; more →
    /// 500 yuan per 1 000 kg over, at most 30 000 yuan. Whether a partial 1 000 kg counts is the province's choice.
    /// </summary>
    public static PenaltyRule OverloadMass(OverloadUnitRounding rounding = OverloadUnitRounding.Floor) =>
        new(OffenceCodes.OverloadMass,
            "车货总质量超限",
            $"{OverloadRule}第四十三条第一款第（二）项",
            "车货总质量超过本规定第三条第一款第四项至第八项规定的限定标准，但未超过1000千克的，予以警告；超过1000千克的，每超1000千克罚款500元，最高不得超过30000元。",
            1,
            OverloadRuleInForce,
            PenaltyKind.PerUnit,
            null,
            OverloadCapFen,
            "车货总质量超过第三条第一款第（四）至（八）项限定标准")
        {
            NameEn = "Gross mass over the limit",
            ViolationBasis = $"{OverloadRule}第三条第一款第（四）至（八）项",
            PerUnit = new PerUnitTerms(UnitKg: 1_000, FenPerUnit: 50_000, WarningUpToKg: 1_000, rounding),
            CombineGroup = OverloadGroup,
            CombinedCapFen = OverloadCapFen,
        };

    /// <summary>
    /// 车货外廓尺寸超限 (超限规定 art. 43 para. 1(1)), three tiers by height/width/length (each "未超过" = ≤):
    /// H ≤ 4.2, W ≤ 3 and L ≤ 20 m → up to 200 yuan ("可以处"); H ≤ 4.5, W ≤ 3.75 and L ≤ 28 m → 200–1 000;
    /// H &gt; 4.5 or W &gt; 3.75 or L &gt; 28 m → 1 000–3 000. Within art. 3 para. 1(1)–(3) (4 m, 2.55 m, 18.1 m) there is
    /// no offence; the special limits of art. 3 para. 2 (e.g. refrigerated vans) are for the overload module to apply.
    /// </summary>
    public static PenaltyRule OverloadDimensions() =>
        new(OffenceCodes.OverloadDimensions,
            "车货外廓尺寸超限",
            $"{OverloadRule}第四十三条第一款第（一）项",
            "车货总高度从地面算起未超过4.2米、总宽度未超过3米且总长度未超过20米的，可以处200元以下罚款；车货总高度从地面算起未超过4.5米、总宽度未超过3.75米且总长度未超过28米的，处200元以上1000元以下罚款；车货总高度从地面算起超过4.5米、总宽度超过3.75米或者总长度超过28米的，处1000元以上3000元以下的罚款。",
            1,
            OverloadRuleInForce,
            PenaltyKind.Schedule,
            0,
            300_000,
            "车货总高度、宽度或长度超过第三条第一款第（一）至（三）项限定标准")
        {
            NameEn = "Overall dimensions over the limit",
            ViolationBasis = $"{OverloadRule}第三条第一款第（一）至（三）项",
            Tiers =
            [
                new("未超过第三条限定标准（高 4 米、宽 2.55 米、长 18.1 米）", "are within the art. 3 limits (4 m, 2.55 m, 18.1 m)",
                    new TierCondition(4_000, 2_550, 18_100), PenaltyKind.Range, null, null, NotAnOffence: true),
                new("未超过高 4.2 米、宽 3 米且长 20 米", "within 4.2 m high, 3 m wide and 20 m long",
                    new TierCondition(4_200, 3_000, 20_000), PenaltyKind.Range, 0, 20_000),
                new("未超过高 4.5 米、宽 3.75 米且长 28 米", "within 4.5 m high, 3.75 m wide and 28 m long",
                    new TierCondition(4_500, 3_750, 28_000), PenaltyKind.Range, 20_000, 100_000),
                new("高超过 4.5 米、宽超过 3.75 米或长超过 28 米", "over 4.5 m high, 3.75 m wide or 28 m long",
                    new TierCondition(), PenaltyKind.Range, 100_000, 300_000),
            ],
            CombineGroup = OverloadGroup,
            CombinedCapFen = OverloadCapFen,
        };

    /// <summary>
    /// 未取得道路运输经营许可擅自从事道路普通货物运输经营 (道路运输条例 art. 63(1)): illegal gains over 10 000 yuan →
    /// confiscate + 1–5×; otherwise 3 000–10 000 yuan, serious (情节严重) 10 000–50 000 yuan.
    /// </summary>
    public static PenaltyRule UnlicensedFreight() =>
        new(OffenceCodes.UnlicensedFreight,
            "未取得道路运输经营许可擅自从事道路普通货物运输经营",
            $"{RoadTransport}第六十三条第（一）项",
            "违法所得超过1万元的，没收违法所得，处违法所得1倍以上5倍以下的罚款；没有违法所得或者违法所得不足1万元的，处3000元以上1万元以下的罚款，情节严重的，处1万元以上5万元以下的罚款。",
            1,
            RoadTransportRegulation2023,
            PenaltyKind.Schedule,
            300_000,
            5_000_000,
            "未取得道路运输经营许可，擅自从事道路普通货物运输经营")
        {
            NameEn = "Unlicensed general freight operation",
            Tiers =
            [
                new("情节一般", "ordinary circumstances", new TierCondition(Serious: false), PenaltyKind.Range, 300_000, 1_000_000),
                new("情节严重", "serious circumstances", new TierCondition(Serious: true), PenaltyKind.Range, 1_000_000, 5_000_000),
            ],
            IllegalGains = new IllegalGainsTerms(1_000_000, 1, 5),
        };

    /// <summary>未取得道路运输经营许可擅自从事道路客运经营 (道路运输条例 art. 63(2)): gains over 20 000 → 2–10×; otherwise 10 000–100 000 yuan.</summary>
    public static PenaltyRule UnlicensedPassenger() =>
        new(OffenceCodes.UnlicensedPassenger,
            "未取得道路运输经营许可擅自从事道路客运经营",
            $"{RoadTransport}第六十三条第（二）项",
            "违法所得超过2万元的，没收违法所得，处违法所得2倍以上10倍以下的罚款；没有违法所得或者违法所得不足2万元的，处1万元以上10万元以下的罚款。",
            1,
            RoadTransportRegulation2023,
            PenaltyKind.Range,
            1_000_000,
            10_000_000,
            "未取得道路运输经营许可，擅自从事道路客运经营")
        {
            NameEn = "Unlicensed passenger transport",
            IllegalGains = new IllegalGainsTerms(2_000_000, 2, 10),
        };

    /// <summary>未取得道路运输经营许可擅自从事道路危险货物运输经营 (道路运输条例 art. 63(3)): gains over 20 000 → 2–10×; otherwise 30 000–100 000 yuan.</summary>
    public static PenaltyRule UnlicensedDangerousGoods() =>
        new(OffenceCodes.UnlicensedDangerousGoods,
            "未取得道路运输经营许可擅自从事道路危险货物运输经营",
            $"{RoadTransport}第六十三条第（三）项",
            "违法所得超过2万元的，没收违法所得，处违法所得2倍以上10倍以下的罚款；没有违法所得或者违法所得不足2万元的，处3万元以上10万元以下的罚款。",
            1,
            RoadTransportRegulation2023,
            PenaltyKind.Range,
            3_000_000,
            10_000_000,
            "未取得道路运输经营许可，擅自从事道路危险货物运输经营")
        {
            NameEn = "Unlicensed dangerous goods transport",
            IllegalGains = new IllegalGainsTerms(2_000_000, 2, 10),
        };
}
