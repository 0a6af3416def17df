using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Vanguard.Cluster.Tests.Infrastructure;

namespace Vanguard.Cluster.Tests.Nodes;

/// <summary>The calls the node tests make on a running node, as a client over HTTP would.</summary>
internal static class NodeApi
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<string> TokenAsync(Uri node, string username)
    {
        using var client = new HttpClient { BaseAddress = node };
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password = VanguardFactory.Password }, Ct);
        return (await OkAsync(response))["accessToken"]!.GetValue<string>();
    }

    public static async Task<HttpClient> SignedInAsync(Uri node, string username)
    {
        var client = new HttpClient { BaseAddress = node, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(node, username));
        return client;
    }

    /// <summary>A station or camera of 中牟 (410122) with a certificate valid for a year; returns its key.</summary>
    public static async Task<string> RegisterDeviceAsync(HttpClient admin, string kind, string code)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var response = await admin.PostAsJsonAsync("/api/v1/devices", new
        {
            kind, code, name = "G107 中牟 " + code, agencyCode = "410122", accuracyClass = 5, latitude = 34.72, longitude = 113.97,
            certificate = new { number = "JD-" + code, validFrom = today.AddDays(-30).ToString("yyyy-MM-dd"), validUntil = today.AddYears(1).ToString("yyyy-MM-dd") },
        }, Ct);
        return (await OkAsync(response, HttpStatusCode.Created))["apiKey"]!.GetValue<string>();
    }

    /// <summary>The audit chain recomputed by the node (<c>GET /api/v1/audit/verify</c> as the province administrator).</summary>
    public static async Task<JsonNode> VerifyAuditAsync(Uri node)
    {
        using var admin = await SignedInAsync(node, "admin");
        return await OkAsync(await admin.GetAsync("/api/v1/audit/verify", Ct));
    }

    public static async Task<JsonNode> OkAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(status, body);
        return JsonNode.Parse(body)!;
    }

    /// <summary>A weighing of a 6-axle combination (limit 49 000 kg); every tenth one overloaded, so review items are made too.</summary>
    public static object Weighing(string recordId, int n)
    {
        var gross = n % 10 == 0 ? 60_000 : 40_000;
        var axle = gross / 6;
        return new
        {
            recordId, capturedAt = DateTimeOffset.UtcNow.AddMinutes(-5).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:sszzz"), lane = 1,
            plate = "豫E" + (n % 100_000).ToString("D5", System.Globalization.CultureInfo.InvariantCulture), plateColor = "yellow", axleCount = 6,
            vehicleKind = "combination", axleWeightsKg = Enumerable.Repeat(axle, 5).Append(gross - (axle * 5)).ToArray(), grossWeightKg = gross, speedKmh = 62.5,
        };
    }

    /// <summary>A plate read; background traffic uses 豫E plates, which neither the demo's nor the tests' watch-lists hold.</summary>
    public static object PlateRead(string readId, int n, string? plate = null) => new
    {
        readId, capturedAt = DateTimeOffset.UtcNow.AddSeconds(-30).ToString("O"),
        plate = plate ?? "豫E" + (n % 100_000).ToString("D5", System.Globalization.CultureInfo.InvariantCulture),
        plateColor = "blue", confidence = 0.95, direction = "in",
    };
}

/// <summary>A database of its own on the test run's PostgreSQL server, dropped afterwards.</summary>
internal sealed class FreshPostgresDatabase : IAsyncDisposable
{
    private readonly string _name;

    private FreshPostgresDatabase(string name, string connectionString)
    {
        _name = name;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<FreshPostgresDatabase> CreateAsync(string purpose)
    {
        var name = "vg_" + purpose + "_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(ClusterServices.Postgres);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return new FreshPostgresDatabase(name, new NpgsqlConnectionStringBuilder(ClusterServices.Postgres) { Database = name }.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ClusterServices.Postgres);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>Waits for a condition with a deadline; the failure says what was last seen.</summary>
internal static class Eventually
{
    public static Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> describe, CancellationToken ct) =>
        HoldsAsync(condition, timeout, describe, pollMs: 100, ct);

    /// <summary>With a short <paramref name="pollMs"/> when the moment matters (a kill during ingest, not after it).</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> describe, int pollMs, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not within {timeout}: {describe()}");
            }

            await Task.Delay(pollMs, ct);
        }
    }
}
