namespace Vanguard.Domain.Credit;

/// <summary>One counted act: the case and the day of the act (违法行为发生之日).</summary>
public sealed record CountedAct(Guid CaseId, DateOnly ActOn);

/// <summary>The rules of the 严重违法失信超限超载 blacklist.</summary>
public static class BlacklistRule
{
    /// <summary>① 车辆: more than 3 超限 violations in 12 months.</summary>
    public const string Vehicle = "vehicle_overload";

    /// <summary>② 驾驶人: more than 3 超限 violations in 12 months.</summary>
    public const string Driver = "driver_overload";

    /// <summary>③ 运输企业: more than 10 % of its vehicles with a 超限 violation in 12 months.</summary>
    public const string Enterprise = "enterprise_overload_rate";

    /// <summary>货运源头单位 that loaded overloaded trucks repeatedly (超限规定 art. 32; provincial threshold).</summary>
    public const string Source = "source_overload";

    public static IReadOnlyList<string> All { get; } = [Vehicle, Driver, Enterprise, Source];

    public static string NameZh(string rule) => rule switch
    {
        Vehicle => "车辆一年内违法超限运输超过 3 次",
        Driver => "驾驶人一年内违法超限运输超过 3 次",
        Enterprise => "运输企业一年内违法超限运输的货运车辆超过本单位车辆总数 10%",
        Source => "货运源头单位一年内多次为违法超限车辆装载",
        _ => rule,
    };
}

/// <summary>The thresholds (all configurable; defaults from 公路安全保护条例 art. 66 and the 2017 joint memorandum).</summary>
public sealed record BlacklistThresholds
{
    /// <summary>The rolling window, in months, counted by the day of the act.</summary>
    public int WindowMonths { get; set; } = 12;

    /// <summary>公路安全保护条例 art. 66: a vehicle listed with <em>more than</em> this many violations (the 4th, not the 3rd).</summary>
    public int VehicleMoreThan { get; set; } = 3;

    /// <summary>公路安全保护条例 art. 66: a driver likewise.</summary>
    public int DriverMoreThan { get; set; } = 3;

    /// <summary>公路安全保护条例 art. 66: an enterprise with <em>more than</em> this share (percent) of its vehicles violating.</summary>
    public int EnterpriseMoreThanPercent { get; set; } = 10;

    /// <summary>
    /// An enterprise with fewer registered vehicles is not rated (a one-truck owner would be 100 % at its first violation, and the
    /// vehicle itself falls under the vehicle rule). A provincial choice [U]; 10 makes "more than 10 %" mean at least 2 vehicles.
    /// </summary>
    public int EnterpriseMinimumFleet { get; set; } = 10;

    /// <summary>超限规定 art. 32 leaves the threshold for 货运源头单位 to the province [U]: more than this many overloaded trucks loaded.</summary>
    public int SourceMoreThan { get; set; } = 3;

    public static BlacklistThresholds Default { get; } = new();
}

/// <summary>A rule crossed: the acts it rests on and the day of the act that crossed it.</summary>
public sealed record Crossing(string Rule, IReadOnlyList<CountedAct> Counted, DateOnly CrossedOn);

/// <summary>
/// 严重违法失信超限超载 (2017 joint memorandum of 36 departments; 公路安全保护条例 art. 66; 超限规定 art. 32): whether a subject's decided
/// overload violations put it on the blacklist. Pure: the caller passes the acts of decisions not set aside.
/// </summary>
public static class OverloadBlacklistRules
{
    /// <summary>
    /// A vehicle, a driver or a source unit: crossed when some window of <see cref="BlacklistThresholds.WindowMonths"/> months — the
    /// acts after (day − window) up to the day of an act — holds more than <paramref name="moreThan"/> distinct cases, and that day is
    /// within the window of <paramref name="today"/> (a crossing older than a year is no ground for listing now). The latest such
    /// window is returned. Acts on or before <paramref name="after"/> (those of an earlier listing that ended) do not count again.
    /// </summary>
    public static Crossing? Count(string rule, IEnumerable<CountedAct> acts, int moreThan, DateOnly today, BlacklistThresholds thresholds, DateOnly? after = null)
    {
        var days = acts.Where(a => a.ActOn <= today && (after is null || a.ActOn > after))
            .GroupBy(a => a.CaseId).Select(g => g.OrderBy(a => a.ActOn).First())
            .OrderBy(a => a.ActOn).ThenBy(a => a.CaseId).ToList();
        for (var end = days.Count - 1; end >= 0; end--)
        {
            var day = days[end].ActOn;
            if (day <= today.AddMonths(-thresholds.WindowMonths))
            {
                break;
            }

            var from = day.AddMonths(-thresholds.WindowMonths);
            var window = days.Take(end + 1).Where(a => a.ActOn > from).ToList();
            if (window.Count > moreThan)
            {
                return new Crossing(rule, window, day);
            }
        }

        return null;
    }

    public static Crossing? Vehicle(IEnumerable<CountedAct> acts, DateOnly today, BlacklistThresholds t, DateOnly? after = null) =>
        Count(BlacklistRule.Vehicle, acts, t.VehicleMoreThan, today, t, after);

    public static Crossing? Driver(IEnumerable<CountedAct> acts, DateOnly today, BlacklistThresholds t, DateOnly? after = null) =>
        Count(BlacklistRule.Driver, acts, t.DriverMoreThan, today, t, after);

    public static Crossing? Source(IEnumerable<CountedAct> acts, DateOnly today, BlacklistThresholds t, DateOnly? after = null) =>
        Count(BlacklistRule.Source, acts, t.SourceMoreThan, today, t, after);

    /// <summary>
    /// 公路安全保护条例 art. 66: an enterprise whose vehicles with a violation in the last window exceed the share of its fleet
    /// (the registry's vehicles of the owner). <paramref name="actsByVehicle"/>: per vehicle of the fleet, its acts.
    /// </summary>
    public static Crossing? Enterprise(
        int fleetSize, IReadOnlyDictionary<string, IReadOnlyList<CountedAct>> actsByVehicle, DateOnly today, BlacklistThresholds t, DateOnly? after = null)
    {
        if (fleetSize < t.EnterpriseMinimumFleet || fleetSize <= 0)
        {
            return null;
        }

        var from = today.AddMonths(-t.WindowMonths);
        var counted = actsByVehicle.Values
            .Select(acts => acts.Where(a => a.ActOn > from && a.ActOn <= today && (after is null || a.ActOn > after)).ToList())
            .Where(acts => acts.Count > 0)
            .ToList();
        // Integer arithmetic on the legal boundary: violating / fleet > p / 100 ⇔ violating × 100 > p × fleet.
        if (counted.Count * 100 <= t.EnterpriseMoreThanPercent * fleetSize)
        {
            return null;
        }

        var all = counted.SelectMany(a => a).OrderBy(a => a.ActOn).ThenBy(a => a.CaseId).ToList();
        return new Crossing(BlacklistRule.Enterprise, all, all[^1].ActOn);
    }

    /// <summary>The share of the fleet with a violation in the window, in percent (one decimal), for the dashboards.</summary>
    public static decimal RatePercent(int violating, int fleet) => fleet <= 0 ? 0m : Math.Round(violating * 100m / fleet, 1);
}
