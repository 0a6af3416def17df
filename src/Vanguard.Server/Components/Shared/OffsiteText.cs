using System.Globalization;
using AntDesign;
using Vanguard.Server.Common;
using Vanguard.Server.Modules.Offsite.Features;

namespace Vanguard.Server.Components.Shared;

/// <summary>Display text for the off-site pages, in the user's language; numbers grouped as the judgement writes them.</summary>
public static class OffsiteText
{
    private static readonly NumberFormatInfo Zh = new() { NumberGroupSeparator = " ", NumberDecimalSeparator = "." };

    private static readonly NumberFormatInfo En = new() { NumberGroupSeparator = ",", NumberDecimalSeparator = "." };

    private static NumberFormatInfo Numbers => L.IsEnglish ? En : Zh;

    /// <summary>"55 000 kg" / "55,000 kg".</summary>
    public static string Kg(int kg) => kg.ToString("#,0", Numbers) + " kg";

    public static string Number(long value) => value.ToString("#,0", Numbers);

    /// <summary>"6.63%".</summary>
    public static string Percent(decimal percent) => percent.ToString("0.00", CultureInfo.InvariantCulture) + "%";

    /// <summary>An accuracy class as a percentage deduction: 5 → "5", 0.5 → "0.5".</summary>
    public static string AccuracyClass(decimal accuracyClass) => accuracyClass.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Millimetres(int? mm) => mm is { } v ? v.ToString("#,0", Numbers) + " mm" : "—";

    public static string PlateColor(string color) => L.IsEnglish
        ? color switch
        {
            Domain.Identifiers.PlateColor.Blue => "blue",
            Domain.Identifiers.PlateColor.Yellow => "yellow",
            Domain.Identifiers.PlateColor.Green => "green (new energy)",
            Domain.Identifiers.PlateColor.YellowGreen => "yellow-green (new energy)",
            Domain.Identifiers.PlateColor.White => "white",
            Domain.Identifiers.PlateColor.Black => "black",
            _ => color,
        }
        : Domain.Identifiers.PlateColor.NameZh(color);

    /// <summary>CSS class that paints a plate tag in the plate's own colours.</summary>
    public static string PlateClass(string color) =>
        "vg-plate vg-plate-" + (Domain.Identifiers.PlateColor.IsKnown(color) ? color : "other");

    public static string VehicleKind(string kind) => kind switch
    {
        "combination" => L.T("汽车列车", "combination"),
        "truck" => L.T("货车", "truck"),
        _ => kind,
    };

    /// <summary>"6 轴汽车列车" / "6-axle combination".</summary>
    public static string Vehicle(int axles, string kind) => L.T($"{axles} 轴{VehicleKind(kind)}", $"{axles}-axle {VehicleKind(kind)}");

    /// <summary>拟处罚: "警告", "罚款 1 500 元", "不予处罚".</summary>
    public static string Penalty(PenaltyView penalty) => penalty.Kind switch
    {
        "warning" => L.T("警告", "Warning"),
        "fine" when penalty.AmountYuan is { } yuan => L.T($"罚款 {Number(yuan)} 元", $"Fine {Number(yuan)} yuan"),
        "none" => L.T("不予处罚", "No penalty"),
        _ => penalty.Kind,
    };

    public static string ReviewStatus(string status) => status switch
    {
        "pending" => L.T("待审核", "Pending"),
        "confirmed" => L.T("已确认", "Confirmed"),
        "invalidated" => L.T("已作废", "Invalidated"),
        _ => status,
    };

    public static TagColor ReviewStatusColor(string status) => status switch
    {
        "pending" => TagColor.Blue,
        "confirmed" => TagColor.Green,
        _ => TagColor.Default,
    };

    public static string InvalidReason(string? code) =>
        code is not null && ReviewHandler.InvalidReasons.TryGetValue(code, out var name) ? L.T(name.Zh, name.En) : code ?? "—";

    public static string ImageKind(string kind) => kind switch
    {
        "plate" => L.T("车牌特写", "Plate close-up"),
        "front" => L.T("车辆正面", "Front"),
        "side" => L.T("车辆侧面", "Side"),
        "rear" => L.T("车辆尾部", "Rear"),
        _ => L.T("其他照片", "Other photo"),
    };

    /// <summary>Local (China) time for a capture or review: the law counts days in Beijing time.</summary>
    public static string Time(DateTimeOffset at) => at.ToOffset(LegalClock.ChinaOffset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"刚刚", "12 分钟前", "3 小时前", "2 天前"; "从未上报" when nothing ever came.</summary>
    public static string Ago(DateTimeOffset? at, DateTimeOffset now)
    {
        if (at is not { } last)
        {
            return L.T("从未上报", "Never reported");
        }

        var elapsed = now - last;
        return elapsed switch
        {
            { TotalMinutes: < 1 } => L.T("刚刚", "just now"),
            { TotalHours: < 1 } => L.T($"{(int)elapsed.TotalMinutes} 分钟前", $"{(int)elapsed.TotalMinutes} min ago"),
            { TotalDays: < 1 } => L.T($"{(int)elapsed.TotalHours} 小时前", $"{(int)elapsed.TotalHours} h ago"),
            _ => L.T($"{(int)elapsed.TotalDays} 天前", $"{(int)elapsed.TotalDays} days ago"),
        };
    }
}
