namespace Vanguard.Domain.Overload;

/// <summary>
/// 称重数据一致性校验 (ingest validation of a weighing record): does the sum of the 轴重 agree with the 车货总质量?
/// Not a legal rule; a record that fails is held for review rather than judged (domain reference §2.4: data of a
/// device that is not trustworthy is not evidence).
/// </summary>
public static class WeighingConsistency
{
    /// <summary>
    /// True when <c>|Σ axleWeightsKg − grossWeightKg| ≤ grossWeightKg × tolerancePercent / 100</c> (the bound itself
    /// passes), computed exactly in decimal. Bad data is a <c>false</c>, not an exception: no axles, a gross ≤ 0, or an
    /// axle weight &lt; 0.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="axleWeightsKg"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tolerancePercent"/> is negative (a caller bug).</exception>
    public static bool AxlesMatchGross(IReadOnlyList<int> axleWeightsKg, int grossWeightKg, decimal tolerancePercent = 5m)
    {
        ArgumentNullException.ThrowIfNull(axleWeightsKg);
        ArgumentOutOfRangeException.ThrowIfNegative(tolerancePercent);
        if (axleWeightsKg.Count == 0 || grossWeightKg <= 0 || axleWeightsKg.Any(w => w < 0))
        {
            return false;
        }

        var sum = axleWeightsKg.Sum(w => (long)w);
        return Math.Abs(sum - grossWeightKg) * 100m <= grossWeightKg * tolerancePercent;
    }
}
