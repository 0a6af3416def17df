// TEMPORARY stand-in for the overload-domain branch; deleted when it merges.
using Vanguard.Domain.Penalties;

namespace Vanguard.Domain.Overload;

public enum VehicleKind
{
    Truck,
    Combination,
}

public sealed record VehicleAxles(int AxleCount, VehicleKind Kind, bool TractorSingleDriveAxle = false, int SingleTyreAxleCount = 0);

public static class OverloadLimits
{
    public const int HeightLimitMm = 4_000;
    public const int WidthLimitMm = 2_550;
    public const int LengthLimitMm = 18_100;

    public static int LimitKg(VehicleAxles vehicle, int? registeredMassKg = null) => vehicle.AxleCount switch
    {
        2 => 18_000,
        3 => vehicle.Kind == VehicleKind.Combination ? 27_000 : 25_000,
        4 => vehicle.Kind == VehicleKind.Combination ? 36_000 : 31_000,
        5 => 43_000,
        _ => vehicle.TractorSingleDriveAxle ? 46_000 : 49_000,
    } - (3_000 * vehicle.SingleTyreAxleCount);
}

public sealed record WeighingInput(
    VehicleAxles Vehicle, int GrossWeightKg, int? HeightMm = null, int? WidthMm = null, int? LengthMm = null, decimal? AccuracyClass = null, int? RegisteredMassKg = null);

public sealed record OverloadSettings(OverloadUnitRounding Rounding = OverloadUnitRounding.Floor)
{
    public static OverloadSettings Default { get; } = new();
}

public enum OverloadVerdict
{
    Compliant,
    Overloaded,
}

public sealed record DimensionJudgement(bool Over, int? OverHeightMm, int? OverWidthMm, int? OverLengthMm);

public sealed record OverloadPenalty(string Kind, long? AmountFen, IReadOnlyList<string> ExplanationZh, IReadOnlyList<string> ExplanationEn)
{
    public long? AmountYuan => AmountFen / 100;
}

public sealed record OverloadJudgement(
    OverloadVerdict Verdict, int LimitKg, int ToleranceKg, int AdjustedKg, int OverKg, decimal OverPercent, bool MassOver, DimensionJudgement Dimensions, OverloadPenalty Penalty);

public static class OverloadJudge
{
    public static OverloadJudgement Judge(WeighingInput input, OverloadSettings? settings = null, DateOnly? onDate = null)
    {
        var limit = OverloadLimits.LimitKg(input.Vehicle, input.RegisteredMassKg);
        var adjusted = (int)Math.Floor(input.GrossWeightKg * (1 - ((input.AccuracyClass ?? 0) / 100m)));
        var over = adjusted - limit;
        var penalty = over <= 0 ? new OverloadPenalty("none", null, [], [])
            : over <= 1000 ? new OverloadPenalty("warning", null, [], [])
            : new OverloadPenalty("fine", Math.Min(3_000_000, 50_000L * (over / 1000)), [], []);
        return new OverloadJudgement(over > 0 ? OverloadVerdict.Overloaded : OverloadVerdict.Compliant, limit, input.GrossWeightKg - adjusted, adjusted, over,
            over > 0 ? Math.Round(over * 100m / limit, 2) : 0, over > 0, new DimensionJudgement(false, null, null, null), penalty);
    }
}

public static class WeighingConsistency
{
    public static bool AxlesMatchGross(IReadOnlyList<int> axleWeightsKg, int grossWeightKg, decimal tolerancePercent = 5m) =>
        Math.Abs(axleWeightsKg.Sum() - grossWeightKg) <= grossWeightKg * tolerancePercent / 100m;
}
