using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace Vanguard.Server.Tests.Supervision;

/// <summary>The trace shows, line by line, whether the chained entry still verifies (own platform: the chain is altered here).</summary>
public sealed class TraceIntegrityTests(SupervisionFactory factory) : IClassFixture<SupervisionFactory>
{
    [Fact]
    public async Task AnAlteredEntry_IsShownAsNotVerifying_AndCounted()
    {
        var field = await factory.AccountAsync("xuchang.field");
        var officer = await factory.SignedInAsync("xuchang.field");
        (await officer.PostAsJsonAsync("/api/v1/terminal/duty", new { onDuty = true }, ApiClient.Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await officer.PostAsJsonAsync("/api/v1/terminal/duty", new { onDuty = false }, ApiClient.Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var admin = await factory.SignedInAsync("xuchang.admin");
        (await admin.GetAsync("/api/v1/audit/verify", ApiClient.Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var altered = await factory.WithDbAsync(async db =>
        {
            var entry = await db.AuditEntries.Where(a => a.ActorId == field.AccountId && a.Action == "terminal.duty_on").OrderByDescending(a => a.Sequence)
                .FirstAsync(ApiClient.Ct);
            await db.AuditEntries.Where(a => a.Id == entry.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.ActorName, "改过的名字"), ApiClient.Ct);
            return entry.Sequence!.Value;
        });

        var body = await (await admin.GetAsync($"/api/v1/supervision/officers/{field.OfficerId}/timeline", ApiClient.Ct)).JsonAsync();

        var lines = body["lines"]!["items"]!.AsArray().Where(l => l!["sequence"] is not null).ToList();
        lines.Single(l => l!["sequence"]!.GetValue<long>() == altered)!["hashVerifies"]!.GetValue<bool>().ShouldBeFalse();
        lines.Where(l => l!["sequence"]!.GetValue<long>() != altered).ShouldAllBe(l => l!["hashVerifies"]!.GetValue<bool>());
        body["summary"]!["unverified"]!.GetValue<int>().ShouldBe(1);
        body["summary"]!["dutyHours"]!.GetValue<double>().ShouldBeLessThan(0.1);
    }

    [Fact]
    public async Task ALegalReviewerReadsATrace_AndTheProvinceAnyTrace()
    {
        var field = await factory.AccountAsync("xuchang.field");

        foreach (var reader in new[] { "xuchang.legal", "admin" })
        {
            var response = await (await factory.SignedInAsync(reader)).GetAsync($"/api/v1/supervision/officers/{field.OfficerId}/timeline?kind=duty", ApiClient.Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(ApiClient.Ct));
        }
    }

    [Fact]
    public async Task ATeamOfAnotherCity_IsNotFound_AndAFieldOfficerRecordsNoMeasure()
    {
        var nanyang = await factory.SignedInAsync("nanyang.admin");
        var response = await SupervisionFactory.PostAsync(nanyang,
            SupervisionFactory.Inspection(agencyCode: "411002-01", inspectedOn: "2025-08-01", items: [("b1", "breach")]));
        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "supervision.agency_not_found");

        var xuchang = await factory.SignedInAsync("xuchang.admin");
        var body = await SupervisionFactory.RecordAsync(xuchang,
            SupervisionFactory.Inspection(agencyCode: "411002-01", inspectedOn: "2025-08-01", items: [("b1", "breach")]));
        var record = body["accountability"]!.AsArray().ShouldHaveSingleItem()!;
        record["level"]!.GetValue<string>().ShouldBe("station_head");
        var field = await factory.SignedInAsync("xuchang.field");
        (await field.PostAsJsonAsync($"/api/v1/supervision/accountability/{record["id"]}/measure", new { measure = "criticism" }, ApiClient.Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await (await nanyang.PostAsJsonAsync($"/api/v1/supervision/accountability/{record["id"]}/measure", new { measure = "criticism" }, ApiClient.Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "supervision.accountability_not_found");
    }
}
