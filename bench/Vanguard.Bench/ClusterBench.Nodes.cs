using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Vanguard.Server.Hosting;

namespace Vanguard.Bench;

/// <summary>
/// The engines a cluster run uses: PostgreSQL always (<c>VANGUARD_BENCH_POSTGRES</c>, else the test script's
/// <c>VANGUARD_TEST_POSTGRES</c>), NATS when the bus is asked for (<c>VANGUARD_BENCH_NATS</c> / <c>VANGUARD_TEST_NATS</c>).
/// <c>bench/cluster.sh</c> starts throw-away ones and sets these.
/// </summary>
internal sealed record Engines(string PostgresServer, string? NatsUrl)
{
    public static Engines FromEnvironment(bool needNats)
    {
        var postgres = Variable("VANGUARD_BENCH_POSTGRES", "VANGUARD_TEST_POSTGRES")
            ?? throw new ArgumentException("a cluster run needs PostgreSQL: set VANGUARD_BENCH_POSTGRES (or run bench/cluster.sh)");
        var nats = Variable("VANGUARD_BENCH_NATS", "VANGUARD_TEST_NATS");
        if (needNats && nats is null)
        {
            throw new ArgumentException("--bus nats needs a NATS server with JetStream: set VANGUARD_BENCH_NATS (or run bench/cluster.sh)");
        }

        return new Engines(postgres, nats);
    }

    private static string? Variable(params string[] names) =>
        names.Select(Environment.GetEnvironmentVariable).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}

/// <summary>A database of its own on a shared PostgreSQL server, dropped at the end of the run.</summary>
internal sealed class ScratchPostgres : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _name;

    private ScratchPostgres(string server, string name)
    {
        _server = server;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
    }

    public string ConnectionString { get; }

    public static async Task<ScratchPostgres> CreateAsync(string server, CancellationToken ct)
    {
        var name = "vg_load_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync(ct);
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync(ct);
        return new ScratchPostgres(server, name);
    }

    public async Task<long> ScalarAsync(string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// A node as an operator runs one: the built server as its own process, configured by environment variables, with
/// the demo province (so the accounts and registry vehicles exist) but without the demo's current-month activity.
/// </summary>
internal static class Node
{
    private static readonly TimeSpan FirstStartTimeout = TimeSpan.FromMinutes(4);

    /// <param name="connectionString">null: SQLite in the node's data directory.</param>
    /// <param name="natsStream">null: the in-process bus.</param>
    public static Task<AppProcess> StartAsync(string name, string? connectionString, string? natsUrl, string? natsStream, CancellationToken ct)
    {
        var environment = new Dictionary<string, string>
        {
            ["Vanguard__NodeName"] = name,
            ["Vanguard__Demo"] = "true",
            ["Vanguard__Demo__Activity"] = "false",
            // Demo data in Production would switch on the simulated payment gateway, which a node refuses; no payments here.
            ["Vanguard__Payments__Simulated__Enabled"] = "false",
            ["Vanguard__RateLimits__LoginPerMinute"] = "100000",
            ["Vanguard__RateLimits__DevicePerSecond"] = "100000",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Warning",
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Critical",
        };
        if (connectionString is not null)
        {
            environment["Vanguard__Database__Provider"] = "Postgres";
            environment["ConnectionStrings__Vanguard"] = connectionString;
        }

        if (natsStream is not null)
        {
            environment["Vanguard__Bus"] = "Nats";
            environment["Vanguard__Nats__Url"] = natsUrl!;
            environment["Vanguard__Nats__Stream"] = natsStream;
        }

        return AppProcess.StartAsync(Paths.ServerDll, Paths.NewScratchDirectory(name), environment, FirstStartTimeout, ct);
    }

    public static async Task<string> TokenAsync(Uri node, string username, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = node };
        using var login = await http.PostAsJsonAsync("/api/v1/auth/token", new { username, password = DemoSettings.DefaultPassword }, ct);
        login.EnsureSuccessStatusCode();
        return (await login.Content.ReadFromJsonAsync<JsonObject>(ct))!["accessToken"]!.GetValue<string>();
    }

    /// <summary>Registers stations and cameras of 郑州 (410100) as the province admin; returns their device keys.</summary>
    public static async Task<(List<string> Stations, List<string> Cameras)> RegisterDevicesAsync(Uri node, string prefix, int each, CancellationToken ct)
    {
        using var admin = new HttpClient { BaseAddress = node };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(node, "admin", ct));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var stations = new List<string>();
        var cameras = new List<string>();
        for (var i = 1; i <= each; i++)
        {
            stations.Add(await RegisterAsync(admin, new
            {
                kind = "wim-station", code = $"{prefix}-WIM-{i:D2}", name = $"load station {i}", agencyCode = "410100", accuracyClass = 5,
                certificate = new { number = $"JD-{prefix}-{i}", validFrom = today.AddYears(-1).ToString("yyyy-MM-dd"), validUntil = today.AddYears(1).ToString("yyyy-MM-dd") },
            }, ct));
            cameras.Add(await RegisterAsync(admin, new
            {
                kind = "anpr-camera", code = $"{prefix}-ANPR-{i:D2}", name = $"load camera {i}", agencyCode = "410100", latitude = 34.7597, longitude = 113.7786,
            }, ct));
        }

        return (stations, cameras);
    }

    private static async Task<string> RegisterAsync(HttpClient admin, object device, CancellationToken ct)
    {
        using var register = await admin.PostAsJsonAsync("/api/v1/devices", device, ct);
        register.EnsureSuccessStatusCode();
        return (await register.Content.ReadFromJsonAsync<JsonObject>(ct))!["apiKey"]!.GetValue<string>();
    }
}

/// <summary>Device batches as stations and cameras post them, with record ids unique in the run.</summary>
internal static class Traffic
{
    public const string WimPath = "/api/v1/offsite/wim-records";
    public const string AnprPath = "/api/v1/offsite/anpr-reads";

    // Letters in no confusion class of the fuzzy matcher and not in the demo watch-lists' plates: reads are misses.
    private const string MissLetters = "CEFGHJK";

    /// <summary>Mostly compliant 2- and 6-axle vehicles, 1 % overloaded (each overload opens a case draft downstream).</summary>
    public static byte[] WimBatch(string prefix, long batch, int size)
    {
        var random = new Random(unchecked((int)batch));
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        var records = new List<object>(size);
        for (var i = 0; i < size; i++)
        {
            var sixAxle = random.Next(2) == 0;
            var limit = sixAxle ? 49_000 : 18_000;
            var gross = random.Next(100) < 1 ? limit + random.Next(3_000, 12_000) : (int)(limit * (0.6 + (random.NextDouble() * 0.35)));
            var axles = sixAxle ? 6 : 2;
            var each = gross / axles;
            records.Add(new
            {
                recordId = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{batch:D7}-{i:D4}"),
                capturedAt = now.AddMilliseconds(i).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
                lane = (i % 3) + 1,
                plate = string.Create(CultureInfo.InvariantCulture, $"豫{MissLetters[random.Next(MissLetters.Length)]}{random.Next(10_000, 99_999)}"),
                plateColor = "yellow",
                axleCount = axles,
                vehicleKind = sixAxle ? "combination" : "truck",
                axleWeightsKg = Enumerable.Repeat(each, axles - 1).Append(gross - (each * (axles - 1))).ToArray(),
                grossWeightKg = gross,
                speedKmh = 55 + random.Next(30),
                images = new[] { new { kind = "plate", sha256 = Convert.ToHexStringLower(BitConverter.GetBytes(i).Concat(new byte[28]).ToArray()), contentType = "image/jpeg" } },
            });
        }

        return JsonSerializer.SerializeToUtf8Bytes(records);
    }

    public static byte[] AnprBatch(string prefix, long batch, int size)
    {
        var random = new Random(unchecked((int)batch));
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        var reads = new List<object>(size);
        for (var i = 0; i < size; i++)
        {
            reads.Add(new
            {
                readId = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{batch:D7}-{i:D4}"),
                capturedAt = now.AddMilliseconds(i).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
                plate = string.Create(CultureInfo.InvariantCulture, $"豫{MissLetters[random.Next(MissLetters.Length)]}{random.Next(100_000):D5}"),
                plateColor = "blue",
                confidence = 0.95,
                direction = "in",
            });
        }

        return JsonSerializer.SerializeToUtf8Bytes(reads);
    }

    public static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static string Ms(double ms) => double.IsNaN(ms) ? "-" : ms.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
}
