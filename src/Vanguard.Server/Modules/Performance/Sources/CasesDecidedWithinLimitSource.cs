using Vanguard.Domain.Performance;
using Vanguard.Server.Modules.Cases.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Performance.Contracts;

namespace Vanguard.Server.Modules.Performance.Sources;

/// <summary>
/// 案件按期办结率 from Cases' <see cref="ICaseStatistics"/>: the filed cases (ordinary and off-site) decided in the month (China time);
/// failures: decided after the 90 days of 行政处罚法 art. 60 from 立案 (on the holiday calendar, as the case page shows). The case model
/// records no extension of the period, so none is added. On-the-spot decisions (简易程序) are never filed and have no such period.
/// </summary>
internal sealed class CasesDecidedWithinLimitSource(ICaseStatistics statistics, IAgencyDirectory agencies) : IIndicatorSource
{
    public string Key => SourceKeys.CasesDecidedWithinLimit;

    public async Task<IReadOnlyDictionary<Guid, SourceReading>> ComputeAsync(IReadOnlyList<ScoredAgency> agencies, ScoringMonth month, CancellationToken ct)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        var all = (await statistics.DecidedAsync(first, first.AddMonths(1), ct)).Where(c => c.DecisionDue is not null).ToList();
        return agencies.ToDictionary(a => a.AgencyId, a =>
        {
            var mine = all.Where(c => a.Subtree.Contains(c.AgencyId)).ToList();
            var late = mine.Where(c => c.Late).Select(c => CaseRecordFacts.Ref(c.CaseId)).ToList();
            return new SourceReading(new Measurement(late.Count, mine.Count), late);
        });
    }

    public Task<IReadOnlyList<RecordFacts>> DescribeAsync(IReadOnlyList<string> recordRefs, CancellationToken ct) =>
        CaseRecordFacts.DescribeAsync(statistics, agencies, recordRefs, ct);
}
