using Vanguard.Domain.Performance;
using Vanguard.Server.Modules.Cases.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Performance.Contracts;

namespace Vanguard.Server.Modules.Performance.Sources;

/// <summary>
/// 复议诉讼纠错 from Cases' <see cref="ICaseStatistics"/>: the cases with a 行政复议 / 行政诉讼 outcome decided in the month (China time,
/// by the date of the 复议决定书 / 判决书, as recorded with <c>record-review-outcome</c>); failures: the cases among them whose decision
/// was revoked, changed, confirmed illegal or whose agency was ordered to perform (anything but upheld), each case once.
/// </summary>
internal sealed class CasesReversedSource(ICaseStatistics statistics, IAgencyDirectory agencies) : IIndicatorSource
{
    public string Key => SourceKeys.CasesReversed;

    public async Task<IReadOnlyDictionary<Guid, SourceReading>> ComputeAsync(IReadOnlyList<ScoredAgency> agencies, ScoringMonth month, CancellationToken ct)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        var all = await statistics.ReviewOutcomesAsync(first, first.AddMonths(1), ct);
        return agencies.ToDictionary(a => a.AgencyId, a =>
        {
            var mine = all.Where(o => a.Subtree.Contains(o.AgencyId)).ToList();
            var corrected = mine.Where(o => o.Corrected).Select(o => o.CaseId).Distinct().Select(CaseRecordFacts.Ref).ToList();
            return new SourceReading(new Measurement(corrected.Count, mine.Select(o => o.CaseId).Distinct().Count()), corrected);
        });
    }

    public Task<IReadOnlyList<RecordFacts>> DescribeAsync(IReadOnlyList<string> recordRefs, CancellationToken ct) =>
        CaseRecordFacts.DescribeAsync(statistics, agencies, recordRefs, ct);
}
