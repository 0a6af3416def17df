using Vanguard.Domain.Performance;

namespace Vanguard.Domain.Tests.Warnings;

/// <summary>问题预警按期处置 in the default catalogue: 3 points taken from the disclosure rate, −1 per late warning, at most −3.</summary>
public sealed class WarningsIndicatorTests
{
    [Fact]
    public void DefaultCatalogue_Has3PointsForWarningsOnTime_TakenFromTheDisclosureRate()
    {
        var catalogue = DefaultCatalogue.Create();
        var warnings = catalogue.Indicators.Single(i => i.SourceKey == SourceKeys.WarningsOverdue);

        catalogue.Validate().ShouldBeEmpty();
        catalogue.Groups.Sum(g => g.Weight).ShouldBe(100m);
        (warnings.Code, warnings.Name, warnings.Weight).ShouldBe(("warnings_on_time", "问题预警按期处置", 3m));
        catalogue.Indicators.Single(i => i.Code == "disclosed_7_days").Weight.ShouldBe(12m);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(3, 3)]
    [InlineData(5, 3)] // at most 3
    public void LateWarnings_CostOnePointEach_AtMostThree(int late, decimal lost)
    {
        var warnings = DefaultCatalogue.Create().Indicators.Single(i => i.SourceKey == SourceKeys.WarningsOverdue);

        warnings.Rule.Deduct(warnings.Weight, new Measurement(late, 10)).ShouldBe(lost);
    }
}
