using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vanguard.Server.Modules.Surveillance.Data;
using Vanguard.Server.Modules.Surveillance.Webhooks;

namespace Vanguard.Server.Tests.Surveillance;

/// <summary>A list's signed webhook: setting it (secret shown once), the outbox, delivery, retries with back-off, giving up.</summary>
public sealed class WebhookTests(SurveillanceFactory factory) : IClassFixture<SurveillanceFactory>
{
    private const string Api = "/api/v1/surveillance";

    private static CancellationToken Ct => ApiClient.Ct;

    private async Task<(Guid ListId, string Secret)> ListWithWebhookAsync(string name, string url)
    {
        var listId = await factory.CreateWatchlistAsync(name);
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var response = await admin.PutAsJsonAsync($"{Api}/watchlists/{listId}/webhook", new { url, enabled = true }, Ct);
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        return (listId, body["secret"]!.GetValue<string>());
    }

    /// <summary>An entry and an alert on it, queued for the webhook the way the alerts part does: in the alert's own unit of work.</summary>
    private Task<Guid> RaiseAlertAsync(Guid listId, string plate, string eventType = WebhookEvents.AlertRaised) => factory.WithDbAsync(async db =>
    {
        var list = await db.Set<Watchlist>().SingleAsync(l => l.Id == listId, Ct);
        var now = DateTimeOffset.UtcNow;
        var entry = new WatchlistEntry
        {
            Id = Guid.CreateVersion7(), WatchlistId = listId, AgencyId = list.AgencyId, Plate = plate, PlateColor = "blue", Reason = "套牌嫌疑", Source = EntrySources.Manual,
            Status = EntryStatuses.Active, ValidFrom = now.AddDays(-1), ValidUntil = now.AddDays(30), RequestedAt = now, RequestedBy = "测试", UpdatedAt = now,
        };
        var alert = new Alert
        {
            Id = Guid.CreateVersion7(), AgencyId = list.AgencyId, WatchlistId = listId, EntryId = entry.Id, ReadId = 1, DeviceId = Guid.NewGuid(), DeviceName = "G107 中牟卡口",
            Lat = 34.72, Lon = 113.97, Plate = plate, PlateColor = "blue", EntryPlate = plate, MatchKind = MatchKinds.Exact, ConfidencePermille = 953,
            CapturedAt = now.AddSeconds(-3), ReadReceivedAt = now, RaisedAt = now, LastSeenAt = now, Status = AlertStatuses.New, UpdatedAt = now,
        };
        db.Add(entry);
        db.Add(alert);
        await factory.Services.GetRequiredService<IWebhookOutbox>().EnqueueAsync(db, alert, eventType, Ct);
        await db.SaveChangesAsync(Ct);
        return alert.Id;
    });

    private Task<List<WebhookDelivery>> DeliveriesOfAsync(Guid alertId) =>
        factory.WithDbAsync(db => db.Set<WebhookDelivery>().AsNoTracking().Where(d => d.AlertId == alertId).ToListAsync(Ct));

    private List<(HttpRequestMessage Request, string Body)> ReceivedAt(string path) =>
        factory.Receiver.Received.Where(r => r.Request.RequestUri!.AbsolutePath == path).ToList();

    [Fact]
    public async Task Set_ShowsTheSecretOnce_StoresItProtected_AndGetNeverReturnsIt()
    {
        var (listId, secret) = await ListWithWebhookAsync("协查 WH-01", "https://ok.receiver.test/wh-01");
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var command = await factory.SignedInAsync("zhengzhou.command");

        var get = await (await command.GetAsync($"{Api}/watchlists/{listId}/webhook", Ct)).JsonAsync();
        var again = await (await admin.PutAsJsonAsync($"{Api}/watchlists/{listId}/webhook", new { url = "https://ok.receiver.test/wh-01b", enabled = false }, Ct)).JsonAsync();
        var stored = await factory.WithDbAsync(db => db.Set<Watchlist>().AsNoTracking().SingleAsync(l => l.Id == listId, Ct));
        var rotated = await admin.PostAsync($"{Api}/watchlists/{listId}/webhook/rotate", null, Ct);
        var byCommand = await command.PutAsJsonAsync($"{Api}/watchlists/{listId}/webhook", new { url = "https://ok.receiver.test/x", enabled = true }, Ct);

        secret.ShouldMatch("^[0-9a-f]{64}$");
        get["url"]!.GetValue<string>().ShouldBe("https://ok.receiver.test/wh-01");
        get["secret"].ShouldBeNull();
        again["secret"].ShouldBeNull();
        again["enabled"]!.GetValue<bool>().ShouldBeFalse();
        stored.WebhookSecret.ShouldNotBeNull();
        stored.WebhookSecret.ShouldNotContain(secret);
        stored.WebhookUrl.ShouldBe("https://ok.receiver.test/wh-01b");
        var newSecret = (await rotated.JsonAsync())["secret"]!.GetValue<string>();
        newSecret.ShouldMatch("^[0-9a-f]{64}$");
        newSecret.ShouldNotBe(secret);
        byCommand.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.TargetId == listId.ToString()).ToListAsync(Ct));
        audit.Select(a => a.Action).ShouldBe(["surveillance.webhook_set", "surveillance.webhook_set", "surveillance.webhook_secret_rotated"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("http://receiver.example.com/hook", "surveillance.webhook_url_insecure", HttpStatusCode.BadRequest)]
    [InlineData("http://8.8.8.8/hook", "surveillance.webhook_url_insecure", HttpStatusCode.BadRequest)]
    [InlineData("ftp://10.1.2.3/hook", "validation.failed", HttpStatusCode.BadRequest)]
    [InlineData("https://user:pw@receiver.example.com/hook", "validation.failed", HttpStatusCode.BadRequest)]
    [InlineData("/relative", "validation.failed", HttpStatusCode.BadRequest)]
    public async Task Url_MustBeHttps_OrPlainHttpToALoopbackOrPrivateAddress(string url, string code, HttpStatusCode status)
    {
        var listId = await factory.CreateWatchlistAsync("URL " + url);
        var admin = await factory.SignedInAsync("zhengzhou.admin");

        var response = await admin.PutAsJsonAsync($"{Api}/watchlists/{listId}/webhook", new { url, enabled = true }, Ct);

        await response.ShouldBeProblemAsync(status, code);
    }

    [Theory]
    [InlineData("http://10.20.30.40:8080/hook")]
    [InlineData("http://192.168.1.9/hook")]
    [InlineData("http://172.20.0.5/hook")]
    [InlineData("http://127.0.0.1:5000/hook")]
    [InlineData("http://localhost:5000/hook")]
    [InlineData("http://[fd00::1]/hook")]
    [InlineData("https://receiver.example.com/hook")]
    public async Task Url_PrivateHttpOrAnyHttps_IsAccepted(string url)
    {
        var listId = await factory.CreateWatchlistAsync("URL " + url);
        var admin = await factory.SignedInAsync("zhengzhou.admin");

        var response = await admin.PutAsJsonAsync($"{Api}/watchlists/{listId}/webhook", new { url, enabled = true }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Hit_IsDeliveredSigned_ToTheListsReceiver()
    {
        var (listId, secret) = await ListWithWebhookAsync("布控 WH-10", "https://ok.receiver.test/wh-10");
        var plate = SurveillanceFactory.NewPlate();
        var alertId = await RaiseAlertAsync(listId, plate);

        await factory.Sender.SendDueAsync(Ct);

        var (request, body) = ReceivedAt("/wh-10").ShouldHaveSingleItem();
        request.Method.ShouldBe(HttpMethod.Post);
        request.Content!.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var signature = request.Headers.GetValues("Vanguard-Signature").Single();
        WebhookSignature.Verify(secret, signature, body, DateTimeOffset.UtcNow).ShouldBeTrue();
        WebhookSignature.Verify(WebhookSecrets.NewSecret(), signature, body, DateTimeOffset.UtcNow).ShouldBeFalse();
        request.Headers.GetValues("Vanguard-Event").Single().ShouldBe("alert.raised");
        var json = JsonNode.Parse(body)!;
        request.Headers.GetValues("Vanguard-Delivery").Single().ShouldBe(json["id"]!.GetValue<string>());
        json["type"]!.GetValue<string>().ShouldBe("alert.raised");
        var alert = json["alert"]!;
        alert["id"]!.GetValue<Guid>().ShouldBe(alertId);
        alert["plate"]!.GetValue<string>().ShouldBe(plate);
        alert["plateColor"]!.GetValue<string>().ShouldBe("blue");
        alert["matchKind"]!.GetValue<string>().ShouldBe("exact");
        alert["confidence"]!.GetValue<decimal>().ShouldBe(0.953m);
        alert["device"]!.GetValue<string>().ShouldBe("G107 中牟卡口");
        alert["lat"]!.GetValue<double>().ShouldBe(34.72);
        alert["list"]!.GetValue<string>().ShouldBe("布控 WH-10");
        alert["reason"]!.GetValue<string>().ShouldBe("套牌嫌疑");
        var delivery = (await DeliveriesOfAsync(alertId)).ShouldHaveSingleItem();
        delivery.Status.ShouldBe("delivered");
        delivery.Attempts.ShouldBe(1);
        delivery.LastStatusCode.ShouldBe(204);
        var command = await factory.SignedInAsync("zhengzhou.command");
        var page = await (await command.GetAsync($"{Api}/watchlists/{listId}/webhook/deliveries", Ct)).JsonAsync();
        page["total"]!.GetValue<int>().ShouldBe(1);
        page["items"]![0]!["status"]!.GetValue<string>().ShouldBe("delivered");
        var nanyang = await factory.SignedInAsync("nanyang.command");
        await (await nanyang.GetAsync($"{Api}/watchlists/{listId}/webhook/deliveries", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "surveillance.watchlist_not_found");
    }

    [Fact]
    public async Task FailingReceiver_IsRetriedAfter1Then2Minutes_ThenGivenUpAtMaxAttempts()
    {
        var (listId, _) = await ListWithWebhookAsync("布控 WH-20", "https://failing.receiver.test/wh-20");
        var alertId = await RaiseAlertAsync(listId, SurveillanceFactory.NewPlate());
        var backOffs = new List<TimeSpan>();

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var before = DateTimeOffset.UtcNow;
            await factory.Sender.SendDueAsync(Ct);
            var row = (await DeliveriesOfAsync(alertId)).Single();
            row.Attempts.ShouldBe(attempt);
            row.LastStatusCode.ShouldBe(500);
            row.Status.ShouldBe(attempt < 3 ? "pending" : "failed");
            backOffs.Add(row.NextAttemptAt - before);
            // Nothing is sent before the back-off is over …
            await factory.Sender.SendDueAsync(Ct);
            ReceivedAt("/wh-20").Count.ShouldBe(attempt);
            // … so the test moves the row's time instead of waiting.
            await factory.WithDbAsync(db => db.Set<WebhookDelivery>().Where(d => d.AlertId == alertId)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, DateTimeOffset.UtcNow.AddSeconds(-1)), Ct));
        }

        await factory.Sender.SendDueAsync(Ct);

        ReceivedAt("/wh-20").Count.ShouldBe(3);
        backOffs[0].ShouldBeInRange(TimeSpan.FromSeconds(55), TimeSpan.FromSeconds(65));
        backOffs[1].ShouldBeInRange(TimeSpan.FromSeconds(115), TimeSpan.FromSeconds(125));
        (await DeliveriesOfAsync(alertId)).Single().Status.ShouldBe("failed");
    }

    [Fact]
    public async Task TwoSendersAtOnce_SendEachRowOnce()
    {
        var (listId, _) = await ListWithWebhookAsync("布控 WH-40", "https://ok.receiver.test/wh-40");
        var alerts = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            alerts.Add(await RaiseAlertAsync(listId, SurveillanceFactory.NewPlate()));
        }

        // Each call opens its own context, as another node would: only the claim decides who sends.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => factory.Sender.SendDueAsync(Ct)));

        ReceivedAt("/wh-40").Count.ShouldBe(5);
        foreach (var alertId in alerts)
        {
            var row = (await DeliveriesOfAsync(alertId)).ShouldHaveSingleItem();
            (row.Status, row.Attempts).ShouldBe(("delivered", 1));
        }
    }

    [Fact]
    public async Task Outbox_QueuesNothing_ForAListWithoutAnEnabledWebhook()
    {
        var plain = await factory.CreateWatchlistAsync("无推送 WH-30");
        var (switchedOff, _) = await ListWithWebhookAsync("推送已关 WH-30", "https://ok.receiver.test/wh-30");
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        (await admin.PutAsJsonAsync($"{Api}/watchlists/{switchedOff}/webhook", new { url = "https://ok.receiver.test/wh-30", enabled = false }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var first = await RaiseAlertAsync(plain, SurveillanceFactory.NewPlate());
        var second = await RaiseAlertAsync(switchedOff, SurveillanceFactory.NewPlate(), WebhookEvents.AlertClosed);

        (await DeliveriesOfAsync(first)).ShouldBeEmpty();
        (await DeliveriesOfAsync(second)).ShouldBeEmpty();
    }
}
