using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Vanguard.Server.Modules.Surveillance.Matching;

namespace Vanguard.Server.Tests.Surveillance;

/// <summary>
/// The platform on a clock the test moves (starting now, so tokens and device clocks agree), with the alerts part's
/// <see cref="IHitSink"/> replaced by a recorder: the tests see exactly what the matcher hands on.
/// </summary>
public sealed class WatchlistFactory : VanguardFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    internal RecordingHitSink Sink => Services.GetRequiredService<RecordingHitSink>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<RecordingHitSink>();
            services.AddSingleton<IHitSink>(sp => sp.GetRequiredService<RecordingHitSink>());
        });
    }
}

/// <summary>Keeps every hit the matcher hands on, and lets a test wait for the one it expects.</summary>
internal sealed class RecordingHitSink : IHitSink
{
    private readonly ConcurrentQueue<PlateHit> _hits = new();

    public IReadOnlyList<PlateHit> Hits => [.. _hits];

    /// <summary>A batch with a hit of this plate makes the sink throw, as a broken alerts part would.</summary>
    public string? FailOn { get; set; }

    public Task HandleAsync(IReadOnlyList<PlateHit> hits, CancellationToken ct)
    {
        if (FailOn is { } plate && hits.Any(h => h.Read.Plate == plate))
        {
            throw new InvalidOperationException("The test sink fails on " + plate);
        }

        foreach (var hit in hits)
        {
            _hits.Enqueue(hit);
        }

        return Task.CompletedTask;
    }

    /// <summary>The hits of reads of <paramref name="plate"/>, once at least one has arrived (or none after 10 s).</summary>
    public async Task<IReadOnlyList<PlateHit>> WaitForAsync(string plate)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < until)
        {
            var found = Of(plate);
            if (found.Count > 0)
            {
                return found;
            }

            await Task.Delay(20, ApiClient.Ct);
        }

        return [];
    }

    public IReadOnlyList<PlateHit> Of(string plate) => _hits.Where(h => h.Read.Plate == plate).ToList();
}

/// <summary>The watch-list API as the tests use it.</summary>
internal static class WatchlistApi
{
    private static CancellationToken Ct => ApiClient.Ct;

    public static async Task<Guid> CreateListAsync(HttpClient client, string name, string? agencyCode = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/surveillance/watchlists", new { name, description = "测试名单", agencyCode }, Ct);
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToJsonString());
        return body["id"]!.GetValue<Guid>();
    }

    public static Task<HttpResponseMessage> PostEntryAsync(
        HttpClient client, Guid listId, string plate, DateTimeOffset validUntil, string plateColor = "blue", bool fuzzy = false, string reason = "涉嫌非法营运，多次被群众举报") =>
        client.PostAsJsonAsync(
            "/api/v1/surveillance/watchlist",
            new { watchlistId = listId, plate, plateColor, reason, validUntil, fuzzyMatch = fuzzy, channels = new[] { "command", "terminal" } },
            Ct);

    public static async Task<JsonNode> CreateEntryAsync(
        HttpClient client, Guid listId, string plate, DateTimeOffset validUntil, string plateColor = "blue", bool fuzzy = false)
    {
        var response = await PostEntryAsync(client, listId, plate, validUntil, plateColor, fuzzy);
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToJsonString());
        return body;
    }

    public static async Task<JsonNode> ApproveAsync(HttpClient approver, Guid entryId)
    {
        var response = await approver.PostAsJsonAsync($"/api/v1/surveillance/watchlist/{entryId}/approve", new { }, Ct);
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        return body;
    }

    public static Guid IdOf(JsonNode entry) => entry["id"]!.GetValue<Guid>();

    public static async Task<string> RegisterCameraAsync(VanguardFactory factory, string code, DateTimeOffset now, string agencyCode = "410122")
    {
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var until = DateOnly.FromDateTime(now.DateTime).AddYears(1);
        var response = await admin.PostAsJsonAsync("/api/v1/devices", new
        {
            kind = "anpr-camera", code, name = "G107 中牟卡口", agencyCode, accuracyClass = 5,
            certificate = new { number = "JD-" + code, validFrom = until.AddYears(-1).AddDays(-7).ToString("yyyy-MM-dd"), validUntil = until.ToString("yyyy-MM-dd") },
        }, Ct);
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToJsonString());
        return body["apiKey"]!.GetValue<string>();
    }

    public static object Read(string readId, string plate, DateTimeOffset at, string plateColor = "blue", double confidence = 0.9) =>
        new { readId, capturedAt = at.ToString("O"), plate, plateColor, confidence, direction = "in" };

    public static async Task<JsonNode> PostReadsAsync(VanguardFactory factory, string cameraKey, params object[] reads)
    {
        var response = await factory.AsDevice(cameraKey).PostAsJsonAsync("/api/v1/offsite/anpr-reads", reads, Ct);
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        return body;
    }
}
