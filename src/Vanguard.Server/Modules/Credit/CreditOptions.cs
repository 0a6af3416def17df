using Vanguard.Domain.Credit;

namespace Vanguard.Server.Modules.Credit;

/// <summary><c>Vanguard:Credit</c> in configuration.</summary>
public sealed class CreditOptions
{
    public const string Section = "Vanguard:Credit";

    /// <summary>The 严重违法失信超限超载 thresholds (公路安全保护条例 art. 66 defaults).</summary>
    public BlacklistThresholds Thresholds { get; set; } = new();

    /// <summary>Listing period and the minimum publication before 信用修复.</summary>
    public CreditPeriods Periods { get; set; } = new();

    /// <summary>How often the job runs (it also runs once at start-up).</summary>
    public int RunMinutes { get; set; } = 15;

    /// <summary>Whether the job runs on its own (tests drive <c>RunOnceAsync</c> instead).</summary>
    public bool JobEnabled { get; set; } = true;
}
