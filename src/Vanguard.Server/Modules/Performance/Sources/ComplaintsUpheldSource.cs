using Vanguard.Domain.Performance;
using Vanguard.Server.Modules.Complaints.Contracts;
using Vanguard.Server.Modules.Performance.Contracts;

namespace Vanguard.Server.Modules.Performance.Sources;

/// <summary>
/// 有效投诉 from Complaints' <see cref="IComplaintStatistics.UpheldAboutOfficersAsync"/>: 投诉举报 about an identified officer whose
/// handling result, recorded in the month, found them 属实 or 部分属实 — counted against the officer's own agency (conduct), each
/// one a deduction; the total is such complaints with a finding that month. Records <c>complaint:{id}</c>, the first
/// <see cref="MaxRecords"/>. Complaints about transport operators (most 12328 tickets) are not about conduct and do not count.
/// </summary>
internal sealed class ComplaintsUpheldSource(IComplaintStatistics statistics) : IIndicatorSource
{
    public const int MaxRecords = 100;

    public string Key => SourceKeys.ComplaintsUpheld;

    public async Task<IReadOnlyDictionary<Guid, SourceReading>> ComputeAsync(IReadOnlyList<ScoredAgency> agencies, ScoringMonth month, CancellationToken ct)
    {
        var all = await statistics.UpheldAboutOfficersAsync(month.From, month.To, MaxRecords, ct);
        return agencies.ToDictionary(a => a.AgencyId, a =>
        {
            var mine = all.Where(c => a.Subtree.Contains(c.AgencyId)).ToList();
            var refs = mine.SelectMany(c => c.UpheldIds).Order().Take(MaxRecords).Select(id => $"complaint:{id}").ToList();
            return new SourceReading(new Measurement(mine.Sum(c => c.Upheld), mine.Sum(c => c.Found)), refs);
        });
    }

    public async Task<IReadOnlyList<RecordFacts>> DescribeAsync(IReadOnlyList<string> recordRefs, CancellationToken ct)
    {
        var ids = RecordText.GuidIds(recordRefs, "complaint");
        var facts = (await statistics.DescribeAsync(ids, ct)).ToDictionary(f => f.ComplaintId);
        return ids.Where(facts.ContainsKey).Select(id => ComplaintsTwoMustsSource.Describe(facts[id])).ToList();
    }
}
