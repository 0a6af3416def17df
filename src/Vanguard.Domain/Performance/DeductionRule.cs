namespace Vanguard.Domain.Performance;

/// <summary>The kinds of deduction rule (docs/performance-evaluation.md; domain reference §9: ratio / per-occurrence / threshold).</summary>
public static class DeductionKinds
{
    /// <summary>扣分按比例: the compliance rate (1 − failures / total) at or above the target keeps every point; at or below the floor loses all; linear between.</summary>
    public const string Ratio = "ratio";

    /// <summary>按次扣分: so many points for each failure, up to a cap (never more than the indicator's weight).</summary>
    public const string PerOccurrence = "per_occurrence";

    /// <summary>阈值: the failure rate above the limit loses the whole weight; at or below it loses nothing.</summary>
    public const string Threshold = "threshold";

    public static IReadOnlyList<string> All { get; } = [Ratio, PerOccurrence, Threshold];
}

/// <summary>
/// What one month's data of one agency measured for one indicator: <see cref="Failures"/> of <see cref="Total"/> records
/// fell short (a per-occurrence indicator only counts failures; its total is informative).
/// </summary>
public sealed record Measurement(int Failures, int Total)
{
    public decimal? FailureRate => Total > 0 ? (decimal)Failures / Total : null;
}

/// <summary>
/// How an indicator loses points. One flat record (not a class per kind) so that it is stored and published as plain data;
/// <see cref="Validate"/> says which parameters each kind needs.
/// </summary>
public sealed record DeductionRule(
    string Kind, decimal? Target = null, decimal? Floor = null, decimal? PointsEach = null, decimal? Cap = null, decimal? Limit = null)
{
    public static DeductionRule Ratio(decimal target, decimal floor) => new(DeductionKinds.Ratio, Target: target, Floor: floor);

    public static DeductionRule PerOccurrence(decimal pointsEach, decimal cap) => new(DeductionKinds.PerOccurrence, PointsEach: pointsEach, Cap: cap);

    public static DeductionRule Threshold(decimal limit) => new(DeductionKinds.Threshold, Limit: limit);

    /// <summary>The points an indicator of this weight loses for the measurement, rounded to hundredths; never more than the weight.</summary>
    public decimal Deduct(decimal weight, Measurement m)
    {
        var points = Kind switch
        {
            DeductionKinds.Ratio => RatioDeduction(weight, m),
            DeductionKinds.PerOccurrence => Math.Min(Cap ?? weight, m.Failures * (PointsEach ?? 0m)),
            DeductionKinds.Threshold => m.FailureRate is { } rate && rate > (Limit ?? 0m) ? weight : 0m,
            _ => throw new InvalidOperationException($"Unknown deduction kind {Kind}; the catalogue validation lets none through."),
        };
        return Math.Round(Math.Clamp(points, 0m, weight), 2, MidpointRounding.AwayFromZero);
    }

    private decimal RatioDeduction(decimal weight, Measurement m)
    {
        if (m.Total <= 0)
        {
            return 0m; // nothing to measure this month: nothing fell short
        }

        var compliance = (decimal)(m.Total - Math.Min(m.Failures, m.Total)) / m.Total;
        var target = Target ?? 1m;
        var floor = Floor ?? 0m;
        if (compliance >= target)
        {
            return 0m;
        }

        return compliance <= floor ? weight : weight * (target - compliance) / (target - floor);
    }

    /// <summary>The rule's problems for an indicator of this weight (empty when it is sound), as (field, zh, en).</summary>
    public IEnumerable<(string Field, string Zh, string En)> Validate(decimal weight)
    {
        switch (Kind)
        {
            case DeductionKinds.Ratio:
                if (Target is not { } target || target <= 0m || target > 1m)
                {
                    yield return ("target", "比例扣分的达标率须在 0（不含）到 1 之间。", "A ratio rule's target must be in (0, 1].");
                }
                else if (Floor is not { } floor || floor < 0m || floor >= target)
                {
                    yield return ("floor", "比例扣分的扣完分线须不小于 0 且低于达标率。", "A ratio rule's floor must be ≥ 0 and below its target.");
                }

                break;
            case DeductionKinds.PerOccurrence:
                if (PointsEach is not { } each || each <= 0m)
                {
                    yield return ("pointsEach", "按次扣分的每次扣分须大于 0。", "A per-occurrence rule's points each must be above 0.");
                }

                if (Cap is not { } cap || cap <= 0m || cap > weight)
                {
                    yield return ("cap", "按次扣分的扣分上限须大于 0 且不超过该指标分值。", "A per-occurrence rule's cap must be above 0 and at most the weight.");
                }

                break;
            case DeductionKinds.Threshold:
                if (Limit is not { } limit || limit < 0m || limit > 1m)
                {
                    yield return ("limit", "阈值须在 0 到 1 之间（不合格率）。", "A threshold's limit is a failure rate in [0, 1].");
                }

                break;
            default:
                yield return ("kind", "扣分规则只能是 ratio、per_occurrence 或 threshold。", "The rule kind must be ratio, per_occurrence or threshold.");
                break;
        }
    }
}
