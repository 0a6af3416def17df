using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Vanguard.Devices.Tests.Terminal;

/// <summary>
/// The terminal API of docs/terminal.md as a tiny in-process server on 127.0.0.1: token and refresh, /me, duty,
/// positions (dedup by officer and time, 409 off duty), tasks with their steps in order, and officer creation.
/// Every request that matters is logged so the tests can look at what the simulator sent.
/// </summary>
internal sealed class FakeTerminal : IAsyncDisposable
{
    public const string Password = "Demo#2022";

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private int _failPositions;
    private int _failSteps;

    private FakeTerminal(WebApplication app) => _app = app;

    // Set by StartAsync once the listener has its port; nothing reads it before.
    public Uri Address { get; private set; } = null!;

    /// <summary>username → (password, agency code, linked to an officer).</summary>
    public ConcurrentDictionary<string, (string Password, string Agency, bool Officer)> Users { get; } = new(StringComparer.Ordinal)
    {
        ["admin"] = (Password, "410000", false),
        ["zhengzhou.field"] = (Password, "410100", true),
        ["nanyang.field"] = (Password, "411300", true),
        ["xuchang.field"] = (Password, "411000", true),
    };

    public ConcurrentDictionary<string, string> AccessTokens { get; } = new(StringComparer.Ordinal);
    public ConcurrentDictionary<string, string> RefreshTokens { get; } = new(StringComparer.Ordinal);
    public ConcurrentQueue<string> SignIns { get; } = new();
    public ConcurrentQueue<string> Refreshes { get; } = new();
    public ConcurrentDictionary<string, bool> Duty { get; } = new(StringComparer.Ordinal);
    public ConcurrentQueue<(string User, bool OnDuty)> DutyChanges { get; } = new();

    /// <summary>Every positions request: who, its Idempotency-Key, its body and the status it got.</summary>
    public ConcurrentQueue<(string User, string? Key, string Body, int Status)> PositionRequests { get; } = new();

    /// <summary>Stored fixes by officer and time, as the contract dedups them.</summary>
    public ConcurrentDictionary<(string User, DateTimeOffset At), (double Lat, double Lon)> Positions { get; } = new();

    /// <summary>
    /// The answer given to each stored batch by its Idempotency-Key: a repeat gets the same answer, as from the platform
    /// (ADR 0010) — a batch whose answer the terminal lost (cancelled at shutdown) is sent again under its key.
    /// </summary>
    private readonly ConcurrentDictionary<(string User, string Key), (int Accepted, int Duplicates)> _positionAnswers = new();

    public ConcurrentDictionary<Guid, FakeTask> Tasks { get; } = new();
    public ConcurrentQueue<(Guid Task, string Step, JsonElement Body)> Steps { get; } = new();
    public ConcurrentQueue<JsonElement> CreatedOfficers { get; } = new();

    /// <summary>Answer 404 on /api/v1/terminal/…, as a platform without the terminal module does.</summary>
    public bool WithoutTerminalApi { get; set; }

    /// <summary>The next this-many positions requests get a 503.</summary>
    public int FailPositionsNext { set => _failPositions = value; }

    /// <summary>The next this-many task steps (accept, arrive, finish) are done but answered 502, as when the answer is lost.</summary>
    public int FailStepsNext { set => _failSteps = value; }

    public static async Task<FakeTerminal> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeTerminal(app);
        fake.Map(app);
        await app.StartAsync();
        fake.Address = new Uri(app.Urls.First());
        return fake;
    }

    /// <summary>Every access token stops working, as when they expire; the refresh tokens still work.</summary>
    public void ExpireAccessTokens() => AccessTokens.Clear();

    public FakeTask Dispatch(string user, double? lat, double? lon, string kind = "watchlist_hit", string title = "布控车辆 豫A12345 出现")
    {
        var task = new FakeTask { Id = Guid.NewGuid(), User = user, Kind = kind, Title = title, Lat = lat, Lon = lon, Status = "dispatched", DispatchedAt = DateTimeOffset.UtcNow };
        task.ChangedAt = task.DispatchedAt;
        Tasks[task.Id] = task;
        return task;
    }

    /// <summary>The last stored fix of the officer, if any.</summary>
    public (double Lat, double Lon)? LastPosition(string user) =>
        Positions.Where(p => p.Key.User == user).OrderByDescending(p => p.Key.At).Select(p => ((double, double)?)p.Value).FirstOrDefault();

    private static IResult Problem(int status, string code, string title) =>
        Results.Problem(title: title, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = code });

    private static readonly IResult Unauthenticated = Problem(401, "auth.unauthenticated", "Authentication is required.");

    private string? Caller(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) && AccessTokens.TryGetValue(header[7..], out var user) ? user : null;
    }

    private object Issue(string user)
    {
        var (access, refresh) = ("at-" + Guid.NewGuid().ToString("N"), "rt-" + Guid.NewGuid().ToString("N"));
        AccessTokens[access] = user;
        RefreshTokens[refresh] = user;
        return new { tokenType = "Bearer", accessToken = access, expiresIn = 3600, refreshToken = refresh };
    }

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (WithoutTerminalApi && context.Request.Path.StartsWithSegments("/api/v1/terminal", StringComparison.Ordinal))
            {
                context.Response.StatusCode = 404;
                return;
            }

            await next(context);
        });

        app.MapPost("/api/v1/auth/token", (JsonElement body) =>
        {
            var username = body.GetProperty("username").GetString()!;
            if (!Users.TryGetValue(username, out var user) || user.Password != body.GetProperty("password").GetString())
            {
                return Problem(401, "auth.invalid_credentials", "Wrong username or password.");
            }

            SignIns.Enqueue(username);
            return Results.Ok(Issue(username));
        });

        app.MapPost("/api/v1/auth/refresh", (JsonElement body) =>
        {
            if (!RefreshTokens.TryRemove(body.GetProperty("refreshToken").GetString() ?? string.Empty, out var user))
            {
                return Problem(401, "auth.refresh_invalid", "The refresh token is expired or revoked.");
            }

            Refreshes.Enqueue(user);
            return Results.Ok(Issue(user));
        });

        app.MapGet("/api/v1/me", (HttpRequest request) =>
        {
            if (Caller(request) is not { } user)
            {
                return Unauthenticated;
            }

            var u = Users[user];
            return Results.Ok(new
            {
                id = user,
                username = user,
                displayName = user,
                roles = new[] { u.Officer ? "field-officer" : "province-admin" },
                agency = new { code = u.Agency, name = "机构 " + u.Agency, level = 2 },
                officer = u.Officer ? new { officerNo = "4101" + user.Length, name = "队员 " + user, certificateNo = "41012022000001", certificateValidUntil = "2027-06-30" } : null,
            });
        });

        app.MapGet("/api/v1/terminal/duty", (HttpRequest request) => Caller(request) is { } user
            ? Results.Ok(new { onDuty = Duty.GetValueOrDefault(user), since = (DateTimeOffset?)null, lastPosition = (object?)null })
            : Unauthenticated);

        app.MapPost("/api/v1/terminal/duty", (JsonElement body, HttpRequest request) =>
        {
            if (Caller(request) is not { } user)
            {
                return Unauthenticated;
            }

            if (!Users[user].Officer)
            {
                return Problem(403, "terminal.not_an_officer", "Only an officer's account can go on duty.");
            }

            var on = body.GetProperty("onDuty").GetBoolean();
            Duty[user] = on;
            DutyChanges.Enqueue((user, on));
            return Results.Ok(new { onDuty = on, since = on ? DateTimeOffset.UtcNow : (DateTimeOffset?)null, lastPosition = (object?)null });
        });

        app.MapPost("/api/v1/terminal/positions", async (HttpRequest request) =>
        {
            var text = await new StreamReader(request.Body).ReadToEndAsync();
            var key = request.Headers["Idempotency-Key"].FirstOrDefault();
            if (Caller(request) is not { } user)
            {
                PositionRequests.Enqueue(("?", key, text, 401));
                return Unauthenticated;
            }

            if (Interlocked.Decrement(ref _failPositions) >= 0)
            {
                PositionRequests.Enqueue((user, key, text, 503));
                return Problem(503, "server.unavailable", "Try again later.");
            }

            if (!Duty.GetValueOrDefault(user))
            {
                PositionRequests.Enqueue((user, key, text, 409));
                return Problem(409, "terminal.off_duty", "The officer is off duty.");
            }

            using var doc = JsonDocument.Parse(text);
            var points = doc.RootElement.GetProperty("points");
            if (points.GetArrayLength() is < 1 or > 500)
            {
                PositionRequests.Enqueue((user, key, text, 400));
                return Problem(400, "validation.failed", "1–500 points.");
            }

            if (key is not null && _positionAnswers.TryGetValue((user, key), out var replay))
            {
                PositionRequests.Enqueue((user, key, text, 200));
                return Results.Ok(new { accepted = replay.Accepted, duplicates = replay.Duplicates });
            }

            int accepted = 0, duplicates = 0;
            foreach (var p in points.EnumerateArray())
            {
                var at = p.GetProperty("at").GetDateTimeOffset();
                if (Positions.TryAdd((user, at), (p.GetProperty("lat").GetDouble(), p.GetProperty("lon").GetDouble())))
                {
                    accepted++;
                }
                else
                {
                    duplicates++;
                }
            }

            if (key is not null)
            {
                _positionAnswers[(user, key)] = (accepted, duplicates);
            }

            PositionRequests.Enqueue((user, key, text, 200));
            return Results.Ok(new { accepted, duplicates });
        });

        app.MapGet("/api/v1/terminal/tasks", (string? status, DateTimeOffset? since, HttpRequest request) =>
        {
            if (Caller(request) is not { } user)
            {
                return Unauthenticated;
            }

            var open = status is null or "open";
            var list = Tasks.Values
                .Where(t => t.User == user && (!open || t.Status is "dispatched" or "accepted" or "arrived") && (since is null || t.ChangedAt > since))
                .OrderByDescending(t => t.DispatchedAt)
                .Select(View)
                .ToList();
            return Results.Ok(list);
        });

        app.MapGet("/api/v1/terminal/tasks/{id:guid}", (Guid id, HttpRequest request) =>
            Caller(request) is not { } user ? Unauthenticated
            : Tasks.TryGetValue(id, out var t) && t.User == user ? Results.Ok(View(t))
            : Problem(404, "not_found", "No such task."));

        app.MapPost("/api/v1/terminal/tasks/{id:guid}/{step}", (Guid id, string step, JsonElement body, HttpRequest request) =>
        {
            if (Caller(request) is not { } user)
            {
                return Unauthenticated;
            }

            if (!Tasks.TryGetValue(id, out var task) || task.User != user)
            {
                return Problem(404, "not_found", "No such task.");
            }

            lock (_gate)
            {
                var (from, to) = step switch
                {
                    "accept" => ("dispatched", "accepted"),
                    "arrive" => ("accepted", "arrived"),
                    "finish" => ("arrived", "finished"),
                    _ => (string.Empty, string.Empty),
                };
                if (task.Status == to)
                {
                    return Results.Ok(View(task)); // repeating the step already done
                }

                if (task.Status != from)
                {
                    return Problem(409, "terminal.task_step_out_of_order", $"The task is {task.Status}.");
                }

                if (step == "finish")
                {
                    var outcome = body.GetProperty("outcome").GetString();
                    var note = body.TryGetProperty("note", out var n) ? n.GetString() : null;
                    if (outcome is not ("seized" or "warned" or "case_opened" or "not_found" or "false_hit" or "resolved" or "other")
                        || (outcome is "false_hit" or "other" && string.IsNullOrWhiteSpace(note)))
                    {
                        return Problem(400, "validation.failed", "outcome");
                    }

                    (task.Outcome, task.Note) = (outcome, note);
                }

                Steps.Enqueue((id, step, body.Clone()));
                task.Status = to;
                task.ChangedAt = DateTimeOffset.UtcNow;
                return Interlocked.Decrement(ref _failSteps) >= 0 ? Problem(502, "gateway.error", "Bad gateway.") : Results.Ok(View(task));
            }
        });

        app.MapPost("/api/v1/officers", (JsonElement body, HttpRequest request) =>
        {
            if (Caller(request) != "admin")
            {
                return Results.StatusCode(403);
            }

            var account = body.GetProperty("account");
            var username = account.GetProperty("username").GetString()!;
            if (Users.ContainsKey(username))
            {
                return Problem(409, "officers.duplicate", "Officer number or certificate number already registered.");
            }

            CreatedOfficers.Enqueue(body.Clone());
            Users[username] = (account.GetProperty("password").GetString()!, body.GetProperty("agencyCode").GetString()!, true);
            return Results.Created($"/api/v1/officers/{username}", new { id = Guid.NewGuid(), officerNo = body.GetProperty("officerNo").GetString(), username });
        });
    }

    private static object View(FakeTask t) => new
    {
        id = t.Id, kind = t.Kind, title = t.Title, detail = (string?)null, place = "G4 京港澳高速", lat = t.Lat, lon = t.Lon, status = t.Status,
        dispatchedAt = t.DispatchedAt, outcome = t.Outcome, note = t.Note, officerId = Guid.Empty, agencyCode = "410100",
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed class FakeTask
{
    public Guid Id { get; init; }
    public required string User { get; init; }
    public required string Kind { get; init; }
    public required string Title { get; init; }
    public double? Lat { get; init; }
    public double? Lon { get; init; }
    public required string Status { get; set; }
    public DateTimeOffset DispatchedAt { get; init; }
    public DateTimeOffset ChangedAt { get; set; }
    public string? Outcome { get; set; }
    public string? Note { get; set; }
}
