namespace Vanguard.Server.Modules.Warnings;

/// <summary><c>Vanguard:Warnings</c> in configuration.</summary>
public sealed class WarningsOptions
{
    public const string Section = "Vanguard:Warnings";

    /// <summary>How often the warning job evaluates the rules.</summary>
    public int PeriodMinutes { get; set; } = 15;

    /// <summary>The first run after start-up (the demo shows warnings soon after it starts).</summary>
    public int FirstRunDelaySeconds { get; set; } = 20;

    /// <summary>Legal days back the event rules (decisions departing from the standard, on-the-spot without a clip) look at.</summary>
    public int DecisionLookbackDays { get; set; } = 30;
}
