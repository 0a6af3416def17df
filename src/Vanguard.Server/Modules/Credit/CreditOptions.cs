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

    /// <summary>
    /// Days of decisions the job re-reads on every run. <c>ICaseDecisions</c> answers by decision day, and a decision may be entered
    /// with a day in the past, so the job looks back over more than the rules' 12-month window; the unique index makes a re-read free
    /// of duplicates.
    /// </summary>
    public int LookbackDays { get; set; } = 400;

    /// <summary>How often the job runs (it also runs once at start-up).</summary>
    public int RunMinutes { get; set; } = 15;

    /// <summary>Whether the job runs on its own (tests drive <c>RunOnceAsync</c> instead).</summary>
    public bool JobEnabled { get; set; } = true;
}
