namespace Vanguard.Domain.Overload;

/// <summary>
/// 超限认定标准 (超限运输车辆行驶公路管理规定, 交通运输部令2016年第62号, art. 3): the limits above which a freight vehicle
/// is 超限. Every limit reads "超过": the limit value itself is allowed.
/// </summary>
public static class OverloadLimits
{
    /// <summary>车货总高度 4 m from the ground (art. 3 para. 1(1)); 4 000 mm is allowed, 4 001 mm is 超限.</summary>
    public const int HeightLimitMm = 4_000;

    /// <summary>车货总宽度 2.55 m (art. 3 para. 1(2)); 2 550 mm is allowed.</summary>
    public const int WidthLimitMm = 2_550;

    /// <summary>车货总长度 18.1 m (art. 3 para. 1(3)); 18 100 mm is allowed.</summary>
    public const int LengthLimitMm = 18_100;

    /// <summary>单轮胎减重 (art. 3 para. 2(2)): 3 000 kg off the limit per single-tyred axle.</summary>
    public const int SingleTyreReductionKg = 3_000;

    /// <summary>
    /// 车货总质量限定标准 (art. 3 para. 1(4)–(8)), in kg; a gross mass above it is 超限:
    /// <list type="bullet">
    /// <item>2 axles: 18 000 (二轴货车, item (4));</item>
    /// <item>3 axles: 25 000, combination 27 000 (三轴货车 / 三轴汽车列车, item (5));</item>
    /// <item>4 axles: 31 000, combination 36 000 (四轴货车 / 四轴汽车列车, item (6));</item>
    /// <item>5 axles: 43 000 (五轴汽车列车, item (7));</item>
    /// <item>6 or more: 49 000, or 46 000 when the tractor has a single drive axle (六轴及六轴以上汽车列车, item (8)).</item>
    /// </list>
    /// Items (7) and (8) name combinations only; a truck with as many axles is held to the same limit, and
    /// <see cref="VehicleAxles.TractorSingleDriveAxle"/> only matters from 6 axles on. Then 3 000 kg off per
    /// <see cref="VehicleAxles.SingleTyreAxleCount"/> (art. 3 para. 2(2)). For a 2-axle truck the 行驶证 total mass
    /// (<paramref name="registeredMassKg"/>), when lower, is the limit (《公路货运车辆超限超载认定标准》, 交公路发〔2016〕124号
    /// annex, confirmed by 交公路发〔2017〕173号); it is ignored for every other vehicle.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="vehicle"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// Fewer than 2 axles; a negative single-tyre count or one above the axle count; a registered mass ≤ 0; or reductions
    /// that bring the limit to 0 kg or below. These are input bugs, not findings.
    /// </exception>
    public static int LimitKg(VehicleAxles vehicle, int? registeredMassKg = null)
    {
        ArgumentNullException.ThrowIfNull(vehicle);
        if (vehicle.AxleCount < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(vehicle), vehicle.AxleCount, "A freight vehicle has at least 2 axles (超限规定 art. 3 para. 1(4)).");
        }

        if (vehicle.SingleTyreAxleCount < 0 || vehicle.SingleTyreAxleCount > vehicle.AxleCount)
        {
            throw new ArgumentOutOfRangeException(nameof(vehicle), vehicle.SingleTyreAxleCount, "The single-tyre axle count must be between 0 and the axle count.");
        }

        if (registeredMassKg is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(registeredMassKg), registeredMassKg, "A registered (行驶证) total mass must be positive.");
        }

        var limit = TableLimitKg(vehicle) - (SingleTyreReductionKg * vehicle.SingleTyreAxleCount);
        if (AppliesRegisteredMass(vehicle) && registeredMassKg is { } registered && registered < limit)
        {
            limit = registered;
        }

        return limit > 0
            ? limit
            : throw new ArgumentOutOfRangeException(nameof(vehicle), limit, "The single-tyre reductions leave no positive limit.");
    }

    /// <summary>The art. 3 para. 1(4)–(8) figure before any single-tyre reduction or registered mass.</summary>
    internal static int TableLimitKg(VehicleAxles vehicle) => (vehicle.AxleCount, vehicle.Kind) switch
    {
        (2, _) => 18_000,
        (3, VehicleKind.Truck) => 25_000,
        (3, VehicleKind.Combination) => 27_000,
        (4, VehicleKind.Truck) => 31_000,
        (4, VehicleKind.Combination) => 36_000,
        (5, _) => 43_000,
        _ => vehicle.TractorSingleDriveAxle ? 46_000 : 49_000,
    };

    internal static bool AppliesRegisteredMass(VehicleAxles vehicle) => vehicle is { AxleCount: 2, Kind: VehicleKind.Truck };

    /// <summary>The vehicle class and the art. 3 para. 1 item, in words, for explanations.</summary>
    internal static (string Zh, string En) Describe(VehicleAxles vehicle)
    {
        var kindZh = vehicle.Kind switch { VehicleKind.Truck => "货车", VehicleKind.Combination => "汽车列车" };
        var kindEn = vehicle.Kind switch { VehicleKind.Truck => "truck", VehicleKind.Combination => "combination" };
        var item = Math.Min(vehicle.AxleCount, 6) + 2;
        var axlesZh = vehicle.AxleCount switch { 2 => "二轴", 3 => "三轴", 4 => "四轴", 5 => "五轴", _ => "六轴及六轴以上" };
        var axlesEn = vehicle.AxleCount >= 6 ? "6+ axle" : $"{vehicle.AxleCount}-axle";
        var singleDrive = vehicle.AxleCount >= 6 && vehicle.TractorSingleDriveAxle;
        var driveZh = singleDrive ? "（牵引车驱动轴为单轴）" : "";
        var driveEn = singleDrive ? ", tractor with a single drive axle" : "";
        return ($"{axlesZh}{kindZh}{driveZh}（第三条第一款第（{"四五六七八"[item - 4]}）项）",
            $"{axlesEn} {kindEn}{driveEn} (art. 3 para. 1({item}))");
    }
}
