using Vanguard.Domain.Cases;
using Vanguard.Domain.Credit;

namespace Vanguard.Domain.Tests.Credit;

public sealed class OverloadBlacklistRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly BlacklistThresholds Rules = BlacklistThresholds.Default;

    private static CountedAct Act(int daysAgo) => new(Guid.NewGuid(), Today.AddDays(-daysAgo));

    [Fact]
    public void Vehicle_ThreeViolationsInTwelveMonths_IsNotListed()
    {
        OverloadBlacklistRules.Vehicle([Act(300), Act(100), Act(1)], Today, Rules).ShouldBeNull();
    }

    [Fact]
    public void Vehicle_TheFourthViolationInTwelveMonths_CrossesTheRule()
    {
        var acts = new[] { Act(300), Act(200), Act(100), Act(1) };

        var crossing = OverloadBlacklistRules.Vehicle(acts, Today, Rules).ShouldNotBeNull();

        crossing.Rule.ShouldBe(BlacklistRule.Vehicle);
        crossing.Counted.Count.ShouldBe(4);
        crossing.CrossedOn.ShouldBe(Today.AddDays(-1));
    }

    [Fact]
    public void Vehicle_AViolationThirteenMonthsOld_DoesNotCount()
    {
        var old = new CountedAct(Guid.NewGuid(), Today.AddMonths(-13));

        OverloadBlacklistRules.Vehicle([old, Act(200), Act(100), Act(1)], Today, Rules).ShouldBeNull();
    }

    [Fact]
    public void Window_ExactlyTwelveMonthsBeforeTheLastAct_IsOutside()
    {
        var last = Today;
        var acts = new[] { new CountedAct(Guid.NewGuid(), last.AddMonths(-12)), Act(100), Act(50), new CountedAct(Guid.NewGuid(), last) };

        OverloadBlacklistRules.Vehicle(acts, Today, Rules).ShouldBeNull();
        OverloadBlacklistRules.Vehicle([.. acts, Act(10)], Today, Rules).ShouldNotBeNull();
    }

    [Fact]
    public void Vehicle_FourActsInAWindowThatEndedOverAYearAgo_AreNoGroundToday()
    {
        var acts = new[] { Act(800), Act(700), Act(600), Act(500) };

        OverloadBlacklistRules.Vehicle(acts, Today, Rules).ShouldBeNull();
        OverloadBlacklistRules.Vehicle(acts, Today.AddDays(-400), Rules).ShouldNotBeNull("seen from a day within a year of the 4th act");
    }

    [Fact]
    public void ACaseCountsOnce_EvenWithTwoActsRecorded()
    {
        var same = Guid.NewGuid();
        var acts = new[] { new CountedAct(same, Today.AddDays(-5)), new CountedAct(same, Today.AddDays(-4)), Act(3), Act(2), };

        OverloadBlacklistRules.Driver(acts, Today, Rules).ShouldBeNull();
    }

    [Fact]
    public void ActsOfAnEarlierListing_DoNotCountAgain()
    {
        var acts = new[] { Act(300), Act(200), Act(100), Act(50), Act(10) };

        OverloadBlacklistRules.Vehicle(acts, Today, Rules, after: Today.AddDays(-50)).ShouldBeNull();
        OverloadBlacklistRules.Vehicle(acts, Today, Rules, after: Today.AddDays(-301)).ShouldNotBeNull();
    }

    [Fact]
    public void Thresholds_AreConfigurable()
    {
        var strict = Rules with { VehicleMoreThan = 1, SourceMoreThan = 5 };

        OverloadBlacklistRules.Vehicle([Act(20), Act(10)], Today, strict).ShouldNotBeNull();
        OverloadBlacklistRules.Source([Act(50), Act(40), Act(30), Act(20), Act(10)], Today, strict).ShouldBeNull();
    }

    [Fact]
    public void Source_MoreThanThreeLoadingsInTwelveMonths_CrossesTheProvincialDefault()
    {
        OverloadBlacklistRules.Source([Act(40), Act(30), Act(20)], Today, Rules).ShouldBeNull();
        OverloadBlacklistRules.Source([Act(40), Act(30), Act(20), Act(10)], Today, Rules)!.Rule.ShouldBe(BlacklistRule.Source);
    }

    [Fact]
    public void Enterprise_TenPercentIsNotMoreThanTenPercent()
    {
        var one = new Dictionary<string, IReadOnlyList<CountedAct>> { ["豫A00001|yellow"] = [Act(10)] };
        var two = new Dictionary<string, IReadOnlyList<CountedAct>> { ["豫A00001|yellow"] = [Act(10)], ["豫A00002|yellow"] = [Act(20)] };

        OverloadBlacklistRules.Enterprise(10, one, Today, Rules).ShouldBeNull("1 of 10 is 10 %, not more");
        var crossing = OverloadBlacklistRules.Enterprise(10, two, Today, Rules).ShouldNotBeNull();
        crossing.Counted.Count.ShouldBe(2);
        OverloadBlacklistRules.Enterprise(19, two, Today, Rules).ShouldNotBeNull("2 of 19 is 10.5 %");
        OverloadBlacklistRules.Enterprise(20, two, Today, Rules).ShouldBeNull("2 of 20 is 10 %");
    }

    [Fact]
    public void Enterprise_BelowTheMinimumFleet_IsNotRated_AndOldViolationsDoNotCount()
    {
        var all = new Dictionary<string, IReadOnlyList<CountedAct>> { ["a"] = [Act(10)], ["b"] = [Act(20)] };
        var old = new Dictionary<string, IReadOnlyList<CountedAct>> { ["a"] = [Act(10)], ["b"] = [new CountedAct(Guid.NewGuid(), Today.AddMonths(-13))] };

        OverloadBlacklistRules.Enterprise(5, all, Today, Rules).ShouldBeNull();
        OverloadBlacklistRules.Enterprise(5, all, Today, Rules with { EnterpriseMinimumFleet = 1 }).ShouldNotBeNull();
        OverloadBlacklistRules.Enterprise(10, old, Today, Rules).ShouldBeNull();
    }

    [Fact]
    public void RatePercent_IsRoundedToOneDecimal() => OverloadBlacklistRules.RatePercent(2, 19).ShouldBe(10.5m);
}

public sealed class CreditRepairTests
{
    private static readonly DateOnly ListedOn = new(2025, 3, 31);

    [Fact]
    public void Listing_ByDefault_EndsAfterTwoYears() => CreditRepair.ExpiresOn(ListedOn, CreditPeriods.Default).ShouldBe(new DateOnly(2027, 3, 31));

    [Fact]
    public void Repair_BeforeTheMinimumPublication_IsRefused_FromItsFirstDayAllowed()
    {
        var periods = CreditPeriods.Default;

        CreditRepair.EarliestRepairOn(ListedOn, periods).ShouldBe(new DateOnly(2026, 3, 31));
        CreditRepair.MayApply(ListedOn, new DateOnly(2026, 3, 30), periods).ShouldBeFalse();
        CreditRepair.MayApply(ListedOn, new DateOnly(2026, 3, 31), periods).ShouldBeTrue();
    }

    [Fact]
    public void Periods_AreConfigurable()
    {
        var periods = new CreditPeriods { ListingMonths = 36, MinimumPublicationMonths = 3 };

        CreditRepair.EarliestRepairOn(ListedOn, periods).ShouldBe(new DateOnly(2025, 6, 30));
        CreditRepair.ExpiresOn(ListedOn, periods).ShouldBe(new DateOnly(2028, 3, 31));
        CreditRepair.HasExpired(new DateOnly(2028, 3, 31), new DateOnly(2028, 3, 31)).ShouldBeTrue();
    }
}

public sealed class CreditSubjectTests
{
    [Fact]
    public void PublicKey_MasksPlatesAndIdNumbers_ButNotCreditCodes()
    {
        CreditSubjectKind.PublicKey(CreditSubjectKind.Vehicle, "豫A12345|yellow").ShouldBe("豫A·***45 黄色", "as 双公示 masks a plate");
        CreditSubjectKind.PublicKey(CreditSubjectKind.Person, "11010519491231002X").ShouldBe("110105********002X");
        CreditSubjectKind.PublicKey(CreditSubjectKind.Organisation, "9135052155323005XL").ShouldBe("9135052155323005XL");
    }

    [Fact]
    public void PublicName_KeepsAPersonsFirstCharacter() =>
        (CreditSubjectKind.PublicName(CreditSubjectKind.Person, "张三丰"), CreditSubjectKind.PublicName(CreditSubjectKind.Organisation, "某某物流有限公司"))
            .ShouldBe(("张**", "某某物流有限公司"));
}

public sealed class CreditCorrectionsTests
{
    [Theory]
    [InlineData(ReviewResult.Revoked, true)]
    [InlineData(ReviewResult.ConfirmedIllegal, true)]
    [InlineData(ReviewResult.Changed, false)]
    [InlineData(ReviewResult.Upheld, false)]
    [InlineData(ReviewResult.OrderedToPerform, false)]
    public void OnlyAnOutcomeThatRemovesTheFinding_VoidsTheEvents(ReviewResult result, bool voids) =>
        CreditCorrections.RemovesFinding(result).ShouldBe(voids);

    [Fact]
    public void ADecisionCounts_OnceServed_AndOnlyAPenalty() =>
        (CreditCorrections.Counts(true, null), CreditCorrections.Counts(true, new DateOnly(2026, 9, 1)), CreditCorrections.Counts(false, new DateOnly(2026, 9, 1)))
            .ShouldBe((false, true, false));
}
