namespace Vanguard.Bench;

/// <summary>
/// A data directory on which the server has already run once (migrated and seeded with the demo province), shared by
/// the start-up and memory benchmarks: both measure a start on an existing database.
/// </summary>
internal static class SeededDatabase
{
    private static string? _directory;

    public static TimeSpan FirstStart { get; private set; }

    public static async Task<string> GetAsync(CancellationToken ct)
    {
        if (_directory is not null)
        {
            return _directory;
        }

        var directory = Paths.NewScratchDirectory("server");
        await using (var server = await AppProcess.StartAsync(Paths.ServerDll, directory, ct))
        {
            FirstStart = server.TimeToHealthy;
        }

        Report.Line($"first start (create + migrate + seed demo province): {Report.Seconds(FirstStart)}");
        return _directory = directory;
    }
}
