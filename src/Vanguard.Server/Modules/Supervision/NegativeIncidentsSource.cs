using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Performance;
using Vanguard.Domain.Supervision;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Performance.Contracts;
using Vanguard.Server.Modules.Supervision.Data;

namespace Vanguard.Server.Modules.Supervision;

/// <summary>
/// 负面舆情和违纪事件 (<see cref="SourceKeys.NegativeIncidents"/>, per occurrence): the "八六四" inspections dated in the month
/// that found at least one item in breach, counted against the inspected team's agency subtree — one per inspection, however
/// many items. Records <c>inspection:{id}</c>, the first <see cref="MaxRecords"/>. 负面舆情 (negative public opinion) has no
/// register on the platform yet and is not counted.
/// </summary>
internal sealed class NegativeIncidentsSource(VanguardDbContext db, IAgencyDirectory agencies) : IIndicatorSource
{
    public const int MaxRecords = 100;

    public string Key => SourceKeys.NegativeIncidents;

    public async Task<IReadOnlyDictionary<Guid, SourceReading>> ComputeAsync(IReadOnlyList<ScoredAgency> scored, ScoringMonth month, CancellationToken ct)
    {
        var (first, last) = (new DateOnly(month.Year, month.Month, 1), new DateOnly(month.Year, month.Month, 1).AddMonths(1).AddDays(-1));
        var breaches = await db.Set<Inspection>().IgnoreQueryFilters().AsNoTracking()
            .Where(i => i.Breaches > 0 && i.InspectedOn >= first && i.InspectedOn <= last)
            .Select(i => new { i.Id, i.AgencyId }).ToListAsync(ct);
        return scored.ToDictionary(a => a.AgencyId, a =>
        {
            var mine = breaches.Where(b => a.Subtree.Contains(b.AgencyId)).Select(b => b.Id).Order().ToList();
            return new SourceReading(new Measurement(mine.Count, mine.Count), mine.Take(MaxRecords).Select(id => $"inspection:{id}").ToList());
        });
    }

    /// <summary>Date, agency and the items in breach — never the officer or the inspector.</summary>
    public async Task<IReadOnlyList<RecordFacts>> DescribeAsync(IReadOnlyList<string> recordRefs, CancellationToken ct)
    {
        var ids = recordRefs.Where(r => r.StartsWith("inspection:", StringComparison.Ordinal))
            .Select(r => Guid.TryParse(r["inspection:".Length..], out var id) ? id : (Guid?)null).OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var inspections = await db.Set<Inspection>().IgnoreQueryFilters().AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.InspectedOn, i.AgencyId, i.Serious, i.CreatedAt, Officer = i.OfficerId != null }).ToListAsync(ct);
        var items = await db.Set<InspectionItem>().AsNoTracking().Where(i => ids.Contains(i.InspectionId) && i.Result == ItemResult.Breach)
            .Select(i => new { i.InspectionId, i.Code }).ToListAsync(ct);
        var byId = inspections.ToDictionary(i => i.Id);
        return ids.Where(byId.ContainsKey).Select(id =>
        {
            var i = byId[id];
            var agency = agencies.Current.Find(i.AgencyId);
            IReadOnlyList<KeyValuePair<string, string>> facts =
            [
                new("督查日期", i.InspectedOn.ToString("yyyy-MM-dd")),
                new("被督查单位", agency?.Name ?? "—"),
                new("督查对象", i.Officer ? "执法人员" : "执法单位"),
                new("违反条目", string.Join("；", items.Where(x => x.InspectionId == id).Select(x => EightSixFourDiscipline.LabelZh(x.Code)).Order())),
                new("情节严重或恶劣影响", i.Serious ? "是" : "否"),
            ];
            return new RecordFacts($"inspection:{id}", "“八六四”督查违纪", LegalClock.StartOf(i.InspectedOn), facts);
        }).ToList();
    }
}
