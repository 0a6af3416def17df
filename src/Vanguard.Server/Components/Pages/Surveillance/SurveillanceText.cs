using System.Globalization;
using Vanguard.Domain.Common;
using Vanguard.Server.Common;
using Vanguard.Server.Components.Shared;

namespace Vanguard.Server.Components.Pages.Surveillance;

/// <summary>Display text for the watch-list and command pages (布控预警、指挥调度), in the user's language.</summary>
public static class SurveillanceText
{
    public static readonly string[] EntryStatuses = ["pending", "active", "rejected", "revoked"];

    public static readonly string[] EntrySources = ["manual", "import", "suspect_model", "report", "case"];

    public static readonly string[] Channels = ["command", "terminal", "webhook"];

    public static readonly string[] AlertStatuses = ["new", "dispatched", "accepted", "arrived", "closed"];

    /// <summary>What the command centre may close an alert with (the officer's outcomes come through the task).</summary>
    public static readonly string[] CloseOutcomes = ["false_hit", "resolved", "not_found", "other"];

    public static readonly string[] HotspotKinds = ["railway_station", "highway_exit", "bus_station", "airport", "city_area", "other"];

    public static readonly string[] RuleKinds = ["hotspot_days", "round_trips"];

    public static readonly string[] SuspectStatuses = ["pending", "promoted", "dismissed"];

    /// <summary>China time, as the officers read it: "11-27 14:05:09".</summary>
    public static string Local(DateTimeOffset? at) => at is { } t ? t.ToOffset(LegalClock.ChinaOffset).ToString("MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "—";

    public static string LocalDate(DateTimeOffset? at) => at is { } t ? t.ToOffset(LegalClock.ChinaOffset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "—";

    public static string LocalMinute(DateTimeOffset? at) => at is { } t ? t.ToOffset(LegalClock.ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";

    /// <summary>
    /// The end of a validity, which is exclusive: midnight China time is shown as the day before (有效期至 that day
    /// inclusive); any other time with its minutes.
    /// </summary>
    public static string Until(DateTimeOffset until)
    {
        var local = until.ToOffset(LegalClock.ChinaOffset);
        return local.TimeOfDay == TimeSpan.Zero
            ? local.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    public static DateOnly Today => LegalClock.DayOf(DateTimeOffset.UtcNow);

    /// <summary>A problem from a handler with its field messages, for an alert or a toast.</summary>
    public static string Problem(Error error)
    {
        var fields = error.Fields.Values.SelectMany(f => f).Select(OrgText.Message).Distinct(StringComparer.Ordinal);
        return string.Join(" ", [OrgText.Message(error), .. fields]);
    }

    public static string Percent(decimal? precision) =>
        precision is { } p ? (p * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    public static string EntryStatus(string status) => status switch
    {
        "pending" => L.T("待审批", "Pending approval"),
        "active" => L.T("布控中", "Active"),
        "rejected" => L.T("已驳回", "Rejected"),
        "revoked" => L.T("已撤控", "Revoked"),
        _ => status,
    };

    public static string EntryStatusColor(string status) => status switch
    {
        "pending" => "orange",
        "active" => "green",
        "rejected" => "red",
        _ => "default",
    };

    public static string Source(string source) => source switch
    {
        "manual" => L.T("人工录入", "Entered by hand"),
        "import" => L.T("批量导入", "Imported"),
        "suspect_model" => L.T("研判模型", "Suspect model"),
        "report" => L.T("群众举报", "Public report"),
        "case" => L.T("案件关联", "From a case"),
        _ => source,
    };

    public static string Channel(string channel) => channel switch
    {
        "command" => L.T("指挥中心", "Command centre"),
        "terminal" => L.T("执法终端", "Officer terminal"),
        "webhook" => L.T("外部推送", "Webhook"),
        _ => channel,
    };

    public static string AlertStatus(string status) => status switch
    {
        "new" => L.T("待处置", "New"),
        "dispatched" => L.T("已派发", "Dispatched"),
        "accepted" => L.T("已接受", "Accepted"),
        "arrived" => L.T("已到场", "Arrived"),
        "closed" => L.T("已办结", "Closed"),
        _ => status,
    };

    public static string AlertStatusColor(string status) => status switch
    {
        "new" => "red",
        "dispatched" => "orange",
        "accepted" or "arrived" => "blue",
        "closed" => "green",
        _ => "default",
    };

    public static string MatchKind(string kind) => kind switch
    {
        "exact" => L.T("精确命中", "Exact hit"),
        "fuzzy" => L.T("模糊命中", "Fuzzy hit"),
        _ => kind,
    };

    public static string Outcome(string? outcome) => outcome switch
    {
        null => "—",
        "seized" => L.T("查扣", "Seized"),
        "warned" => L.T("警告教育", "Warned"),
        "case_opened" => L.T("已立案", "Case opened"),
        "not_found" => L.T("未发现", "Not found"),
        "false_hit" => L.T("误报", "False hit"),
        "resolved" => L.T("已处理", "Resolved"),
        _ => L.T("其他", "Other"),
    };

    public static string HotspotKind(string kind) => kind switch
    {
        "railway_station" => L.T("火车站", "Railway station"),
        "highway_exit" => L.T("高速出口", "Highway exit"),
        "bus_station" => L.T("汽车站", "Bus station"),
        "airport" => L.T("机场", "Airport"),
        "city_area" => L.T("城区", "City area"),
        _ => L.T("其他", "Other"),
    };

    public static string RuleKind(string kind) => kind switch
    {
        "hotspot_days" => L.T("热点多日出现", "Seen at a hotspot on many days"),
        "round_trips" => L.T("往返短途", "Repeated short round trips"),
        _ => kind,
    };

    public static string SuspectStatus(string status) => status switch
    {
        "pending" => L.T("待研判", "To review"),
        "promoted" => L.T("已布控", "Watch-listed"),
        "dismissed" => L.T("已排除", "Dismissed"),
        _ => status,
    };

    public static string DeliveryStatus(string status) => status switch
    {
        "pending" => L.T("待发送", "Pending"),
        "delivered" => L.T("已送达", "Delivered"),
        "failed" => L.T("发送失败", "Failed"),
        _ => status,
    };

    public static string StationStatus(string status) => status switch
    {
        "online" => L.T("在线", "Online"),
        "silent" => L.T("无数据", "Silent"),
        "uncertified" => L.T("检定过期", "Not certified"),
        _ => status,
    };

    /// <summary>Great-circle distance, for offering the nearest officers first.</summary>
    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6371;
        var dLat = (lat2 - lat1) * Math.PI / 180;
        var dLon = (lon2 - lon1) * Math.PI / 180;
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) +
                Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * R * Math.Asin(Math.Sqrt(a));
    }
}
