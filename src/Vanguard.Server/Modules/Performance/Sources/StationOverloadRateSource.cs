using Vanguard.Domain.Performance;
using Vanguard.Server.Modules.Offsite.Contracts;
using Vanguard.Server.Modules.Performance.Contracts;

namespace Vanguard.Server.Modules.Performance.Sources;

/// <summary>
/// 检测站超限率 from Offsite's <see cref="IOverloadStatistics"/>: the month's weighings in the agency's subtree and the overloaded ones.
/// The count is complete; the drill-down links the first <see cref="MaxRecords"/> overloaded weighings as <c>weighing:{id}</c>
/// (a rate's evidence is the sample, not ten thousand links).
/// </summary>
internal sealed class StationOverloadRateSource(IOverloadStatistics statistics) : IIndicatorSource
{
    public const int MaxRecords = 100;

    public string Key => SourceKeys.StationOverloadRate;

    public async Task<IReadOnlyDictionary<Guid, SourceReading>> ComputeAsync(IReadOnlyList<ScoredAgency> agencies, ScoringMonth month, CancellationToken ct)
    {
        var all = await statistics.WeighingsAsync(month.From, month.To, MaxRecords, ct);
        return agencies.ToDictionary(a => a.AgencyId, a =>
        {
            var mine = all.Where(w => a.Subtree.Contains(w.AgencyId)).ToList();
            var refs = mine.SelectMany(w => w.OverloadedIds).Order().Take(MaxRecords).Select(id => $"weighing:{id}").ToList();
            return new SourceReading(new Measurement(mine.Sum(w => w.Overloaded), mine.Sum(w => w.Weighings)), refs);
        });
    }

    public Task<IReadOnlyList<RecordFacts>> DescribeAsync(IReadOnlyList<string> recordRefs, CancellationToken ct) =>
        RecordText.WeighingsAsync(statistics, recordRefs, "超限检测记录", ct);
}
