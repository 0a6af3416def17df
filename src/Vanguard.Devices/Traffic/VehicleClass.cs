using Vanguard.Devices.Client;

namespace Vanguard.Devices.Traffic;

/// <summary>
/// An axle layout seen on Chinese highways, with its share of freight traffic and how a typical load spreads over the
/// axles (steer axle lightest, tandem and tridem groups even).
/// </summary>
internal sealed record VehicleClass(
    string Name,
    int AxleCount,
    string Kind,
    bool TractorSingleDriveAxle,
    double TrafficShare,
    double[] AxleShares,
    (int Min, int Max) LengthMm,
    (int Min, int Max) HeightMm,
    double SingleTyreAxleShare)
{
    public int LimitKg(int singleTyreAxleCount) => AxleLimits.GrossLimitKg(AxleCount, Kind, TractorSingleDriveAxle, singleTyreAxleCount);

    /// <summary>
    /// Roughly the mix at a Henan highway WIM site: many two-axle trucks and six-axle tractor-trailers, fewer of the
    /// rest. Shares add up to 1.
    /// </summary>
    public static IReadOnlyList<VehicleClass> Mix { get; } =
    [
        new("2-axle truck", 2, Wire.Truck, false, 0.34, [0.34, 0.66], (5_990, 9_000), (2_800, 3_900), 0),
        new("3-axle truck", 3, Wire.Truck, false, 0.07, [0.26, 0.37, 0.37], (9_000, 12_000), (3_000, 3_950), 0.15),
        new("3-axle combination", 3, Wire.Combination, false, 0.02, [0.22, 0.40, 0.38], (12_000, 16_500), (3_500, 3_990), 0),
        new("4-axle truck", 4, Wire.Truck, false, 0.09, [0.18, 0.18, 0.32, 0.32], (9_500, 12_000), (3_200, 3_980), 0.05),
        new("4-axle combination", 4, Wire.Combination, false, 0.03, [0.16, 0.30, 0.27, 0.27], (13_000, 17_000), (3_500, 3_990), 0),
        new("5-axle combination", 5, Wire.Combination, false, 0.06, [0.13, 0.22, 0.22, 0.215, 0.215], (14_000, 17_500), (3_500, 3_990), 0),
        new("6-axle combination", 6, Wire.Combination, false, 0.30, [0.12, 0.18, 0.18, 0.173, 0.173, 0.174], (15_000, 17_800), (3_600, 3_990), 0),
        new("6-axle combination, 6x2 tractor", 6, Wire.Combination, true, 0.09, [0.12, 0.14, 0.22, 0.173, 0.173, 0.174], (15_000, 17_800), (3_600, 3_990), 0),
    ];

    public static VehicleClass Pick(Random rng)
    {
        var u = rng.NextDouble();
        foreach (var c in Mix)
        {
            u -= c.TrafficShare;
            if (u < 0)
            {
                return c;
            }
        }

        return Mix[^1];
    }
}

/// <summary>The gross mass limits of 超限运输车辆行驶公路管理规定 art. 3, as the platform applies them.</summary>
internal static class AxleLimits
{
    /// <summary>Art. 3 para. 1 (3): height over 4.0 m, width over 2.55 m or length over 18.1 m is 超限.</summary>
    public const int MaxHeightMm = 4_000;
    public const int MaxWidthMm = 2_550;
    public const int MaxLengthMm = 18_100;

    // 超限运输车辆行驶公路管理规定 art. 3 para. 1 (4)–(8): 2-axle truck 18 t; 3-axle 25 t (combination 27 t);
    // 4-axle 31 t (combination 36 t); 5-axle combination 43 t; 6 axles or more 49 t, 46 t with a single drive axle.
    // Art. 3 para. 2 (2): each axle with single tyres per side where dual tyres are assumed lowers the limit by 3 t.
    public static int GrossLimitKg(int axleCount, string kind, bool tractorSingleDriveAxle, int singleTyreAxleCount)
    {
        var limit = (axleCount, kind) switch
        {
            (2, _) => 18_000,
            (3, Wire.Combination) => 27_000,
            (3, _) => 25_000,
            (4, Wire.Combination) => 36_000,
            (4, _) => 31_000,
            (5, _) => 43_000,
            (>= 6, _) => tractorSingleDriveAxle ? 46_000 : 49_000,
            _ => throw new ArgumentOutOfRangeException(nameof(axleCount), axleCount, "A freight vehicle has at least two axles."),
        };
        return limit - (3_000 * singleTyreAxleCount);
    }
}
