using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Vanguard.Server.Tests.Complaints;

/// <summary>The two musts' timers on a fake clock. Each test has its own platform: warnings are counted.</summary>
public sealed class BreachTests : IAsyncLifetime
{
    private readonly ComplaintsFactory _factory = new();

    public ValueTask InitializeAsync() => _factory.InitializeAsync();

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private async Task<string> FileAsync()
    {
        var hotline = await _factory.HotlineAsync();
        var body = await ComplaintsFactory.CreatedAsync(
            await hotline.PostAsJsonAsync("/api/v1/complaints", ComplaintsFactory.Ticket(), ApiClient.Ct));
        return body["id"]!.GetValue<string>();
    }

    private async Task<JsonArray> WarningsAsync(string login = "zhengzhou.command") =>
        (await (await (await _factory.SignedInAsync(login)).GetAsync("/api/v1/complaints/warnings", ApiClient.Ct)).JsonAsync()).AsArray();

    [Fact]
    public async Task Scan_BeforeTheDueTime_WritesNothing()
    {
        await FileAsync();
        _factory.Clock.Advance(TimeSpan.FromHours(2));

        (await _factory.ScanAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Scan_AfterTheContactDue_WarnsOnce_ThenForTheOnsiteDue()
    {
        var id = await FileAsync();
        var filedAt = _factory.Clock.GetUtcNow();

        _factory.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        var first = await _factory.ScanAsync();
        var repeat = await _factory.ScanAsync();
        _factory.Clock.Advance(TimeSpan.FromHours(22));
        var onsite = await _factory.ScanAsync();

        (first, repeat, onsite).ShouldBe((1, 0, 1));
        var warnings = await WarningsAsync();
        warnings.Select(w => w!["must"]!.GetValue<string>()).ShouldBe(["onsite", "contact"]);
        warnings.ShouldAllBe(w => w!["complaintId"]!.GetValue<string>() == id);
        var contact = warnings.Single(w => w!["must"]!.GetValue<string>() == "contact")!;
        (contact["dueAt"]!.GetValue<DateTimeOffset>() - filedAt).ShouldBe(TimeSpan.FromHours(2), TimeSpan.FromSeconds(1));
        (contact["breachedAt"]!.GetValue<DateTimeOffset>() - filedAt).ShouldBe(TimeSpan.FromMinutes(121), TimeSpan.FromSeconds(1));
        contact["mustName"]!.GetValue<string>().ShouldBe("首次电话联系");
    }

    [Fact]
    public async Task List_ShowsTheOverdueMust_AndFiltersByIt()
    {
        var id = await FileAsync();
        _factory.Clock.Advance(TimeSpan.FromHours(3));
        var command = await _factory.SignedInAsync("zhengzhou.command");

        var overdue = await (await command.GetAsync("/api/v1/complaints?sla=overdue", ApiClient.Ct)).JsonAsync();

        var row = overdue["items"]!.AsArray().Single()!;
        row["id"]!.GetValue<string>().ShouldBe(id);
        row["contact"]!["state"]!.GetValue<string>().ShouldBe("overdue");
        row["onsite"]!["state"]!.GetValue<string>().ShouldBe("pending");
    }

    [Fact]
    public async Task LateContact_IsMarkedLate_AndWarnedWithoutTheJob()
    {
        var id = await FileAsync();
        _factory.Clock.Advance(TimeSpan.FromHours(3));
        var field = await _factory.SignedInAsync("zhengzhou.field");

        var response = await field.PostAsJsonAsync($"/api/v1/complaints/{id}/contact", new { note = "迟到的联系" }, ApiClient.Ct);

        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        body["contact"]!["state"]!.GetValue<string>().ShouldBe("late");
        (await WarningsAsync()).Single()!["must"]!.GetValue<string>().ShouldBe("contact");
        (await _factory.ScanAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task ContactOnTime_IsNeverWarned()
    {
        var id = await FileAsync();
        _factory.Clock.Advance(TimeSpan.FromHours(1));
        var field = await _factory.SignedInAsync("zhengzhou.field");
        (await field.PostAsJsonAsync($"/api/v1/complaints/{id}/contact", new { note = "按时联系" }, ApiClient.Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        _factory.Clock.Advance(TimeSpan.FromHours(5));

        (await _factory.ScanAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Warnings_OfAnotherCity_AreNotShown()
    {
        await FileAsync();
        _factory.Clock.Advance(TimeSpan.FromHours(3));
        await _factory.ScanAsync();

        (await WarningsAsync("nanyang.command")).ShouldBeEmpty();
        (await WarningsAsync("zhengzhou.command")).Count.ShouldBe(1);
    }
}
