namespace Vanguard.Bench;

/// <summary>
/// Start-up to healthy on an existing database (target ≤ 3 s): the server and the baseline app are started in turn,
/// <see cref="Runs"/> times each, and timed from process start to the first 200 from <c>/health</c>.
/// </summary>
internal static class StartupBench
{
    private const int Runs = 5;

    public static async Task<IReadOnlyList<Figure>> RunAsync(CancellationToken ct)
    {
        Report.Heading($"startup: process start → first 200 from /health, existing database, median of {Runs}");
        var data = await SeededDatabase.GetAsync(ct);
        var baselineData = Paths.NewScratchDirectory("baseline");

        // One unmeasured start of the baseline too, so both have their files in the page cache before timing.
        await using (await AppProcess.StartAsync(Paths.BaselineDll, baselineData, ct))
        {
        }

        var server = new List<TimeSpan>();
        var baseline = new List<TimeSpan>();
        for (var run = 1; run <= Runs; run++)
        {
            // Interleaved, so a drift in the machine (another job, a cold cache) touches both series alike.
            await using (var app = await AppProcess.StartAsync(Paths.ServerDll, data, ct))
            {
                server.Add(app.TimeToHealthy);
            }

            await using (var app = await AppProcess.StartAsync(Paths.BaselineDll, baselineData, ct))
            {
                baseline.Add(app.TimeToHealthy);
            }

            Report.Line($"run {run}: server {Report.Seconds(server[^1])}, baseline {Report.Seconds(baseline[^1])}");
        }

        var s = Median(server);
        var b = Median(baseline);
        Report.Line($"median: server {Report.Seconds(s)}, baseline {Report.Seconds(b)}; server min {Report.Seconds(server.Min())} max {Report.Seconds(server.Max())}");
        return
        [
            new Figure("startup", "server → healthy", s.TotalSeconds, "minimal app → healthy", b.TotalSeconds, "s", Better.Lower, Target: 3.0),
        ];
    }

    private static TimeSpan Median(List<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
