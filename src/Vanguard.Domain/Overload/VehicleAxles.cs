namespace Vanguard.Domain.Overload;

/// <summary>车辆类别 for the 超限认定标准 (超限运输车辆行驶公路管理规定 art. 3 para. 1(4)–(8)).</summary>
public enum VehicleKind
{
    /// <summary>货车: a single (rigid) goods vehicle.</summary>
    Truck,

    /// <summary>汽车列车: a tractor with a semi-trailer or full trailer (牵引车 + 挂车).</summary>
    Combination,
}

/// <summary>
/// 车辆轴型 (the axle facts the 超限认定标准 depends on), as a weighing station or the registry reports them.
/// </summary>
/// <param name="AxleCount">轴数 of the whole vehicle (tractor and trailers); tandem = 2, tridem = 3 (art. 3 para. 2(1)).</param>
/// <param name="Kind">货车 or 汽车列车.</param>
/// <param name="TractorSingleDriveAxle">牵引车驱动轴为单轴: lowers the ≥ 6-axle limit to 46 000 kg (art. 3 para. 1(8)).</param>
/// <param name="SingleTyreAxleCount">
/// 单轴每侧单轮胎 axles that count for the reduction (art. 3 para. 2(2): axles other than the drive axle are assumed
/// dual-tyred; each single-tyred one lowers the limit by 3 000 kg). The steer axle and standard widened tyres do not count.
/// </param>
public sealed record VehicleAxles(int AxleCount, VehicleKind Kind, bool TractorSingleDriveAxle = false, int SingleTyreAxleCount = 0);
