using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Vanguard.Server.Tests.Complaints;

public sealed class StepsTests(ComplaintsFactory factory) : IClassFixture<ComplaintsFactory>
{
    private async Task<(HttpClient Staff, string Url)> FiledAsync(string? agencyCode = null, string type = "complaint")
    {
        var hotline = await factory.HotlineAsync();
        var body = await ComplaintsFactory.CreatedAsync(
            await hotline.PostAsJsonAsync("/api/v1/complaints", ComplaintsFactory.Ticket(agencyCode: agencyCode, type: type), ApiClient.Ct));
        return (await factory.SignedInAsync("zhengzhou.field"), $"/api/v1/complaints/{body["id"]}");
    }

    private static async Task<JsonNode> OkAsync(HttpResponseMessage response)
    {
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        return body;
    }

    private static readonly object Contact = new { note = "已电话联系投诉人及被投诉驾驶员，约定现场核查。", callRecordRef = "REC-20260307-001" };
    private static readonly object Onsite = new { lat = 34.72, lon = 113.98, evidenceId = "clip-123", note = "到达白沙收费站核查。" };

    [Fact]
    public async Task FullCourse_WithADissatisfiedVisit_ReopensForReexamination()
    {
        var (staff, url) = await FiledAsync();

        await OkAsync(await staff.PostAsJsonAsync(url + "/contact", Contact, ApiClient.Ct));
        var onsite = await OkAsync(await staff.PostAsJsonAsync(url + "/onsite", Onsite, ApiClient.Ct));
        await OkAsync(await staff.PostAsJsonAsync(url + "/result", new { note = "经查属实，已对驾驶员立案调查。", finding = "substantiated" }, ApiClient.Ct));
        await OkAsync(await staff.PostAsJsonAsync(url + "/reply", new { note = "已电话答复投诉人处理结果。" }, ApiClient.Ct));
        var visited = await OkAsync(await staff.PostAsJsonAsync(url + "/return-visit", new { satisfaction = "不满意" }, ApiClient.Ct));
        var reopened = await OkAsync(await staff.PostAsJsonAsync(url + "/reexamine", new { note = "投诉人认为处罚过轻。" }, ApiClient.Ct));
        var again = await OkAsync(await staff.PostAsJsonAsync(url + "/result", new { note = "复核后维持原处理。", finding = "substantiated" }, ApiClient.Ct));

        onsite["contact"]!["state"]!.GetValue<string>().ShouldBe("on_time");
        onsite["onsite"]!["state"]!.GetValue<string>().ShouldBe("on_time");
        visited["satisfaction"]!.GetValue<string>().ShouldBe("不满意");
        reopened["status"]!.GetValue<string>().ShouldBe("reexamining");
        reopened["reexaminations"]!.GetValue<int>().ShouldBe(1);
        again["status"]!.GetValue<string>().ShouldBe("handled");
        var steps = again["steps"]!.AsArray();
        steps.Select(s => s!["kind"]!.GetValue<string>())
            .ShouldBe(["received", "assigned", "contact", "onsite", "result", "reply", "return_visit", "reexamine", "result"]);
        var onsiteStep = steps.Single(s => s!["kind"]!.GetValue<string>() == "onsite")!;
        onsiteStep["evidenceRef"]!.GetValue<string>().ShouldBe("clip-123");
        onsiteStep["lat"]!.GetValue<double>().ShouldBe(34.72);
        onsiteStep["byName"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        steps.Single(s => s!["kind"]!.GetValue<string>() == "contact")!["evidenceRef"]!.GetValue<string>().ShouldBe("REC-20260307-001");
    }

    [Fact]
    public async Task Result_OfAComplaint_NeedsItsFinding_AndASuggestion_TakesNone()
    {
        var (staff, url) = await FiledAsync();
        await OkAsync(await staff.PostAsJsonAsync(url + "/contact", Contact, ApiClient.Ct));
        await OkAsync(await staff.PostAsJsonAsync(url + "/onsite", Onsite, ApiClient.Ct));

        await (await staff.PostAsJsonAsync(url + "/result", new { note = "已处理。" }, ApiClient.Ct))
            .ShouldBeFieldProblemAsync("finding", "required");
        await (await staff.PostAsJsonAsync(url + "/result", new { note = "已处理。", finding = "true" }, ApiClient.Ct))
            .ShouldBeFieldProblemAsync("finding", "required");
        var handled = await OkAsync(await staff.PostAsJsonAsync(url + "/result", new { note = "部分属实，已批评教育。", finding = "partly_substantiated" }, ApiClient.Ct));
        handled["finding"]!.GetValue<string>().ShouldBe("partly_substantiated");
        handled["findingName"]!.GetValue<string>().ShouldBe("部分属实");
        handled["steps"]!.AsArray().Last()!["findingName"]!.GetValue<string>().ShouldBe("部分属实");

        var (_, suggestion) = await FiledAsync(type: "suggestion");
        await OkAsync(await staff.PostAsJsonAsync(suggestion + "/contact", Contact, ApiClient.Ct));
        await OkAsync(await staff.PostAsJsonAsync(suggestion + "/onsite", Onsite, ApiClient.Ct));
        await (await staff.PostAsJsonAsync(suggestion + "/result", new { note = "已采纳。", finding = "substantiated" }, ApiClient.Ct))
            .ShouldBeFieldProblemAsync("finding", "not_applicable");
        var adopted = await OkAsync(await staff.PostAsJsonAsync(suggestion + "/result", new { note = "已采纳。" }, ApiClient.Ct));
        adopted["finding"].ShouldBeNull();
    }

    [Fact]
    public async Task EveryStep_IsAudited()
    {
        var (staff, url) = await FiledAsync();
        var id = url[(url.LastIndexOf('/') + 1)..];
        await OkAsync(await staff.PostAsJsonAsync(url + "/contact", Contact, ApiClient.Ct));
        await OkAsync(await staff.PostAsJsonAsync(url + "/onsite", Onsite, ApiClient.Ct));

        var actions = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.TargetType == "complaint" && a.TargetId == id)
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(ApiClient.Ct));

        actions.ShouldBe(["complaints.filed", "complaints.contact", "complaints.onsite"]);
    }

    [Fact]
    public async Task Onsite_BeforeTheFirstContact_IsRefused()
    {
        var (staff, url) = await FiledAsync();

        var response = await staff.PostAsJsonAsync(url + "/onsite", Onsite, ApiClient.Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "complaints.contact_first");
    }

    [Fact]
    public async Task Result_BeforeThePresenceOnSite_IsRefused()
    {
        var (staff, url) = await FiledAsync();
        await OkAsync(await staff.PostAsJsonAsync(url + "/contact", Contact, ApiClient.Ct));

        var response = await staff.PostAsJsonAsync(url + "/result", new { note = "已处理。", finding = "unsubstantiated" }, ApiClient.Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "complaints.onsite_first");
    }

    [Fact]
    public async Task Reply_BeforeTheResult_AndVisit_BeforeTheReply_AreRefused()
    {
        var (staff, url) = await FiledAsync();
        await OkAsync(await staff.PostAsJsonAsync(url + "/contact", Contact, ApiClient.Ct));
        await OkAsync(await staff.PostAsJsonAsync(url + "/onsite", Onsite, ApiClient.Ct));

        var reply = await staff.PostAsJsonAsync(url + "/reply", new { note = "答复。" }, ApiClient.Ct);
        var visit = await staff.PostAsJsonAsync(url + "/return-visit", new { satisfaction = "满意" }, ApiClient.Ct);

        await reply.ShouldBeProblemAsync(HttpStatusCode.Conflict, "complaints.result_first");
        await visit.ShouldBeProblemAsync(HttpStatusCode.Conflict, "complaints.reply_first");
    }

    [Fact]
    public async Task Contact_Twice_IsRefused()
    {
        var (staff, url) = await FiledAsync();
        await OkAsync(await staff.PostAsJsonAsync(url + "/contact", Contact, ApiClient.Ct));

        var response = await staff.PostAsJsonAsync(url + "/contact", Contact, ApiClient.Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "complaints.contact_done");
    }

    [Fact]
    public async Task Reexamine_AfterASatisfiedVisit_IsRefused()
    {
        var (staff, url) = await FiledAsync();
        await OkAsync(await staff.PostAsJsonAsync(url + "/contact", Contact, ApiClient.Ct));
        await OkAsync(await staff.PostAsJsonAsync(url + "/onsite", Onsite, ApiClient.Ct));
        await OkAsync(await staff.PostAsJsonAsync(url + "/result", new { note = "已处理。", finding = "unsubstantiated" }, ApiClient.Ct));
        await OkAsync(await staff.PostAsJsonAsync(url + "/reply", new { note = "已答复。" }, ApiClient.Ct));
        await OkAsync(await staff.PostAsJsonAsync(url + "/return-visit", new { satisfaction = "基本满意" }, ApiClient.Ct));

        var response = await staff.PostAsJsonAsync(url + "/reexamine", new { note = "再查。" }, ApiClient.Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "complaints.not_dissatisfied");
    }

    [Fact]
    public async Task Onsite_WithoutAPosition_AndVisit_WithAnUnknownSatisfaction_AreRefused()
    {
        var (staff, url) = await FiledAsync();
        await OkAsync(await staff.PostAsJsonAsync(url + "/contact", Contact, ApiClient.Ct));

        var onsite = await staff.PostAsJsonAsync(url + "/onsite", new { note = "到场" }, ApiClient.Ct);

        var problem = await onsite.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        problem["errors"]![0]!["field"]!.GetValue<string>().ShouldBe("lat");
    }

    [Fact]
    public async Task Contact_BeforeTheAssignment_OrInTheFuture_IsRefused()
    {
        var (staff, url) = await FiledAsync();
        var now = factory.Clock.GetUtcNow();

        var early = await staff.PostAsJsonAsync(url + "/contact", new { at = now.AddHours(-1), note = "联系" }, ApiClient.Ct);
        var future = await staff.PostAsJsonAsync(url + "/contact", new { at = now.AddHours(1), note = "联系" }, ApiClient.Ct);

        (await early.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed"))["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("too_early");
        (await future.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed"))["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("in_future");
    }

    [Fact]
    public async Task AStaleVersion_IsAConflict()
    {
        var (staff, url) = await FiledAsync();

        var response = await staff.PostAsJsonAsync(url + "/contact", new { note = "联系", version = 7 }, ApiClient.Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "complaints.concurrent_update");
    }

    [Fact]
    public async Task Reassign_RestartsTheTimers_AndIsRefusedAfterTheFirstContact()
    {
        var (staff, url) = await FiledAsync(agencyCode: "410100");
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        factory.Clock.Advance(TimeSpan.FromMinutes(30));
        var now = factory.Clock.GetUtcNow();

        var moved = await OkAsync(await admin.PostAsJsonAsync(url + "/assign", new { agencyCode = "410122", note = "属中牟辖区" }, ApiClient.Ct));
        await OkAsync(await staff.PostAsJsonAsync(url + "/contact", Contact, ApiClient.Ct));
        var again = await admin.PostAsJsonAsync(url + "/assign", new { agencyCode = "410184" }, ApiClient.Ct);

        moved["agencyCode"]!.GetValue<string>().ShouldBe("410122");
        (moved["contact"]!["dueAt"]!.GetValue<DateTimeOffset>() - now).ShouldBe(TimeSpan.FromHours(2), TimeSpan.FromSeconds(1));
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "complaints.already_contacted");
    }

    [Fact]
    public async Task Reassigned_TheNewAgencySeesTheStepsRecordedBefore()
    {
        var (_, url) = await FiledAsync(agencyCode: "411300");
        var province = await factory.SignedInAsync("admin");
        await OkAsync(await province.PostAsJsonAsync(url + "/assign", new { agencyCode = "410100" }, ApiClient.Ct));
        var zhengzhou = await factory.SignedInAsync("zhengzhou.command");

        var body = await OkAsync(await zhengzhou.GetAsync(url, ApiClient.Ct));

        body["steps"]!.AsArray().Select(s => s!["kind"]!.GetValue<string>()).ShouldBe(["received", "assigned", "assigned"]);
    }

    [Fact]
    public async Task Steps_ByAnotherCity_AreNotFound()
    {
        var (_, url) = await FiledAsync();
        var nanyang = await factory.SignedInAsync("nanyang.field");

        var response = await nanyang.PostAsJsonAsync(url + "/contact", Contact, ApiClient.Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "complaints.not_found");
    }
}

internal static class FieldProblems
{
    /// <summary>A 400 validation problem naming <paramref name="field"/> with <paramref name="code"/>.</summary>
    public static async Task ShouldBeFieldProblemAsync(this HttpResponseMessage response, string field, string code)
    {
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        problem["errors"]!.AsArray().Single(e => e!["field"]!.GetValue<string>() == field)!["code"]!.GetValue<string>().ShouldBe(code);
    }
}
