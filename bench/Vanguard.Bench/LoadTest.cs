using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Vanguard.Bench;

/// <summary>
/// <c>-- load [--minutes 10] [--engine postgres|sqlite]</c>: one node under a steady mixed load for the given time — field
/// officers' vehicle look-ups (bearer token) and stations' and cameras' batches, each on its own schedule and concurrently.
/// Reports per endpoint and minute: requests/s, errors (any non-2xx or a failed request), p50/p95/p99; and the node's
/// resident memory sampled every 10 s, with the verdict "no errors, memory flat".
/// </summary>
internal static class LoadTest
{
    private const int WimBatchSize = 100;
    private const int AnprBatchSize = 200;
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(10);

    /// <summary>Schedules: what a busy county sends at once — 1 000 weighings/s, 4 000 plate reads/s, 50 look-ups/s.</summary>
    private static readonly Stream[] Streams =
    [
        new("lookup", RequestsPerSecond: 50, Workers: 16),
        new("wim", RequestsPerSecond: 10, Workers: 8),
        new("anpr", RequestsPerSecond: 20, Workers: 8),
    ];

    public sealed record Options(double Minutes, string Engine)
    {
        public static Options Parse(string[] args)
        {
            var minutes = 10.0;
            var engine = "postgres";
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--minutes" when i + 1 < args.Length && double.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var m) && m > 0:
                        minutes = m;
                        i++;
                        break;
                    case "--engine" when i + 1 < args.Length && args[i + 1] is "postgres" or "sqlite":
                        engine = args[++i];
                        break;
                    default:
                        throw new ArgumentException($"load: unknown or invalid argument '{args[i]}' (--minutes m>0, --engine postgres|sqlite)");
                }
            }

            return new Options(minutes, engine);
        }
    }

    private sealed record Stream(string Name, int RequestsPerSecond, int Workers);

    private readonly record struct Sample(string Stream, int Minute, double Milliseconds, bool Ok);

    private readonly record struct MemorySample(double AtSeconds, double ResidentMb, double AnonymousMb, string Load);

    public static async Task<IReadOnlyList<Figure>> RunAsync(Options options, IList<string> failures, CancellationToken ct)
    {
        var duration = TimeSpan.FromMinutes(options.Minutes);
        var engineName = options.Engine == "postgres" ? "PostgreSQL" : "SQLite";
        Report.Heading($"load test on one node ({engineName}), {duration.TotalMinutes:0.#} min: " +
            string.Join(", ", Streams.Select(s => $"{s.Name} {s.RequestsPerSecond}/s")) +
            $" (WIM batches of {WimBatchSize}, ANPR batches of {AnprBatchSize})");
        await using var database = options.Engine == "postgres"
            ? await ScratchPostgres.CreateAsync(Engines.FromEnvironment(needNats: false).PostgresServer, ct)
            : null;
        await using var node = await Node.StartAsync("load-node", database?.ConnectionString, null, null, ct);
        Report.Line($"node started (migrate + seed the demo province) in {Report.Seconds(node.TimeToHealthy)}, resident {node.ResidentMegabytes():0} MB");

        var prefix = "LT" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var (stations, cameras) = await Node.RegisterDevicesAsync(node.Address, prefix, each: 2, ct);
        var plates = await RegistryPlatesAsync(node.Address, ct);
        var officerToken = await Node.TokenAsync(node.Address, "zhengzhou.field", ct);
        Report.Line($"{plates.Count} registry vehicles looked up in turn by zhengzhou.field; {stations.Count} stations, {cameras.Count} cameras");

        var clients = new List<HttpClient>();
        HttpClient Client(Action<HttpRequestHeaders> headers)
        {
            var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 16 }) { BaseAddress = node.Address, Timeout = TimeSpan.FromSeconds(30) };
            headers(client.DefaultRequestHeaders);
            clients.Add(client);
            return client;
        }

        var officer = Client(h => h.Authorization = new AuthenticationHeaderValue("Bearer", officerToken));
        var stationClients = stations.Select(k => Client(h => h.Add("X-Device-Key", k))).ToList();
        var cameraClients = cameras.Select(k => Client(h => h.Add("X-Device-Key", k))).ToList();
        var firstError = new ConcurrentDictionary<string, string>();

        Func<long, Task<HttpResponseMessage>> Request(string stream) => stream switch
        {
            "lookup" => n =>
            {
                var (plate, color) = plates[(int)(n % plates.Count)];
                return officer.GetAsync(
                    $"/api/v1/terminal/lookup/vehicle?plate={Uri.EscapeDataString(plate)}&plateColor={color}&purpose={Uri.EscapeDataString("路面检查")}", ct);
            },
            "wim" => async n =>
            {
                using var content = Traffic.Json(Traffic.WimBatch(prefix, n, WimBatchSize));
                return await stationClients[(int)(n % stationClients.Count)].PostAsync(Traffic.WimPath, content, ct);
            },
            _ => async n =>
            {
                using var content = Traffic.Json(Traffic.AnprBatch(prefix, n, AnprBatchSize));
                return await cameraClients[(int)(n % cameraClients.Count)].PostAsync(Traffic.AnprPath, content, ct);
            },
        };

        var samples = new ConcurrentQueue<Sample>();
        var memory = new List<MemorySample>();
        var started = Stopwatch.GetTimestamp();
        var until = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                memory.Add(new MemorySample(Seconds(started), node.ResidentMegabytes(), node.ResidentMegabytes("RssAnon"), Report.LoadAverage()));
                try
                {
                    await Task.Delay(SampleEvery, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }, CancellationToken.None);

        try
        {
            await Task.WhenAll(Streams.Select(stream => RunStreamAsync(stream, Request(stream.Name), started, until, samples, firstError, ct)));
        }
        finally
        {
            await stop.CancelAsync();
            await sampler;
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }

        memory.Add(new MemorySample(Seconds(started), node.ResidentMegabytes(), node.ResidentMegabytes("RssAnon"), Report.LoadAverage()));
        return Summarise(engineName, duration, samples.ToList(), memory, firstError, failures);
    }

    /// <summary>
    /// Request n is due at start + n / rate; a worker takes the next number and waits for its time, or sends at once when
    /// behind (the schedule is the target, the achieved rate is what the table reports).
    /// </summary>
    private static Task RunStreamAsync(Stream stream, Func<long, Task<HttpResponseMessage>> send, long started, long until,
        ConcurrentQueue<Sample> samples, ConcurrentDictionary<string, string> firstError, CancellationToken ct)
    {
        var next = -1L;
        var interval = (double)Stopwatch.Frequency / stream.RequestsPerSecond;
        return Task.WhenAll(Enumerable.Range(0, stream.Workers).Select(async _ =>
        {
            while (true)
            {
                var n = Interlocked.Increment(ref next);
                var due = started + (long)(n * interval);
                if (due >= until)
                {
                    return;
                }

                var wait = due - Stopwatch.GetTimestamp();
                if (wait > 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), ct);
                }

                var sent = Stopwatch.GetTimestamp();
                var ok = false;
                try
                {
                    using var response = await send(n);
                    ok = response.IsSuccessStatusCode;
                    if (!ok)
                    {
                        firstError.TryAdd(stream.Name, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
                {
                    firstError.TryAdd(stream.Name, ex.GetType().Name + ": " + ex.Message);
                }

                var elapsed = (Stopwatch.GetTimestamp() - sent) * 1000.0 / Stopwatch.Frequency;
                // The minute the request was due in: one sent late, behind the schedule, counts where it belonged.
                samples.Enqueue(new Sample(stream.Name, (int)((due - started) / Stopwatch.Frequency / 60), elapsed, ok));
            }
        }));
    }

    private static IReadOnlyList<Figure> Summarise(string engine, TimeSpan duration, List<Sample> samples, List<MemorySample> memory,
        ConcurrentDictionary<string, string> firstError, IList<string> failures)
    {
        Report.Line("per endpoint and minute (latency = request sent → whole answer read):");
        Report.Line("endpoint | minute | requests | req/s | errors | p50 | p95 | p99");
        var figures = new List<Figure>();
        foreach (var stream in Streams)
        {
            var mine = samples.Where(s => s.Stream == stream.Name).ToList();
            foreach (var minute in mine.GroupBy(s => s.Minute).OrderBy(g => g.Key))
            {
                var times = minute.Select(s => s.Milliseconds).Order().ToList();
                var seconds = Math.Min(60, duration.TotalSeconds - (minute.Key * 60));
                Report.Line($"{stream.Name} | {minute.Key + 1} | {times.Count:N0} | {times.Count / seconds:0.0} | {minute.Count(s => !s.Ok)} | " +
                    $"{Traffic.Ms(Traffic.Percentile(times, 0.50))} | {Traffic.Ms(Traffic.Percentile(times, 0.95))} | {Traffic.Ms(Traffic.Percentile(times, 0.99))}");
            }

            var all = mine.Select(s => s.Milliseconds).Order().ToList();
            var errors = mine.Count(s => !s.Ok);
            Report.Line($"{stream.Name} | all | {all.Count:N0} | {all.Count / duration.TotalSeconds:0.0} (scheduled {stream.RequestsPerSecond}) | {errors} | " +
                $"{Traffic.Ms(Traffic.Percentile(all, 0.50))} | {Traffic.Ms(Traffic.Percentile(all, 0.95))} | {Traffic.Ms(Traffic.Percentile(all, 0.99))}");
            if (errors > 0)
            {
                failures.Add($"load: {errors} errors on {stream.Name} of {all.Count}; first: {firstError.GetValueOrDefault(stream.Name)}");
            }

            figures.Add(new Figure($"load {duration.TotalMinutes:0.#} min ({engine}): {stream.Name}", "p99", Traffic.Percentile(all, 0.99),
                "p50, same run", Traffic.Percentile(all, 0.50), "ms", Better.Lower));
        }

        Report.Line("node memory every 10 s (s: RSS / anonymous RSS, load average):");
        Report.Line(string.Join("  ", memory.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.AtSeconds:0}s:{m.ResidentMb:0}/{m.AnonymousMb:0}({m.Load})"))));
        var firstMinute = memory.Where(m => m.AtSeconds < 60).Average(m => m.ResidentMb);
        var lastMinute = memory.Where(m => m.AtSeconds >= duration.TotalSeconds - 60).DefaultIfEmpty(memory[^1]).Average(m => m.ResidentMb);
        // Least squares over the samples after the first minute (the first minute is JIT, pools and caches filling).
        var settled = memory.Where(m => m.AtSeconds >= 60).ToList();
        var slope = Slope(settled.Count >= 3 ? settled : memory);
        var totalErrors = samples.Count(s => !s.Ok);
        var growth = lastMinute - firstMinute;
        // Flat: the last minute within 10 % (and 30 MB) of the first, and no steady climb (< 2 MB a minute once settled).
        var flat = growth <= Math.Max(30, firstMinute * 0.10) && slope < 2;
        Report.Line(string.Create(CultureInfo.InvariantCulture,
            $"RSS first minute {firstMinute:0} MB, last minute {lastMinute:0} MB ({growth:+0;-0} MB), slope after the first minute {slope:0.00} MB/min; peak {memory.Max(m => m.ResidentMb):0} MB"));
        Report.Line($"verdict: {(totalErrors == 0 ? "no errors" : $"{totalErrors} ERRORS")}, memory {(flat ? "flat" : "NOT FLAT")} " +
            $"({samples.Count:N0} requests, {samples.Count / duration.TotalSeconds:0.0}/s; load average at the end {Report.LoadAverage()})");
        if (!flat)
        {
            failures.Add($"load: memory not flat ({firstMinute:0} → {lastMinute:0} MB, {slope:0.00} MB/min)");
        }

        figures.Add(new Figure($"load {duration.TotalMinutes:0.#} min ({engine}): node RSS", "last minute", lastMinute, "first minute", firstMinute, "MB", Better.Lower));
        return figures;
    }

    private static double Slope(IReadOnlyList<MemorySample> samples)
    {
        if (samples.Count < 2)
        {
            return 0;
        }

        var meanX = samples.Average(s => s.AtSeconds / 60);
        var meanY = samples.Average(s => s.ResidentMb);
        var covariance = samples.Sum(s => ((s.AtSeconds / 60) - meanX) * (s.ResidentMb - meanY));
        var variance = samples.Sum(s => Math.Pow((s.AtSeconds / 60) - meanX, 2));
        return variance == 0 ? 0 : covariance / variance;
    }

    private static double Seconds(long started) => (double)(Stopwatch.GetTimestamp() - started) / Stopwatch.Frequency;

    /// <summary>The demo registry's plates and colours, as the officer would type them.</summary>
    private static async Task<List<(string Plate, string Color)>> RegistryPlatesAsync(Uri node, CancellationToken ct)
    {
        using var admin = new HttpClient { BaseAddress = node };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Node.TokenAsync(node, "admin", ct));
        var page = await admin.GetFromJsonAsync<JsonObject>("/api/v1/registry/vehicles?pageSize=100", ct);
        var plates = page!["items"]!.AsArray()
            .Select(v => (v!["plate"]!.GetValue<string>(), v["plateColor"]!.ToString()))
            .ToList();
        return plates.Count > 0 ? plates : throw new InvalidOperationException("the demo registry has no vehicles");
    }
}
