namespace Vanguard.Server.Common;

/// <summary>
/// Times as the platform stores them: UTC, cut to whole milliseconds. SQLite keeps a tenth of a millisecond and
/// PostgreSQL a microsecond, so a time computed in memory would otherwise differ from the same row read back (a retry's
/// answer, a "changed?" comparison, an optimistic-concurrency check).
/// </summary>
internal static class StoredTime
{
    public static DateTimeOffset Of(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    public static DateTimeOffset Now(TimeProvider clock) => Of(clock.GetUtcNow());
}
