using System.Globalization;
using Vanguard.Domain.Performance;
using Vanguard.Server.Common;
using Vanguard.Server.Modules.Performance.Data;

namespace Vanguard.Server.Components.Pages.Performance;

/// <summary>Display text for the performance staff page (绩效评价管理), in the user's language.</summary>
public static class PerformanceText
{
    public static readonly string[] ObjectionStatusList = [ObjectionStatuses.Pending, ObjectionStatuses.Upheld, ObjectionStatuses.Rejected];

    /// <summary>Points as the board shows them: 96, 93.5, 0.25.</summary>
    public static string Points(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string RunStatus(string status) => status switch
    {
        RunStatuses.Computed => L.T("已计算（未发布）", "Computed (not published)"),
        RunStatuses.Published => L.T("已发布", "Published"),
        RunStatuses.Superseded => L.T("已被替代", "Superseded"),
        _ => status,
    };

    public static string RunStatusColor(string status) => status switch
    {
        RunStatuses.Computed => "blue",
        RunStatuses.Published => "green",
        _ => "default",
    };

    public static string ObjectionStatus(string status) => status switch
    {
        ObjectionStatuses.Pending => L.T("待处理", "Pending"),
        ObjectionStatuses.Upheld => L.T("质疑成立", "Upheld"),
        ObjectionStatuses.Rejected => L.T("已驳回", "Rejected"),
        _ => status,
    };

    public static string ObjectionStatusColor(string status) => status switch
    {
        ObjectionStatuses.Pending => "orange",
        ObjectionStatuses.Upheld => "green",
        ObjectionStatuses.Rejected => "red",
        _ => "default",
    };

    /// <summary>The rule in words, as the catalogue defines it (docs/performance-evaluation.md).</summary>
    public static string Rule(DeductionRule rule) => rule.Kind switch
    {
        DeductionKinds.Ratio => L.T(
            $"按比例：达标率 ≥ {Percent(rule.Target)} 不扣分，≤ {Percent(rule.Floor)} 扣满，其间按比例扣分",
            $"Ratio: compliance ≥ {Percent(rule.Target)} loses nothing, ≤ {Percent(rule.Floor)} loses all, linear between"),
        DeductionKinds.PerOccurrence => L.T(
            $"按次：每次扣 {Points(rule.PointsEach ?? 0m)} 分，最多扣 {Points(rule.Cap ?? 0m)} 分",
            $"Per occurrence: {Points(rule.PointsEach ?? 0m)} each, at most {Points(rule.Cap ?? 0m)}"),
        DeductionKinds.Threshold => rule.Limit is null or 0m
            ? L.T("阈值：出现即扣满", "Threshold: the first failure loses all")
            : L.T($"阈值：不合格率超过 {Percent(rule.Limit)} 扣满", $"Threshold: a failure rate above {Percent(rule.Limit)} loses all"),
        _ => rule.Kind,
    };

    public static string Percent(decimal? rate) => rate is { } r ? (r * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary>The staff page of a record reference, where there is one (cases so far); null otherwise.</summary>
    public static string? RecordLink(string recordRef) =>
        recordRef.StartsWith("case:", StringComparison.Ordinal) && Guid.TryParse(recordRef.AsSpan(5), out var id) ? $"/cases/{id}" : null;

    /// <summary>The month before this one in China time, the first that can be scored.</summary>
    public static DateTime LastMonth()
    {
        var china = DateTimeOffset.UtcNow.ToOffset(LegalClock.ChinaOffset);
        return new DateTime(china.Year, china.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(-1);
    }

    public static string MonthText(DateTime month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
