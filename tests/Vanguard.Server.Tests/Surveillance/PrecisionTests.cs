using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Surveillance.Data;

namespace Vanguard.Server.Tests.Surveillance;

/// <summary>命中率: confirmed ÷ dispatched-and-closed, per list and per suspect rule.</summary>
public sealed class PrecisionTests(AlertsFactory factory) : IClassFixture<AlertsFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    private async Task<Guid> RuleAsync(string agencyCode, string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        var db = scope.ServiceProvider.GetRequiredService<VanguardDbContext>();
        var agency = scope.ServiceProvider.GetRequiredService<IAgencyDirectory>().Current.FindByCode(agencyCode)!;
        var rule = new SuspectRule
        {
            Id = Guid.CreateVersion7(), AgencyId = agency.Id, Name = name, Kind = SuspectRuleKinds.HotspotDays, HotspotGroupId = Guid.CreateVersion7(),
            CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        };
        db.Add(rule);
        await db.SaveChangesAsync(Ct);
        return rule.Id;
    }

    /// <summary>Raises an alert (no automatic dispatch) and returns its id.</summary>
    private async Task<(string AlertId, Guid ListId)> AlertAsync(HttpClient command, string plate, Guid? ruleId, string listName, Guid? onList = null)
    {
        var entry = await AlertKit.EntryAsync(factory, "410100", plate, channels: "command", ruleId: ruleId, listName: listName, onList: onList);
        var camera = await AlertKit.CameraAsync(factory, "410100", 34.75, 113.63);
        await AlertKit.HitAsync(factory, camera, entry, DateTimeOffset.UtcNow.AddSeconds(-2));
        var alerts = await AlertKit.OkAsync(await command.GetAsync($"/api/v1/surveillance/alerts?list={entry.ListId}&pageSize=200", Ct));
        var mine = alerts["items"]!.AsArray().Single(a => a!["plate"]!.GetValue<string>() == plate)!;
        return (mine["id"]!.GetValue<string>(), entry.ListId);
    }

    /// <summary>The command centre sends it to the officer, who finishes it with the outcome.</summary>
    private static async Task DispatchAndFinishAsync(HttpClient command, HttpClient field, string alertId, Guid officerId, string outcome, string? note = null)
    {
        var sent = await AlertKit.OkAsync(await command.PostAsJsonAsync($"/api/v1/surveillance/alerts/{alertId}/dispatch", new { officerId }, Ct));
        var taskId = sent["taskId"]!.GetValue<string>();
        await AlertKit.OkAsync(await field.PostAsJsonAsync($"/api/v1/terminal/tasks/{taskId}/accept", new { }, Ct));
        await AlertKit.OkAsync(await field.PostAsJsonAsync($"/api/v1/terminal/tasks/{taskId}/arrive", new { }, Ct));
        await AlertKit.OkAsync(await field.PostAsJsonAsync($"/api/v1/terminal/tasks/{taskId}/finish", new { outcome, note }, Ct));
    }

    private static JsonNode Row(JsonNode report, string part, string name) =>
        report[part]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == name)!;

    [Fact]
    public async Task Precision_IsConfirmedOverDispatchedAndClosed_PerListAndPerRule()
    {
        var ruleId = await RuleAsync("410100", "郑州东站揽客研判");
        var officer = await AlertKit.OnDutyAtAsync(factory, "zhengzhou.field", 34.75, 113.64);
        var command = await factory.SignedInAsync("zhengzhou.command");
        var field = await factory.SignedInAsync("zhengzhou.field");
        const string list = "命中率测试名单";
        var (seized1, listId) = await AlertAsync(command, "豫A10001", ruleId, list);
        var (seized2, _) = await AlertAsync(command, "豫A10002", null, list, listId);
        var (falseHit, _) = await AlertAsync(command, "豫A10003", ruleId, list, listId);
        var (undispatched, _) = await AlertAsync(command, "豫A10004", null, list, listId);
        var (stillOpen, _) = await AlertAsync(command, "豫A10005", ruleId, list, listId);

        await DispatchAndFinishAsync(command, field, seized1, officer, "seized");
        await DispatchAndFinishAsync(command, field, seized2, officer, "case_opened");
        await DispatchAndFinishAsync(command, field, falseHit, officer, "false_hit", "车主持有有效道路运输证，非非法营运");
        await AlertKit.OkAsync(await command.PostAsJsonAsync($"/api/v1/surveillance/alerts/{undispatched}/close", new { outcome = "not_found" }, Ct));
        await AlertKit.OkAsync(await command.PostAsJsonAsync($"/api/v1/surveillance/alerts/{stillOpen}/dispatch", new { officerId = officer }, Ct));
        var report = await AlertKit.OkAsync(await command.GetAsync("/api/v1/surveillance/precision", Ct));

        var byList = Row(report, "lists", list);
        byList["raised"]!.GetValue<int>().ShouldBe(5);
        byList["dispatched"]!.GetValue<int>().ShouldBe(3, "dispatched and closed; the one still out and the one closed unsent do not count");
        byList["confirmed"]!.GetValue<int>().ShouldBe(2);
        byList["notFound"]!.GetValue<int>().ShouldBe(1);
        byList["falseHits"]!.GetValue<int>().ShouldBe(1);
        byList["precision"]!.GetValue<decimal>().ShouldBe(0.6667m);
        var byRule = Row(report, "rules", "郑州东站揽客研判");
        byRule["raised"]!.GetValue<int>().ShouldBe(3);
        byRule["dispatched"]!.GetValue<int>().ShouldBe(2);
        byRule["confirmed"]!.GetValue<int>().ShouldBe(1);
        byRule["precision"]!.GetValue<decimal>().ShouldBe(0.5m);

        var otherCity = await AlertKit.OkAsync(await (await factory.SignedInAsync("nanyang.command")).GetAsync("/api/v1/surveillance/precision", Ct));
        otherCity["lists"]!.AsArray().ShouldNotContain(r => r!["name"]!.GetValue<string>() == list);
        var lastYear = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-1);
        var before = await AlertKit.OkAsync(await command.GetAsync($"/api/v1/surveillance/precision?from={lastYear:yyyy-MM-dd}&to={lastYear.AddDays(10):yyyy-MM-dd}", Ct));
        var empty = Row(before, "lists", list);
        empty["raised"]!.GetValue<int>().ShouldBe(0);
        empty["precision"].ShouldBeNull();
        var reversed = await command.GetAsync($"/api/v1/surveillance/precision?from={lastYear.AddDays(10):yyyy-MM-dd}&to={lastYear:yyyy-MM-dd}", Ct);
        await reversed.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
    }
}
