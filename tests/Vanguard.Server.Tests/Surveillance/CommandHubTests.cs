using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Vanguard.Server.Tests.Surveillance;

/// <summary><c>/hubs/command</c>: alerts reach the command centres whose jurisdiction holds the camera, and no others.</summary>
public sealed class CommandHubTests(AlertsFactory factory) : IClassFixture<AlertsFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    private async Task<string> TokenAsync(string username)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { username, password = VanguardFactory.Password }, Ct);
        return (await AlertKit.OkAsync(response))["accessToken"]!.GetValue<string>();
    }

    /// <summary>A screen connected as a browser does: WebSocket with the token in the query string; records what it receives.</summary>
    private async Task<(HubConnection Connection, ConcurrentQueue<(string Event, JsonElement Alert)> Received)> ScreenAsync(string username)
    {
        var token = await TokenAsync(username);
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

    private static async Task<List<(string Event, JsonElement Alert)>> WaitForAsync(ConcurrentQueue<(string Event, JsonElement Alert)> received, string plate, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline && received.Count(r => r.Alert.GetProperty("plate").GetString() == plate) < count)
        {
            await Task.Delay(20, Ct);
        }

        return received.Where(r => r.Alert.GetProperty("plate").GetString() == plate).ToList();
    }

    [Fact]
    public async Task AlertOfACountyCamera_ReachesTheCityAndTheProvince_NotAnotherCity_AndASightingIsAChange()
    {
        var (city, cityReceived) = await ScreenAsync("zhengzhou.command");
        var (province, provinceReceived) = await ScreenAsync("admin");
        var (other, otherReceived) = await ScreenAsync("nanyang.command");
        await using var _ = city;
        await using var __ = province;
        await using var ___ = other;
        var entry = await AlertKit.EntryAsync(factory, "410100", "豫A8B008", channels: "command");
        var camera = await AlertKit.CameraAsync(factory, "410122", 34.72, 113.97, name: "G107 中牟卡口");
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-5);

        await AlertKit.HitAsync(factory, camera, entry, t0);
        var atCity = await WaitForAsync(cityReceived, "豫A8B008", 1);
        await AlertKit.HitAsync(factory, camera, entry, t0.AddMinutes(2));
        var cityBoth = await WaitForAsync(cityReceived, "豫A8B008", 2);
        var atProvince = await WaitForAsync(provinceReceived, "豫A8B008", 2);

        atCity[0].Event.ShouldBe("alertRaised");
        atCity[0].Alert.GetProperty("agencyCode").GetString().ShouldBe("410122");
        atCity[0].Alert.GetProperty("sightings").GetInt32().ShouldBe(1);
        atCity[0].Alert.GetProperty("watchlistName").GetString().ShouldBe(entry.ListName);
        cityBoth.Select(r => r.Event).ShouldBe(["alertRaised", "alertChanged"]);
        cityBoth[1].Alert.GetProperty("sightings").GetInt32().ShouldBe(2);
        cityBoth[1].Alert.GetProperty("id").GetString().ShouldBe(cityBoth[0].Alert.GetProperty("id").GetString());
        atProvince.Select(r => r.Event).ShouldBe(["alertRaised", "alertChanged"]);
        // Pushes to all groups go out in one call: the other city would have had them by now.
        await Task.Delay(300, Ct);
        otherReceived.ShouldBeEmpty();
    }

    [Fact]
    public async Task ClosingAnAlert_IsPushedAsAChange()
    {
        var (screen, received) = await ScreenAsync("xuchang.command");
        await using var _ = screen;
        var entry = await AlertKit.EntryAsync(factory, "411000", "豫K2Z020", channels: "command");
        var camera = await AlertKit.CameraAsync(factory, "411000", 34.03, 113.85, name: "许昌北收费站卡口");
        await AlertKit.HitAsync(factory, camera, entry, DateTimeOffset.UtcNow.AddSeconds(-2));
        var raised = (await WaitForAsync(received, "豫K2Z020", 1)).ShouldHaveSingleItem();
        var command = await factory.SignedInAsync("xuchang.command");

        await AlertKit.OkAsync(await command.PostAsJsonAsync(
            $"/api/v1/surveillance/alerts/{raised.Alert.GetProperty("id").GetString()}/close", new { outcome = "not_found" }, Ct));
        var both = await WaitForAsync(received, "豫K2Z020", 2);

        both[1].Event.ShouldBe("alertChanged");
        both[1].Alert.GetProperty("status").GetString().ShouldBe("closed");
        both[1].Alert.GetProperty("outcome").GetString().ShouldBe("not_found");
    }

    [Fact]
    public async Task Hub_RefusesAnonymousAndNonCommandUsers()
    {
        var server = factory.Server;
        await using var anonymous = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/command"), o => o.HttpMessageHandlerFactory = _ => server.CreateHandler())
            .Build();
        var fieldToken = await TokenAsync("zhengzhou.field");
        await using var field = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/command"), o =>
            {
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                o.AccessTokenProvider = () => Task.FromResult<string?>(fieldToken);
            })
            .Build();

        await Should.ThrowAsync<HttpRequestException>(() => anonymous.StartAsync(Ct));
        await Should.ThrowAsync<HttpRequestException>(() => field.StartAsync(Ct));
    }
}
