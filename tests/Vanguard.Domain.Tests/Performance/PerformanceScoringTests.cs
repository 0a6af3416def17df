using Vanguard.Domain.Performance;

namespace Vanguard.Domain.Tests.Performance;

public sealed class PerformanceScoringTests
{
    [Fact]
    public void Score_WithoutAnySource_IsFullMarksFlaggedNoData()
    {
        var (score, results) = PerformanceScoring.Score(DefaultCatalogue.Create(), _ => null);

        score.ShouldBe(100m);
        results.ShouldAllBe(r => r.NoData);
    }

    [Fact]
    public void Score_SubtractsEachDeductionAndKeepsItsRecords()
    {
        var catalogue = DefaultCatalogue.Create();
        var (score, results) = PerformanceScoring.Score(catalogue, i => i.SourceKey switch
        {
            SourceKeys.CasesReversed => new SourceReading(new Measurement(2, 2), ["case-1", "case-2"]),
            SourceKeys.CasesDecidedWithinLimit => new SourceReading(new Measurement(1, 10), ["case-3"]),
            _ => null,
        });

        score.ShouldBe(100m - 4m - 5m); // 2 × 2 points; 90 % between 100 % and 80 % → half of 10
        var reversal = results.Single(r => r.Code == "case_reversal");
        reversal.Deducted.ShouldBe(4m);
        reversal.NoData.ShouldBeFalse();
        reversal.RecordRefs.ShouldBe(["case-1", "case-2"]);
        results.Single(r => r.Code == "cases_within_limit").Points.ShouldBe(5m);
    }

    [Fact]
    public void Score_SameReadings_SameScore()
    {
        var catalogue = DefaultCatalogue.Create();
        SourceReading Read(Indicator i) => new(new Measurement(i.Code.Length % 3, 7), []);

        PerformanceScoring.Score(catalogue, Read).Score.ShouldBe(PerformanceScoring.Score(catalogue, Read).Score);
    }

    [Fact]
    public void Rank_EqualScoresShareARank() =>
        PerformanceScoring.Rank([90m, 95m, 90m, 80m]).ShouldBe([2, 1, 2, 4]);
}
