namespace Vanguard.Domain.Warnings;

/// <summary>
/// One early-warning rule (问题预警, "建立问题预警机制，切实防止小问题演变成大问题"): its stable code, its name, the article or rule it
/// protects, and its default threshold. A province may change the thresholds (<see cref="WarningThresholds"/>); the rule itself is
/// pure: the engine hands it the figures and it says whether they cross the line.
/// </summary>
public abstract class WarningRule
{
    public abstract string Code { get; }

    public abstract string NameZh { get; }

    public abstract string NameEn { get; }

    /// <summary>The article or rule the warning protects (法条/制度依据).</summary>
    public abstract string Protects { get; }

    /// <summary>What <see cref="WarningThresholds.Value"/> means, in Chinese (for the settings page).</summary>
    public abstract string ThresholdZh { get; }

    public abstract decimal DefaultValue { get; }

    /// <summary>False for a rule that fires on a fact alone (a certificate lapsed, a hash mismatch): its value is not used.</summary>
    public virtual bool HasThreshold => true;

    /// <summary>What <see cref="WarningThresholds.Percent"/> means when the rule has a second threshold (a share in %); null otherwise.</summary>
    public virtual string? PercentZh => null;

    public virtual decimal? DefaultPercent => null;

    /// <summary>Working days the responsible leader has to respond.</summary>
    public virtual int DefaultResponseDays => 3;

    /// <summary>
    /// Whether the condition is a state that can end by itself (a station back online, a case decided): an open warning whose
    /// condition is gone is marked 条件已消除, and still needs the leader's response to close. Rules about events (a decision, a
    /// complaint) never clear by themselves.
    /// </summary>
    public virtual bool SelfClearing => false;

    public WarningThresholds Defaults => new(true, DefaultValue, DefaultPercent, DefaultResponseDays);

    /// <summary>Null when the thresholds suit the rule; otherwise what is wrong (中文).</summary>
    public virtual string? Check(WarningThresholds t)
    {
        ArgumentNullException.ThrowIfNull(t);
        if (t.Value < 0 || t.Value > 10_000)
        {
            return "阈值须在 0 至 10000 之间。";
        }

        if (DefaultPercent is not null && t.Percent is not (>= 0 and <= 100))
        {
            return "比例阈值须在 0 至 100 之间。";
        }

        return t.ResponseDays is < 1 or > 30 ? "处置期限须为 1 至 30 个工作日。" : null;
    }
}

/// <summary>A rule's settings in one province: on or off, its threshold(s), and the working days to respond.</summary>
public sealed record WarningThresholds(bool Enabled, decimal Value, decimal? Percent, int ResponseDays);
