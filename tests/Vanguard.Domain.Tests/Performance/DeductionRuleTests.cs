using Vanguard.Domain.Performance;

namespace Vanguard.Domain.Tests.Performance;

public sealed class DeductionRuleTests
{
    [Theory]
    [InlineData(0, 100, 0)]       // 100 % ≥ target 95 %: nothing lost
    [InlineData(5, 100, 0)]       // exactly the target
    [InlineData(10, 100, 5)]      // 90 %: half-way between 95 % and 85 % → half of 10
    [InlineData(15, 100, 10)]     // at the floor: everything
    [InlineData(40, 100, 10)]     // below the floor: never more than the weight
    [InlineData(0, 0, 0)]         // nothing to measure: nothing lost
    public void Ratio_IsLinearBetweenTargetAndFloor(int failures, int total, decimal expected) =>
        DeductionRule.Ratio(0.95m, 0.85m).Deduct(10m, new Measurement(failures, total)).ShouldBe(expected);

    [Fact]
    public void Ratio_RoundsToHundredths() =>
        DeductionRule.Ratio(1m, 0m).Deduct(10m, new Measurement(1, 3)).ShouldBe(3.33m);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 2)]
    [InlineData(4, 8)]
    [InlineData(5, 10)]  // exactly the cap
    [InlineData(9, 10)]  // capped
    public void PerOccurrence_DeductsEachUpToTheCap(int failures, decimal expected) =>
        DeductionRule.PerOccurrence(2m, 10m).Deduct(10m, new Measurement(failures, failures)).ShouldBe(expected);

    [Theory]
    [InlineData(2, 100, 0)]   // 2 % is at the limit
    [InlineData(3, 100, 10)]  // above: the whole weight
    [InlineData(0, 0, 0)]
    public void Threshold_LosesTheWholeWeightAboveTheLimit(int failures, int total, decimal expected) =>
        DeductionRule.Threshold(0.02m).Deduct(10m, new Measurement(failures, total)).ShouldBe(expected);

    [Fact]
    public void Threshold_OfZero_LosesTheWeightOnTheFirstFailure() =>
        DeductionRule.Threshold(0m).Deduct(5m, new Measurement(1, 1000)).ShouldBe(5m);

    [Theory]
    [InlineData("ratio", null, null, null, null, null, "target")]
    [InlineData("ratio", 1.2, 0.5, null, null, null, "target")]
    [InlineData("ratio", 0.9, 0.9, null, null, null, "floor")]
    [InlineData("per_occurrence", null, null, 0.0, 5.0, null, "pointsEach")]
    [InlineData("per_occurrence", null, null, 1.0, 11.0, null, "cap")]
    [InlineData("threshold", null, null, null, null, 1.5, "limit")]
    [InlineData("bonus", null, null, null, null, null, "kind")]
    public void Validate_NamesTheBadParameter(string kind, double? target, double? floor, double? each, double? cap, double? limit, string field)
    {
        var rule = new DeductionRule(kind, (decimal?)target, (decimal?)floor, (decimal?)each, (decimal?)cap, (decimal?)limit);

        rule.Validate(10m).Select(p => p.Field).ShouldContain(field);
    }

    [Fact]
    public void Validate_SoundRules_HaveNoProblems()
    {
        DeductionRule.Ratio(1m, 0.8m).Validate(10m).ShouldBeEmpty();
        DeductionRule.PerOccurrence(2m, 10m).Validate(10m).ShouldBeEmpty();
        DeductionRule.Threshold(0m).Validate(10m).ShouldBeEmpty();
    }
}
