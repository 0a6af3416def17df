using Vanguard.Domain.Overload;
using Vanguard.Domain.Penalties;

namespace Vanguard.Domain.Tests.Overload;

public sealed class OverloadJudgeTests
{
    private static readonly DateOnly Day = new(2025, 6, 10);

    private static readonly VehicleAxles SixAxles = new(6, VehicleKind.Combination);

    private static OverloadJudgement Judge(
        int grossKg, decimal? accuracyClass = null, VehicleAxles? vehicle = null, int? h = null, int? w = null, int? l = null, OverloadSettings? settings = null) =>
        OverloadJudge.Judge(new WeighingInput(vehicle ?? SixAxles, grossKg, h, w, l, accuracyClass), settings, Day);

    // ── Tolerance (domain reference §2.4; the arithmetic) ─────────────────────────────────────────────

    [Fact]
    public void Class5_51579Kg_AdjustsToExactlyTheLimit_Compliant()
    {
        var j = Judge(51_579, accuracyClass: 5m); // floor(51 579 × 0.95) = floor(49 000.05)

        j.LimitKg.ShouldBe(49_000);
        j.AdjustedKg.ShouldBe(49_000);
        j.ToleranceKg.ShouldBe(2_579);
        j.OverKg.ShouldBe(0);
        j.OverPercent.ShouldBe(0m);
        j.MassOver.ShouldBeFalse();
        j.Verdict.ShouldBe(OverloadVerdict.Compliant);
        j.Penalty.Kind.ShouldBe(OverloadPenalty.KindNone);
        j.Penalty.AmountFen.ShouldBeNull();
        j.Penalty.AmountYuan.ShouldBeNull();
        j.Penalty.Proposal.ShouldBeNull();
    }

    [Fact]
    public void Class5_51580Kg_IsTheFirstKgOver() // 51 580 × 0.95 = 49 001 exactly
    {
        var j = Judge(51_580, accuracyClass: 5m);

        j.AdjustedKg.ShouldBe(49_001);
        j.OverKg.ShouldBe(1);
        j.Verdict.ShouldBe(OverloadVerdict.Overloaded);
    }

    [Fact]
    public void Class5_51581Kg_OneKgOver_IsAWarning()
    {
        var j = Judge(51_581, accuracyClass: 5m); // floor(49 001.95) = 49 001

        j.AdjustedKg.ShouldBe(49_001);
        j.ToleranceKg.ShouldBe(2_580);
        j.OverKg.ShouldBe(1);
        j.OverPercent.ShouldBe(0.00m); // 0.002 % rounds to 0.00 but the mass is over
        j.MassOver.ShouldBeTrue();
        j.Verdict.ShouldBe(OverloadVerdict.Overloaded);
        j.Penalty.Kind.ShouldBe(OverloadPenalty.KindWarning);
        j.Penalty.IncludesWarning.ShouldBeTrue();
        j.Penalty.AmountFen.ShouldBeNull();
        j.Penalty.ExplanationZh.ShouldContain("称重设备准确度等级 5 级：扣除 5%，51 581 kg × (1 − 5%) = 49 001.95 kg，向下取整 → 49 001 kg（扣除 2 580 kg）。");
        j.Penalty.ExplanationZh.ShouldContain("车货总质量 49 001 kg，超过限定标准 49 000 kg：超限 1 kg（超限率 0.00%）。");
        j.Penalty.ExplanationEn.ShouldContain("Accuracy class 5: 5% deducted, 51,581 kg × (1 − 5%) = 49,001.95 kg, rounded down → 49,001 kg (2,580 kg deducted).");
    }

    [Theory]
    [InlineData(50_000, 49_000, 1_000, false)] // the example: floor(50 000 × 0.98) = 49 000 exactly
    [InlineData(50_001, 49_000, 1_001, false)] // floor(49 000.98)
    [InlineData(50_002, 49_001, 1_001, true)]  // floor(49 001.96)
    public void Class2_DeductsTwoPercent_FloorOfTheAdjustedMass(int gross, int adjusted, int tolerance, bool over)
    {
        var j = Judge(gross, accuracyClass: 2m);

        j.AdjustedKg.ShouldBe(adjusted);
        j.ToleranceKg.ShouldBe(tolerance);
        j.MassOver.ShouldBe(over);
    }

    public static TheoryData<decimal, int, int> AccuracyClasses => new()
    {
        { 0.2m, 100_000, 99_800 },
        { 0.5m, 100_001, 99_500 }, // 99 500.995
        { 1m, 49_999, 49_499 },    // 49 499.01
        { 10m, 12_345, 11_110 },   // 11 110.5
        { 0m, 49_001, 49_001 },
    };

    [Theory]
    [MemberData(nameof(AccuracyClasses))]
    public void EveryAccuracyClass_FloorsTheDeductedMass(decimal accuracyClass, int gross, int adjusted) =>
        Judge(gross, accuracyClass).AdjustedKg.ShouldBe(adjusted);

    [Theory]
    [InlineData(49_000, false)]
    [InlineData(49_001, true)]
    public void NoAccuracyClass_NoDeduction(int gross, bool over)
    {
        var j = Judge(gross);

        j.AdjustedKg.ShouldBe(gross);
        j.ToleranceKg.ShouldBe(0);
        j.MassOver.ShouldBe(over);
        j.Penalty.ExplanationZh.ShouldContain(line => line.StartsWith("未提供称重设备准确度等级（静态衡器）：不扣除误差", StringComparison.Ordinal));
    }

    [Fact]
    public void UnderTheLimit_OverKgIsClampedToZero()
    {
        var j = Judge(40_000);

        j.AdjustedKg.ShouldBe(40_000);
        j.OverKg.ShouldBe(0); // not −9 000: the headroom is LimitKg − AdjustedKg
        j.OverPercent.ShouldBe(0m);
        j.MassOver.ShouldBeFalse();
    }

    // ── OverPercent ───────────────────────────────────────────────────────────────────────────────────────────

    public static TheoryData<int, int, decimal> Percentages => new()
    {
        { 6, 49_000 + 4_900, 10.00m },
        { 2, 18_000 + 1, 0.01m },     // 0.00556 %
        { 4, 36_000 + 9, 0.03m },     // 4-axle combination: 0.025 % exactly → away from zero (banker's would give 0.02)
        { 4, 36_000 + 27, 0.08m },    // 0.075 % → 0.08
        { 6, 49_000 + 1_001, 2.04m }, // 2.0428… %
    };

    [Theory]
    [MemberData(nameof(Percentages))]
    public void OverPercent_TwoDecimals_MidpointAwayFromZero(int axles, int gross, decimal expected)
    {
        var vehicle = new VehicleAxles(axles, axles == 2 ? VehicleKind.Truck : VehicleKind.Combination);

        Judge(gross, vehicle: vehicle).OverPercent.ShouldBe(expected);
    }

    // ── Mass penalty (超限规定 art. 43 para. 1(2)) ─────────────────────────────────────────────────────────────

    [Fact]
    public void Mass_1000KgOver_IsAWarning()
    {
        var j = Judge(50_000);

        j.OverKg.ShouldBe(1_000);
        j.Penalty.Kind.ShouldBe(OverloadPenalty.KindWarning);
        j.Penalty.MinFen.ShouldBeNull();
    }

    [Theory]
    [InlineData(1_001, 500L)]
    [InlineData(1_999, 500L)]
    [InlineData(2_000, 1_000L)]
    [InlineData(3_400, 1_500L)]
    [InlineData(60_000, 30_000L)]
    [InlineData(100_000, 30_000L)] // 50 000 yuan → capped at 30 000
    public void Mass_Fine_Floor_500YuanPerFull1000Kg_CappedAt30000(int overKg, long yuan)
    {
        var j = Judge(49_000 + overKg);

        j.OverKg.ShouldBe(overKg);
        j.Penalty.Kind.ShouldBe(OverloadPenalty.KindFine);
        j.Penalty.AmountYuan.ShouldBe(yuan);
        j.Penalty.AmountFen.ShouldBe(yuan * 100);
        j.Penalty.IncludesWarning.ShouldBeFalse();
        (j.Penalty.MinFen, j.Penalty.MaxFen).ShouldBe((yuan * 100, yuan * 100));
    }

    [Theory]
    [InlineData(1_001, 1_000L)]
    [InlineData(2_000, 1_000L)]
    [InlineData(2_001, 1_500L)]
    [InlineData(100_000, 30_000L)]
    public void Mass_Fine_Ceiling_AStarted1000KgCounts(int overKg, long yuan) =>
        Judge(49_000 + overKg, settings: new OverloadSettings(OverloadUnitRounding.Ceiling)).Penalty.AmountYuan.ShouldBe(yuan);

    [Fact]
    public void Mass_Ceiling_StillWarnsAt1000Kg() =>
        Judge(50_000, settings: new OverloadSettings(OverloadUnitRounding.Ceiling)).Penalty.Kind.ShouldBe(OverloadPenalty.KindWarning);

    [Fact]
    public void Settings_DefaultIsFloor() => OverloadSettings.Default.Rounding.ShouldBe(OverloadUnitRounding.Floor);

    [Fact]
    public void Mass_Fine_ExplanationCitesTheArticleAndTheArithmetic()
    {
        var p = Judge(49_000 + 3_400).Penalty;

        p.ExplanationZh.ShouldContain(line => line.Contains("《超限运输车辆行驶公路管理规定》第四十三条第一款第（二）项"));
        p.ExplanationZh.ShouldContain("超限 3 400 kg → 按每超 1 000 kg 罚款 500 元计，3 个整吨 → 1 500 元。");
        p.ExplanationZh[^1].ShouldBe("处理建议：罚款 1 500 元。");
        p.ExplanationEn[^1].ShouldBe("Proposal: fine 1,500 yuan.");
        p.Proposal!.OffenceCode.ShouldBe(OffenceCodes.OverloadMass);
    }

    // ── Limits through the judge ──────────────────────────────────────────────────────────────────────────────

    [Fact]
    public void TwoAxleTruck_RegisteredMassLower_IsTheLimit()
    {
        var j = OverloadJudge.Judge(new WeighingInput(new VehicleAxles(2, VehicleKind.Truck), 17_000, RegisteredMassKg: 16_500), onDate: Day);

        j.LimitKg.ShouldBe(16_500);
        j.OverKg.ShouldBe(500);
        j.Penalty.Kind.ShouldBe(OverloadPenalty.KindWarning);
        j.Penalty.ExplanationZh.ShouldContain("行驶证总质量 16 500 kg 低于限定标准，二轴货车以行驶证总质量为限 → 16 500 kg。");
    }

    [Fact]
    public void TwoAxleTruck_RegisteredMassHigher_TableWins() =>
        OverloadJudge.Judge(new WeighingInput(new VehicleAxles(2, VehicleKind.Truck), 18_000, RegisteredMassKg: 20_000), onDate: Day)
            .Verdict.ShouldBe(OverloadVerdict.Compliant);

    [Fact]
    public void SingleDriveAxleAndSingleTyre_LowerTheLimit_AndSayWhy()
    {
        var j = Judge(43_001, vehicle: new VehicleAxles(6, VehicleKind.Combination, TractorSingleDriveAxle: true, SingleTyreAxleCount: 1));

        j.LimitKg.ShouldBe(43_000);
        j.OverKg.ShouldBe(1);
        j.Penalty.ExplanationZh[0].ShouldBe("限定标准：六轴及六轴以上汽车列车（牵引车驱动轴为单轴）（第三条第一款第（八）项），车货总质量 46 000 kg（《超限运输车辆行驶公路管理规定》第三条）。");
        j.Penalty.ExplanationZh[1].ShouldBe("单轮胎轴 1 根，每根减 3 000 kg（第三条第二款第（二）项）→ 43 000 kg。");
    }

    // ── Dimensions (art. 3 para. 1(1)–(3), art. 43 para. 1(1)) ─────────────────────────────────────────────────

    [Theory]
    [InlineData(4_000, 2_550, 18_100)]
    [InlineData(3_999, null, null)]
    [InlineData(null, null, null)]
    public void Dimensions_AtTheLimits_AreAllowed(int? h, int? w, int? l)
    {
        var j = Judge(30_000, h: h, w: w, l: l);

        j.Dimensions.ShouldBe(DimensionJudgement.Within);
        j.Verdict.ShouldBe(OverloadVerdict.Compliant);
        j.Penalty.Kind.ShouldBe(OverloadPenalty.KindNone);
    }

    [Theory]
    [InlineData(4_001, null, null, 1, null, null)]
    [InlineData(null, 2_551, null, null, 1, null)]
    [InlineData(null, null, 18_101, null, null, 1)]
    [InlineData(4_300, 2_600, 18_000, 300, 50, null)]
    public void Dimensions_OneMmOver_IsOver_AndSaysByHowMuch(int? h, int? w, int? l, int? overH, int? overW, int? overL)
    {
        var j = Judge(30_000, h: h, w: w, l: l);

        j.Dimensions.ShouldBe(new DimensionJudgement(true, overH, overW, overL));
        j.Verdict.ShouldBe(OverloadVerdict.Overloaded);
        j.MassOver.ShouldBeFalse();
    }

    // Tier 1 (≤ 200, "可以处") has lower bound 0 → "none"; tier 2 (200–1 000) → 200; tier 3 (1 000–3 000) → 1 000.
    [Theory]
    [InlineData(4_001, null, null, "none", null, 0L, 20_000L)]
    [InlineData(4_200, 3_000, 20_000, "none", null, 0L, 20_000L)]
    [InlineData(4_201, null, null, "fine", 20_000L, 20_000L, 100_000L)]
    [InlineData(null, 3_001, null, "fine", 20_000L, 20_000L, 100_000L)]
    [InlineData(null, null, 20_001, "fine", 20_000L, 20_000L, 100_000L)]
    [InlineData(4_500, 3_750, 28_000, "fine", 20_000L, 20_000L, 100_000L)]
    [InlineData(4_501, null, null, "fine", 100_000L, 100_000L, 300_000L)]
    [InlineData(null, 3_751, null, "fine", 100_000L, 100_000L, 300_000L)]
    [InlineData(null, null, 28_001, "fine", 100_000L, 100_000L, 300_000L)]
    public void Dimensions_Tiers_ProposeTheLowerBound(int? h, int? w, int? l, string kind, long? amountFen, long minFen, long maxFen)
    {
        var p = Judge(30_000, h: h, w: w, l: l).Penalty;

        p.Kind.ShouldBe(kind);
        p.AmountFen.ShouldBe(amountFen);
        (p.MinFen, p.MaxFen).ShouldBe((minFen, maxFen));
        p.IncludesWarning.ShouldBeFalse();
        p.ExplanationZh[^1].ShouldContain("自动建议取下限");
        p.ExplanationEn[^1].ShouldContain("lower bound");
    }

    [Fact]
    public void Dimensions_Explanation_NamesEachExcess()
    {
        var p = Judge(30_000, h: 4_300, w: 2_600, l: 18_000).Penalty;

        p.ExplanationZh.ShouldContain("外廓尺寸超限（第三条第一款第（一）至（三）项）：车货总高 4.30 米，超过 4.00 米 300 mm；车货总宽 2.60 米，超过 2.55 米 50 mm。");
        p.ExplanationZh[^1].ShouldBe("处理建议：罚款幅度为 200 元至 1 000 元，自动建议取下限，罚款 200 元；执法人员可依裁量基准在幅度内调整。");
    }

    [Fact]
    public void Dimensions_Tier1Only_NoFineProposed_ButTheOfficerMayFineUpTo200()
    {
        var p = Judge(30_000, h: 4_100).Penalty;

        p.Kind.ShouldBe(OverloadPenalty.KindNone);
        p.Proposal!.OffenceCode.ShouldBe(OffenceCodes.OverloadDimensions);
        p.ExplanationZh[^1].ShouldBe("处理建议：罚款幅度为 0 元至 200 元（“可以处”），自动建议取下限 0 元，即不予罚款；执法人员可依裁量基准处 200 元以下罚款。");
    }

    // ── Mass and dimensions together (art. 43 para. 2) ────────────────────────────────────────────────────────

    [Fact]
    public void MassAndDimensions_FinesAddUp()
    {
        var j = Judge(49_000 + 3_400, h: 4_300);

        j.Verdict.ShouldBe(OverloadVerdict.Overloaded);
        j.Penalty.Kind.ShouldBe(OverloadPenalty.KindFine);
        j.Penalty.AmountYuan.ShouldBe(1_500 + 200);
        (j.Penalty.MinFen, j.Penalty.MaxFen).ShouldBe((170_000L, 250_000L));
        j.Penalty.Proposal!.OffenceCode.ShouldBe("overload.mass+overload.dimensions");
    }

    [Fact]
    public void WarningLevelMass_PlusDimensionFine_IsAFine_WithTheWarning()
    {
        var j = Judge(49_000 + 800, w: 3_800);

        j.Penalty.Kind.ShouldBe(OverloadPenalty.KindFine);
        j.Penalty.AmountYuan.ShouldBe(1_000);
        j.Penalty.IncludesWarning.ShouldBeTrue();
        j.Penalty.ExplanationZh[^1].ShouldContain("罚款 1 000 元，并予以警告");
    }

    [Fact]
    public void WarningLevelMass_PlusTier1Dimensions_IsAWarning_WithRoomFor200()
    {
        var p = Judge(49_000 + 800, h: 4_100).Penalty;

        p.Kind.ShouldBe(OverloadPenalty.KindWarning);
        p.AmountFen.ShouldBeNull();
        (p.MinFen, p.MaxFen).ShouldBe((0L, 20_000L));
        p.IncludesWarning.ShouldBeTrue();
    }

    [Fact]
    public void MassAndDimensions_AboveTheCap_Are30000()
    {
        var p = Judge(49_000 + 59_000, h: 4_600).Penalty; // 29 500 + (1 000–3 000) → 30 000

        p.Kind.ShouldBe(OverloadPenalty.KindFine);
        p.AmountYuan.ShouldBe(30_000);
        (p.MinFen, p.MaxFen).ShouldBe((3_000_000L, 3_000_000L));
        p.ExplanationZh[^1].ShouldBe("处理建议：罚款 30 000 元。");
    }

    [Fact]
    public void MassAndDimensions_RangeCrossingTheCap_LowerBoundBelowTheCap()
    {
        var p = Judge(49_000 + 59_000, h: 4_300).Penalty; // 29 500 + (200–1 000) → 29 700–30 000

        p.AmountYuan.ShouldBe(29_700);
        (p.MinFen, p.MaxFen).ShouldBe((2_970_000L, 3_000_000L));
    }

    [Fact]
    public void HugeMassAndDimensions_NeverAbove30000()
    {
        var p = Judge(200_000, h: 5_000, w: 4_000, l: 30_000).Penalty;

        p.AmountYuan.ShouldBe(30_000);
        p.MaxFen.ShouldBe(DefaultPenaltyRules.OverloadCapFen);
    }

    // ── Date, settings, validation ────────────────────────────────────────────────────────────────────────────

    [Fact]
    public void NoDate_UsesTheFixedDefault_AndSaysSo()
    {
        var j = OverloadJudge.Judge(new WeighingInput(SixAxles, 52_400));

        j.RuleDate.ShouldBe(OverloadJudge.DefaultRuleDate);
        j.Penalty.ExplanationZh.ShouldContain($"未指定违法行为发生日期：按 {OverloadJudge.DefaultRuleDate:yyyy-MM-dd} 适用的裁量基准提出建议。");
        j.Penalty.AmountYuan.ShouldBe(1_500);
    }

    [Fact]
    public void GivenDate_IsRecorded_AndNotExplainedAsDefault()
    {
        var j = Judge(52_400);

        j.RuleDate.ShouldBe(Day);
        j.Penalty.ExplanationZh.ShouldNotContain(line => line.StartsWith("未指定违法行为发生日期", StringComparison.Ordinal));
    }

    [Fact]
    public void DateBeforeTheRule_Throws()
    {
        var input = new WeighingInput(SixAxles, 40_000);

        Should.Throw<ArgumentOutOfRangeException>(() => OverloadJudge.Judge(input, onDate: new DateOnly(2016, 9, 20))).ParamName.ShouldBe("onDate");
        OverloadJudge.Judge(input, onDate: new DateOnly(2016, 9, 21)).Verdict.ShouldBe(OverloadVerdict.Compliant);
    }

    [Theory]
    [InlineData(0, null, null)]
    [InlineData(-1, null, null)]
    [InlineData(40_000, 0, null)]
    [InlineData(40_000, -4_000, null)]
    [InlineData(40_000, null, -1)]
    [InlineData(40_000, null, 11)]
    public void ImpossibleInput_Throws(int gross, int? heightMm, int? accuracyClass) =>
        Should.Throw<ArgumentOutOfRangeException>(() => OverloadJudge.Judge(new WeighingInput(SixAxles, gross, heightMm, AccuracyClass: accuracyClass), onDate: Day));

    [Fact]
    public void NullInput_Throws()
    {
        Should.Throw<ArgumentNullException>(() => OverloadJudge.Judge(null!));
        Should.Throw<ArgumentNullException>(() => OverloadJudge.Judge(new WeighingInput(null!, 40_000)));
    }

    [Fact]
    public void AmountYuan_IsWholeYuan() =>
        new OverloadPenalty(OverloadPenalty.KindFine, 150_000, [], []).AmountYuan.ShouldBe(1_500);
}
