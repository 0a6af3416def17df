namespace Vanguard.Server.Common;

/// <summary>Legal dates are China Standard Time (UTC+8, no daylight saving), whatever the server's zone.</summary>
public static class LegalClock
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaOffset).DateTime);
}
