using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Offsite.Data;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Registry.Data;
using Vanguard.Server.Modules.Surveillance.Data;
using Vanguard.Server.Modules.Surveillance.Matching;
using Vanguard.Server.Modules.Surveillance.Webhooks;

namespace Vanguard.Server.Tests.Surveillance;

/// <summary>
/// The platform with what the suspect and webhook tests need to observe: a recording index refresher (the watch-list
/// work provides the real one), webhook receivers answered in memory, and the webhook sender driven by the test only.
/// </summary>
public sealed class SurveillanceFactory : VanguardFactory
{
    public RecordingRefresher Refresher { get; } = new();

    public FakeReceiver Receiver { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [.. base.Settings, new("Vanguard:Surveillance:WebhookMaxAttempts", "3"), new("Vanguard:Surveillance:SuspectRunMinutes", "1440")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IWatchlistIndexRefresher>(Refresher);
            services.AddHttpClient(WebhookSender.ClientName).ConfigurePrimaryHttpMessageHandler(() => Receiver);
            // The sender runs when a test calls it, never on its own timer in between.
            var hosted = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(WebhookSender));
            services.Remove(hosted);
            services.AddSingleton<WebhookSender>();
        });
    }

    internal WebhookSender Sender => Services.GetRequiredService<WebhookSender>();

    public async Task<T> WithDbAsync<T>(Func<VanguardDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        return await work(scope.ServiceProvider.GetRequiredService<VanguardDbContext>());
    }

    public async Task<string> RegisterCameraAsync(string code, string agencyCode = "410122", string kind = "anpr-camera")
    {
        var admin = await this.SignedInAsync(agencyCode.StartsWith("4113", StringComparison.Ordinal) ? "nanyang.admin" : "zhengzhou.admin");
        var response = await admin.PostAsJsonAsync("/api/v1/devices", new { kind, code, name = "卡口 " + code, agencyCode }, ApiClient.Ct);
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToJsonString());
        return body["apiKey"]!.GetValue<string>();
    }

    /// <summary>Plate reads through the real ANPR ingest, back-dated as a camera that was offline would send them.</summary>
    public Task PostReadsAsync(string cameraKey, params (string Plate, DateTimeOffset At)[] reads) => PostReadsAsync(cameraKey, "blue", reads);

    public async Task PostReadsAsync(string cameraKey, string plateColor, params (string Plate, DateTimeOffset At)[] reads)
    {
        var batch = reads.Select(r => new
        {
            readId = Guid.NewGuid().ToString("N"), capturedAt = r.At.ToString("O"), plate = r.Plate, plateColor, confidence = 0.95, direction = "in",
        }).ToArray();
        var response = await this.AsDevice(cameraKey).PostAsJsonAsync("/api/v1/offsite/anpr-reads", batch, ApiClient.Ct);
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        body["accepted"]!.GetValue<int>().ShouldBe(reads.Length, body.ToJsonString());
    }

    /// <summary>A watch-list straight in the database (the lists API is the watch-list work's).</summary>
    public Task<Guid> CreateWatchlistAsync(string name, string agencyCode = "410100", bool active = true) => WithDbAsync(async db =>
    {
        var agency = await db.Agencies.SingleAsync(a => a.Code == agencyCode, ApiClient.Ct);
        var list = new Watchlist
        {
            Id = Guid.CreateVersion7(), AgencyId = agency.Id, Name = name, IsActive = active, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            CreatedBy = "测试", Version = 1,
        };
        db.Add(list);
        await db.SaveChangesAsync(ApiClient.Ct);
        return list.Id;
    });

    private static int _plate = Random.Shared.Next(10_000, 80_000);

    /// <summary>A fresh, valid blue plate (small cars: what 黑车 are).</summary>
    public static string NewPlate() => "豫A" + Interlocked.Increment(ref _plate).ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class RecordingRefresher : IWatchlistIndexRefresher
{
    public ConcurrentQueue<Guid> Refreshed { get; } = new();

    public Task RefreshAsync(IReadOnlyCollection<Guid> entryIds, CancellationToken ct)
    {
        foreach (var id in entryIds)
        {
            Refreshed.Enqueue(id);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Webhook receivers in memory: <c>ok.receiver.test</c> answers 204, <c>failing.receiver.test</c> 500.</summary>
public sealed class FakeReceiver : HttpMessageHandler
{
    public ConcurrentQueue<(HttpRequestMessage Request, string Body)> Received { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await request.Content!.ReadAsStringAsync(cancellationToken);
        Received.Enqueue((request, body));
        return new HttpResponseMessage(request.RequestUri!.Host == "ok.receiver.test" ? HttpStatusCode.NoContent : HttpStatusCode.InternalServerError);
    }
}

/// <summary>非法营运研判 over HTTP: rules on back-dated reads sent through the ANPR ingest, the review list, promotion and dismissal.</summary>
public sealed class SuspectTests(SurveillanceFactory factory) : IClassFixture<SurveillanceFactory>
{
    private const string Api = "/api/v1/surveillance";

    private static CancellationToken Ct => ApiClient.Ct;

    /// <summary>Noon China time, <paramref name="daysAgo"/> China days before today.</summary>
    private static DateTimeOffset ChinaNoon(int daysAgo)
    {
        var china = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        return new DateTimeOffset(china.Date.AddDays(-daysAgo).AddHours(12), TimeSpan.FromHours(8));
    }

    private static async Task<JsonNode> CreateHotspotAsync(HttpClient client, string name, params string[] cameras)
    {
        var response = await client.PostAsJsonAsync($"{Api}/hotspots", new { name, kind = "railway_station", deviceCodes = cameras, lat = 34.75, lon = 113.66 }, Ct);
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToJsonString());
        return body;
    }

    private static async Task<JsonNode> CreateRuleAsync(HttpClient client, object rule)
    {
        var response = await client.PostAsJsonAsync($"{Api}/suspect-rules", rule, Ct);
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToJsonString());
        return body;
    }

    private static async Task<JsonNode> RunAsync(HttpClient client, string ruleId)
    {
        var response = await client.PostAsync($"{Api}/suspect-rules/{ruleId}/run", null, Ct);
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        return body;
    }

    private static async Task<List<JsonNode>> SuspectsAsync(HttpClient client, string ruleId, string status = "all")
    {
        var page = await (await client.GetAsync($"{Api}/suspects?rule={ruleId}&status={status}&pageSize=200", Ct)).JsonAsync();
        return page["items"]!.AsArray().Select(s => s!).ToList();
    }

    /// <summary>A hotspot with one fresh camera and a hotspot_days rule on it; returns the camera key and the rule id.</summary>
    private async Task<(string Camera, string RuleId, HttpClient Command)> HotspotDaysRuleAsync(string code, int threshold, bool excludeLicensed = false)
    {
        var camera = await factory.RegisterCameraAsync(code);
        var command = await factory.SignedInAsync("zhengzhou.command");
        var hotspot = await CreateHotspotAsync(command, "郑州站出站口 " + code, code);
        var rule = await CreateRuleAsync(command, new
        {
            name = "火车站黑车 " + code, kind = "hotspot_days", hotspotId = hotspot["id"]!.GetValue<string>(), windowDays = 10, threshold, excludeLicensed, enabled = true,
        });
        return (camera, rule["id"]!.GetValue<string>(), command);
    }

    [Fact]
    public async Task HotspotDays_FiresAtTheThreshold_AndNotOneChinaDayBelowIt()
    {
        var (camera, ruleId, command) = await HotspotDaysRuleAsync("ANPR-SD-01", threshold: 3);
        var often = SurveillanceFactory.NewPlate();
        var twoChinaDays = SurveillanceFactory.NewPlate();
        var day = ChinaNoon(5).UtcDateTime.Date;
        await factory.PostReadsAsync(camera,
            (often, ChinaNoon(6)), (often, ChinaNoon(6).AddHours(1)), (often, ChinaNoon(4)), (often, ChinaNoon(2)),
            // Three UTC dates but two China days (UTC 20:00 is 04:00 the next morning in China; 23:00 and 01:00 UTC are one China morning).
            (twoChinaDays, new DateTimeOffset(day.AddHours(20), TimeSpan.Zero)), (twoChinaDays, new DateTimeOffset(day.AddDays(1).AddHours(10), TimeSpan.Zero)),
            (twoChinaDays, new DateTimeOffset(day.AddDays(1).AddHours(23), TimeSpan.Zero)), (twoChinaDays, new DateTimeOffset(day.AddDays(2).AddHours(1), TimeSpan.Zero)));

        var run = await RunAsync(command, ruleId);
        var suspects = await SuspectsAsync(command, ruleId);

        run["found"]!.GetValue<int>().ShouldBe(1);
        run["created"]!.GetValue<int>().ShouldBe(1);
        var suspect = suspects.ShouldHaveSingleItem();
        suspect["plate"]!.GetValue<string>().ShouldBe(often);
        suspect["score"]!.GetValue<int>().ShouldBe(3);
        suspect["status"]!.GetValue<string>().ShouldBe("pending");
        suspect["ruleName"]!.GetValue<string>().ShouldBe("火车站黑车 ANPR-SD-01");
        var detail = await (await command.GetAsync($"{Api}/suspects/{suspect["id"]}", Ct)).JsonAsync();
        var evidence = detail["evidence"]!.AsArray();
        evidence.Count.ShouldBe(4);
        evidence[0]!["deviceName"]!.GetValue<string>().ShouldBe("卡口 ANPR-SD-01");
        evidence[0]!["at"]!.GetValue<DateTimeOffset>().ShouldBe(ChinaNoon(2));
        var readIds = evidence.Select(e => e!["readId"]!.GetValue<long>()).ToList();
        (await factory.WithDbAsync(db => db.Set<AnprRead>().Where(r => readIds.Contains(r.Id)).AllAsync(r => r.Retained, Ct))).ShouldBeTrue();
        var rules = await (await command.GetAsync($"{Api}/suspect-rules", Ct)).JsonAsync();
        var rule = rules.AsArray().Single(r => r!["id"]!.GetValue<string>() == ruleId)!;
        rule["pendingSuspects"]!.GetValue<int>().ShouldBe(1);
        rule["lastRunAt"].ShouldNotBeNull();
        (await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "surveillance.suspect_rule_run" && a.TargetId == ruleId, Ct))).ShouldBe(1);
    }

    [Fact]
    public async Task ReRun_RefreshesThePendingSuspect_InsteadOfFilingItTwice()
    {
        var (camera, ruleId, command) = await HotspotDaysRuleAsync("ANPR-SD-02", threshold: 2);
        var plate = SurveillanceFactory.NewPlate();
        await factory.PostReadsAsync(camera, (plate, ChinaNoon(4)), (plate, ChinaNoon(3)));

        var first = await RunAsync(command, ruleId);
        var same = await RunAsync(command, ruleId);
        await factory.PostReadsAsync(camera, (plate, ChinaNoon(1)));
        var again = await RunAsync(command, ruleId);

        (first["created"]!.GetValue<int>(), first["updated"]!.GetValue<int>()).ShouldBe((1, 0));
        (same["found"]!.GetValue<int>(), same["created"]!.GetValue<int>(), same["updated"]!.GetValue<int>()).ShouldBe((1, 0, 0));
        (again["created"]!.GetValue<int>(), again["updated"]!.GetValue<int>()).ShouldBe((0, 1));
        var suspect = (await SuspectsAsync(command, ruleId)).ShouldHaveSingleItem();
        suspect["score"]!.GetValue<int>().ShouldBe(3);
        suspect["lastSeenAt"]!.GetValue<DateTimeOffset>().ShouldBe(ChinaNoon(1));
        suspect["version"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task LicensedVehicle_IsLeftOut_WhenTheRuleSaysSo_ButNotOneWithAnExpiredCertificate()
    {
        var licensed = await factory.WithDbAsync(db =>
        {
            var soon = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);
            return db.RegistryVehicles.AsNoTracking()
                .Where(v => v.TransportCertificateNo != null && v.TransportCertificateValidUntil > soon)
                .Select(v => new { v.Plate, v.PlateColor }).FirstOrDefaultAsync(Ct);
        });
        licensed.ShouldNotBeNull("the demo registry has vehicles with a 道路运输证 in force");
        var expired = await factory.WithDbAsync(db =>
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            return db.RegistryVehicles.AsNoTracking()
                .Where(v => v.TransportCertificateNo != null && v.TransportCertificateValidUntil < today)
                .Select(v => new { v.Plate, v.PlateColor }).FirstOrDefaultAsync(Ct);
        });
        expired.ShouldNotBeNull("the demo registry has vehicles whose 道路运输证 has expired");
        var (camera, excluding, command) = await HotspotDaysRuleAsync("ANPR-SD-03", threshold: 2, excludeLicensed: true);
        var unlicensed = SurveillanceFactory.NewPlate();
        await factory.PostReadsAsync(camera, licensed.PlateColor, (licensed.Plate, ChinaNoon(3)), (licensed.Plate, ChinaNoon(2)));
        await factory.PostReadsAsync(camera, expired.PlateColor, (expired.Plate, ChinaNoon(3)), (expired.Plate, ChinaNoon(2)));
        await factory.PostReadsAsync(camera, (unlicensed, ChinaNoon(3)), (unlicensed, ChinaNoon(2)));
        var rules = await (await command.GetAsync($"{Api}/suspect-rules", Ct)).JsonAsync();
        var hotspotId = rules.AsArray().Single(r => r!["id"]!.GetValue<string>() == excluding)!["hotspotId"]!.GetValue<string>();
        var including = (await CreateRuleAsync(command, new { name = "不排除持证车辆", kind = "hotspot_days", hotspotId, windowDays = 10, threshold = 2, excludeLicensed = false }))["id"]!
            .GetValue<string>();

        await RunAsync(command, excluding);
        await RunAsync(command, including);

        // An expired 道路运输证 is no licence: that vehicle stays a suspect.
        (await SuspectsAsync(command, excluding)).Select(s => s["plate"]!.GetValue<string>()).ShouldBe([expired.Plate, unlicensed], ignoreOrder: true);
        (await SuspectsAsync(command, including)).Select(s => s["plate"]!.GetValue<string>())
            .ShouldBe([licensed.Plate, expired.Plate, unlicensed], ignoreOrder: true);
    }

    [Fact]
    public async Task RoundTrips_FireOnRepeatedShortTrips_AndNotOnSlowOrSingleOnes()
    {
        var station = await factory.RegisterCameraAsync("ANPR-SD-10");
        var town = await factory.RegisterCameraAsync("ANPR-SD-11");
        var command = await factory.SignedInAsync("zhengzhou.command");
        var hotspot = await CreateHotspotAsync(command, "郑州东站", "ANPR-SD-10");
        var area = await CreateHotspotAsync(command, "二七商圈", "ANPR-SD-11");
        var rule = await CreateRuleAsync(command, new
        {
            name = "站城往返", kind = "round_trips", hotspotId = hotspot["id"], otherHotspotId = area["id"], windowDays = 7, threshold = 2, maxTripMinutes = 60,
            excludeLicensed = false,
        });
        var shuttle = SurveillanceFactory.NewPlate();
        var slow = SurveillanceFactory.NewPlate();
        var once = SurveillanceFactory.NewPlate();
        var t = ChinaNoon(2);
        // shuttle: station → town → station → town → station, 40 min a trip; slow: the same at 3 h a trip; once: one quick trip.
        await factory.PostReadsAsync(station, (shuttle, t), (shuttle, t.AddMinutes(40)), (shuttle, t.AddMinutes(80)),
            (slow, t), (slow, t.AddMinutes(180)), (slow, t.AddMinutes(360)), (once, t), (once, t.AddMinutes(30)));
        await factory.PostReadsAsync(town, (shuttle, t.AddMinutes(20)), (shuttle, t.AddMinutes(60)), (slow, t.AddMinutes(90)), (slow, t.AddMinutes(270)),
            (once, t.AddMinutes(15)));

        var run = await RunAsync(command, rule["id"]!.GetValue<string>());

        run["found"]!.GetValue<int>().ShouldBe(1);
        var suspect = (await SuspectsAsync(command, rule["id"]!.GetValue<string>())).ShouldHaveSingleItem();
        suspect["plate"]!.GetValue<string>().ShouldBe(shuttle);
        suspect["score"]!.GetValue<int>().ShouldBe(2);
        suspect["firstSeenAt"]!.GetValue<DateTimeOffset>().ShouldBe(t);
        suspect["lastSeenAt"]!.GetValue<DateTimeOffset>().ShouldBe(t.AddMinutes(80));
        var detail = await (await command.GetAsync($"{Api}/suspects/{suspect["id"]}", Ct)).JsonAsync();
        detail["evidence"]!.AsArray().Count.ShouldBe(5);
    }

    [Fact]
    public async Task Promote_CreatesAnActiveEntry_RefreshesTheIndex_AndOnlyOnce()
    {
        var (camera, ruleId, command) = await HotspotDaysRuleAsync("ANPR-SD-20", threshold: 2);
        var plate = SurveillanceFactory.NewPlate();
        await factory.PostReadsAsync(camera, (plate, ChinaNoon(3)), (plate, ChinaNoon(2)));
        await RunAsync(command, ruleId);
        var suspectId = (await SuspectsAsync(command, ruleId)).Single()["id"]!.GetValue<string>();
        var listId = await factory.CreateWatchlistAsync("非法营运重点车辆 SD-20");
        var admin = await factory.SignedInAsync("zhengzhou.admin");

        var byCommand = await command.PostAsJsonAsync($"{Api}/suspects/{suspectId}/promote", new { watchlistId = listId, validDays = 30 }, Ct);
        var tooLong = await admin.PostAsJsonAsync($"{Api}/suspects/{suspectId}/promote", new { watchlistId = listId, validDays = 366 }, Ct);
        var promoted = await admin.PostAsJsonAsync($"{Api}/suspects/{suspectId}/promote", new { watchlistId = listId, validDays = 30 }, Ct);
        var twice = await admin.PostAsJsonAsync($"{Api}/suspects/{suspectId}/promote", new { watchlistId = listId, validDays = 30 }, Ct);

        byCommand.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await tooLong.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var view = await promoted.JsonAsync();
        promoted.StatusCode.ShouldBe(HttpStatusCode.OK, view.ToJsonString());
        view["status"]!.GetValue<string>().ShouldBe("promoted");
        var entryId = view["watchlistEntryId"]!.GetValue<Guid>();
        await twice.ShouldBeProblemAsync(HttpStatusCode.Conflict, "surveillance.suspect_decided");
        var entry = await factory.WithDbAsync(db => db.Set<WatchlistEntry>().AsNoTracking().SingleAsync(e => e.Id == entryId, Ct));
        entry.Status.ShouldBe(EntryStatuses.Active);
        entry.Source.ShouldBe(EntrySources.SuspectModel);
        entry.SourceRef.ShouldBe(suspectId);
        entry.RuleId.ShouldBe(Guid.Parse(ruleId));
        entry.Plate.ShouldBe(plate);
        entry.Reason.ShouldBe("疑似非法营运：火车站黑车 ANPR-SD-20，2 天出现于郑州站出站口 ANPR-SD-20");
        (entry.ValidUntil - entry.ValidFrom).ShouldBe(TimeSpan.FromDays(30));
        entry.ValidFrom.ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        entry.Channels.Split(',').ShouldBe(AlertChannels.All, ignoreOrder: true);
        entry.ApprovedBy.ShouldNotBeNull();
        factory.Refresher.Refreshed.ShouldContain(entryId);
        (await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "surveillance.suspect_promoted" && a.TargetId == suspectId, Ct))).ShouldBe(1);

        // Found again later: the rule leaves a promoted vehicle alone.
        var rerun = await RunAsync(command, ruleId);
        (rerun["created"]!.GetValue<int>(), rerun["updated"]!.GetValue<int>()).ShouldBe((0, 0));
    }

    [Fact]
    public async Task Promote_IntoAListWithTheVehicleAlreadyLive_OrAnInactiveList_IsRefused()
    {
        var (camera, ruleId, command) = await HotspotDaysRuleAsync("ANPR-SD-21", threshold: 1);
        var plate = SurveillanceFactory.NewPlate();
        await factory.PostReadsAsync(camera, (plate, ChinaNoon(1)));
        await RunAsync(command, ruleId);
        var suspectId = (await SuspectsAsync(command, ruleId)).Single()["id"]!.GetValue<string>();
        var listId = await factory.CreateWatchlistAsync("协查车辆 SD-21");
        var inactive = await factory.CreateWatchlistAsync("已停用 SD-21", active: false);
        var foreign = await factory.CreateWatchlistAsync("南阳名单 SD-21", agencyCode: "411300");
        await factory.WithDbAsync(async db =>
        {
            var list = await db.Set<Watchlist>().SingleAsync(l => l.Id == listId, Ct);
            db.Add(new WatchlistEntry
            {
                Id = Guid.CreateVersion7(), WatchlistId = listId, AgencyId = list.AgencyId, Plate = plate, PlateColor = "blue", Reason = "人工录入", Source = EntrySources.Manual,
                Status = EntryStatuses.Pending, ValidFrom = DateTimeOffset.UtcNow, ValidUntil = DateTimeOffset.UtcNow.AddDays(10), RequestedAt = DateTimeOffset.UtcNow,
                RequestedBy = "测试", UpdatedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync(Ct);
        });
        var admin = await factory.SignedInAsync("zhengzhou.admin");

        var exists = await admin.PostAsJsonAsync($"{Api}/suspects/{suspectId}/promote", new { watchlistId = listId, validDays = 30 }, Ct);
        var off = await admin.PostAsJsonAsync($"{Api}/suspects/{suspectId}/promote", new { watchlistId = inactive, validDays = 30 }, Ct);
        var outside = await admin.PostAsJsonAsync($"{Api}/suspects/{suspectId}/promote", new { watchlistId = foreign, validDays = 30 }, Ct);

        await exists.ShouldBeProblemAsync(HttpStatusCode.Conflict, "surveillance.entry_exists");
        await off.ShouldBeProblemAsync(HttpStatusCode.Conflict, "surveillance.watchlist_inactive");
        await outside.ShouldBeProblemAsync(HttpStatusCode.NotFound, "surveillance.watchlist_not_found");
        (await SuspectsAsync(command, ruleId, "pending")).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Dismissed_StaysDismissed_UntilTheVehicleIsSeenAgainAfterwards()
    {
        var (camera, ruleId, command) = await HotspotDaysRuleAsync("ANPR-SD-30", threshold: 2);
        var plate = SurveillanceFactory.NewPlate();
        await factory.PostReadsAsync(camera, (plate, ChinaNoon(4)), (plate, ChinaNoon(3)));
        await RunAsync(command, ruleId);
        var suspectId = (await SuspectsAsync(command, ruleId)).Single()["id"]!.GetValue<string>();

        var noNote = await command.PostAsJsonAsync($"{Api}/suspects/{suspectId}/dismiss", new { note = " " }, Ct);
        var dismissed = await command.PostAsJsonAsync($"{Api}/suspects/{suspectId}/dismiss", new { note = "核实为接送亲属的私家车" }, Ct);
        var quiet = await RunAsync(command, ruleId);
        await factory.PostReadsAsync(camera, (plate, DateTimeOffset.UtcNow));
        var seenAgain = await RunAsync(command, ruleId);

        await noNote.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var view = await dismissed.JsonAsync();
        dismissed.StatusCode.ShouldBe(HttpStatusCode.OK, view.ToJsonString());
        view["status"]!.GetValue<string>().ShouldBe("dismissed");
        view["decisionNote"]!.GetValue<string>().ShouldBe("核实为接送亲属的私家车");
        quiet["created"]!.GetValue<int>().ShouldBe(0);
        seenAgain["created"]!.GetValue<int>().ShouldBe(1);
        var all = await SuspectsAsync(command, ruleId);
        all.Select(s => s["status"]!.GetValue<string>()).ShouldBe(["pending", "dismissed"], ignoreOrder: true);
        (await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "surveillance.suspect_dismissed" && a.TargetId == suspectId, Ct))).ShouldBe(1);
    }

    [Fact]
    public async Task AnotherCitysStaff_NeitherSeeNorRunNorDecide()
    {
        var (camera, ruleId, command) = await HotspotDaysRuleAsync("ANPR-SD-40", threshold: 1);
        await factory.PostReadsAsync(camera, (SurveillanceFactory.NewPlate(), ChinaNoon(1)));
        await RunAsync(command, ruleId);
        var suspectId = (await SuspectsAsync(command, ruleId)).Single()["id"]!.GetValue<string>();
        var nanyang = await factory.SignedInAsync("nanyang.command");
        var nanyangAdmin = await factory.SignedInAsync("nanyang.admin");

        var rules = await (await nanyang.GetAsync($"{Api}/suspect-rules", Ct)).JsonAsync();
        var suspects = await (await nanyang.GetAsync($"{Api}/suspects?status=all&pageSize=200", Ct)).JsonAsync();
        var run = await nanyang.PostAsync($"{Api}/suspect-rules/{ruleId}/run", null, Ct);
        var get = await nanyang.GetAsync($"{Api}/suspects/{suspectId}", Ct);
        var dismiss = await nanyang.PostAsJsonAsync($"{Api}/suspects/{suspectId}/dismiss", new { note = "越权" }, Ct);
        var promote = await nanyangAdmin.PostAsJsonAsync($"{Api}/suspects/{suspectId}/promote", new { watchlistId = Guid.NewGuid(), validDays = 3 }, Ct);
        var field = await (await factory.SignedInAsync("zhengzhou.field")).GetAsync($"{Api}/suspects", Ct);

        rules.AsArray().ShouldNotContain(r => r!["id"]!.GetValue<string>() == ruleId);
        suspects["items"]!.AsArray().ShouldNotContain(s => s!["id"]!.GetValue<string>() == suspectId);
        await run.ShouldBeProblemAsync(HttpStatusCode.NotFound, "surveillance.rule_not_found");
        await get.ShouldBeProblemAsync(HttpStatusCode.NotFound, "surveillance.suspect_not_found");
        await dismiss.ShouldBeProblemAsync(HttpStatusCode.NotFound, "surveillance.suspect_not_found");
        await promote.ShouldBeProblemAsync(HttpStatusCode.NotFound, "surveillance.suspect_not_found");
        field.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Rules_AreValidated()
    {
        await factory.RegisterCameraAsync("ANPR-SD-50");
        var command = await factory.SignedInAsync("zhengzhou.command");
        var hotspot = (await CreateHotspotAsync(command, "新郑机场", "ANPR-SD-50"))["id"]!.GetValue<string>();

        async Task<JsonNode> BadAsync(object rule, params string[] fields)
        {
            var problem = await (await command.PostAsJsonAsync($"{Api}/suspect-rules", rule, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
            problem["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).ShouldBe(fields, ignoreOrder: true);
            return problem;
        }

        await BadAsync(new { name = "超周期", kind = "hotspot_days", hotspotId = hotspot, windowDays = 7, threshold = 8 }, "threshold");
        await BadAsync(new { name = "无周期", kind = "hotspot_days", hotspotId = hotspot, windowDays = 91, threshold = 5 }, "windowDays");
        await BadAsync(new { name = "缺另一端", kind = "round_trips", hotspotId = hotspot, windowDays = 7, threshold = 3, maxTripMinutes = 4 }, "otherHotspotId", "maxTripMinutes");
        await BadAsync(new { name = "", kind = "speeding", hotspotId = hotspot }, "name", "kind");
        var missing = await command.PostAsJsonAsync($"{Api}/suspect-rules", new { name = "无此区域", kind = "hotspot_days", hotspotId = Guid.NewGuid(), windowDays = 7, threshold = 3 }, Ct);
        await missing.ShouldBeProblemAsync(HttpStatusCode.NotFound, "surveillance.hotspot_not_found");

        var created = await CreateRuleAsync(command, new { name = "机场", kind = "hotspot_days", hotspotId = hotspot, windowDays = 7, threshold = 3 });
        var id = created["id"]!.GetValue<string>();
        var stale = await command.PatchAsJsonAsync($"{Api}/suspect-rules/{id}", new { threshold = 4, version = 0 }, Ct);
        var patched = await command.PatchAsJsonAsync($"{Api}/suspect-rules/{id}", new { threshold = 4, enabled = false, version = created["version"]!.GetValue<int>() }, Ct);

        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict, "surveillance.concurrent_update");
        var view = await patched.JsonAsync();
        patched.StatusCode.ShouldBe(HttpStatusCode.OK, view.ToJsonString());
        (view["threshold"]!.GetValue<int>(), view["enabled"]!.GetValue<bool>(), view["excludeLicensed"]!.GetValue<bool>()).ShouldBe((4, false, true));
        view["version"]!.GetValue<int>().ShouldBe(created["version"]!.GetValue<int>() + 1);
        (await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.TargetId == id && a.Action.StartsWith("surveillance.suspect_rule_"), Ct))).ShouldBe(2);
    }

    [Fact]
    public async Task Job_RunsEnabledRulesThatAreDue_AndSkipsDisabledOnes()
    {
        var (camera, enabledRule, command) = await HotspotDaysRuleAsync("ANPR-SD-60", threshold: 1);
        await factory.PostReadsAsync(camera, (SurveillanceFactory.NewPlate(), ChinaNoon(1)));
        var hotspotId = (await (await command.GetAsync($"{Api}/suspect-rules", Ct)).JsonAsync()).AsArray()
            .Single(r => r!["id"]!.GetValue<string>() == enabledRule)!["hotspotId"]!.GetValue<string>();
        var disabledRule = (await CreateRuleAsync(command, new { name = "停用", kind = "hotspot_days", hotspotId, windowDays = 3, threshold = 1, enabled = false }))["id"]!
            .GetValue<string>();
        var job = factory.Services.GetServices<IHostedService>().OfType<Vanguard.Server.Modules.Surveillance.Suspects.SuspectJob>().Single();

        var ran = await job.RunDueAsync(Ct);
        var again = await job.RunDueAsync(Ct);

        ran.ShouldBeGreaterThanOrEqualTo(1);
        again.ShouldBe(0);
        (await SuspectsAsync(command, enabledRule)).Count.ShouldBe(1);
        (await SuspectsAsync(command, disabledRule)).ShouldBeEmpty();
    }
}
