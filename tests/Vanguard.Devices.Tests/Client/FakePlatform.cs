using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Vanguard.Domain.Identifiers;

namespace Vanguard.Devices.Tests.Client;

/// <summary>
/// A tiny in-process stand-in for the platform's public API on 127.0.0.1: token, device registration, devices/me and
/// the two off-site ingest endpoints with the contract's dedup and a few of its checks.
/// </summary>
internal sealed class FakePlatform : IAsyncDisposable
{
    public const string DeviceKey = "vgk_test_wim";
    public const string DeviceCode = "SIM-WIM-TEST";

    private readonly WebApplication _app;
    private int _throttle;
    private int _fail;

    private FakePlatform(WebApplication app) => _app = app;

    // Set by StartAsync once the listener has its port; nothing reads it before.
    public Uri Address { get; private set; } = null!;

    public ConcurrentDictionary<string, JsonElement> Stored { get; } = new(StringComparer.Ordinal);

    /// <summary>Every ingest request: when, what status it got, and the id of its first record.</summary>
    public ConcurrentQueue<(DateTimeOffset At, int Status, string FirstId)> Requests { get; } = new();

    public ConcurrentQueue<JsonElement> Registrations { get; } = new();

    public HashSet<string> TakenCodes { get; } = new(StringComparer.Ordinal);

    /// <summary>The next this-many ingest requests get 429 with Retry-After: 1.</summary>
    public int ThrottleNext { set => _throttle = value; }

    /// <summary>The next this-many ingest requests get 500.</summary>
    public int FailNext { set => _fail = value; }

    public static async Task<FakePlatform> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakePlatform(app);
        fake.Map(app);
        await app.StartAsync();
        fake.Address = new Uri(app.Urls.First());
        return fake;
    }

    private void Map(WebApplication app)
    {
        app.MapPost("/api/v1/auth/token", (JsonElement body) =>
            body.GetProperty("username").GetString() == "admin" && body.GetProperty("password").GetString() == "Demo#2022"
                ? Results.Ok(new { accessToken = "token", tokenType = "Bearer", expiresIn = 3600 })
                : Results.Problem(title: "Wrong username or password.", statusCode: 401, extensions: new Dictionary<string, object?> { ["code"] = "auth.invalid_credentials" }));

        app.MapPost("/api/v1/devices", (JsonElement body, HttpRequest request) =>
        {
            if (request.Headers.Authorization.ToString() != "Bearer token")
            {
                return Results.StatusCode(401);
            }

            Registrations.Enqueue(body.Clone());
            var code = body.GetProperty("code").GetString()!;
            lock (TakenCodes)
            {
                if (!TakenCodes.Add(code))
                {
                    return Results.Problem(statusCode: 409, title: "A device with that code is already registered.");
                }
            }

            var device = new { code, kind = body.GetProperty("kind").GetString(), name = body.GetProperty("name").GetString(), agencyCode = body.GetProperty("agencyCode").GetString() };
            return Results.Created($"/api/v1/devices/{code}", new { device, apiKey = "vgk_" + code.ToLowerInvariant() });
        });

        app.MapGet("/api/v1/devices/me", (HttpRequest request) => request.Headers["X-Device-Key"] == DeviceKey
            ? Results.Ok(new { code = DeviceCode, kind = "wim-station", name = "模拟", agencyCode = "410122" })
            : Results.StatusCode(401));

        app.MapPost("/api/v1/offsite/wim-records", (JsonElement[] records, HttpRequest request) => Ingest(records, request, "recordId"));
        app.MapPost("/api/v1/offsite/anpr-reads", (JsonElement[] reads, HttpRequest request) => Ingest(reads, request, "readId"));
    }

    private IResult Ingest(JsonElement[] records, HttpRequest request, string idName)
    {
        var firstId = records.Length > 0 ? records[0].GetProperty(idName).GetString()! : string.Empty;
        if (request.Headers["X-Device-Key"] != DeviceKey)
        {
            Requests.Enqueue((DateTimeOffset.UtcNow, 401, firstId));
            return Results.StatusCode(401);
        }

        if (Interlocked.Decrement(ref _throttle) >= 0)
        {
            Requests.Enqueue((DateTimeOffset.UtcNow, 429, firstId));
            request.HttpContext.Response.Headers.RetryAfter = "1";
            return Results.StatusCode(429);
        }

        if (Interlocked.Decrement(ref _fail) >= 0)
        {
            Requests.Enqueue((DateTimeOffset.UtcNow, 500, firstId));
            return Results.StatusCode(500);
        }

        Requests.Enqueue((DateTimeOffset.UtcNow, 200, firstId));
        int accepted = 0, duplicates = 0;
        var rejected = new List<object>();
        for (var i = 0; i < records.Length; i++)
        {
            var r = records[i];
            var id = r.GetProperty(idName).GetString()!;
            if (Refuse(r) is { } code)
            {
                rejected.Add(new { index = i, recordId = id, code, message = code });
            }
            else if (Stored.TryAdd(id, r.Clone()))
            {
                accepted++;
            }
            else
            {
                duplicates++;
            }
        }

        return Results.Ok(new { accepted, duplicates, rejected });
    }

    private static string? Refuse(JsonElement r)
    {
        if (!PlateNumber.IsValid(r.GetProperty("plate").GetString()))
        {
            return "offsite.plate_invalid";
        }

        if (r.GetProperty("capturedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(10))
        {
            return "offsite.captured_in_future";
        }

        if (r.TryGetProperty("axleWeightsKg", out var axles))
        {
            var sum = axles.EnumerateArray().Sum(a => a.GetInt32());
            var gross = r.GetProperty("grossWeightKg").GetInt32();
            if (Math.Abs(sum - gross) > gross * 0.02)
            {
                return "offsite.axles_inconsistent";
            }
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
