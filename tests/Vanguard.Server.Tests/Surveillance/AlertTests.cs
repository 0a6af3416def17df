using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Offsite.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Organisation.Data;
using Vanguard.Server.Modules.Surveillance.Data;
using Vanguard.Server.Modules.Surveillance.Matching;
using Vanguard.Server.Modules.Surveillance.Webhooks;

namespace Vanguard.Server.Tests.Surveillance;

/// <summary>
/// The platform with the two seams of other parts of the surveillance work replaced by recorders: the plate-read
/// retention hold (Offsite's queries) and the webhook outbox. Everything else — database, matcher's sink, dispatch,
/// terminal, hub — is the real thing.
/// </summary>
public class AlertsFactory : VanguardFactory
{
    internal RecordingOutbox Outbox { get; } = new();

    internal RecordingReadQueries Reads { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IWebhookOutbox>(Outbox);
            services.AddSingleton<IPlateReadQueries>(Reads);
        });
    }
}

internal sealed class RecordingOutbox : IWebhookOutbox
{
    public ConcurrentQueue<(Guid AlertId, string EventType)> Queued { get; } = new();

    public Task EnqueueAsync(VanguardDbContext db, Alert alert, string eventType, CancellationToken ct)
    {
        Queued.Enqueue((alert.Id, eventType));
        return Task.CompletedTask;
    }
}

internal sealed class RecordingReadQueries : IPlateReadQueries
{
    public ConcurrentBag<long> Retained { get; } = [];

    public Task RetainAsync(IReadOnlyCollection<long> readIds, CancellationToken ct)
    {
        foreach (var id in readIds)
        {
            Retained.Add(id);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PlateDays>> DistinctDaysAsync(IReadOnlyCollection<Guid> deviceIds, DateTimeOffset since, int minDays, CancellationToken ct) =>
        throw new NotSupportedException("not used by alerts");

    public Task<IReadOnlyList<PlateReadView>> ReadsOfAsync(
        string plate, string plateColor, IReadOnlyCollection<Guid> deviceIds, DateTimeOffset from, DateTimeOffset to, int max, CancellationToken ct) =>
        throw new NotSupportedException("not used by alerts");

    public IAsyncEnumerable<PlateReadView> ReadsByDevicesAsync(IReadOnlyCollection<Guid> deviceIds, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        throw new NotSupportedException("not used by alerts");
}

/// <summary>A watch-list entry as the matcher's index holds it, with the ids the tests need.</summary>
internal sealed record TestEntry(IndexedEntry Indexed, Guid ListId, string ListName);

/// <summary>Set-up and steps shared by the alert tests: entries, cameras, officers on duty, hits.</summary>
internal static class AlertKit
{
    private static long _readId = Random.Shared.NextInt64(1_000_000, 1_000_000_000);

    public static CancellationToken Ct => ApiClient.Ct;

    /// <summary>An active entry on a new list of the agency, stored as the watch-list part would store it.</summary>
    public static async Task<TestEntry> EntryAsync(
        VanguardFactory factory, string agencyCode, string plate, string channels = "command,terminal,webhook", bool fuzzy = false, Guid? ruleId = null,
        string listName = "非法营运重点车辆", Guid? onList = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        var db = scope.ServiceProvider.GetRequiredService<VanguardDbContext>();
        var agency = scope.ServiceProvider.GetRequiredService<IAgencyDirectory>().Current.FindByCode(agencyCode)!;
        var now = DateTimeOffset.UtcNow;
        var list = onList is { } listId
            ? await db.Set<Watchlist>().SingleAsync(w => w.Id == listId, Ct)
            : new Watchlist { Id = Guid.CreateVersion7(), AgencyId = agency.Id, Name = listName, CreatedBy = "测试", CreatedAt = now, UpdatedAt = now };
        var entry = new WatchlistEntry
        {
            Id = Guid.CreateVersion7(), WatchlistId = list.Id, AgencyId = agency.Id, Plate = plate, PlateColor = "blue", Reason = "多次在郑州东站非法揽客",
            Source = EntrySources.Manual, Status = EntryStatuses.Active, ValidFrom = now.AddDays(-1), ValidUntil = now.AddDays(30), Channels = channels,
            FuzzyMatch = fuzzy, RuleId = ruleId, RequestedAt = now, RequestedBy = "测试", ApprovedAt = now, ApprovedBy = "审批人", UpdatedAt = now,
        };
        if (onList is null)
        {
            db.Add(list);
        }

        db.Add(entry);
        await db.SaveChangesAsync(Ct);
        var indexed = new IndexedEntry(
            entry.Id, list.Id, agency.Id, plate, "blue", entry.ValidFrom, entry.ValidUntil, fuzzy, [], channels.Split(','), ruleId, entry.Reason);
        return new TestEntry(indexed, list.Id, list.Name);
    }

    /// <summary>A plate camera registered through the API, as the directory knows it.</summary>
    public static async Task<DeviceInfo> CameraAsync(VanguardFactory factory, string agencyCode, double? lat, double? lon, string name = "郑州东站出站口卡口")
    {
        var code = "CAM-" + Guid.NewGuid().ToString("N")[..10];
        var admin = await factory.SignedInAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/v1/devices", new { kind = "anpr-camera", code, name, agencyCode, latitude = lat, longitude = lon }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await factory.Services.GetRequiredService<IDeviceDirectory>().FindAsync(code, Ct))!;
    }

    /// <summary>Hands one read to the alerts part as the matcher does; returns the read id.</summary>
    public static async Task<long> HitAsync(
        VanguardFactory factory, DeviceInfo camera, TestEntry entry, DateTimeOffset capturedAt, string? plate = null, string matchKind = MatchKinds.Exact,
        long? readId = null)
    {
        var id = readId ?? Interlocked.Increment(ref _readId);
        var read = new StoredPlateRead(
            id, camera.Id, camera.AgencyId, plate ?? entry.Indexed.Plate, "blue", capturedAt, capturedAt.AddSeconds(1), 950, "in", new string('a', 64),
            System.Diagnostics.Stopwatch.GetTimestamp());
        var confidence = matchKind == MatchKinds.Exact ? 950 : 570;
        await factory.Services.GetRequiredService<IHitSink>().HandleAsync([new PlateHit(read, entry.Indexed, matchKind, confidence)], Ct);
        return id;
    }

    /// <summary>The demo account's officer, on duty, with a position sent now.</summary>
    public static async Task<Guid> OnDutyAtAsync(VanguardFactory factory, string username, double lat, double lon)
    {
        var client = await factory.SignedInAsync(username);
        (await client.PostAsJsonAsync("/api/v1/terminal/duty", new { onDuty = true }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var at = DateTimeOffset.UtcNow.AddSeconds(-Random.Shared.Next(1, 30));
        var positions = await client.PostAsJsonAsync("/api/v1/terminal/positions", new
        {
            points = new[] { new { at = at.ToString("O"), lat, lon, accuracyM = 5.0 } },
        }, Ct);
        positions.StatusCode.ShouldBe(HttpStatusCode.OK, await positions.Content.ReadAsStringAsync(Ct));
        var officerNo = (await (await client.GetAsync("/api/v1/me", Ct)).JsonAsync())["officer"]!["officerNo"]!.GetValue<string>();
        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = SystemDb.Create(scope.ServiceProvider);
        return await db.Officers.Where(o => o.OfficerNo == officerNo).Select(o => o.Id).SingleAsync(Ct);
    }

    public static async Task<JsonNode> OkAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(status, body.ToJsonString());
        return body;
    }

    /// <summary>The alerts of today (China time) that a command user sees for an entry's list.</summary>
    public static async Task<JsonArray> AlertsOfAsync(HttpClient command, TestEntry entry) =>
        (await OkAsync(await command.GetAsync($"/api/v1/surveillance/alerts?list={entry.ListId}&pageSize=200", Ct)))["items"]!.AsArray();

    /// <summary>Polls an alert until the condition holds (automatic dispatch runs off the matcher's loop).</summary>
    public static async Task<JsonNode> AlertWhenAsync(HttpClient command, string alertId, Func<JsonNode, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var alert = await OkAsync(await command.GetAsync($"/api/v1/surveillance/alerts/{alertId}", Ct));
            if (condition(alert) || DateTime.UtcNow > deadline)
            {
                return alert;
            }

            await Task.Delay(50, Ct);
        }
    }
}

/// <summary>布控预警: alerts and sightings from hits, automatic dispatch, the officer's outcome, the command centre's close, jurisdiction.</summary>
public sealed class AlertTests(AlertsFactory factory) : IClassFixture<AlertsFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    [Fact]
    public async Task Hit_RaisesOneAlert_FurtherReadsWithinTheWindowAreSightings_AndARedeliveryChangesNothing()
    {
        var entry = await AlertKit.EntryAsync(factory, "410100", "豫A5S501", channels: "command,webhook");
        var camera = await AlertKit.CameraAsync(factory, "410100", 34.7466, 113.6253);
        var command = await factory.SignedInAsync("zhengzhou.command");
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-60);

        var first = await AlertKit.HitAsync(factory, camera, entry, t0);
        var second = await AlertKit.HitAsync(factory, camera, entry, t0.AddMinutes(20));
        await AlertKit.HitAsync(factory, camera, entry, t0, readId: first); // the same read again
        var alerts = await AlertKit.AlertsOfAsync(command, entry);

        var alert = alerts.ShouldHaveSingleItem()!;
        alert["plate"]!.GetValue<string>().ShouldBe("豫A5S501");
        alert["matchKind"]!.GetValue<string>().ShouldBe("exact");
        alert["status"]!.GetValue<string>().ShouldBe("new");
        alert["sightings"]!.GetValue<int>().ShouldBe(2);
        alert["capturedAt"]!.GetValue<DateTimeOffset>().ShouldBe(t0, TimeSpan.FromMilliseconds(1));
        alert["lastSeenAt"]!.GetValue<DateTimeOffset>().ShouldBe(t0.AddMinutes(20), TimeSpan.FromMilliseconds(1));
        alert["watchlistName"]!.GetValue<string>().ShouldBe(entry.ListName);
        alert["reason"]!.GetValue<string>().ShouldBe("多次在郑州东站非法揽客");
        alert["deviceName"]!.GetValue<string>().ShouldBe("郑州东站出站口卡口");
        alert["lat"]!.GetValue<double>().ShouldBe(34.7466);
        alert["agencyCode"]!.GetValue<string>().ShouldBe("410100");
        alert["taskId"].ShouldBeNull("no terminal channel: nobody is sent");
        var id = Guid.Parse(alert["id"]!.GetValue<string>());
        factory.Outbox.Queued.Where(q => q.AlertId == id).Select(q => q.EventType).ShouldBe(["alert.raised"]);
        factory.Reads.Retained.ShouldContain(first);
        factory.Reads.Retained.ShouldContain(second);

        // 31 minutes after the last sighting the window is over: a new alert.
        await AlertKit.HitAsync(factory, camera, entry, t0.AddMinutes(51));
        (await AlertKit.AlertsOfAsync(command, entry)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task TheSameReadHandedOverTwiceAtOnce_RaisesOneAlert()
    {
        var entry = await AlertKit.EntryAsync(factory, "410100", "豫A9Q909", channels: "command");
        var camera = await AlertKit.CameraAsync(factory, "410100", 34.76, 113.65);
        var command = await factory.SignedInAsync("zhengzhou.command");
        var at = DateTimeOffset.UtcNow.AddSeconds(-5);

        // Both batches may look before either stores: the unique (entry, read) index stops the second, which then
        // finds the first one's alert and adds nothing.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => AlertKit.HitAsync(factory, camera, entry, at, readId: 424_242_424_242)));

        var alert = (await AlertKit.AlertsOfAsync(command, entry)).ShouldHaveSingleItem()!;
        alert["sightings"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task ExactHit_GoesToTheNearestOfficerOnDuty_AndTheTaskOutcomeClosesTheAlert()
    {
        var camera = await AlertKit.CameraAsync(factory, "411000", 34.0357, 113.8523, name: "许昌东站出站口卡口");
        var near = await AlertKit.OnDutyAtAsync(factory, "xuchang.field", 34.0400, 113.8500);   // ≈ 0.5 km
        var far = await AlertKit.OnDutyAtAsync(factory, "xuchang.case", 34.1200, 113.9000);     // ≈ 10 km
        var entry = await AlertKit.EntryAsync(factory, "411000", "豫K8B888");
        var command = await factory.SignedInAsync("xuchang.command");
        var field = await factory.SignedInAsync("xuchang.field");

        await AlertKit.HitAsync(factory, camera, entry, DateTimeOffset.UtcNow.AddSeconds(-3));
        var id = (await AlertKit.AlertsOfAsync(command, entry)).ShouldHaveSingleItem()!["id"]!.GetValue<string>();
        var dispatched = await AlertKit.AlertWhenAsync(command, id, a => a["taskId"] is not null);

        dispatched["status"]!.GetValue<string>().ShouldBe("dispatched");
        dispatched["officerId"]!.GetValue<string>().ShouldBe(near.ToString());
        dispatched["officerId"]!.GetValue<string>().ShouldNotBe(far.ToString());
        dispatched["officerName"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        dispatched["dispatchedAt"].ShouldNotBeNull();
        var taskId = dispatched["taskId"]!.GetValue<string>();
        var task = await AlertKit.OkAsync(await field.GetAsync($"/api/v1/terminal/tasks/{taskId}", Ct));
        task["kind"]!.GetValue<string>().ShouldBe("watchlist_hit");
        task["sourceType"]!.GetValue<string>().ShouldBe("watchlist_hit");
        task["sourceRef"]!.GetValue<string>().ShouldBe(id);
        task["title"]!.GetValue<string>().ShouldBe($"布控预警：豫K8B888（{entry.ListName}）");
        task["place"]!.GetValue<string>().ShouldBe("许昌东站出站口卡口");
        task["detail"]!.GetValue<string>().ShouldContain("多次在郑州东站非法揽客");
        task["detail"]!.GetValue<string>().ShouldContain("精确命中");

        await AlertKit.OkAsync(await field.PostAsJsonAsync($"/api/v1/terminal/tasks/{taskId}/accept", new { }, Ct));
        (await AlertKit.OkAsync(await command.GetAsync($"/api/v1/surveillance/alerts/{id}", Ct)))["status"]!.GetValue<string>().ShouldBe("accepted");
        await AlertKit.OkAsync(await field.PostAsJsonAsync($"/api/v1/terminal/tasks/{taskId}/arrive", new { lat = 34.036, lon = 113.852 }, Ct));
        (await AlertKit.OkAsync(await command.GetAsync($"/api/v1/surveillance/alerts/{id}", Ct)))["status"]!.GetValue<string>().ShouldBe("arrived");
        var finished = await AlertKit.OkAsync(await field.PostAsJsonAsync($"/api/v1/terminal/tasks/{taskId}/finish", new { outcome = "seized" }, Ct));

        var closed = await AlertKit.OkAsync(await command.GetAsync($"/api/v1/surveillance/alerts/{id}", Ct));
        closed["status"]!.GetValue<string>().ShouldBe("closed");
        closed["outcome"]!.GetValue<string>().ShouldBe("seized");
        closed["closedAt"]!.GetValue<DateTimeOffset>().ShouldBe(finished["finishedAt"]!.GetValue<DateTimeOffset>(), TimeSpan.FromMilliseconds(1));
        factory.Outbox.Queued.Where(q => q.AlertId == Guid.Parse(id)).Select(q => q.EventType).ShouldBe(["alert.raised", "alert.closed"]);
        var again = await command.PostAsJsonAsync($"/api/v1/surveillance/alerts/{id}/close", new { outcome = "resolved" }, Ct);
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "surveillance.alert_closed");
    }

    [Fact]
    public async Task ASecondHit_GoesToAFreeColleague_NotToTheNearestOfficerAlreadyOnAHit()
    {
        var camera = await AlertKit.CameraAsync(factory, "411300", 32.9907, 112.5283, name: "南阳站出站口卡口");
        var near = await AlertKit.OnDutyAtAsync(factory, "nanyang.field", 32.9910, 112.5290);   // ≈ 0.1 km
        var farther = await AlertKit.OnDutyAtAsync(factory, "nanyang.case", 33.0100, 112.5400); // ≈ 2.4 km
        var first = await AlertKit.EntryAsync(factory, "411300", "豫R1A234");
        var second = await AlertKit.EntryAsync(factory, "411300", "豫R5C678");
        var command = await factory.SignedInAsync("nanyang.command");

        await AlertKit.HitAsync(factory, camera, first, DateTimeOffset.UtcNow.AddSeconds(-5));
        var firstId = (await AlertKit.AlertsOfAsync(command, first)).ShouldHaveSingleItem()!["id"]!.GetValue<string>();
        // Other tests of the class may have left one of the two with a hit in hand: whoever took the first is busy now.
        var firstOfficer = (await AlertKit.AlertWhenAsync(command, firstId, a => a["taskId"] is not null))["officerId"]!.GetValue<string>();
        firstOfficer.ShouldBeOneOf(near.ToString(), farther.ToString());
        await AlertKit.HitAsync(factory, camera, second, DateTimeOffset.UtcNow.AddSeconds(-2));
        var secondId = (await AlertKit.AlertsOfAsync(command, second)).ShouldHaveSingleItem()!["id"]!.GetValue<string>();

        var dispatched = await AlertKit.AlertWhenAsync(command, secondId, a => a["taskId"] is not null);

        dispatched["officerId"]!.GetValue<string>().ShouldBeOneOf(near.ToString(), farther.ToString());
        dispatched["officerId"]!.GetValue<string>().ShouldNotBe(firstOfficer);
    }

    [Fact]
    public async Task AnOfficerOfACountyTeam_MovesTheAlertOfTheirCitysCamera()
    {
        // 中牟 officers serve the city's cameras too, but their jurisdiction stops at their county: the platform moves the alert.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
            var db = scope.ServiceProvider.GetRequiredService<VanguardDbContext>();
            var county = scope.ServiceProvider.GetRequiredService<IAgencyDirectory>().Current.FindByCode("410122")!;
            var officer = await db.Officers.FirstAsync(o => o.AgencyId == county.Id, Ct);
            var user = new StaffUser { UserName = "zhongmou.field", DisplayName = officer.Name, AgencyId = county.Id, OfficerId = officer.Id, CreatedAt = DateTimeOffset.UtcNow };
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            (await users.CreateAsync(user, VanguardFactory.Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, Vanguard.Domain.Organisation.Role.FieldOfficer)).Succeeded.ShouldBeTrue();
        }

        var officerId = await AlertKit.OnDutyAtAsync(factory, "zhongmou.field", 34.7460, 113.6250);
        var camera = await AlertKit.CameraAsync(factory, "410100", 34.7466, 113.6253, name: "郑州火车站西广场卡口");
        var entry = await AlertKit.EntryAsync(factory, "410100", "豫A7S777", channels: "command,terminal");
        var command = await factory.SignedInAsync("zhengzhou.command");
        var field = await factory.SignedInAsync("zhongmou.field");

        await AlertKit.HitAsync(factory, camera, entry, DateTimeOffset.UtcNow.AddSeconds(-2));
        var id = (await AlertKit.AlertsOfAsync(command, entry)).ShouldHaveSingleItem()!["id"]!.GetValue<string>();
        var dispatched = await AlertKit.AlertWhenAsync(command, id, a => a["taskId"] is not null);
        dispatched["officerId"]!.GetValue<string>().ShouldBe(officerId.ToString());
        var taskId = dispatched["taskId"]!.GetValue<string>();
        await AlertKit.OkAsync(await field.PostAsJsonAsync($"/api/v1/terminal/tasks/{taskId}/accept", new { }, Ct));
        await AlertKit.OkAsync(await field.PostAsJsonAsync($"/api/v1/terminal/tasks/{taskId}/arrive", new { }, Ct));
        await AlertKit.OkAsync(await field.PostAsJsonAsync($"/api/v1/terminal/tasks/{taskId}/finish", new { outcome = "warned" }, Ct));

        var closed = await AlertKit.OkAsync(await command.GetAsync($"/api/v1/surveillance/alerts/{id}", Ct));
        closed["status"]!.GetValue<string>().ShouldBe("closed");
        closed["outcome"]!.GetValue<string>().ShouldBe("warned");
        closed["agencyCode"]!.GetValue<string>().ShouldBe("410100");
    }

    [Fact]
    public async Task FuzzyHit_AndACameraWithoutPosition_WaitForAPerson_WhoDispatchesAndTheOfficerReportsAFalseHit()
    {
        var officer = await AlertKit.OnDutyAtAsync(factory, "nanyang.field", 32.9950, 112.5300);
        var camera = await AlertKit.CameraAsync(factory, "411300", 32.9907, 112.5283, name: "南阳汽车站卡口");
        var blind = await AlertKit.CameraAsync(factory, "411300", null, null, name: "南阳卧龙岗卡口");
        var fuzzyEntry = await AlertKit.EntryAsync(factory, "411300", "豫R0D123", fuzzy: true);
        var blindEntry = await AlertKit.EntryAsync(factory, "411300", "豫R77777");
        var exactEntry = await AlertKit.EntryAsync(factory, "411300", "豫R66666");
        var command = await factory.SignedInAsync("nanyang.command");
        var field = await factory.SignedInAsync("nanyang.field");

        await AlertKit.HitAsync(factory, camera, fuzzyEntry, DateTimeOffset.UtcNow.AddSeconds(-5), plate: "豫R00123", matchKind: MatchKinds.Fuzzy);
        await AlertKit.HitAsync(factory, blind, blindEntry, DateTimeOffset.UtcNow.AddSeconds(-4));
        await AlertKit.HitAsync(factory, camera, exactEntry, DateTimeOffset.UtcNow.AddSeconds(-3));
        // Dispatch runs one alert at a time in the order raised: once the last is dispatched the others were decided.
        var exactId = (await AlertKit.AlertsOfAsync(command, exactEntry)).ShouldHaveSingleItem()!["id"]!.GetValue<string>();
        (await AlertKit.AlertWhenAsync(command, exactId, a => a["taskId"] is not null))["status"]!.GetValue<string>().ShouldBe("dispatched");
        var fuzzy = (await AlertKit.AlertsOfAsync(command, fuzzyEntry)).ShouldHaveSingleItem()!;
        var blindAlert = (await AlertKit.AlertsOfAsync(command, blindEntry)).ShouldHaveSingleItem()!;

        fuzzy["status"]!.GetValue<string>().ShouldBe("new");
        fuzzy["matchKind"]!.GetValue<string>().ShouldBe("fuzzy");
        fuzzy["plate"]!.GetValue<string>().ShouldBe("豫R00123");
        fuzzy["entryPlate"]!.GetValue<string>().ShouldBe("豫R0D123");
        fuzzy["confidencePermille"]!.GetValue<int>().ShouldBe(570);
        blindAlert["status"]!.GetValue<string>().ShouldBe("new");
        blindAlert["lat"].ShouldBeNull();

        var fuzzyId = fuzzy["id"]!.GetValue<string>();
        var noOfficer = await command.PostAsJsonAsync($"/api/v1/surveillance/alerts/{fuzzyId}/dispatch", new { }, Ct);
        await noOfficer.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var offDutyOfficer = await command.PostAsJsonAsync($"/api/v1/surveillance/alerts/{fuzzyId}/dispatch", new { officerId = Guid.NewGuid() }, Ct);
        await offDutyOfficer.ShouldBeProblemAsync(HttpStatusCode.Conflict, "surveillance.officer_not_on_duty");
        var sent = await AlertKit.OkAsync(await command.PostAsJsonAsync($"/api/v1/surveillance/alerts/{fuzzyId}/dispatch", new { officerId = officer }, Ct));
        sent["status"]!.GetValue<string>().ShouldBe("dispatched");
        var taskId = sent["taskId"]!.GetValue<string>();
        var task = await AlertKit.OkAsync(await field.GetAsync($"/api/v1/terminal/tasks/{taskId}", Ct));
        task["detail"]!.GetValue<string>().ShouldContain("模糊命中");

        await AlertKit.OkAsync(await field.PostAsJsonAsync($"/api/v1/terminal/tasks/{taskId}/accept", new { }, Ct));
        await AlertKit.OkAsync(await field.PostAsJsonAsync($"/api/v1/terminal/tasks/{taskId}/arrive", new { }, Ct));
        await AlertKit.OkAsync(await field.PostAsJsonAsync($"/api/v1/terminal/tasks/{taskId}/finish", new { outcome = "false_hit", note = "号牌为豫R00123，非布控车辆" }, Ct));
        var closed = await AlertKit.OkAsync(await command.GetAsync($"/api/v1/surveillance/alerts/{fuzzyId}", Ct));
        closed["status"]!.GetValue<string>().ShouldBe("closed");
        closed["outcome"]!.GetValue<string>().ShouldBe("false_hit");
        closed["outcomeNote"]!.GetValue<string>().ShouldBe("号牌为豫R00123，非布控车辆");
        var redispatch = await command.PostAsJsonAsync($"/api/v1/surveillance/alerts/{fuzzyId}/dispatch", new { officerId = officer }, Ct);
        await redispatch.ShouldBeProblemAsync(HttpStatusCode.Conflict, "surveillance.alert_closed");
    }

    [Fact]
    public async Task CommandCentre_ClosesAnUndispatchedAlert_WithANoteForAFalseHit()
    {
        var entry = await AlertKit.EntryAsync(factory, "410100", "豫A1I234", channels: "command,webhook");
        var camera = await AlertKit.CameraAsync(factory, "410122", 34.72, 113.97, name: "G107 中牟卡口");
        var command = await factory.SignedInAsync("zhengzhou.command");
        await AlertKit.HitAsync(factory, camera, entry, DateTimeOffset.UtcNow.AddSeconds(-2));
        var id = (await AlertKit.AlertsOfAsync(command, entry)).ShouldHaveSingleItem()!["id"]!.GetValue<string>();

        var withoutNote = await command.PostAsJsonAsync($"/api/v1/surveillance/alerts/{id}/close", new { outcome = "false_hit" }, Ct);
        var unknown = await command.PostAsJsonAsync($"/api/v1/surveillance/alerts/{id}/close", new { outcome = "done" }, Ct);
        var closed = await AlertKit.OkAsync(await command.PostAsJsonAsync($"/api/v1/surveillance/alerts/{id}/close", new { outcome = "false_hit", note = "照片比对非布控车辆" }, Ct));
        var twice = await command.PostAsJsonAsync($"/api/v1/surveillance/alerts/{id}/close", new { outcome = "false_hit", note = "再次" }, Ct);

        (await withoutNote.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed"))["errors"]![0]!["field"]!.GetValue<string>().ShouldBe("note");
        await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        closed["status"]!.GetValue<string>().ShouldBe("closed");
        closed["outcome"]!.GetValue<string>().ShouldBe("false_hit");
        closed["outcomeNote"]!.GetValue<string>().ShouldBe("照片比对非布控车辆");
        closed["agencyCode"]!.GetValue<string>().ShouldBe("410122");
        closed["version"]!.GetValue<int>().ShouldBe(1);
        await twice.ShouldBeProblemAsync(HttpStatusCode.Conflict, "surveillance.alert_closed");
        factory.Outbox.Queued.Where(q => q.AlertId == Guid.Parse(id)).Select(q => q.EventType).ShouldBe(["alert.raised", "alert.closed"]);
    }

    [Fact]
    public async Task AnotherCity_NeitherListsNorOpensTheAlert_AndOtherRolesAreRefused()
    {
        var entry = await AlertKit.EntryAsync(factory, "410100", "豫A2Z222", channels: "command");
        var camera = await AlertKit.CameraAsync(factory, "410184", 34.39, 113.74, name: "新郑机场卡口");
        await AlertKit.HitAsync(factory, camera, entry, DateTimeOffset.UtcNow.AddSeconds(-2));
        var zhengzhou = await factory.SignedInAsync("zhengzhou.command");
        var province = await factory.SignedInAsync("admin");
        var nanyang = await factory.SignedInAsync("nanyang.command");
        var id = (await AlertKit.AlertsOfAsync(zhengzhou, entry)).ShouldHaveSingleItem()!["id"]!.GetValue<string>();

        (await AlertKit.AlertsOfAsync(province, entry)).ShouldHaveSingleItem();
        (await AlertKit.AlertsOfAsync(nanyang, entry)).ShouldBeEmpty();
        await (await nanyang.GetAsync($"/api/v1/surveillance/alerts/{id}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "surveillance.alert_not_found");
        var close = await nanyang.PostAsJsonAsync($"/api/v1/surveillance/alerts/{id}/close", new { outcome = "resolved" }, Ct);
        await close.ShouldBeProblemAsync(HttpStatusCode.NotFound, "surveillance.alert_not_found");
        var byField = await (await factory.SignedInAsync("zhengzhou.field")).GetAsync("/api/v1/surveillance/alerts", Ct);
        await byField.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        var badStatus = await zhengzhou.GetAsync("/api/v1/surveillance/alerts?status=open", Ct);
        await badStatus.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var yesterday = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime).AddDays(-1);
        var old = await AlertKit.OkAsync(await zhengzhou.GetAsync($"/api/v1/surveillance/alerts?date={yesterday:yyyy-MM-dd}&list={entry.ListId}", Ct));
        old["items"]!.AsArray().ShouldBeEmpty();
    }
}
