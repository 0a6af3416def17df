using System.Globalization;
using Vanguard.Domain.Identifiers;
using Vanguard.Server.Modules.Offsite.Contracts;
using Vanguard.Server.Modules.Performance.Contracts;

namespace Vanguard.Server.Modules.Performance.Sources;

/// <summary>
/// How the sources write their records for evaluators (中文): reference parsing, China-time dates, and the weighing facts three
/// off-site sources share (<c>weighing:{id}</c>).
/// </summary>
internal static class RecordText
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static string Time(DateTimeOffset at) => at.ToOffset(China).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string YesNo(bool value) => value ? "是" : "否";

    /// <summary>The ids of the references of one kind (<c>weighing:17</c> → 17), in their order; others are not this source's.</summary>
    public static List<long> LongIds(IEnumerable<string> refs, string prefix) =>
        refs.Where(r => r.StartsWith(prefix + ":", StringComparison.Ordinal))
            .Select(r => long.TryParse(r.AsSpan(prefix.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (long?)null)
            .OfType<long>().Distinct().ToList();

    public static List<Guid> GuidIds(IEnumerable<string> refs, string prefix) =>
        refs.Where(r => r.StartsWith(prefix + ":", StringComparison.Ordinal))
            .Select(r => Guid.TryParse(r.AsSpan(prefix.Length + 1), out var id) ? id : (Guid?)null)
            .OfType<Guid>().Distinct().ToList();

    public static async Task<IReadOnlyList<RecordFacts>> WeighingsAsync(IOverloadStatistics statistics, IReadOnlyList<string> recordRefs, string kind, CancellationToken ct)
    {
        var ids = LongIds(recordRefs, "weighing");
        var facts = (await statistics.DescribeWeighingsAsync(ids, ct)).ToDictionary(f => f.WeighingId);
        return ids.Where(facts.ContainsKey).Select(id => Weighing(facts[id], kind)).ToList();
    }

    private static RecordFacts Weighing(WeighingFacts w, string kind)
    {
        var facts = new List<KeyValuePair<string, string>>
        {
            new("检测时间", Time(w.CapturedAt)),
            new("检测站", $"{w.StationCode} {w.StationName}".Trim()),
            new("车辆", $"{w.MaskedPlate}（{PlateColor.NameZh(w.PlateColor)}号牌）"),
            new("轴数", w.AxleCount.ToString(CultureInfo.InvariantCulture)),
            new("车货总质量", Tonnes(w.GrossWeightKg)),
            new("限定标准", Tonnes(w.LimitKg)),
            new("判定", w.Overloaded ? $"超限 {Tonnes(w.OverKg)}（{w.OverloadPercent.ToString("0.##", CultureInfo.InvariantCulture)}%）" : "未超限"),
            new("检定有效期内", YesNo(w.EvidenceUsable)),
        };
        if (w.ReviewStatus is { } status)
        {
            facts.Add(new("审核状态", status switch
            {
                "confirmed" => "已确认",
                "invalidated" => "已作废" + (w.InvalidReason is { } reason ? $"（{InvalidReasonZh(reason)}）" : string.Empty),
                _ => "待审核",
            }));
            if (w.ReviewDueOn is { } due)
            {
                facts.Add(new("审核期限", Day(due)));
            }

            if (w.ReviewedAt is { } reviewed)
            {
                facts.Add(new("审核时间", Time(reviewed)));
            }

            facts.Add(new("已立案", YesNo(w.CaseOpened)));
        }

        return new RecordFacts($"weighing:{w.WeighingId}", kind, w.CapturedAt, facts);
    }

    private static string Tonnes(int kg) => (kg / 1000m).ToString("0.00", CultureInfo.InvariantCulture) + " 吨";

    /// <summary>The invalidation reasons of the review (docs/offsite.md).</summary>
    private static string InvalidReasonZh(string reason) => reason switch
    {
        "unclear_record" => "记录不清",
        "plate_mismatch" => "号牌不符",
        "cloned_plate" => "套牌",
        "emergency_vehicle" => "执行任务的特种车辆",
        "emergency_avoidance" => "紧急避险",
        "handled_on_site" => "已现场处理",
        "device_fault" => "设备故障",
        "duplicate" => "重复记录",
        _ => "其他",
    };
}
