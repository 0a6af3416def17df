namespace Vanguard.Domain.Performance;

/// <summary>One indicator's result for one agency and month; <see cref="NoData"/>: no source measures it yet, full marks with a note.</summary>
public sealed record IndicatorResult(
    string GroupCode, string Code, decimal Weight, decimal Deducted, bool NoData, int Failures, int Total, IReadOnlyList<string> RecordRefs)
{
    public decimal Points => Weight - Deducted;
}

/// <summary>What a source measured: the measurement and the ids of the records that caused the failures (for drill-down).</summary>
public sealed record SourceReading(Measurement Measurement, IReadOnlyList<string> RecordRefs);

public static class PerformanceScoring
{
    /// <summary>
    /// Scores one agency against the catalogue. <paramref name="read"/> gives the reading of an indicator's source, or null when
    /// no source measures it (full marks, flagged <see cref="IndicatorResult.NoData"/>, never silently). Pure: the same readings
    /// give the same score.
    /// </summary>
    public static (decimal Score, IReadOnlyList<IndicatorResult> Results) Score(IndicatorCatalogue catalogue, Func<Indicator, SourceReading?> read)
    {
        var results = new List<IndicatorResult>();
        foreach (var group in catalogue.Groups)
        {
            foreach (var indicator in group.Indicators)
            {
                var reading = read(indicator);
                results.Add(reading is null
                    ? new IndicatorResult(group.Code, indicator.Code, indicator.Weight, 0m, true, 0, 0, [])
                    : new IndicatorResult(
                        group.Code, indicator.Code, indicator.Weight, indicator.Rule.Deduct(indicator.Weight, reading.Measurement), false,
                        reading.Measurement.Failures, reading.Measurement.Total, reading.RecordRefs));
            }
        }

        return (results.Sum(r => r.Points), results);
    }

    /// <summary>Competition ranking (1, 2, 2, 4): equal scores share a rank.</summary>
    public static IReadOnlyList<int> Rank(IReadOnlyList<decimal> scores) =>
        scores.Select(s => 1 + scores.Count(o => o > s)).ToList();
}
