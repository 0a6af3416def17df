using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Vanguard.Server.Modules.Organisation;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Terminal.Contracts;

namespace Vanguard.Server.Tests.Terminal;

/// <summary>手持执法终端 over HTTP and SignalR: duty, positions, the command map, tasks, token refresh (docs/terminal.md).</summary>
public sealed class TerminalTests(VanguardFactory factory) : IClassFixture<VanguardFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static async Task<JsonNode> OkJsonAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(status, body.ToJsonString());
        return body;
    }

    private static async Task SetDutyAsync(HttpClient client, bool onDuty) =>
        (await OkJsonAsync(await client.PostAsJsonAsync("/api/v1/terminal/duty", new { onDuty }, Ct)))["onDuty"]!.GetValue<bool>().ShouldBe(onDuty);

    private static object Point(DateTimeOffset at, double lat = 34.7466, double lon = 113.6253) =>
        new { at = at.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz"), lat, lon, accuracyM = 8.5, speedKmh = 36.0, headingDeg = 90.0 };

    /// <summary>The officer id of a demo account, read from the command map after they sent a position.</summary>
    private async Task<Guid> OfficerIdAsync(string username)
    {
        var client = await factory.SignedInAsync(username);
        var officerNo = (await (await client.GetAsync("/api/v1/me", Ct)).JsonAsync())["officer"]!["officerNo"]!.GetValue<string>();
        await SetDutyAsync(client, true);
        await OkJsonAsync(await client.PostAsJsonAsync("/api/v1/terminal/positions", new { points = new[] { Point(DateTimeOffset.UtcNow.AddMinutes(-30)) } }, Ct));
        var admin = await factory.SignedInAsync("admin");
        var map = (await OkJsonAsync(await admin.GetAsync("/api/v1/terminal/officers/positions", Ct))).AsArray();
        return Guid.Parse(map.Single(o => o!["officerNo"]!.GetValue<string>() == officerNo)!["officerId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Duty_GoesOnAndOff_AndRepeatingChangesNothing()
    {
        var field = await factory.SignedInAsync("xuchang.field");

        var on = await OkJsonAsync(await field.PostAsJsonAsync("/api/v1/terminal/duty", new { onDuty = true }, Ct));
        var again = await OkJsonAsync(await field.PostAsJsonAsync("/api/v1/terminal/duty", new { onDuty = true }, Ct));
        var state = await OkJsonAsync(await field.GetAsync("/api/v1/terminal/duty", Ct));

        on["onDuty"]!.GetValue<bool>().ShouldBeTrue();
        on["since"].ShouldNotBeNull();
        again["since"]!.GetValue<DateTimeOffset>().ShouldBe(on["since"]!.GetValue<DateTimeOffset>());
        state["onDuty"]!.GetValue<bool>().ShouldBeTrue();

        var off = await OkJsonAsync(await field.PostAsJsonAsync("/api/v1/terminal/duty", new { onDuty = false }, Ct));
        off["onDuty"]!.GetValue<bool>().ShouldBeFalse();
        off["since"].ShouldBeNull();
    }

    [Fact]
    public async Task Duty_ForAnAccountWithoutOfficer_IsRefused()
    {
        var admin = await factory.SignedInAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/v1/terminal/duty", new { onDuty = true }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "terminal.not_an_officer");
    }

    [Fact]
    public async Task Terminal_WithoutCredentials_Is401()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/terminal/duty", Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task Positions_ResentPointsAreStoredOnce_AndTheLastPositionIsTheNewest()
    {
        var field = await factory.SignedInAsync("zhengzhou.field");
        await SetDutyAsync(field, true);
        var now = DateTimeOffset.UtcNow;
        var t0 = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddMinutes(-20).ToOffset(China);

        var first = await OkJsonAsync(await field.PostAsJsonAsync("/api/v1/terminal/positions", new
        {
            points = new[] { Point(t0, 34.70), Point(t0.AddSeconds(10), 34.71), Point(t0.AddSeconds(20), 34.72) },
        }, Ct));
        // The same instants again — one written in UTC rather than +08:00 — plus one new fix and one repeated within the batch.
        var second = await OkJsonAsync(await field.PostAsJsonAsync("/api/v1/terminal/positions", new
        {
            points = new[] { Point(t0.ToUniversalTime(), 34.70), Point(t0.AddSeconds(20), 34.72), Point(t0.AddSeconds(30), 34.73), Point(t0.AddSeconds(30), 34.73) },
        }, Ct));
        // An older fix arriving late is stored but does not move the last position back.
        var late = await OkJsonAsync(await field.PostAsJsonAsync("/api/v1/terminal/positions", new { points = new[] { Point(t0.AddSeconds(-60), 34.60) } }, Ct));

        first["accepted"]!.GetValue<int>().ShouldBe(3);
        first["duplicates"]!.GetValue<int>().ShouldBe(0);
        second["accepted"]!.GetValue<int>().ShouldBe(1);
        second["duplicates"]!.GetValue<int>().ShouldBe(3);
        late["accepted"]!.GetValue<int>().ShouldBe(1);
        var state = await OkJsonAsync(await field.GetAsync("/api/v1/terminal/duty", Ct));
        state["lastPosition"]!["at"]!.GetValue<DateTimeOffset>().ShouldBe(t0.AddSeconds(30));
        state["lastPosition"]!["lat"]!.GetValue<double>().ShouldBe(34.73);
    }

    [Fact]
    public async Task Positions_WhenOffDuty_AreRefused()
    {
        var field = await factory.SignedInAsync("nanyang.case");
        await SetDutyAsync(field, false);

        var response = await field.PostAsJsonAsync("/api/v1/terminal/positions", new { points = new[] { Point(DateTimeOffset.UtcNow) } }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "terminal.off_duty");
    }

    [Fact]
    public async Task Positions_OutsideChinaOrTooOldOrTooMany_AreRejectedByIndex_AndTheValidOnesStored()
    {
        var field = await factory.SignedInAsync("nanyang.legal");
        await SetDutyAsync(field, true);
        var now = DateTimeOffset.UtcNow;

        // Issue 6, M8: one bad point no longer costs the batch — the valid ones are stored, the others reported.
        var mixed = await OkJsonAsync(await field.PostAsJsonAsync("/api/v1/terminal/positions", new
        {
            points = new[]
            {
                Point(now.AddMinutes(-1)), Point(now.AddMinutes(-1).AddSeconds(1), lat: 48.8566, lon: 2.3522), Point(now.AddDays(-8)),
                Point(now.AddMinutes(10)), Point(now.AddMinutes(-2)),
            },
        }, Ct));
        var allBad = await field.PostAsJsonAsync("/api/v1/terminal/positions", new
        {
            points = new[] { Point(now.AddMinutes(-1), lat: 48.8566, lon: 2.3522), Point(now.AddDays(-8)) },
        }, Ct);
        var empty = await field.PostAsJsonAsync("/api/v1/terminal/positions", new { points = Array.Empty<object>() }, Ct);
        var tooMany = await field.PostAsJsonAsync("/api/v1/terminal/positions", new
        {
            points = Enumerable.Range(0, 501).Select(i => Point(now.AddMinutes(-60).AddSeconds(i))).ToArray(),
        }, Ct);

        mixed["accepted"]!.GetValue<int>().ShouldBe(2);
        mixed["duplicates"]!.GetValue<int>().ShouldBe(0);
        mixed["rejected"]!.AsArray().Select(r => (r!["index"]!.GetValue<int>(), r["code"]!.GetValue<string>()))
            .ShouldBe([(1, "out_of_area"), (2, "out_of_range"), (3, "out_of_range")]);
        var problem = await allBad.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        problem["errors"]!.AsArray().Select(e => (e!["field"]!.GetValue<string>(), e["code"]!.GetValue<string>()))
            .ShouldBe([("points[0]", "out_of_area"), ("points[1].at", "out_of_range")], ignoreOrder: true);
        (await empty.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed"))["errors"]![0]!["field"]!.GetValue<string>().ShouldBe("points");
        await tooMany.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var state = await OkJsonAsync(await field.GetAsync("/api/v1/terminal/duty", Ct));
        state["lastPosition"]!["lat"]!.GetValue<double>().ShouldBe(34.7466, 0.0001, "the valid points were stored");
    }

    [Fact]
    public async Task OfficersMap_AndTrack_AreForCommandStaffOfTheOfficersJurisdictionOnly()
    {
        var officerId = await OfficerIdAsync("zhengzhou.field");
        var field = await factory.SignedInAsync("zhengzhou.field");
        var t0 = DateTimeOffset.UtcNow.AddHours(-2);
        await OkJsonAsync(await field.PostAsJsonAsync("/api/v1/terminal/positions", new
        {
            points = new[] { Point(t0, 34.80, 113.70), Point(t0.AddMinutes(1), 34.81, 113.71) },
        }, Ct));
        var zhengzhou = await factory.SignedInAsync("zhengzhou.command");
        var nanyang = await factory.SignedInAsync("nanyang.command");

        var map = (await OkJsonAsync(await zhengzhou.GetAsync("/api/v1/terminal/officers/positions", Ct))).AsArray();
        var track = (await OkJsonAsync(await zhengzhou.GetAsync(
            $"/api/v1/terminal/officers/{officerId}/track?from={Uri.EscapeDataString(t0.AddMinutes(-1).ToString("O"))}&to={Uri.EscapeDataString(t0.AddMinutes(2).ToString("O"))}", Ct))).AsArray();
        var otherMap = (await OkJsonAsync(await nanyang.GetAsync("/api/v1/terminal/officers/positions", Ct))).AsArray();
        var otherTrack = await nanyang.GetAsync($"/api/v1/terminal/officers/{officerId}/track", Ct);
        var notCommand = await field.GetAsync("/api/v1/terminal/officers/positions", Ct);
        var tooLong = await zhengzhou.GetAsync(
            $"/api/v1/terminal/officers/{officerId}/track?from={Uri.EscapeDataString(t0.AddDays(-2).ToString("O"))}&to={Uri.EscapeDataString(t0.ToString("O"))}", Ct);

        var mine = map.Single(o => o!["officerId"]!.GetValue<string>() == officerId.ToString())!;
        mine["agencyCode"]!.GetValue<string>().ShouldBe("410100");
        mine["onDuty"]!.GetValue<bool>().ShouldBeTrue();
        mine["name"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        track.Select(p => p!["lat"]!.GetValue<double>()).ShouldBe([34.80, 34.81]);
        track[0]!["accuracyM"]!.GetValue<double>().ShouldBe(8.5);
        otherMap.ShouldNotContain(o => o!["officerId"]!.GetValue<string>() == officerId.ToString());
        await otherTrack.ShouldBeProblemAsync(HttpStatusCode.NotFound, "terminal.officer_not_found");
        await notCommand.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await tooLong.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
    }

    [Fact]
    public async Task Task_GoesDispatchedAcceptedArrivedFinished_WithServerTimes_AndRetriesAreHarmless()
    {
        var officerId = await OfficerIdAsync("zhengzhou.field");
        var command = await factory.SignedInAsync("zhengzhou.command");
        var field = await factory.SignedInAsync("zhengzhou.field");
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var created = await command.PostAsJsonAsync("/api/v1/terminal/tasks", new
        {
            officerId, kind = "complaint", title = "投诉核查：G107 中牟段货车撒漏", detail = "群众投诉货车沿途撒漏砂石", place = "G107 K712", lat = 34.72, lon = 114.02,
            sourceType = "complaint", sourceRef = "TS-2026-0001", dueBy = DateTimeOffset.UtcNow.AddHours(2),
        }, Ct);
        var task = await OkJsonAsync(created, HttpStatusCode.Created);
        var id = task["id"]!.GetValue<string>();
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/terminal/tasks/{id}");
        task["status"]!.GetValue<string>().ShouldBe("dispatched");
        task["agencyCode"]!.GetValue<string>().ShouldBe("410100");
        task["dispatchedBy"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();

        var early = await field.PostAsJsonAsync($"/api/v1/terminal/tasks/{id}/arrive", new { }, Ct);
        await early.ShouldBeProblemAsync(HttpStatusCode.Conflict, "terminal.task_step_out_of_order");

        var accepted = await OkJsonAsync(await field.PostAsJsonAsync($"/api/v1/terminal/tasks/{id}/accept", new { }, Ct));
        var acceptedAgain = await OkJsonAsync(await field.PostAsJsonAsync($"/api/v1/terminal/tasks/{id}/accept", new { }, Ct));
        accepted["status"]!.GetValue<string>().ShouldBe("accepted");
        acceptedAgain["acceptedAt"]!.GetValue<DateTimeOffset>().ShouldBe(accepted["acceptedAt"]!.GetValue<DateTimeOffset>());

        var finishEarly = await field.PostAsJsonAsync($"/api/v1/terminal/tasks/{id}/finish", new { outcome = "resolved" }, Ct);
        await finishEarly.ShouldBeProblemAsync(HttpStatusCode.Conflict, "terminal.task_step_out_of_order");

        var arrived = await OkJsonAsync(await field.PostAsJsonAsync($"/api/v1/terminal/tasks/{id}/arrive", new { lat = 34.721, lon = 114.021 }, Ct));
        arrived["status"]!.GetValue<string>().ShouldBe("arrived");

        var falseHitWithoutNote = await field.PostAsJsonAsync($"/api/v1/terminal/tasks/{id}/finish", new { outcome = "false_hit" }, Ct);
        var problem = await falseHitWithoutNote.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        problem["errors"]![0]!["field"]!.GetValue<string>().ShouldBe("note");
        var unknownOutcome = await field.PostAsJsonAsync($"/api/v1/terminal/tasks/{id}/finish", new { outcome = "done" }, Ct);
        await unknownOutcome.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

        var finished = await OkJsonAsync(await field.PostAsJsonAsync($"/api/v1/terminal/tasks/{id}/finish", new { outcome = "false_hit", note = "现场未见撒漏车辆" }, Ct));
        var finishedAgain = await OkJsonAsync(await field.PostAsJsonAsync($"/api/v1/terminal/tasks/{id}/finish", new { outcome = "resolved" }, Ct));
        var acceptAfterFinish = await field.PostAsJsonAsync($"/api/v1/terminal/tasks/{id}/accept", new { }, Ct);

        finished["status"]!.GetValue<string>().ShouldBe("finished");
        finished["outcome"]!.GetValue<string>().ShouldBe("false_hit");
        finished["note"]!.GetValue<string>().ShouldBe("现场未见撒漏车辆");
        var dispatchedAt = finished["dispatchedAt"]!.GetValue<DateTimeOffset>();
        var acceptedAt = finished["acceptedAt"]!.GetValue<DateTimeOffset>();
        var arrivedAt = finished["arrivedAt"]!.GetValue<DateTimeOffset>();
        var finishedAt = finished["finishedAt"]!.GetValue<DateTimeOffset>();
        dispatchedAt.ShouldBeGreaterThanOrEqualTo(before);
        acceptedAt.ShouldBeGreaterThanOrEqualTo(dispatchedAt);
        arrivedAt.ShouldBeGreaterThanOrEqualTo(acceptedAt);
        finishedAt.ShouldBeGreaterThanOrEqualTo(arrivedAt);
        finishedAt.ShouldBeLessThanOrEqualTo(DateTimeOffset.UtcNow.AddSeconds(1));
        finishedAgain["outcome"]!.GetValue<string>().ShouldBe("false_hit");
        finishedAgain["finishedAt"]!.GetValue<DateTimeOffset>().ShouldBe(finishedAt);
        await acceptAfterFinish.ShouldBeProblemAsync(HttpStatusCode.Conflict, "terminal.task_step_out_of_order");

        var seenByCommand = await OkJsonAsync(await command.GetAsync($"/api/v1/terminal/tasks/{id}", Ct));
        seenByCommand["status"]!.GetValue<string>().ShouldBe("finished");
        var otherCity = await (await factory.SignedInAsync("nanyang.command")).GetAsync($"/api/v1/terminal/tasks/{id}", Ct);
        await otherCity.ShouldBeProblemAsync(HttpStatusCode.NotFound, "terminal.task_not_found");
        var otherOfficer = await (await factory.SignedInAsync("zhengzhou.case")).PostAsJsonAsync($"/api/v1/terminal/tasks/{id}/accept", new { }, Ct);
        await otherOfficer.ShouldBeProblemAsync(HttpStatusCode.NotFound, "terminal.task_not_found");
    }

    [Fact]
    public async Task Dispatch_NeedsCommandStaff_AnOfficerInTheirJurisdiction_AndAKnownKind()
    {
        var officerId = await OfficerIdAsync("zhengzhou.field");
        var task = new { officerId, kind = "patrol", title = "G30 郑州段巡查" };

        var byCaseOfficer = await (await factory.SignedInAsync("zhengzhou.case")).PostAsJsonAsync("/api/v1/terminal/tasks", task, Ct);
        var byOtherCity = await (await factory.SignedInAsync("nanyang.command")).PostAsJsonAsync("/api/v1/terminal/tasks", task, Ct);
        var badKind = await (await factory.SignedInAsync("zhengzhou.command")).PostAsJsonAsync(
            "/api/v1/terminal/tasks", new { officerId, kind = "party", title = "" }, Ct);
        var byProvince = await (await factory.SignedInAsync("admin")).PostAsJsonAsync("/api/v1/terminal/tasks", task, Ct);

        await byCaseOfficer.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await byOtherCity.ShouldBeProblemAsync(HttpStatusCode.NotFound, "terminal.officer_not_found");
        var problem = await badKind.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        problem["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).ShouldBe(["kind", "title"], ignoreOrder: true);
        await OkJsonAsync(byProvince, HttpStatusCode.Created);
    }

    [Fact]
    public async Task Tasks_PollingWithSince_ReturnsOnlyWhatChanged()
    {
        var officerId = await OfficerIdAsync("xuchang.field");
        var command = await factory.SignedInAsync("xuchang.command");
        var field = await factory.SignedInAsync("xuchang.field");
        var first = await OkJsonAsync(await command.PostAsJsonAsync("/api/v1/terminal/tasks", new { officerId, kind = "patrol", title = "巡查一" }, Ct), HttpStatusCode.Created);
        await Task.Delay(50, Ct);
        var mark = DateTimeOffset.UtcNow;
        await Task.Delay(50, Ct);
        var second = await OkJsonAsync(await command.PostAsJsonAsync("/api/v1/terminal/tasks", new { officerId, kind = "other", title = "巡查二" }, Ct), HttpStatusCode.Created);

        var all = (await OkJsonAsync(await field.GetAsync("/api/v1/terminal/tasks?status=all", Ct))).AsArray();
        var since = (await OkJsonAsync(await field.GetAsync($"/api/v1/terminal/tasks?since={Uri.EscapeDataString(mark.ToString("O"))}", Ct))).AsArray();
        await OkJsonAsync(await field.PostAsJsonAsync($"/api/v1/terminal/tasks/{first["id"]}/accept", new { }, Ct));
        var sinceAfterAccept = (await OkJsonAsync(await field.GetAsync($"/api/v1/terminal/tasks?since={Uri.EscapeDataString(mark.ToString("O"))}", Ct))).AsArray();
        var done = (await OkJsonAsync(await field.GetAsync("/api/v1/terminal/tasks?status=done", Ct))).AsArray();

        all.Select(t => t!["id"]!.GetValue<string>()).Take(2).ShouldBe([second["id"]!.GetValue<string>(), first["id"]!.GetValue<string>()]);
        since.Select(t => t!["id"]!.GetValue<string>()).ShouldBe([second["id"]!.GetValue<string>()]);
        sinceAfterAccept.Select(t => t!["id"]!.GetValue<string>()).ShouldBe([second["id"]!.GetValue<string>(), first["id"]!.GetValue<string>()]);
        done.ShouldBeEmpty();
    }

    [Fact]
    public async Task Hub_WithBearerTokenInTheQueryString_ReceivesTaskAssigned()
    {
        var officerId = await OfficerIdAsync("nanyang.field");
        var token = await TokenAsync("nanyang.field");
        var server = factory.Server;
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/terminal"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                // As a browser does: no header on a WebSocket, the token rides in the query string.
                o.WebSocketFactory = async (context, ct) =>
                {
                    var uri = new UriBuilder(context.Uri) { Query = "access_token=" + Uri.EscapeDataString(token) }.Uri;
                    return await server.CreateWebSocketClient().ConnectAsync(uri, ct);
                };
            })
            .Build();
        var assigned = new TaskCompletionSource<JsonElementHolder>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<System.Text.Json.JsonElement>("taskAssigned", task => assigned.TrySetResult(new JsonElementHolder(task)));
        await connection.StartAsync(Ct);

        var command = await factory.SignedInAsync("nanyang.command");
        var created = await OkJsonAsync(await command.PostAsJsonAsync("/api/v1/terminal/tasks", new { officerId, kind = "watchlist_hit", title = "布控车辆 豫R 经过 G312" }, Ct), HttpStatusCode.Created);

        var received = await assigned.Task.WaitAsync(TimeSpan.FromSeconds(15), Ct);
        received.Task.GetProperty("id").GetString().ShouldBe(created["id"]!.GetValue<string>());
        received.Task.GetProperty("status").GetString().ShouldBe("dispatched");
        received.Task.GetProperty("kind").GetString().ShouldBe("watchlist_hit");
    }

    [Fact]
    public async Task Hub_WithoutToken_IsRefused()
    {
        var server = factory.Server;
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/terminal"), o => o.HttpMessageHandlerFactory = _ => server.CreateHandler())
            .Build();

        await Should.ThrowAsync<HttpRequestException>(() => connection.StartAsync(Ct));
    }

    [Fact]
    public async Task NearestOnDuty_ListsOnDutyOfficersOfTheAgencyByDistance_NearestFirst()
    {
        var near = await OfficerIdAsync("zhengzhou.legal");
        var far = await OfficerIdAsync("zhengzhou.admin");
        var offDuty = await OfficerIdAsync("zhengzhou.case");
        var otherCity = await OfficerIdAsync("nanyang.admin");
        var now = DateTimeOffset.UtcNow;
        foreach (var (user, lat, lon) in new[] { ("zhengzhou.legal", 34.75, 113.63), ("zhengzhou.admin", 34.90, 113.90), ("zhengzhou.case", 34.7501, 113.6301) })
        {
            var client = await factory.SignedInAsync(user);
            await OkJsonAsync(await client.PostAsJsonAsync("/api/v1/terminal/positions", new { points = new[] { Point(now, lat, lon) } }, Ct));
        }

        await SetDutyAsync(await factory.SignedInAsync("zhengzhou.case"), false);
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        var zhengzhou = scope.ServiceProvider.GetRequiredService<IAgencyDirectory>().Current.FindByCode("410100")!;

        var nearest = await scope.ServiceProvider.GetRequiredService<ITaskDispatch>().NearestOnDutyAsync(zhengzhou.Id, 34.751, 113.631, 50, Ct);

        var ids = nearest.Select(o => o.OfficerId).ToList();
        ids.IndexOf(near).ShouldBe(0);
        ids.ShouldContain(far);
        ids.IndexOf(far).ShouldBeGreaterThan(0);
        ids.ShouldNotContain(offDuty);
        ids.ShouldNotContain(otherCity);
        nearest[0].DistanceM.ShouldBeLessThan(200);
        nearest.Select(o => o.DistanceM).ShouldBeInOrder();
    }

    [Fact]
    public async Task Refresh_GivesANewWorkingPair_AndRefusesAGarbageToken()
    {
        var client = factory.CreateClient();
        var pair = await OkJsonAsync(await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "zhengzhou.field", password = VanguardFactory.Password }, Ct));

        var refreshed = await OkJsonAsync(await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = pair["refreshToken"]!.GetValue<string>() }, Ct));
        var garbage = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = "not-a-token" }, Ct);
        var accessAsRefresh = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = pair["accessToken"]!.GetValue<string>() }, Ct);

        refreshed["tokenType"]!.GetValue<string>().ShouldBe("Bearer");
        refreshed["refreshToken"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        var me = factory.CreateClient();
        me.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", refreshed["accessToken"]!.GetValue<string>());
        (await OkJsonAsync(await me.GetAsync("/api/v1/me", Ct)))["username"]!.GetValue<string>().ShouldBe("zhengzhou.field");
        await garbage.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.refresh_invalid");
        await accessAsRefresh.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.refresh_invalid");
    }

    /// <summary>Issue 6: the terminal's sign-out revokes its refresh token (the security stamp changes); an access token lives on until it expires.</summary>
    [Fact]
    public async Task Logout_RevokesTheRefreshToken()
    {
        var client = factory.CreateClient();
        var pair = await OkJsonAsync(await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "nanyang.field", password = VanguardFactory.Password }, Ct));
        var signedIn = factory.CreateClient();
        signedIn.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", pair["accessToken"]!.GetValue<string>());

        var logout = await signedIn.PostAsJsonAsync("/api/v1/auth/logout", new { }, Ct);
        var refresh = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = pair["refreshToken"]!.GetValue<string>() }, Ct);

        logout.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await refresh.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.refresh_invalid");
        (await client.PostAsJsonAsync("/api/v1/auth/logout", new { }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Track_FromTheEndOfTheCalendar_Is400_NotAnOverflow()
    {
        var officerId = await OfficerIdAsync("zhengzhou.field");
        var zhengzhou = await factory.SignedInAsync("zhengzhou.command");

        foreach (var query in new[] { "from=9999-12-31T23:59:59Z", "to=0001-01-01T00:00:00Z", "from=0001-01-01T00:00:00Z" })
        {
            var response = await zhengzhou.GetAsync($"/api/v1/terminal/officers/{officerId}/track?{query}", Ct);
            await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        }
    }

    private async Task<string> TokenAsync(string username)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { username, password = VanguardFactory.Password }, Ct);
        return (await OkJsonAsync(response))["accessToken"]!.GetValue<string>();
    }

    private sealed record JsonElementHolder(System.Text.Json.JsonElement Task);
}
