using Vanguard.Domain.Performance;

namespace Vanguard.Domain.Tests.Performance;

public sealed class IndicatorCatalogueTests
{
    private static Indicator Item(string code, decimal weight) =>
        new(code, "名称", "定义", "公式", weight, "cases.decided_within_limit", DeductionRule.Ratio(1m, 0.8m));

    [Fact]
    public void DefaultCatalogue_IsValidAndSumsTo100()
    {
        var catalogue = DefaultCatalogue.Create();

        catalogue.Validate().ShouldBeEmpty();
        catalogue.Groups.Sum(g => g.Weight).ShouldBe(100m);
        catalogue.Groups.Select(g => g.Code).ShouldBe(["timeliness", "precision", "openness", "traceability", "effect", "conduct"]);
    }

    [Fact]
    public void Validate_GroupsNotSummingTo100_IsRefused()
    {
        var catalogue = new IndicatorCatalogue([new("a", "甲", 60m, [Item("a1", 60m)]), new("b", "乙", 30m, [Item("b1", 30m)])]);

        catalogue.Validate()["groups"].Select(e => e.Code).ShouldContain("sum_not_100");
    }

    [Fact]
    public void Validate_GroupWeightNotTheSumOfItsIndicators_IsRefused()
    {
        var catalogue = new IndicatorCatalogue([new("a", "甲", 100m, [Item("a1", 60m), Item("a2", 30m)])]);

        catalogue.Validate()["groups[0].weight"].Single().Code.ShouldBe("sum_mismatch");
    }

    [Fact]
    public void Validate_DuplicateCodes_AreRefused()
    {
        var catalogue = new IndicatorCatalogue([new("a", "甲", 100m, [Item("x", 50m), Item("x", 50m)])]);

        catalogue.Validate()["groups[0].indicators[1].code"].Single().Code.ShouldBe("duplicate");
    }

    [Fact]
    public void Validate_CapAboveTheWeight_IsRefused()
    {
        var bad = Item("a1", 100m) with { Weight = 4m, Rule = DeductionRule.PerOccurrence(1m, 5m) };
        var catalogue = new IndicatorCatalogue([new("a", "甲", 4m, [bad])]);

        catalogue.Validate().Keys.ShouldContain("groups[0].indicators[0].rule.cap");
    }

    [Fact]
    public void Validate_MissingTextsAndBadWeights_AreNamed()
    {
        var bad = new Indicator("A B", "", " ", "", 0.005m, "", DeductionRule.Ratio(1m, 0.8m));
        var errors = new IndicatorCatalogue([new("a", "甲", 100m, [bad])]).Validate();

        errors.Keys.ShouldBe(
            ["groups[0].weight", "groups[0].indicators[0].code", "groups[0].indicators[0].name", "groups[0].indicators[0].definition",
                "groups[0].indicators[0].formula", "groups[0].indicators[0].sourceKey", "groups[0].indicators[0].weight"],
            ignoreOrder: true);
    }

    [Fact]
    public void Validate_Empty_IsRefused() =>
        new IndicatorCatalogue([]).Validate()["groups"].Single().Code.ShouldBe("required");
}
