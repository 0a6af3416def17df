using System.Globalization;
using Vanguard.Domain.Identifiers;
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

    public async Task<IReadOnlyList<RecordFacts>> DescribeAsync(IReadOnlyList<string> recordRefs, CancellationToken ct)
    {
        var ids = RecordText.GuidIds(recordRefs, "alert");
        var facts = (await outcomes.DescribeAsync(ids, ct)).ToDictionary(f => f.AlertId);
        return ids.Where(facts.ContainsKey).Select(id => Describe(facts[id])).ToList();
    }

    private static RecordFacts Describe(AlertFacts a)
    {
        var facts = new List<KeyValuePair<string, string>>
        {
            new("预警时间", RecordText.Time(a.RaisedAt)),
            new("卡口", a.Camera),
            new("车辆", $"{a.MaskedPlate}（{PlateColor.NameZh(a.PlateColor)}号牌）"),
            new("比对", (a.MatchKind == "fuzzy" ? "模糊命中" : "精确命中") + $"，置信度 {(a.ConfidencePermille / 10m).ToString("0.#", CultureInfo.InvariantCulture)}%"),
        };
        if (a.DispatchedAt is { } dispatched)
        {
            facts.Add(new("派警时间", RecordText.Time(dispatched)));
        }

        facts.Add(new("处置结果", a.Outcome is { } outcome ? OutcomeZh(outcome) : "处置中"));
        facts.Add(new("核实命中", RecordText.YesNo(a.Confirmed)));
        if (a.ClosedAt is { } closed)
        {
            facts.Add(new("办结时间", RecordText.Time(closed)));
        }

        return new RecordFacts($"alert:{a.AlertId}", "布控预警", a.RaisedAt, facts);
    }

    /// <summary>The terminal's task outcomes (docs/surveillance.md).</summary>
    private static string OutcomeZh(string outcome) => outcome switch
    {
        "seized" => "查获",
        "warned" => "警告教育",
        "case_opened" => "立案查处",
        "not_found" => "未发现",
        "false_hit" => "误报",
        "resolved" => "已处理",
        _ => "其他",
    };
}
