using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Organisation.Data;
using Vanguard.Server.Modules.Surveillance.Alerts;
using Vanguard.Server.Modules.Surveillance.Data;
using Vanguard.Server.Modules.Terminal.Data;

namespace Vanguard.Server.Tests.Surveillance;

/// <summary>
/// Review findings on alerts: a re-dispatched or closed alert cancels the officer's task; a concurrent change is a 409,
/// never a second task; the hub tells exactly the screens that can open the alert; the platform records the officer.
/// </summary>
public sealed class ReviewCAlertTests(AlertsFactory factory) : IClassFixture<AlertsFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    /// <summary>An alert of a 许昌 camera on a list without the terminal channel: it waits for a person to dispatch it.</summary>
    private async Task<string> UndispatchedAlertAsync(string plate)
    {
        var camera = await AlertKit.CameraAsync(factory, "411000", 34.0357, 113.8523, name: "许昌东站出站口卡口");
        var entry = await AlertKit.EntryAsync(factory, "411000", plate, channels: "command");
        await AlertKit.HitAsync(factory, camera, entry, DateTimeOffset.UtcNow.AddSeconds(-3));
        var command = await factory.SignedInAsync("xuchang.command");
        return (await AlertKit.AlertsOfAsync(command, entry)).ShouldHaveSingleItem()!["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task Redispatch_CancelsTheFirstOfficersTask_WhoseStepsAreThenRefused()
    {
        var first = await AlertKit.OnDutyAtAsync(factory, "xuchang.field", 34.0400, 113.8500);
        var second = await AlertKit.OnDutyAtAsync(factory, "xuchang.case", 34.1200, 113.9000);
        var id = await UndispatchedAlertAsync("豫K3C301");
        var command = await factory.SignedInAsync("xuchang.command");
        var firstClient = await factory.SignedInAsync("xuchang.field");
        var toFirst = await AlertKit.OkAsync(await command.PostAsJsonAsync($"/api/v1/surveillance/alerts/{id}/dispatch", new { officerId = first }, Ct));
        var firstTask = toFirst["taskId"]!.GetValue<string>();
        await AlertKit.OkAsync(await firstClient.PostAsJsonAsync($"/api/v1/terminal/tasks/{firstTask}/accept", new { }, Ct));

        var toSecond = await AlertKit.OkAsync(await command.PostAsJsonAsync($"/api/v1/surveillance/alerts/{id}/dispatch", new { officerId = second }, Ct));

        toSecond["officerId"]!.GetValue<string>().ShouldBe(second.ToString());
        toSecond["taskId"]!.GetValue<string>().ShouldNotBe(firstTask);
        var cancelled = await AlertKit.OkAsync(await firstClient.GetAsync($"/api/v1/terminal/tasks/{firstTask}", Ct));
        cancelled["status"]!.GetValue<string>().ShouldBe("cancelled");
        cancelled["note"]!.GetValue<string>().ShouldContain("改派");
        var open = await AlertKit.OkAsync(await firstClient.GetAsync("/api/v1/terminal/tasks?status=open", Ct));
        open.AsArray().Select(t => t!["id"]!.GetValue<string>()).ShouldNotContain(firstTask);
        var finish = await firstClient.PostAsJsonAsync($"/api/v1/terminal/tasks/{firstTask}/finish", new { outcome = "seized" }, Ct);
        await finish.ShouldBeProblemAsync(HttpStatusCode.Conflict, "terminal.task_step_out_of_order");
        var arrive = await firstClient.PostAsJsonAsync($"/api/v1/terminal/tasks/{firstTask}/arrive", new { }, Ct);
        await arrive.ShouldBeProblemAsync(HttpStatusCode.Conflict, "terminal.task_step_out_of_order");
        (await AlertKit.OkAsync(await command.GetAsync($"/api/v1/surveillance/alerts/{id}", Ct)))["status"]!.GetValue<string>().ShouldBe("dispatched");
        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = SystemDb.Create(scope.ServiceProvider);
        (await db.Set<Vanguard.Server.Modules.Audit.Data.AuditEntry>().CountAsync(a => a.Action == "terminal.task_cancelled" && a.TargetId == firstTask, Ct))
            .ShouldBe(1);
    }

    [Fact]
    public async Task ClosingAnAlert_CancelsTheOpenTask()
    {
        var officer = await AlertKit.OnDutyAtAsync(factory, "xuchang.field", 34.0400, 113.8500);
        var id = await UndispatchedAlertAsync("豫K3C302");
        var command = await factory.SignedInAsync("xuchang.command");
        var field = await factory.SignedInAsync("xuchang.field");
        var taskId = (await AlertKit.OkAsync(await command.PostAsJsonAsync($"/api/v1/surveillance/alerts/{id}/dispatch", new { officerId = officer }, Ct)))
            ["taskId"]!.GetValue<string>();

        await AlertKit.OkAsync(await command.PostAsJsonAsync($"/api/v1/surveillance/alerts/{id}/close", new { outcome = "false_hit", note = "照片比对非布控车辆" }, Ct));

        var task = await AlertKit.OkAsync(await field.GetAsync($"/api/v1/terminal/tasks/{taskId}", Ct));
        task["status"]!.GetValue<string>().ShouldBe("cancelled");
        task["note"]!.GetValue<string>().ShouldContain("指挥中心已处置");
        var accept = await field.PostAsJsonAsync($"/api/v1/terminal/tasks/{taskId}/accept", new { }, Ct);
        await accept.ShouldBeProblemAsync(HttpStatusCode.Conflict, "terminal.task_step_out_of_order");
        (await AlertKit.OkAsync(await command.GetAsync($"/api/v1/surveillance/alerts/{id}", Ct)))["outcome"]!.GetValue<string>().ShouldBe("false_hit");
    }

    [Fact]
    public async Task ADispatchThatKeepsLosingTheRace_Is409ConcurrentUpdate_AndSendsNoTask()
    {
        var officer = await AlertKit.OnDutyAtAsync(factory, "xuchang.case", 34.0400, 113.8500);
        var id = Guid.Parse(await UndispatchedAlertAsync("豫K3C303"));
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        var db = scope.ServiceProvider.GetRequiredService<VanguardDbContext>();
        var races = 0;
        // Every save of the dispatch finds the alert changed by someone else just before (a sighting, another screen).
        db.SavingChanges += (_, _) =>
        {
            if (!db.ChangeTracker.Entries<Alert>().Any(e => e.State == EntityState.Modified))
            {
                return;
            }

            races++;
            using var other = factory.Services.CreateScope();
            using var otherDb = SystemDb.Create(other.ServiceProvider);
            otherDb.Set<Alert>().Where(a => a.Id == id).ExecuteUpdate(s => s.SetProperty(a => a.Version, a => a.Version + 1));
        };

        var result = await scope.ServiceProvider.GetRequiredService<AlertHandler>().DispatchAsync(id, new DispatchAlertRequest(officer), Ct);

        result.IsSuccess.ShouldBeFalse();
        result.Error!.Code.ShouldBe("surveillance.concurrent_update");
        result.Error.Kind.ShouldBe(Vanguard.Domain.Common.ErrorKind.Conflict);
        races.ShouldBe(2);
        await using var check = SystemDb.Create(factory.Services.CreateAsyncScope().ServiceProvider);
        (await check.Set<TerminalTask>().CountAsync(t => t.SourceRef == id.ToString(), Ct)).ShouldBe(0);
        var stored = await check.Set<Alert>().SingleAsync(a => a.Id == id, Ct);
        (stored.Status, stored.TaskId).ShouldBe((AlertStatuses.New, (Guid?)null));
    }

    [Fact]
    public async Task TheHub_TellsTheOwnersScreenOfACameraInItsArea_NotAScreenThatCannotOpenTheAlert()
    {
        Guid nanyangId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            nanyangId = scope.ServiceProvider.GetRequiredService<IAgencyDirectory>().Current.FindByCode("411300")!.Id;
        }

        var (owner, ownerReceived) = await ScreenAsync("zhengzhou.command");
        var (alsoAsked, alsoAskedReceived) = await ScreenAsync("nanyang.command");
        await using var _ = owner;
        await using var __ = alsoAsked;
        // 郑州's list asks 南阳 to be alerted too; the camera is in 中牟, inside 郑州 and outside 南阳.
        var entry = await AlertKit.EntryAsync(factory, "410100", "豫A3C304", channels: "command");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await using var db = SystemDb.Create(scope.ServiceProvider);
            await db.Set<WatchlistEntry>().Where(e => e.Id == entry.Indexed.EntryId)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.AlertAgencyIdsJson, JsonSerializer.Serialize(new[] { nanyangId })), Ct);
        }

        entry = entry with { Indexed = entry.Indexed with { AlertAgencyIds = [nanyangId] } };
        var camera = await AlertKit.CameraAsync(factory, "410122", 34.72, 113.97, name: "G107 中牟卡口");
        await AlertKit.HitAsync(factory, camera, entry, DateTimeOffset.UtcNow.AddSeconds(-2));
        var raised = (await WaitForAsync(ownerReceived, "豫A3C304", 1)).ShouldHaveSingleItem();
        var alertId = raised.Alert.GetProperty("id").GetString();
        var command = await factory.SignedInAsync("zhengzhou.command");

        await AlertKit.OkAsync(await command.PostAsJsonAsync($"/api/v1/surveillance/alerts/{alertId}/close", new { outcome = "not_found" }, Ct));

        var both = await WaitForAsync(ownerReceived, "豫A3C304", 2);
        both.Select(r => r.Event).ShouldBe(["alertRaised", "alertChanged"]);
        var nanyang = await factory.SignedInAsync("nanyang.command");
        await (await nanyang.GetAsync($"/api/v1/surveillance/alerts/{alertId}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "surveillance.alert_not_found");
        await Task.Delay(300, Ct);
        alsoAskedReceived.ShouldBeEmpty();
    }

    [Fact]
    public async Task WhenThePlatformClosesTheAlertForACountyOfficer_ClosedByIsTheOfficer()
    {
        string officerName;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
            var db = scope.ServiceProvider.GetRequiredService<VanguardDbContext>();
            var county = scope.ServiceProvider.GetRequiredService<IAgencyDirectory>().Current.FindByCode("410122")!;
            var officer = await db.Officers.FirstAsync(o => o.AgencyId == county.Id, Ct);
            officerName = officer.Name;
            var user = new StaffUser { UserName = "zhongmou.reviewc", DisplayName = officer.Name, AgencyId = county.Id, OfficerId = officer.Id, CreatedAt = DateTimeOffset.UtcNow };
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            (await users.CreateAsync(user, VanguardFactory.Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, Vanguard.Domain.Organisation.Role.FieldOfficer)).Succeeded.ShouldBeTrue();
        }

        await AlertKit.OnDutyAtAsync(factory, "zhongmou.reviewc", 34.7460, 113.6250);
        var camera = await AlertKit.CameraAsync(factory, "410100", 34.7466, 113.6253, name: "郑州火车站西广场卡口");
        var entry = await AlertKit.EntryAsync(factory, "410100", "豫A3C305", channels: "command,terminal");
        var command = await factory.SignedInAsync("zhengzhou.command");
        var field = await factory.SignedInAsync("zhongmou.reviewc");
        await AlertKit.HitAsync(factory, camera, entry, DateTimeOffset.UtcNow.AddSeconds(-2));
        var id = (await AlertKit.AlertsOfAsync(command, entry)).ShouldHaveSingleItem()!["id"]!.GetValue<string>();
        var taskId = (await AlertKit.AlertWhenAsync(command, id, a => a["taskId"] is not null))["taskId"]!.GetValue<string>();

        await AlertKit.OkAsync(await field.PostAsJsonAsync($"/api/v1/terminal/tasks/{taskId}/accept", new { }, Ct));
        await AlertKit.OkAsync(await field.PostAsJsonAsync($"/api/v1/terminal/tasks/{taskId}/arrive", new { }, Ct));
        await AlertKit.OkAsync(await field.PostAsJsonAsync($"/api/v1/terminal/tasks/{taskId}/finish", new { outcome = "warned" }, Ct));

        await using var check = SystemDb.Create(factory.Services.CreateAsyncScope().ServiceProvider);
        var alert = await check.Set<Alert>().SingleAsync(a => a.Id == Guid.Parse(id), Ct);
        alert.Status.ShouldBe(AlertStatuses.Closed);
        alert.ClosedBy.ShouldBe(officerName);
    }

    private async Task<(HubConnection Connection, ConcurrentQueue<(string Event, JsonElement Alert)> Received)> ScreenAsync(string username)
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

    private static async Task<List<(string Event, JsonElement Alert)>> WaitForAsync(ConcurrentQueue<(string Event, JsonElement Alert)> received, string plate, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline && received.Count(r => r.Alert.GetProperty("plate").GetString() == plate) < count)
        {
            await Task.Delay(20, Ct);
        }

        return received.Where(r => r.Alert.GetProperty("plate").GetString() == plate).ToList();
    }
}
