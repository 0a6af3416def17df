using Vanguard.Domain.Performance;
using Vanguard.Server.Modules.Offsite.Contracts;
using Vanguard.Server.Modules.Performance.Contracts;

namespace Vanguard.Server.Modules.Performance.Sources;

/// <summary>
/// 非现场记录 5 日内审核率 from Offsite's <see cref="IOverloadStatistics"/>: of the review items of weighings captured in the month
/// (overloaded and usable as evidence), the failures are those not reviewed — confirmed or invalidated — by their due day, 5 working
/// days after capture (the off-site module's <c>ReviewDueOn</c>, 道路交通安全违法行为处理程序规定 art. 19 and 81), including those still
/// pending once that day is over when the month is computed. The count is complete; the drill-down links the first
/// <see cref="MaxRecords"/> as <c>weighing:{id}</c>.
/// </summary>
internal sealed class ReviewedWithin5DaysSource(IOverloadStatistics statistics) : IIndicatorSource
{
    public const int MaxRecords = 100;

    public string Key => SourceKeys.OffsiteReviewedWithin5Days;

    public async Task<IReadOnlyDictionary<Guid, SourceReading>> ComputeAsync(IReadOnlyList<ScoredAgency> agencies, ScoringMonth month, CancellationToken ct)
    {
        var all = await statistics.ReviewTimelinessAsync(month.From, month.To, MaxRecords, ct);
        return agencies.ToDictionary(a => a.AgencyId, a =>
        {
            var mine = all.Where(r => a.Subtree.Contains(r.AgencyId)).ToList();
            var refs = mine.SelectMany(r => r.LateWeighingIds).Order().Take(MaxRecords).Select(id => $"weighing:{id}").ToList();
            return new SourceReading(new Measurement(mine.Sum(r => r.Late), mine.Sum(r => r.Due)), refs);
        });
    }

    public Task<IReadOnlyList<RecordFacts>> DescribeAsync(IReadOnlyList<string> recordRefs, CancellationToken ct) =>
        RecordText.WeighingsAsync(statistics, recordRefs, "非现场审核记录", ct);
}
