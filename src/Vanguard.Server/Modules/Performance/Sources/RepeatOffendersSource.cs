using Vanguard.Domain.Performance;
using Vanguard.Server.Modules.Offsite.Contracts;
using Vanguard.Server.Modules.Performance.Contracts;

namespace Vanguard.Server.Modules.Performance.Sources;

/// <summary>
/// 重复违法车辆 from Offsite's <see cref="IOverloadStatistics"/>: of the vehicles (plate and colour) overloaded in the month at the
/// stations of the agency's subtree (weighings not invalidated on review), the failures are those already dealt with before — an
/// earlier overload of the same vehicle confirmed on review, i.e. an off-site case. One failure per vehicle, however often it came
/// back or at how many of the subtree's stations; its record is the month's first repeat weighing there, <c>weighing:{id}</c>.
/// The total is the month's overloaded vehicles.
/// </summary>
internal sealed class RepeatOffendersSource(IOverloadStatistics statistics) : IIndicatorSource
{
    public const int MaxRecords = 100;

    public string Key => SourceKeys.RepeatOffenders;

    public async Task<IReadOnlyDictionary<Guid, SourceReading>> ComputeAsync(IReadOnlyList<ScoredAgency> agencies, ScoringMonth month, CancellationToken ct)
    {
        var all = await statistics.VehicleOverloadsAsync(month.From, month.To, ct);
        return agencies.ToDictionary(a => a.AgencyId, a =>
        {
            var vehicles = all.Where(v => a.Subtree.Contains(v.AgencyId)).GroupBy(v => v.VehicleKey, StringComparer.Ordinal).ToList();
            var firstRepeats = vehicles
                .Select(g => g.Where(v => v.FirstRepeatWeighingId is not null).OrderBy(v => v.FirstRepeatAt).ThenBy(v => v.FirstRepeatWeighingId).FirstOrDefault())
                .OfType<VehicleOverloads>()
                .Select(v => v.FirstRepeatWeighingId!.Value)
                .Order()
                .ToList();
            var refs = firstRepeats.Take(MaxRecords).Select(id => $"weighing:{id}").ToList();
            return new SourceReading(new Measurement(firstRepeats.Count, vehicles.Count), refs);
        });
    }

    public Task<IReadOnlyList<RecordFacts>> DescribeAsync(IReadOnlyList<string> recordRefs, CancellationToken ct) =>
        RecordText.WeighingsAsync(statistics, recordRefs, "重复违法车辆（当月首次再犯）", ct);
}
