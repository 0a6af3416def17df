using Vanguard.Domain.Penalties;

namespace Vanguard.Domain.Overload;

/// <summary>
/// 称重检测数据 (one weighing: the vehicle, the measured gross mass and, when measured, the outer dimensions), as input to
/// <see cref="OverloadJudge.Judge"/>.
/// </summary>
/// <param name="Vehicle">车辆轴型.</param>
/// <param name="GrossWeightKg">车货总质量 as measured, kg (&gt; 0).</param>
/// <param name="HeightMm">车货总高度 from the ground, mm; null when not measured.</param>
/// <param name="WidthMm">车货总宽度, mm; null when not measured.</param>
/// <param name="LengthMm">车货总长度, mm; null when not measured.</param>
/// <param name="AccuracyClass">
/// 准确度等级 of the weighing device for the vehicle total mass (JJG 907-2006: 0.2, 0.5, 1, 2, 5, 10); the judge deducts
/// it as a percentage. Null = no deduction (a static scale).
/// </param>
/// <param name="RegisteredMassKg">行驶证总质量, kg; the limit of a 2-axle truck when lower than the table (see <see cref="OverloadLimits.LimitKg"/>).</param>
public sealed record WeighingInput(
    VehicleAxles Vehicle,
    int GrossWeightKg,
    int? HeightMm = null,
    int? WidthMm = null,
    int? LengthMm = null,
    decimal? AccuracyClass = null,
    int? RegisteredMassKg = null);

/// <summary>
/// 超限处罚设置 (the province's choices): <see cref="Rounding"/> decides whether a started 1 000 kg counts under
/// 超限规定 art. 43 para. 1(2) (see <see cref="OverloadUnitRounding"/>; default <see cref="OverloadUnitRounding.Floor"/>).
/// </summary>
public sealed record OverloadSettings(OverloadUnitRounding Rounding = OverloadUnitRounding.Floor)
{
    /// <summary>Floor: only full 1 000 kg count.</summary>
    public static OverloadSettings Default { get; } = new();
}
