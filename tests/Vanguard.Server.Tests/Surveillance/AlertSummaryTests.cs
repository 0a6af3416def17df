using System.Net;
using System.Net.Http.Json;

namespace Vanguard.Server.Tests.Surveillance;

/// <summary>The command page's summary: today's counts, the 30 days, stations, officers on duty, recent alerts, agency points.</summary>
public sealed class AlertSummaryTests(AlertsFactory factory) : IClassFixture<AlertsFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    [Fact]
    public async Task Summary_CountsTodayInTheCallersJurisdiction()
    {
        var officer = await AlertKit.OnDutyAtAsync(factory, "xuchang.field", 34.04, 113.86);
        var camera = await AlertKit.CameraAsync(factory, "411000", 34.0357, 113.8523, name: "许昌东站出站口卡口");
        var first = await AlertKit.EntryAsync(factory, "411000", "豫K11111", channels: "command");
        var second = await AlertKit.EntryAsync(factory, "411000", "豫K22222", channels: "command");
        var third = await AlertKit.EntryAsync(factory, "411000", "豫K33333", channels: "command");
        var command = await factory.SignedInAsync("xuchang.command");
        foreach (var entry in new[] { first, second, third })
        {
            await AlertKit.HitAsync(factory, camera, entry, DateTimeOffset.UtcNow.AddSeconds(-2));
        }

        var seizedId = (await AlertKit.AlertsOfAsync(command, first)).ShouldHaveSingleItem()!["id"]!.GetValue<string>();
        var sentId = (await AlertKit.AlertsOfAsync(command, second)).ShouldHaveSingleItem()!["id"]!.GetValue<string>();
        await AlertKit.OkAsync(await command.PostAsJsonAsync($"/api/v1/surveillance/alerts/{seizedId}/close", new { outcome = "seized" }, Ct));
        await AlertKit.OkAsync(await command.PostAsJsonAsync($"/api/v1/surveillance/alerts/{sentId}/dispatch", new { officerId = officer }, Ct));

        var summary = await AlertKit.OkAsync(await command.GetAsync("/api/v1/surveillance/command/summary", Ct));
        var elsewhere = await AlertKit.OkAsync(await (await factory.SignedInAsync("nanyang.command")).GetAsync("/api/v1/surveillance/command/summary", Ct));

        summary["alertsToday"]!.GetValue<int>().ShouldBe(3);
        summary["dispatchedToday"]!.GetValue<int>().ShouldBe(1);
        summary["closedToday"]!.GetValue<int>().ShouldBe(1);
        summary["seizedToday"]!.GetValue<int>().ShouldBe(1);
        summary["officersOnDuty"]!.GetValue<int>().ShouldBe(1);
        var onMap = summary["officers"]!.AsArray().ShouldHaveSingleItem()!;
        onMap["officerId"]!.GetValue<string>().ShouldBe(officer.ToString());
        onMap["lat"]!.GetValue<double>().ShouldBe(34.04);
        var alertsByDay = summary["alertsByDay"]!.AsArray();
        alertsByDay.Count.ShouldBe(30);
        alertsByDay[^1]!["count"]!.GetValue<int>().ShouldBe(3);
        alertsByDay.Take(29).Sum(d => d!["count"]!.GetValue<int>()).ShouldBe(0);
        summary["seizuresByDay"]!.AsArray()[^1]!["count"]!.GetValue<int>().ShouldBe(1);
        summary["recentAlerts"]!.AsArray().Select(a => a!["plate"]!.GetValue<string>()).ShouldBe(["豫K33333", "豫K22222", "豫K11111"], ignoreOrder: true);
        var station = summary["stations"]!.AsArray().Single(s => s!["code"]!.GetValue<string>() == camera.Code)!;
        station["status"]!.GetValue<string>().ShouldBe("silent", "the camera has sent no reads of its own");
        station["lat"]!.GetValue<double>().ShouldBe(34.0357);
        summary["agencies"]!.AsArray().Select(a => a!["code"]!.GetValue<string>()).ShouldBe(["411000"]);

        elsewhere["alertsToday"]!.GetValue<int>().ShouldBe(0);
        elsewhere["recentAlerts"]!.AsArray().ShouldBeEmpty();
        elsewhere["stations"]!.AsArray().ShouldNotContain(s => s!["code"]!.GetValue<string>() == camera.Code);
        var byField = await (await factory.SignedInAsync("xuchang.field")).GetAsync("/api/v1/surveillance/command/summary", Ct);
        await byField.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }
}
