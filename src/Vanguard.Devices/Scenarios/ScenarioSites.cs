using Vanguard.Devices.Terminal;

namespace Vanguard.Devices.Scenarios;

/// <summary>Which group of cameras a camera belongs to: the station's exits, or the city area the vehicles shuttle to.</summary>
internal enum CameraSite
{
    Station,
    CityArea,
}

internal sealed record ScenarioCamera(string Code, string Name, string Location, double Lat, double Lon, CameraSite Site);

/// <summary>
/// The places of the illegal-operation scenario in 郑州: the three exits of 郑州东站 where unlicensed cars tout for
/// passengers (拉客), and 二七广场 in the old town where they take them.
/// </summary>
internal static class ScenarioSites
{
    /// <summary>郑州市交通运输综合行政执法支队 of the demo province.</summary>
    public const string AgencyCode = "410100";

    public const string StationGroup = "郑州东站出站口";
    public const string StationGroupKind = "railway_station";
    public const string CityGroup = "二七广场商圈";
    public const string CityGroupKind = "city_area";

    public static readonly GeoPoint Station = new(34.7597, 113.7786);
    public static readonly GeoPoint CityArea = new(34.7536, 113.6586);

    public static IReadOnlyList<ScenarioCamera> Cameras { get; } =
    [
        new("ZZDZ-ANPR-E01", "郑州东站东广场出站口卡口", "郑州东站东广场出站口（心怡路）", 34.7594, 113.7823, CameraSite.Station),
        new("ZZDZ-ANPR-W01", "郑州东站西广场出站口卡口", "郑州东站西广场出站口（站西路）", 34.7601, 113.7746, CameraSite.Station),
        new("ZZDZ-ANPR-P01", "郑州东站地下停车场出口卡口", "郑州东站西广场地下停车场出口", 34.7612, 113.7768, CameraSite.Station),
        new("ZZEQ-ANPR-01", "二七广场人民路卡口", "二七广场 人民路与解放路交叉口", 34.7546, 113.6581, CameraSite.CityArea),
        new("ZZEQ-ANPR-02", "二七广场德化街卡口", "二七广场 德化街南口", 34.7527, 113.6594, CameraSite.CityArea),
    ];

    public static IReadOnlyList<ScenarioCamera> At(CameraSite site) => Cameras.Where(c => c.Site == site).ToList();
}
