namespace Vanguard.Domain.Organisation;

/// <summary>Kinds of field device registered with the platform; the wire names are stable.</summary>
public static class DeviceKind
{
    /// <summary>动态称重检测点 (weigh-in-motion station).</summary>
    public const string WimStation = "wim-station";

    /// <summary>车牌识别卡口 (ANPR camera).</summary>
    public const string AnprCamera = "anpr-camera";

    /// <summary>执法记录仪 (body-worn recorder).</summary>
    public const string BodyCamera = "body-camera";

    /// <summary>采集站 (docking station that uploads recorder clips).</summary>
    public const string DockStation = "dock-station";

    /// <summary>手持执法终端.</summary>
    public const string HandheldTerminal = "handheld-terminal";

    /// <summary>12328 热线系统: not a field device, but a system that files complaints with its own key (docs/complaints.md).</summary>
    public const string Hotline = "hotline";

    public static IReadOnlyList<string> All { get; } = [WimStation, AnprCamera, BodyCamera, DockStation, HandheldTerminal, Hotline];

    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind, StringComparer.Ordinal);

    public static string NameZh(string kind) => kind switch
    {
        WimStation => "动态称重检测点",
        AnprCamera => "车牌识别卡口",
        BodyCamera => "执法记录仪",
        DockStation => "执法记录仪采集站",
        HandheldTerminal => "手持执法终端",
        Hotline => "12328 热线系统",
        _ => kind,
    };
}
