using Vanguard.Domain.Cases;
using Vanguard.Domain.Penalties;

namespace Vanguard.Domain.Tests.Penalties;

public sealed class DiscretionStandardTests
{
    private static readonly DateOnly Day = new(2025, 6, 10);

    private static PenaltyProposal Propose(string code, PenaltyFacts facts) => DiscretionStandard.Default.Propose(code, facts, Day);

    [Theory]
    [InlineData(false, 300_000L, 1_000_000L)]
    [InlineData(true, 1_000_000L, 5_000_000L)]
    public void UnlicensedFreight_OrdinaryOrSerious(bool serious, long min, long max)
    {
        var p = Propose(OffenceCodes.UnlicensedFreight, new PenaltyFacts { Serious = serious });

        p.Kind.ShouldBe(PenaltyKind.Range);
        (p.MinFen, p.MaxFen).ShouldBe((min, max));
        p.ConfiscateIllegalGains.ShouldBeFalse();
    }

    [Theory]
    [InlineData(OffenceCodes.UnlicensedPassenger, 1_000_000L, 10_000_000L)]
    [InlineData(OffenceCodes.UnlicensedDangerousGoods, 3_000_000L, 10_000_000L)]
    public void UnlicensedPassengerAndDangerousGoods_Ranges(string code, long min, long max)
    {
        var p = Propose(code, new PenaltyFacts { IllegalGainsFen = 2_000_000 }); // exactly 20 000: not "超过"

        (p.MinFen, p.MaxFen).ShouldBe((min, max));
        p.ExplanationZh.ShouldContain(line => line.Contains("未超过 20 000 元"));
    }

    [Fact]
    public void UnlicensedFreight_GainsAboveThreshold_ConfiscateAndMultiples_AsANote()
    {
        var p = Propose(OffenceCodes.UnlicensedFreight, new PenaltyFacts { IllegalGainsFen = 1_200_000 });

        p.Kind.ShouldBe(PenaltyKind.Range);
        p.MinFen.ShouldBeNull();
        p.MaxFen.ShouldBeNull();
        p.ConfiscateIllegalGains.ShouldBeTrue();
        p.IllegalGainsFine.ShouldBe(new IllegalGainsFine(1_200_000, 1, 5));
        p.ExplanationZh[^1].ShouldContain("没收违法所得，并处违法所得 1 倍以上 5 倍以下罚款");
        p.LegalBasis.ShouldBe("《中华人民共和国道路运输条例》第六十三条第（一）项");
    }

    [Fact]
    public void Unlicensed_BeforeThe2023Revision_HasNoRuleInTheDefaults() =>
        DiscretionStandard.Default.TryPropose(OffenceCodes.UnlicensedFreight, new PenaltyFacts(), new DateOnly(2023, 7, 19))
            .Error!.Code.ShouldBe("penalties.no_rule");

    [Fact]
    public void Find_PicksTheLatestVersionInForceOnTheDay()
    {
        var v2 = DefaultPenaltyRules.UnlicensedPassenger() with { Version = 2, EffectiveFrom = new DateOnly(2026, 1, 1), MinFen = 1_500_000 };
        var standard = DiscretionStandard.Default.With(v2);

        standard.Find(OffenceCodes.UnlicensedPassenger, new DateOnly(2025, 12, 31))!.Version.ShouldBe(1);
        standard.Find(OffenceCodes.UnlicensedPassenger, new DateOnly(2026, 1, 1))!.Version.ShouldBe(2);
        standard.Propose(OffenceCodes.UnlicensedPassenger, new PenaltyFacts(), new DateOnly(2026, 3, 1)).RuleVersion.ShouldBe(2);
        standard.Find("no.such.offence", Day).ShouldBeNull();
    }

    [Fact]
    public void Constructor_DuplicateVersion_IsRefused() =>
        Should.Throw<ArgumentException>(() => DiscretionStandard.Default.With(DefaultPenaltyRules.UnlicensedPassenger()));

    [Fact]
    public void Constructor_RangeWithoutMaximum_IsRefused() =>
        Should.Throw<ArgumentException>(() => new DiscretionStandard(
            [new PenaltyRule("x", "x", "x", "x", 1, Day, PenaltyKind.Range, 100, null, null)]));

    [Fact]
    public void FixedAndWarningRules_AreDataToo()
    {
        var standard = new DiscretionStandard(
        [
            new PenaltyRule("demo.fixed", "定额", "某条", "罚款200元", 1, Day, PenaltyKind.Fixed, 20_000, 20_000, null),
            new PenaltyRule("demo.warning", "警告", "某条", "予以警告", 1, Day, PenaltyKind.Warning, null, null, null),
        ]);

        standard.Propose("demo.fixed", new PenaltyFacts(), Day).AmountFen.ShouldBe(20_000);
        standard.Propose("demo.warning", new PenaltyFacts(), Day).Warning.ShouldBeTrue();
    }

    [Theory]
    [InlineData(150_000L, false, false)] // exactly the per-unit amount
    [InlineData(149_999L, false, true)]
    [InlineData(150_000L, true, true)]   // a warning was not proposed
    public void DepartsFrom_ExactProposal(long decided, bool warning, bool departs) =>
        DiscretionStandard.DepartsFrom(Propose(OffenceCodes.OverloadMass, new PenaltyFacts { OverKg = 3_400 }), decided, warning).ShouldBe(departs);

    [Theory]
    [InlineData(300_000L, false)]
    [InlineData(1_000_000L, false)]
    [InlineData(299_999L, true)]
    [InlineData(1_000_001L, true)]
    public void DepartsFrom_Range_ChecksBothEnds(long decided, bool departs) =>
        DiscretionStandard.DepartsFrom(Propose(OffenceCodes.UnlicensedFreight, new PenaltyFacts()), decided, false).ShouldBe(departs);

    [Theory]
    [InlineData(0L, true, false)]
    [InlineData(0L, false, true)]      // no penalty instead of a warning (e.g. 行政处罚法 art. 33) is a departure to explain
    [InlineData(20_000L, true, true)]
    public void DepartsFrom_Warning(long decided, bool warning, bool departs) =>
        DiscretionStandard.DepartsFrom(Propose(OffenceCodes.OverloadMass, new PenaltyFacts { OverKg = 500 }), decided, warning).ShouldBe(departs);

    [Theory]
    [InlineData(1_200_000L, false)]
    [InlineData(6_000_000L, false)]
    [InlineData(6_000_001L, true)]
    [InlineData(1_000_000L, true)]
    public void DepartsFrom_IllegalGains_UsesTheMultiples(long decided, bool departs) =>
        DiscretionStandard.DepartsFrom(Propose(OffenceCodes.UnlicensedFreight, new PenaltyFacts { IllegalGainsFen = 1_200_000 }), decided, false).ShouldBe(departs);

    [Theory]
    [InlineData(PartyKind.Person, 999_999L, false, false)]
    [InlineData(PartyKind.Person, 1_000_000L, false, true)]      // 10 000 yuan: "以上" includes the amount
    [InlineData(PartyKind.Organisation, 9_999_999L, false, false)]
    [InlineData(PartyKind.Organisation, 10_000_000L, false, true)]
    [InlineData(PartyKind.Organisation, 0L, true, true)]         // 吊销许可证件
    public void HearingEligible_DefaultPlaceholderThresholds(PartyKind party, long fine, bool revokes, bool eligible) =>
        HearingThresholds.IsHearingEligible(party, fine, revokes, HearingThresholds.Default).ShouldBe(eligible);

    [Fact]
    public void HearingEligible_ThresholdsAreASetting()
    {
        var province = new HearingThresholds(PersonFen: 500_000, OrganisationFen: 5_000_000);

        HearingThresholds.IsHearingEligible(PartyKind.Person, 500_000, false, province).ShouldBeTrue();
        HearingThresholds.IsHearingEligible(PartyKind.Person, 500_000, false, HearingThresholds.Default).ShouldBeFalse();
        HearingThresholds.IsHearingEligible(PartyKind.Person, 0, false, province, otherSeriousPenalty: true).ShouldBeTrue();
    }
}
