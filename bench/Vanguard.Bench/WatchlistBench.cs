using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Vanguard.Server.Data;
using Vanguard.Server.Hosting;
using Vanguard.Server.Modules.Surveillance.Data;

namespace Vanguard.Bench;

/// <summary>
/// Watch-list matching (布控比对) with 1 000 000 entries in force: (a) the cost of matching one read in the server's
/// in-memory index against a plain dictionary look-up of the same keys, and the index's memory; (b) read-to-alert
/// latency through the whole platform — plate reads posted over HTTP as cameras post them, ~1 in 1 000 on the list,
/// each alert received by a SignalR client on <c>/hubs/command</c> as the command centre receives it.
/// </summary>
internal static partial class WatchlistBench
{
    private const int Entries = 1_000_000;
    private const int TargetRate = 20_000;
    private const int BatchSize = 1_000;
    private const int Cameras = 4;
    private const int HitEvery = 1_000;
    private const string AgencyCode = "410100";
    private static readonly TimeSpan SendFor = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan AlertWait = TimeSpan.FromSeconds(120);

    // Entry plates: ten provinces × 'A' × five digits, one million distinct. Misses use letters that are in no
    // confusion class ({0,D,Q} {1,I} {8,B} {2,Z} {5,S}) and not 'A', so a miss can never match, exactly or fuzzily.
    private static readonly string[] Provinces = ["京", "津", "冀", "晋", "蒙", "辽", "吉", "黑", "沪", "苏"];
    private const string MissLetters = "CEFGHJK";

    public static async Task<IReadOnlyList<Figure>> RunAsync(IList<string> failures, CancellationToken ct)
    {
        var figures = new List<Figure>();
        figures.AddRange(MatchCost());
        figures.AddRange(await ReadToAlertAsync(failures, ct));
        return figures;
    }

    internal static string EntryPlate(int i) => string.Create(CultureInfo.InvariantCulture, $"{Provinces[i % 10]}A{i / 10:D5}");

    internal static string MissPlate(Random random) =>
        string.Create(CultureInfo.InvariantCulture, $"{Provinces[random.Next(10)]}{MissLetters[random.Next(MissLetters.Length)]}{random.Next(100_000):D5}");

    private static async Task<IReadOnlyList<Figure>> ReadToAlertAsync(IList<string> failures, CancellationToken ct)
    {
        Report.Heading($"watch-list read → alert: {Entries:N0} active entries (SQLite), reads over HTTP at ≥ {TargetRate:N0}/s for {SendFor.TotalSeconds:0} s, 1 in {HitEvery:N0} on the list");
        Report.Line("latency = alert received by the SignalR client on /hubs/command − the moment the batch holding the read was posted");
        var directory = Copy(await SeededDatabase.GetAsync(ct));
        var seedWatch = Stopwatch.StartNew();
        await SeedEntriesAsync(directory, ct);
        Report.Line($"seeded {Entries:N0} active entries in one transaction: {Report.Seconds(seedWatch.Elapsed)}");

        await using var server = await AppProcess.StartAsync(Paths.ServerDll, directory, ct);
        Report.Line($"server start with the index loaded before /health answers: {Report.Seconds(server.TimeToHealthy)}, resident {server.ResidentMegabytes():0} MB");

        using var admin = new HttpClient { BaseAddress = server.Address };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(admin, "admin", ct));
        var keys = new List<string>();
        for (var c = 1; c <= Cameras; c++)
        {
            using var register = await admin.PostAsJsonAsync("/api/v1/devices", new
            {
                kind = "anpr-camera", code = $"WLB-ANPR-{c:D2}", name = $"bench camera {c}", agencyCode = AgencyCode,
                latitude = 34.7597, longitude = 113.7786,
            }, ct);
            register.EnsureSuccessStatusCode();
            keys.Add((await register.Content.ReadFromJsonAsync<JsonObject>(ct))!["apiKey"]!.GetValue<string>());
        }

        var received = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var commandToken = await TokenAsync(admin, "zhengzhou.command", ct);
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server.Address, "/hubs/command"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(commandToken))
            .Build();
        hub.On<JsonElement>("alertRaised", alert =>
        {
            var at = Stopwatch.GetTimestamp();
            received.TryAdd(alert.GetProperty("plate").GetString()!, at);
        });
        await hub.StartAsync(ct);

        var totalBatches = (int)(TargetRate * SendFor.TotalSeconds / BatchSize);
        var interval = Stopwatch.Frequency * BatchSize / TargetRate;
        var sentAt = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var answers = new ConcurrentBag<double>();
        var next = -1;
        var accepted = 0;
        var lastAnswer = 0L;
        var clients = keys.Select(key =>
        {
            var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 2 }) { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
            client.DefaultRequestHeaders.Add("X-Device-Key", key);
            return client;
        }).ToList();

        var started = Stopwatch.GetTimestamp();
        try
        {
            // Two senders per camera: a batch is posted at its slot on the 20 000/s schedule, or at once when behind it.
            await Task.WhenAll(Enumerable.Range(0, Cameras * 2).Select(async s =>
            {
                var http = clients[s % Cameras];
                int b;
                while ((b = Interlocked.Increment(ref next)) < totalBatches)
                {
                    var wait = started + (b * interval) - Stopwatch.GetTimestamp();
                    if (wait > 0)
                    {
                        await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), ct);
                    }

                    var (body, hit) = Batch(b);
                    using var content = new ByteArrayContent(body);
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    var posted = Stopwatch.GetTimestamp();
                    sentAt[hit] = posted;
                    using var response = await http.PostAsync("/api/v1/offsite/anpr-reads", content, ct);
                    response.EnsureSuccessStatusCode();
                    var answered = Stopwatch.GetTimestamp();
                    answers.Add(Milliseconds(answered - posted));
                    Interlocked.Add(ref accepted, (await response.Content.ReadFromJsonAsync<JsonObject>(ct))!["accepted"]!.GetValue<int>());
                    InterlockedMax(ref lastAnswer, answered);
                }
            }));
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }

        var rate = accepted / ((double)(lastAnswer - started) / Stopwatch.Frequency);
        var until = Stopwatch.GetTimestamp() + (long)(AlertWait.TotalSeconds * Stopwatch.Frequency);
        while (received.Count < sentAt.Count && Stopwatch.GetTimestamp() < until)
        {
            await Task.Delay(100, ct);
        }

        var latencies = sentAt.Where(s => received.ContainsKey(s.Key)).Select(s => Milliseconds(received[s.Key] - s.Value)).Order().ToList();
        var batchTimes = answers.Order().ToList();
        Report.Line($"sent {accepted:N0} reads accepted at {Report.Rate(rate)} (target {Report.Rate(TargetRate)}); alerts received {latencies.Count:N0} of {sentAt.Count:N0} expected (waited up to {AlertWait.TotalSeconds:0} s after the last read)");
        Report.Line($"batch of {BatchSize:N0} answered: p50 {Ms(Percentile(batchTimes, 0.50))}, p99 {Ms(Percentile(batchTimes, 0.99))}");
        if (latencies.Count == 0)
        {
            failures.Add($"watchlist: no alert received of {sentAt.Count} expected");
            return [];
        }

        Report.Line($"read → alert: p50 {Ms(Percentile(latencies, 0.50))}, p99 {Ms(Percentile(latencies, 0.99))}, max {Ms(latencies[^1])}");
        if (latencies.Count < sentAt.Count)
        {
            // Stored but not pushed, or never raised? The alert list answers; the server's last log lines say why.
            using var command = new HttpClient { BaseAddress = server.Address };
            command.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", commandToken);
            var stored = (await command.GetFromJsonAsync<JsonObject>("/api/v1/surveillance/alerts?pageSize=1", ct))?["total"]?.GetValue<int>();
            Report.Line($"alerts stored by the server (today): {stored}; the server's last log lines:");
            foreach (var line in server.Tail().Split('\n').TakeLast(12))
            {
                Report.Line("  | " + line);
            }

            failures.Add($"watchlist: {latencies.Count} alerts received of {sentAt.Count} expected within {AlertWait.TotalSeconds:0} s after the last read");
        }

        if (accepted != totalBatches * BatchSize)
        {
            failures.Add($"watchlist: {accepted} reads accepted of {totalBatches * BatchSize}");
        }

        return
        [
            new Figure("read → alert, 1 M entries (SQLite)", "p50", Percentile(latencies, 0.50), "ingest batch answered, p50", Percentile(batchTimes, 0.50), "ms", Better.Lower),
            new Figure("read → alert, 1 M entries (SQLite)", "p99", Percentile(latencies, 0.99), "ingest batch answered, p99", Percentile(batchTimes, 0.99), "ms", Better.Lower),
            new Figure("ANPR ingest with 1 M entries (SQLite)", "reads/s over HTTP", rate, "target", TargetRate, "reads/s", Better.Higher, TargetRate),
        ];
    }

    /// <summary>One batch as a camera posts it: 1 000 reads taken now, the one at position 500 of an entry (a different entry each batch).</summary>
    private static (byte[] Body, string Hit) Batch(int b)
    {
        var random = new Random(b);
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        var hit = EntryPlate((int)((long)b * 7919 % Entries));
        var reads = new List<object>(BatchSize);
        for (var k = 0; k < BatchSize; k++)
        {
            reads.Add(new
            {
                readId = string.Create(CultureInfo.InvariantCulture, $"WLB-{b:D6}-{k:D4}"),
                capturedAt = now.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
                plate = k == BatchSize / 2 ? hit : MissPlate(random),
                plateColor = "blue",
                confidence = 0.95,
                direction = "in",
            });
        }

        return (JsonSerializer.SerializeToUtf8Bytes(reads), hit);
    }

    /// <summary>
    /// Writes the entries straight into the table in one transaction with one prepared statement, the columns and
    /// value conversions taken from the server's own EF model (so the rows are exactly what the server would write).
    /// </summary>
    private static async Task SeedEntriesAsync(string directory, CancellationToken ct)
    {
        await using var host = await PlatformHost.StartAsync(DatabaseTarget.Sqlite, kestrel: false, ct, directory);
        await using var scope = host.Services.CreateAsyncScope();
        await using var db = SystemDb.Create(scope.ServiceProvider);
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Code == AgencyCode, ct);
        var now = DateTimeOffset.UtcNow;
        var list = new Watchlist { Id = Guid.CreateVersion7(), AgencyId = agency.Id, Name = "基准测试名单", CreatedAt = now, CreatedBy = "bench", UpdatedAt = now };
        db.Add(list);
        await db.SaveChangesAsync(ct);

        var entity = db.Model.FindEntityType(typeof(WatchlistEntry))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().ToList();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(table)}\""))}) " +
                $"VALUES ({string.Join(", ", properties.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)))})";
            var parameters = properties.Select((_, i) =>
            {
                var parameter = insert.CreateParameter();
                parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
                insert.Parameters.Add(parameter);
                return parameter;
            }).ToArray();
            var converters = properties.Select(p => p.GetTypeMapping().Converter).ToArray();
            var getters = properties.Select(p => p.PropertyInfo ?? throw new InvalidOperationException($"{p.Name} is a shadow property")).ToArray();
            await insert.PrepareAsync(ct);
            for (var i = 0; i < Entries; i++)
            {
                var entry = new WatchlistEntry
                {
                    Id = Guid.CreateVersion7(), WatchlistId = list.Id, AgencyId = agency.Id, Plate = EntryPlate(i), PlateColor = "blue",
                    Reason = "基准测试", Source = EntrySources.Import, Status = EntryStatuses.Active, ValidFrom = now.AddDays(-1), ValidUntil = now.AddDays(300),
                    FuzzyMatch = i % 10 == 0, RequestedAt = now, RequestedBy = "bench", ApprovedAt = now, ApprovedBy = "bench.approver", UpdatedAt = now,
                };
                for (var k = 0; k < parameters.Length; k++)
                {
                    var value = getters[k].GetValue(entry);
                    if (value is not null && converters[k] is { } converter)
                    {
                        value = converter.ConvertToProvider(value);
                    }

                    // EF stores a Guid on SQLite as upper-case text; the count below checks that the rows read back.
                    parameters[k].Value = value is Guid g ? g.ToString().ToUpperInvariant() : value ?? DBNull.Value;
                }

                await insert.ExecuteNonQueryAsync(ct);
            }

            await tx.CommitAsync(ct);
        }

        var stored = await db.Set<WatchlistEntry>().CountAsync(e => e.WatchlistId == list.Id && e.Status == EntryStatuses.Active, ct);
        if (stored != Entries)
        {
            throw new InvalidOperationException($"{stored} entries read back of {Entries} written");
        }
    }

    private static async Task<string> TokenAsync(HttpClient http, string username, CancellationToken ct)
    {
        using var login = await http.PostAsJsonAsync("/api/v1/auth/token", new { username, password = DemoSettings.DefaultPassword }, ct);
        login.EnsureSuccessStatusCode();
        return (await login.Content.ReadFromJsonAsync<JsonObject>(ct))!["accessToken"]!.GetValue<string>();
    }

    /// <summary>A copy of the seeded data directory, so the start-up and memory benchmarks keep theirs as it was.</summary>
    private static string Copy(string source)
    {
        var target = Paths.NewScratchDirectory("watchlist");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        return target;
    }

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static string Ms(double ms) => ms.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    private static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static void InterlockedMax(ref long target, long value)
    {
        long seen;
        while ((seen = Interlocked.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
