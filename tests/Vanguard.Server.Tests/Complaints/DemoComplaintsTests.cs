using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Vanguard.Server.Modules.Complaints.Demo;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Tests.Complaints;

/// <summary>The demo province's complaints: one per stage, one with both musts missed, one about an officer with a trace.</summary>
public sealed class DemoComplaintsTests(VanguardFactory factory) : IClassFixture<VanguardFactory>
{
    private static async Task<JsonNode> ByTicketAsync(HttpClient client, string ticketNo)
    {
        var list = await (await client.GetAsync($"/api/v1/complaints?q={ticketNo}", ApiClient.Ct)).JsonAsync();
        var id = list["items"]!.AsArray().Single()!["id"]!.GetValue<string>();
        return await (await client.GetAsync($"/api/v1/complaints/{id}", ApiClient.Ct)).JsonAsync();
    }

    [Fact]
    public async Task Demo_HasComplaintsInEachStage_WithTheOverdueOneWarned()
    {
        var admin = await factory.SignedInAsync("admin");

        var statuses = new Dictionary<string, string>();
        foreach (var n in Enumerable.Range(1, 5))
        {
            var c = await ByTicketAsync(admin, $"12328-DEMO-000{n}");
            statuses[$"{n}"] = c["status"]!.GetValue<string>();
        }

        var overdue = await ByTicketAsync(admin, "12328-DEMO-0001");
        var warnings = (await (await admin.GetAsync("/api/v1/complaints/warnings", ApiClient.Ct)).JsonAsync()).AsArray()
            .Where(w => w!["ticketNo"]?.GetValue<string>() == "12328-DEMO-0001").Select(w => w!["must"]!.GetValue<string>()).Order().ToList();

        statuses.ShouldBe(new Dictionary<string, string> { ["1"] = "assigned", ["2"] = "contacted", ["3"] = "visited", ["4"] = "reexamining", ["5"] = "on_site" });
        overdue["contact"]!["state"]!.GetValue<string>().ShouldBe("overdue");
        overdue["onsite"]!["state"]!.GetValue<string>().ShouldBe("overdue");
        warnings.ShouldBe(["contact", "onsite"]);
    }

    [Fact]
    public async Task Demo_ComplaintAboutAnOfficer_HasItsTrace_AndWaitsForAReviewer()
    {
        var command = await factory.SignedInAsync("zhengzhou.command");
        var complaint = await ByTicketAsync(command, "12328-DEMO-0005");

        var trace = await command.GetAsync($"/api/v1/complaints/{complaint["id"]}/officer-trace", ApiClient.Ct);
        var result = await command.PostAsJsonAsync($"/api/v1/complaints/{complaint["id"]}/result", new { note = "x" }, ApiClient.Ct);

        var body = await trace.JsonAsync();
        trace.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        body["positions"]!.AsArray().Count.ShouldBe(17);
        body["clips"]!.AsArray().Single()!["fileName"]!.GetValue<string>().ShouldBe("现场照片-农业路检查点.png");
        complaint["accusedOfficer"].ShouldNotBeNull();
        await result.ShouldBeProblemAsync(HttpStatusCode.Conflict, "complaints.reviewer_required");
    }

    [Fact]
    public async Task Seeder_RunAgain_AddsNothing()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();

        var added = await scope.ServiceProvider.GetRequiredService<ComplaintsDemoSeeder>().SeedAsync(ApiClient.Ct);

        added.ShouldBe(0);
    }
}
