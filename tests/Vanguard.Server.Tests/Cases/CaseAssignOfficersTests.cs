using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Vanguard.Server.Tests.Cases;

/// <summary>
/// 指定/增加承办人员 (<c>assign-officers</c>): a case opened with one officer gets its second through the API before the
/// decision (行政处罚法 art. 42), only with active officers of the caller's jurisdiction; after the decision it is refused.
/// </summary>
public sealed class CaseAssignOfficersTests(VanguardFactory factory) : IClassFixture<VanguardFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    private static List<Guid> OfficersOf(JsonNode detail) => detail["officers"]!.AsArray().Select(o => Guid.Parse(o!["id"]!.GetValue<string>())).ToList();

    [Fact]
    public async Task CaseWithOneOfficer_GetsItsSecondThroughTheApi_AndCanThenProceed()
    {
        var client = await factory.SignedInAsync("zhengzhou.case");
        var officers = await CaseApi.TwoOfficersAsync(client, "410122");
        var id = CaseApi.IdOf(await CaseApi.CreateAsync(client, new
        {
            procedure = "ordinary", agencyCode = "410122", offenceCode = "unlicensed.freight", source = 1,
            party = new { kind = "person", name = "赵国庆" }, actOn = "2026-09-01", acceptedOn = "2026-09-01", officerIds = new[] { officers[0] },
        }));
        await CaseApi.ActAsync(client, id, "file", new { on = "2026-09-01", approvedBy = "张诚" });
        await (await client.PostAsJsonAsync($"/api/v1/cases/{id}/actions/complete-investigation", new { on = "2026-09-02" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "cases.officers_required");

        // Refused: no officers, an unknown one, one of another city (outside the caller's jurisdiction).
        (await client.PostAsJsonAsync($"/api/v1/cases/{id}/actions/assign-officers", new { on = "2026-09-02", officerIds = Array.Empty<Guid>() }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.PostAsJsonAsync($"/api/v1/cases/{id}/actions/assign-officers", new { on = "2026-09-02", officerIds = new[] { Guid.NewGuid() } }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var nanyangOfficer = (await CaseApi.TwoOfficersAsync(await factory.SignedInAsync("nanyang.case"), "411302"))[0];
        (await client.PostAsJsonAsync($"/api/v1/cases/{id}/actions/assign-officers", new { on = "2026-09-02", officerIds = new[] { nanyangOfficer } }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await (await client.PostAsJsonAsync($"/api/v1/cases/{id}/actions/assign-officers", new { on = "2026-09-02", officerIds = new[] { officers[0] } }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "cases.officers_already_assigned");

        var assigned = await CaseApi.ActAsync(client, id, "assign-officers", new { on = "2026-09-02", officerIds = new[] { officers[1] } });
        OfficersOf(assigned).ShouldBe(officers, ignoreOrder: true);
        var evt = assigned["timeline"]!.AsArray().Last(e => e!["action"]!.GetValue<string>() == "assign-officers")!;
        evt["description"]!.GetValue<string>().ShouldStartWith("增加承办人员：");
        // The list shows chained entries; verifying links what the background chainer has not reached yet.
        var admin = await factory.SignedInAsync("admin");
        await admin.GetAsync("/api/v1/audit/verify", Ct);
        var audit = await (await admin.GetAsync($"/api/v1/audit/entries?targetType=case&targetId={id}&pageSize=50", Ct)).JsonAsync();
        audit["items"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()).ShouldContain("cases.assign-officers");

        CaseApi.StageOf(await CaseApi.ActAsync(client, id, "complete-investigation", new { on = "2026-09-02" })).ShouldBe("review");
        await CaseApi.ActAsync(client, id, "notify", new { on = "2026-09-03", proposedFineFen = 500_000 });
        await CaseApi.ActAsync(client, id, "waive-rights", new { on = "2026-09-03", statement = true, hearing = true });
        await CaseApi.ActAsync(client, id, "decide", new { on = "2026-09-04", outcome = "penalty", fineFen = 300_000 });

        // After the decision the officers are part of it.
        var other = (await (await client.GetAsync("/api/v1/officers?agencyCode=410122&pageSize=50", Ct)).JsonAsync())["items"]!.AsArray()
            .Select(o => Guid.Parse(o!["id"]!.GetValue<string>())).First(o => !officers.Contains(o));
        await (await client.PostAsJsonAsync($"/api/v1/cases/{id}/actions/assign-officers", new { officerIds = new[] { other } }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "cases.invalid_transition");
        OfficersOf(await (await client.GetAsync($"/api/v1/cases/{id}", Ct)).JsonAsync()).ShouldBe(officers, ignoreOrder: true);
    }
}
