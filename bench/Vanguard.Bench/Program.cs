namespace Vanguard.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Vanguard.Bench -- [startup|memory|audit|ingest|evidence|watchlist|all]</c>, or
/// <c>-- scoring [--scale 0.01] [--engine sqlite|postgres|both] [--bench-index]</c> (minutes at full scale, so not part of <c>all</c>),
/// <c>-- cluster [--seconds 60] [--bus inprocess|nats]</c> and <c>-- load [--minutes 10] [--engine postgres|sqlite]</c> (engines from the
/// environment or <c>bench/cluster.sh</c>; not part of <c>all</c> either).
/// </summary>
internal static class BenchProgram
{
    private static readonly string[] Known = ["startup", "memory", "audit", "ingest", "evidence", "watchlist", "scoring", "cluster", "load", "all"];

    public static async Task<int> Main(string[] args)
    {
        var which = args.Length > 0 ? args[0].ToLowerInvariant() : "all";
        ScoringBench.Options? scoring = null;
        ClusterBench.Options? cluster = null;
        LoadTest.Options? loadTest = null;
        try
        {
            scoring = which == "scoring" ? ScoringBench.Options.Parse(args[1..]) : null;
            cluster = which == "cluster" ? ClusterBench.Options.Parse(args[1..]) : null;
            loadTest = which == "load" ? LoadTest.Options.Parse(args[1..]) : null;
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        if (!Known.Contains(which))
        {
            await Console.Error.WriteLineAsync($"usage: dotnet run -c Release --project bench/Vanguard.Bench -- [{string.Join('|', Known)}]" +
                " (scoring takes --scale 0<s≤1, --engine sqlite|postgres|both, --bench-index; cluster --seconds, --bus inprocess|nats;" +
                " load --minutes, --engine postgres|sqlite)");
            return 2;
        }

#if DEBUG
        Console.WriteLine("warning: a Debug build measures debugger-friendly code, not what ships; use -c Release.");
#endif

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var loadBefore = Report.LoadAverage();
        if (double.TryParse(loadBefore, System.Globalization.CultureInfo.InvariantCulture, out var load) && load > Environment.ProcessorCount / 2.0)
        {
            Console.WriteLine($"warning: load average {loadBefore} on {Environment.ProcessorCount} cores; another job is competing for the CPU.");
        }

        var figures = new List<Figure>();
        var failures = new List<string>();
        try
        {
            if (which is "startup" or "all")
            {
                await RunAsync("startup", () => StartupBench.RunAsync(cancel.Token), figures, failures);
            }

            if (which is "memory" or "all")
            {
                await RunAsync("memory", () => MemoryBench.RunAsync(cancel.Token), figures, failures);
            }

            if (which is "audit" or "all")
            {
                figures.AddRange(await AuditBench.RunAsync(failures, cancel.Token));
            }

            if (which is "ingest" or "all")
            {
                await RunAsync("ingest", () => IngestBench.RunAsync(failures, cancel.Token), figures, failures);
            }

            if (which is "evidence" or "all")
            {
                await RunAsync("evidence", () => EvidenceBench.RunAsync(failures, cancel.Token), figures, failures);
            }

            if (which is "watchlist" or "all")
            {
                await RunAsync("watchlist", () => WatchlistBench.RunAsync(failures, cancel.Token), figures, failures);
            }

            if (scoring is not null)
            {
                figures.AddRange(await ScoringBench.RunAsync(scoring, failures, cancel.Token));
            }

            if (cluster is not null)
            {
                await RunAsync("cluster", () => ClusterBench.RunAsync(cluster, failures, cancel.Token), figures, failures);
            }

            if (loadTest is not null)
            {
                await RunAsync("load", () => LoadTest.RunAsync(loadTest, failures, cancel.Token), figures, failures);
            }
        }
        finally
        {
            Paths.RemoveScratch();
        }

        Report.Table(figures, loadBefore);
        foreach (var failure in failures)
        {
            Console.WriteLine("FAILED: " + failure);
        }

        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>A benchmark that fails (a write refused, an app that does not start) is reported, and the others still run.</summary>
    public static async Task RunAsync(string name, Func<Task<IReadOnlyList<Figure>>> benchmark, List<Figure> figures, IList<string> failures)
    {
        try
        {
            figures.AddRange(await benchmark());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var cause = ex.GetBaseException();
            Console.WriteLine($"  {name} stopped: {cause.GetType().Name}: {cause.Message}");
            failures.Add($"{name}: {ex.GetType().Name}: {ex.Message} ({cause.GetType().Name}: {cause.Message})");
        }
    }
}
