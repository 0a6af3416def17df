using Vanguard.Domain.Performance;
using Vanguard.Server.Modules.Performance.Contracts;
using Vanguard.Server.Modules.Surveillance.Contracts;

namespace Vanguard.Server.Modules.Performance.Sources;

/// <summary>
/// 布控派警命中率 from Surveillance's <see cref="IDispatchOutcomes"/>: of the alerts raised in the month, dispatched and closed,
/// the failures are those whose outcome did not confirm the hit (not found, false hit, …); their ids are kept as <c>alert:{id}</c>.
/// </summary>
internal sealed class DispatchHitRateSource(IDispatchOutcomes outcomes) : IIndicatorSource
{
    public string Key => SourceKeys.DispatchHitRate;

    public async Task<IReadOnlyDictionary<Guid, SourceReading>> ComputeAsync(IReadOnlyList<ScoredAgency> agencies, ScoringMonth month, CancellationToken ct)
    {
        var all = await outcomes.ClosedDispatchesAsync(month.From, month.To, ct);
        return agencies.ToDictionary(a => a.AgencyId, a =>
        {
            var mine = all.Where(o => a.Subtree.Contains(o.AgencyId)).ToList();
            var missed = mine.Where(o => !o.Confirmed).Select(o => $"alert:{o.AlertId}").ToList();
            return new SourceReading(new Measurement(missed.Count, mine.Count), missed);
        });
    }

    // TODO(issue 9, srcB): describe from the owning module's contract; until then only what the reference itself says.
    public Task<IReadOnlyList<RecordFacts>> DescribeAsync(IReadOnlyList<string> recordRefs, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<RecordFacts>>(recordRefs.Select(r => new RecordFacts(r, "布控预警", null, [])).ToList());
}
