using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Vanguard.Server.Modules.Surveillance.Webhooks;

namespace Vanguard.Server.Tests.Surveillance;

/// <summary>
/// The whole chain with nothing faked: a camera's read through the ingest API → the in-memory matcher → an alert on
/// the command centre's hub → a task on the nearest officer's terminal → the officer's outcome closes the alert →
/// the precision figure, and the list's webhook receives both events, signed.
/// </summary>
public sealed class SurveillanceEndToEndTests(VanguardFactory factory) : IClassFixture<VanguardFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    [Fact]
    public async Task ARead_OfAWatchedVehicle_IsAlerted_Dispatched_Closed_Counted_AndSentToTheWebhook()
    {
        using var receiver = new WebhookReceiver();
        var command = await factory.SignedInAsync("zhengzhou.command");
        var approver = await factory.SignedInAsync("zhengzhou.admin");
        var (cameraKey, cameraName) = await CameraAsync("E2E-EAST-" + Guid.NewGuid().ToString("N")[..6], 34.7597, 113.7786);

        var listId = await WatchlistApi.CreateListAsync(command, "端到端测试名单");
        var webhook = await AlertKit.OkAsync(await approver.PutAsJsonAsync(
            $"/api/v1/surveillance/watchlists/{listId}/webhook", new { url = receiver.Url, enabled = true }, Ct));
        var secret = webhook["secret"]!.GetValue<string>();
        var entry = await AlertKit.OkAsync(
            await command.PostAsJsonAsync("/api/v1/surveillance/watchlist", new
            {
                watchlistId = listId, plate = "豫A7K2M5", plateColor = "blue", reason = "多次在郑州东站出站口非法揽客",
                validUntil = DateTimeOffset.UtcNow.AddDays(30), channels = new[] { "command", "terminal", "webhook" },
            }, Ct),
            HttpStatusCode.Created);
        await WatchlistApi.ApproveAsync(approver, WatchlistApi.IdOf(entry));
        await AlertKit.OnDutyAtAsync(factory, "zhengzhou.field", 34.7580, 113.7750);
        var (hub, received) = await ScreenAsync("zhengzhou.command");
        await using var _ = hub;

        await WatchlistApi.PostReadsAsync(factory, cameraKey, WatchlistApi.Read("E2E-" + Guid.NewGuid().ToString("N")[..12], "豫A7K2M5", DateTimeOffset.UtcNow.AddSeconds(-20), confidence: 0.96));

        var raised = await WaitForAsync(received, "alertRaised", a => a.GetProperty("plate").GetString() == "豫A7K2M5");
        raised.GetProperty("matchKind").GetString().ShouldBe("exact");
        raised.GetProperty("deviceName").GetString().ShouldBe(cameraName);
        raised.GetProperty("watchlistName").GetString().ShouldBe("端到端测试名单");
        var alertId = raised.GetProperty("id").GetString()!;

        // The nearest officer on duty gets it as a task on the terminal, and works it through to an outcome.
        var field = await factory.SignedInAsync("zhengzhou.field");
        var task = await TaskForAsync(field, alertId);
        task["kind"]!.GetValue<string>().ShouldBe("watchlist_hit");
        task["title"]!.GetValue<string>().ShouldContain("豫A7K2M5");
        var taskId = task["id"]!.GetValue<string>();
        await AlertKit.OkAsync(await field.PostAsJsonAsync($"/api/v1/terminal/tasks/{taskId}/accept", new { }, Ct));
        await AlertKit.OkAsync(await field.PostAsJsonAsync($"/api/v1/terminal/tasks/{taskId}/arrive", new { lat = 34.7596, lon = 113.7784 }, Ct));
        await AlertKit.OkAsync(await field.PostAsJsonAsync($"/api/v1/terminal/tasks/{taskId}/finish", new { outcome = "seized", note = "车辆已暂扣" }, Ct));

        var closed = await WaitForAsync(received, "alertChanged", a => a.GetProperty("id").GetString() == alertId && a.GetProperty("status").GetString() == "closed");
        closed.GetProperty("outcome").GetString().ShouldBe("seized");

        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime).ToString("yyyy-MM-dd");
        var precision = await AlertKit.OkAsync(await command.GetAsync($"/api/v1/surveillance/precision?from={today}&to={today}", Ct));
        var row = precision["lists"]!.AsArray().Single(r => r!["id"]!.GetValue<Guid>() == listId)!;
        (row["raised"]!.GetValue<int>(), row["dispatched"]!.GetValue<int>(), row["confirmed"]!.GetValue<int>()).ShouldBe((1, 1, 1));
        row["precision"]!.GetValue<decimal>().ShouldBe(1m);

        // The list's webhook: both events, each signed with the secret shown when it was set.
        await factory.Services.GetServices<IHostedService>().OfType<WebhookSender>().Single().SendDueAsync(Ct);

        var deadline = DateTime.UtcNow.AddSeconds(20); // the sender's own loop may have claimed a row first: wait for it
        while (receiver.Received.Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Ct);
        }

        var deliveries = receiver.Received.ToList();
        deliveries.Select(d => JsonNode.Parse(d.Body)!["type"]!.GetValue<string>()).ShouldBe(["alert.raised", "alert.closed"], ignoreOrder: true);
        foreach (var (signature, body) in deliveries)
        {
            WebhookSignature.Verify(secret, signature, body, DateTimeOffset.UtcNow).ShouldBeTrue();
            WebhookSignature.Verify(new string('0', 64), signature, body, DateTimeOffset.UtcNow).ShouldBeFalse();
        }
    }

    [Fact]
    public async Task AReadDifferingOnlyInConfusableCharacters_IsAFuzzyAlert_NeverExact_AndWaitsForAPerson()
    {
        var command = await factory.SignedInAsync("zhengzhou.command");
        var approver = await factory.SignedInAsync("zhengzhou.admin");
        var (cameraKey, _) = await CameraAsync("E2E-WEST-" + Guid.NewGuid().ToString("N")[..6], 34.7601, 113.7702);
        var listId = await WatchlistApi.CreateListAsync(command, "模糊匹配测试名单");
        var entry = await WatchlistApi.CreateEntryAsync(command, listId, "豫A5B8Z0", DateTimeOffset.UtcNow.AddDays(10), fuzzy: true);
        await WatchlistApi.ApproveAsync(approver, WatchlistApi.IdOf(entry));
        await AlertKit.OnDutyAtAsync(factory, "zhengzhou.field", 34.7600, 113.7700);
        var (hub, received) = await ScreenAsync("zhengzhou.command");
        await using var _ = hub;

        // 8/B and 2/Z: the camera read 豫A5B820 where the list has 豫A5B8Z0.
        await WatchlistApi.PostReadsAsync(factory, cameraKey, WatchlistApi.Read("E2E-" + Guid.NewGuid().ToString("N")[..12], "豫A5B820", DateTimeOffset.UtcNow.AddSeconds(-10), confidence: 0.9));

        var raised = await WaitForAsync(received, "alertRaised", a => a.GetProperty("entryPlate").GetString() == "豫A5B8Z0");
        raised.GetProperty("matchKind").GetString().ShouldBe("fuzzy");
        raised.GetProperty("plate").GetString().ShouldBe("豫A5B820");
        raised.GetProperty("confidencePermille").GetInt32().ShouldBeLessThan(900);
        await Task.Delay(TimeSpan.FromSeconds(2), Ct); // an exact hit is dispatched within milliseconds; give a wrong dispatch time to show
        var alert = await AlertKit.OkAsync(await command.GetAsync($"/api/v1/surveillance/alerts/{raised.GetProperty("id").GetString()}", Ct));
        alert["status"]!.GetValue<string>().ShouldBe("new"); // not sent to an officer before a person compared the photo
        alert["taskId"].ShouldBeNull();
    }

    private async Task<(string Key, string Name)> CameraAsync(string code, double lat, double lon)
    {
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var name = "郑州东站出站口 " + code[^6..];
        var response = await admin.PostAsJsonAsync("/api/v1/devices", new
        {
            kind = "anpr-camera", code, name, agencyCode = "410100", latitude = lat, longitude = lon, location = "郑州东站",
        }, Ct);
        var body = await AlertKit.OkAsync(response, HttpStatusCode.Created);
        return (body["apiKey"]!.GetValue<string>(), name);
    }

    private async Task<(HubConnection, ConcurrentQueue<(string Event, JsonElement Alert)>)> ScreenAsync(string username)
    {
        var login = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { username, password = VanguardFactory.Password }, Ct);
        var token = (await AlertKit.OkAsync(login))["accessToken"]!.GetValue<string>();
        var server = factory.Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/command"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.WebSocketFactory = async (context, ct) =>
                {
                    var uri = new UriBuilder(context.Uri) { Query = "access_token=" + Uri.EscapeDataString(token) }.Uri;
                    return await server.CreateWebSocketClient().ConnectAsync(uri, ct);
                };
            })
            .Build();
        var received = new ConcurrentQueue<(string, JsonElement)>();
        connection.On<JsonElement>("alertRaised", a => received.Enqueue(("alertRaised", a)));
        connection.On<JsonElement>("alertChanged", a => received.Enqueue(("alertChanged", a)));
        await connection.StartAsync(Ct);
        return (connection, received);
    }

    private static async Task<JsonElement> WaitForAsync(ConcurrentQueue<(string Event, JsonElement Alert)> received, string kind, Func<JsonElement, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var (name, alert) in received)
            {
                if (name == kind && match(alert))
                {
                    return alert;
                }
            }

            await Task.Delay(20, Ct);
        }

        throw new ShouldAssertException($"No {kind} arrived within 20 s; received: {string.Join(", ", received.Select(r => r.Event + " " + r.Alert.GetProperty("plate")))}");
    }

    private static async Task<JsonNode> TaskForAsync(HttpClient officer, string alertId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var tasks = await AlertKit.OkAsync(await officer.GetAsync("/api/v1/terminal/tasks?status=open", Ct));
            var task = tasks.AsArray().FirstOrDefault(t => t!["sourceRef"]?.GetValue<string>() == alertId);
            if (task is not null)
            {
                return task;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new ShouldAssertException($"No task for alert {alertId} reached the officer; open tasks: {tasks.ToJsonString()}");
            }

            await Task.Delay(50, Ct);
        }
    }

    /// <summary>A system on the other side of the webhook: a real HTTP listener on a free loopback port.</summary>
    private sealed class WebhookReceiver : IDisposable
    {
        private readonly HttpListener _listener = new();

        public WebhookReceiver()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Url = $"http://127.0.0.1:{port}/vanguard-hits/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public string Url { get; }

        public ConcurrentQueue<(string? Signature, string Body)> Received { get; } = new();

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                using var reader = new StreamReader(context.Request.InputStream);
                Received.Enqueue((context.Request.Headers["Vanguard-Signature"], await reader.ReadToEndAsync()));
                context.Response.StatusCode = 204;
                context.Response.Close();
            }
        }

        public void Dispose() => _listener.Close();
    }
}
