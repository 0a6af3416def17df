using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Vanguard.Bench;

/// <summary>
/// <c>-- cluster [--seconds 60] [--bus inprocess|nats]</c>: plate-read and weigh-in-motion ingest on PostgreSQL, first
/// against one node, then against two nodes on the same database (senders spread over both), in one run. Acknowledged
/// records/s (what the devices were told) and stored records/s (until the rows are in the tables: with the NATS bus the
/// consumers write after the answer), and the batch answer's p50/p99. The ratio two-node ÷ one-node is the figure; on a
/// 2-core machine the nodes, PostgreSQL, NATS and this load generator share the same cores, so it shows what a second
/// node costs and that it works, not how a real cluster scales.
/// </summary>
internal static class ClusterBench
{
    private const int BatchSize = 500;
    private const int StationsAndCameras = 4;
    private static readonly TimeSpan CatchUpLimit = TimeSpan.FromMinutes(5);

    public sealed record Options(int Seconds, bool Nats)
    {
        public static Options Parse(string[] args)
        {
            var seconds = 60;
            var nats = false;
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--seconds" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var s) && s > 0:
                        seconds = s;
                        i++;
                        break;
                    case "--bus" when i + 1 < args.Length && args[i + 1] is "inprocess" or "nats":
                        nats = args[++i] == "nats";
                        break;
                    default:
                        throw new ArgumentException($"cluster: unknown or invalid argument '{args[i]}' (--seconds n>0, --bus inprocess|nats)");
                }
            }

            return new Options(seconds, nats);
        }
    }

    private sealed record Phase(string Name, long Acknowledged, double AcknowledgedPerSecond, double StoredPerSecond, double P50, double P99, int Errors);

    public static async Task<IReadOnlyList<Figure>> RunAsync(Options options, IList<string> failures, CancellationToken ct)
    {
        var engines = Engines.FromEnvironment(options.Nats);
        var bus = options.Nats ? "NATS JetStream bus" : "in-process bus";
        Report.Heading($"cluster ingest on PostgreSQL, {bus}: {options.Seconds} s per phase, {StationsAndCameras} stations + {StationsAndCameras} cameras " +
            $"sending batches of {BatchSize} back to back; one node, then two");
        await using var database = await ScratchPostgres.CreateAsync(engines.PostgresServer, ct);
        var stream = options.Nats ? "VG_BENCH_" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant() : null;
        var prefix = "CB" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

        await using var first = await Node.StartAsync("bench-node-a", database.ConnectionString, engines.NatsUrl, stream, ct);
        Report.Line($"node A healthy in {Report.Seconds(first.TimeToHealthy)} (first start: migrate + seed)");
        var (stations, cameras) = await Node.RegisterDevicesAsync(first.Address, prefix, StationsAndCameras, ct);

        var one = await MeasureAsync("one node", [first], stations, cameras, prefix + "-1", options.Seconds, database, failures, ct);

        await using var second = await Node.StartAsync("bench-node-b", database.ConnectionString, engines.NatsUrl, stream, ct);
        Report.Line($"node B healthy in {Report.Seconds(second.TimeToHealthy)} (same database, already migrated)");
        var two = await MeasureAsync("two nodes", [first, second], stations, cameras, prefix + "-2", options.Seconds, database, failures, ct);

        var ratio = two.AcknowledgedPerSecond / one.AcknowledgedPerSecond;
        Report.Line(string.Create(CultureInfo.InvariantCulture,
            $"two nodes ÷ one node: acknowledged ×{ratio:0.00}, stored ×{two.StoredPerSecond / one.StoredPerSecond:0.00} " +
            $"({Environment.ProcessorCount} cores shared by the nodes, PostgreSQL{(options.Nats ? ", NATS" : "")} and this generator; load average {Report.LoadAverage()})"));
        var label = $"cluster ingest (PostgreSQL, {(options.Nats ? "NATS" : "in-process")})";
        return
        [
            new Figure(label, "two nodes: acknowledged", two.AcknowledgedPerSecond, "one node, same run", one.AcknowledgedPerSecond, "records/s", Better.Higher),
            new Figure(label, "two nodes: stored", two.StoredPerSecond, "one node, same run", one.StoredPerSecond, "records/s", Better.Higher),
            new Figure(label, "two nodes: batch p99", two.P99, "one node, same run", one.P99, "ms", Better.Lower),
        ];
    }

    private static async Task<Phase> MeasureAsync(string name, AppProcess[] nodes, List<string> stations, List<string> cameras, string prefix,
        int seconds, ScratchPostgres database, IList<string> failures, CancellationToken ct)
    {
        var storedBefore = await StoredAsync(database, ct);
        // Sender k is one device, pinned to node k mod n: a load balancer spreading devices over the nodes.
        var senders = stations.Select((key, i) => (Key: key, Path: Traffic.WimPath, Wim: true, Index: i))
            .Concat(cameras.Select((key, i) => (Key: key, Path: Traffic.AnprPath, Wim: false, Index: i + stations.Count)))
            .Select(s =>
            {
                var client = new HttpClient { BaseAddress = nodes[s.Index % nodes.Length].Address, Timeout = TimeSpan.FromSeconds(60) };
                client.DefaultRequestHeaders.Add("X-Device-Key", s.Key);
                return (Client: client, s.Path, s.Wim, s.Index);
            })
            .ToList();
        var answers = new ConcurrentQueue<double>();
        var acknowledged = 0L;
        var errors = 0;
        var firstError = (string?)null;
        var clock = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        try
        {
            await Task.WhenAll(senders.Select(async sender =>
            {
                for (var batch = 0L; clock.Elapsed < until; batch++)
                {
                    var id = $"{prefix}-{sender.Index:D2}";
                    using var content = Traffic.Json(sender.Wim ? Traffic.WimBatch(id, batch, BatchSize) : Traffic.AnprBatch(id, batch, BatchSize));
                    var sent = Stopwatch.GetTimestamp();
                    try
                    {
                        using var response = await sender.Client.PostAsync(sender.Path, content, ct);
                        var body = await response.Content.ReadAsStringAsync(ct);
                        answers.Enqueue((Stopwatch.GetTimestamp() - sent) * 1000.0 / Stopwatch.Frequency);
                        if (response.IsSuccessStatusCode)
                        {
                            Interlocked.Add(ref acknowledged, System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("accepted").GetInt32());
                        }
                        else
                        {
                            Interlocked.Increment(ref errors);
                            Interlocked.CompareExchange(ref firstError, $"{(int)response.StatusCode}: {body}", null);
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
                    {
                        Interlocked.Increment(ref errors);
                        Interlocked.CompareExchange(ref firstError, ex.GetType().Name + ": " + ex.Message, null);
                    }
                }
            }));
        }
        finally
        {
            foreach (var sender in senders)
            {
                sender.Client.Dispose();
            }
        }

        var sendTime = clock.Elapsed;
        // Stored: until every acknowledged record is a row (at once on the in-process bus, after the consumers on NATS).
        long stored;
        while ((stored = await StoredAsync(database, ct) - storedBefore) < acknowledged && clock.Elapsed < sendTime + CatchUpLimit)
        {
            await Task.Delay(200, ct);
        }

        var storeTime = clock.Elapsed;
        var times = answers.Order().ToList();
        var phase = new Phase(name, acknowledged, acknowledged / sendTime.TotalSeconds, stored / storeTime.TotalSeconds,
            Traffic.Percentile(times, 0.50), Traffic.Percentile(times, 0.99), errors);
        Report.Line(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {acknowledged:N0} records acknowledged in {sendTime.TotalSeconds:0.0} s → {Report.Rate(phase.AcknowledgedPerSecond)}; " +
            $"{stored:N0} stored after {storeTime.TotalSeconds:0.0} s → {Report.Rate(phase.StoredPerSecond)}; " +
            $"batch of {BatchSize} answered p50 {Traffic.Ms(phase.P50)}, p99 {Traffic.Ms(phase.P99)}; {times.Count:N0} batches, {errors} errors"));
        if (errors > 0)
        {
            failures.Add($"cluster {name}: {errors} batches refused or failed; first: {firstError}");
        }

        if (stored != acknowledged)
        {
            failures.Add($"cluster {name}: {stored:N0} rows stored for {acknowledged:N0} records acknowledged");
        }

        return phase;
    }

    private static Task<long> StoredAsync(ScratchPostgres database, CancellationToken ct) =>
        database.ScalarAsync("SELECT (SELECT count(*) FROM offsite_wim_records) + (SELECT count(*) FROM offsite_anpr_reads)", ct);
}
