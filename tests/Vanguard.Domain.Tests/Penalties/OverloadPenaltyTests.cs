using Vanguard.Domain.Penalties;

namespace Vanguard.Domain.Tests.Penalties;

public sealed class OverloadPenaltyTests
{
    private static readonly DateOnly Day = new(2025, 6, 10);

    private static PenaltyProposal Mass(int overKg, DiscretionStandard? standard = null) =>
        (standard ?? DiscretionStandard.Default).Propose(OffenceCodes.OverloadMass, new PenaltyFacts { OverKg = overKg }, Day);

    private static PenaltyProposal Dimensions(int? h = null, int? w = null, int? l = null) =>
        DiscretionStandard.Default.Propose(OffenceCodes.OverloadDimensions, new PenaltyFacts { HeightMm = h, WidthMm = w, LengthMm = l }, Day);

    [Theory]
    [InlineData(1)]
    [InlineData(1_000)] // "未超过1000千克的，予以警告": 1 000 kg itself is a warning
    public void Mass_UpTo1000KgOver_IsAWarning(int overKg)
    {
        var p = Mass(overKg);

        p.Kind.ShouldBe(PenaltyKind.Warning);
        p.Warning.ShouldBeTrue();
        p.AmountFen.ShouldBeNull();
        p.ExplanationZh[^1].ShouldContain("予以警告");
    }

    [Theory]
    [InlineData(1_001, 50_000L)]     // 1 full 1 000 kg → 500 yuan
    [InlineData(1_999, 50_000L)]
    [InlineData(2_000, 100_000L)]
    [InlineData(3_400, 150_000L)]
    [InlineData(60_999, 3_000_000L)] // 60 units = exactly the cap
    [InlineData(70_000, 3_000_000L)] // 70 units = 35 000 yuan → capped at 30 000
    public void Mass_Floor_CountsOnlyFull1000Kg_CappedAt30000Yuan(int overKg, long expectedFen)
    {
        var p = Mass(overKg);

        p.Kind.ShouldBe(PenaltyKind.PerUnit);
        p.Warning.ShouldBeFalse();
        p.AmountFen.ShouldBe(expectedFen);
        p.MinFen.ShouldBe(expectedFen);
        p.MaxFen.ShouldBe(expectedFen);
    }

    [Theory]
    [InlineData(1_001, 100_000L)]    // a started 1 000 kg counts: 2 units
    [InlineData(2_000, 100_000L)]
    [InlineData(3_400, 200_000L)]
    [InlineData(59_001, 3_000_000L)] // 60 units
    [InlineData(70_000, 3_000_000L)]
    public void Mass_Ceiling_CountsAStarted1000Kg(int overKg, long expectedFen) =>
        Mass(overKg, DiscretionStandard.CreateDefault(OverloadUnitRounding.Ceiling)).AmountFen.ShouldBe(expectedFen);

    [Fact]
    public void Mass_Ceiling_StillWarnsUpTo1000Kg() =>
        Mass(1_000, DiscretionStandard.CreateDefault(OverloadUnitRounding.Ceiling)).Kind.ShouldBe(PenaltyKind.Warning);

    [Fact]
    public void Mass_Explanation_ShowsTheRuleAndTheArithmetic()
    {
        var p = Mass(3_400);

        p.ExplanationZh[0].ShouldContain("《超限运输车辆行驶公路管理规定》第四十三条第一款第（二）项");
        p.ExplanationZh[0].ShouldContain("第 1 版");
        p.ExplanationZh[^1].ShouldBe("超限 3 400 kg → 按每超 1 000 kg 罚款 500 元计，3 个整吨 → 1 500 元。");
        p.ExplanationEn[^1].ShouldBe("Over by 3,400 kg → 500 yuan per 1,000 kg over, 3 full units → 1,500 yuan.");
        p.LegalBasis.ShouldBe("《超限运输车辆行驶公路管理规定》第四十三条第一款第（二）项");
        p.RuleVersion.ShouldBe(1);
    }

    [Fact]
    public void Mass_Explanation_NamesTheCapWhenItBites() =>
        Mass(70_000).ExplanationZh[^1].ShouldBe("超限 70 000 kg → 按每超 1 000 kg 罚款 500 元计，70 个整吨 → 35 000 元，超过上限 30 000 元 → 30 000 元。");

    [Fact]
    public void Mass_NotOver_IsNotAnOffence()
    {
        var result = DiscretionStandard.Default.TryPropose(OffenceCodes.OverloadMass, new PenaltyFacts { OverKg = 0 }, Day);

        result.IsSuccess.ShouldBeFalse();
        result.Error!.Code.ShouldBe("penalties.not_an_offence");
    }

    [Fact]
    public void Mass_WithoutTheExcess_IsMissingAFact() =>
        DiscretionStandard.Default.TryPropose(OffenceCodes.OverloadMass, new PenaltyFacts(), Day).Error!.Code.ShouldBe("penalties.facts_missing");

    [Fact]
    public void Mass_BeforeTheRuleWasInForce_HasNoRule()
    {
        var result = DiscretionStandard.Default.TryPropose(OffenceCodes.OverloadMass, new PenaltyFacts { OverKg = 5_000 }, new DateOnly(2016, 9, 20));

        result.Error!.Code.ShouldBe("penalties.no_rule");
        Should.Throw<ArgumentException>(() => DiscretionStandard.Default.Propose(OffenceCodes.OverloadMass, new PenaltyFacts { OverKg = 5_000 }, new DateOnly(2016, 9, 20)))
            .Message.ShouldContain("penalties.no_rule");
    }

    [Theory]
    [InlineData(4_200, 3_000, 20_000, 0L, 20_000L)]          // all at the tier-1 limits: "未超过"
    [InlineData(4_100, null, null, 0L, 20_000L)]
    [InlineData(4_201, 2_500, 18_000, 20_000L, 100_000L)]    // height just over 4.2 m
    [InlineData(4_500, 3_750, 28_000, 20_000L, 100_000L)]
    [InlineData(4_000, 3_751, 18_000, 100_000L, 300_000L)]   // width alone over 3.75 m
    [InlineData(null, null, 28_001, 100_000L, 300_000L)]
    public void Dimensions_ThreeTiers_ByHeightWidthLength(int? h, int? w, int? l, long min, long max)
    {
        var p = Dimensions(h, w, l);

        p.Kind.ShouldBe(PenaltyKind.Range);
        p.AmountFen.ShouldBeNull();
        p.MinFen.ShouldBe(min);
        p.MaxFen.ShouldBe(max);
        p.Warning.ShouldBeFalse();
    }

    [Fact]
    public void Dimensions_Explanation_ShowsMeasuresAndTier() =>
        Dimensions(4_300, 2_500, 18_000).ExplanationZh[^1]
            .ShouldBe("车货总高 4.30 米、宽 2.50 米、长 18.00 米：未超过高 4.5 米、宽 3.75 米且长 28 米 → 处 200 元以上 1 000 元以下罚款。");

    [Fact]
    public void Dimensions_WithinArticle3Limits_IsNotAnOffence() =>
        DiscretionStandard.Default.TryPropose(OffenceCodes.OverloadDimensions, new PenaltyFacts { HeightMm = 4_000, WidthMm = 2_550, LengthMm = 18_100 }, Day)
            .Error!.Code.ShouldBe("penalties.not_an_offence");

    [Fact]
    public void Dimensions_WithoutMeasures_IsMissingAFact() =>
        DiscretionStandard.Default.TryPropose(OffenceCodes.OverloadDimensions, new PenaltyFacts { OverKg = 3_000 }, Day)
            .Error!.Code.ShouldBe("penalties.facts_missing");

    [Fact]
    public void Combine_MassAndDimensions_AddsUp()
    {
        var combined = DiscretionStandard.Combine(Mass(3_400), Dimensions(h: 4_300));

        combined.Kind.ShouldBe(PenaltyKind.Range);
        combined.MinFen.ShouldBe(150_000 + 20_000);
        combined.MaxFen.ShouldBe(150_000 + 100_000);
        combined.Parts.Count.ShouldBe(2);
        combined.OffenceCode.ShouldBe("overload.mass+overload.dimensions");
    }

    [Fact]
    public void Combine_TotalAbove30000Yuan_IsCapped()
    {
        var combined = DiscretionStandard.Combine(Mass(59_000), Dimensions(h: 4_600));

        // 29 500 + (1 000–3 000) = 30 500–32 500, all above the cap → exactly 30 000.
        combined.Kind.ShouldBe(PenaltyKind.Fixed);
        combined.AmountFen.ShouldBe(3_000_000);
        combined.MinFen.ShouldBe(3_000_000);
        combined.MaxFen.ShouldBe(3_000_000);
        combined.ExplanationZh[^1].ShouldBe("多项违法行为罚款累计 30 500 元以上 32 500 元以下（累计不得超过 30 000 元） → 30 000 元。");
    }

    [Fact]
    public void Combine_RangeCrossingTheCap_CapsOnlyTheTop()
    {
        // 29 500 + (200–1 000) = 29 700–30 500 → 29 700–30 000.
        var combined = DiscretionStandard.Combine(Mass(59_000), Dimensions(h: 4_300));

        combined.Kind.ShouldBe(PenaltyKind.Range);
        combined.MinFen.ShouldBe(2_970_000);
        combined.MaxFen.ShouldBe(3_000_000);
        DiscretionStandard.DepartsFrom(combined, 3_000_000, decidedWarning: false).ShouldBeFalse();
        DiscretionStandard.DepartsFrom(combined, 3_000_001, decidedWarning: false).ShouldBeTrue();
    }

    [Fact]
    public void Combine_ExactAmounts_StayExact_AndCapped()
    {
        var combined = DiscretionStandard.Combine(Mass(40_000), Mass(30_000));

        combined.Kind.ShouldBe(PenaltyKind.Fixed);
        combined.AmountFen.ShouldBe(3_000_000); // 20 000 + 15 000 → 30 000
    }

    [Fact]
    public void Combine_WarningAndFine_KeepsBoth()
    {
        var combined = DiscretionStandard.Combine(Mass(800), Dimensions(w: 3_800));

        combined.Warning.ShouldBeTrue();
        combined.MinFen.ShouldBe(100_000);
        combined.MaxFen.ShouldBe(300_000);
    }

    [Fact]
    public void Combine_OffencesOfDifferentLaws_IsRefused()
    {
        var unlicensed = DiscretionStandard.Default.Propose(OffenceCodes.UnlicensedFreight, new PenaltyFacts(), Day);

        Should.Throw<ArgumentException>(() => DiscretionStandard.Combine(Mass(3_000), unlicensed));
    }
}
