using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Vanguard.Server.Modules.Complaints.Data;

namespace Vanguard.Server.Tests.Complaints;

public sealed class IntakeTests(ComplaintsFactory factory) : IClassFixture<ComplaintsFactory>
{
    [Fact]
    public async Task Hotline_FilesATicket_AssignedToThePlacesAgency_WithTheTwoMustsStarted()
    {
        var hotline = await factory.HotlineAsync();
        var now = factory.Clock.GetUtcNow();

        var body = await ComplaintsFactory.CreatedAsync(
            await hotline.PostAsJsonAsync("/api/v1/complaints", ComplaintsFactory.Ticket("T-INTAKE-1"), ApiClient.Ct));

        body["agencyCode"]!.GetValue<string>().ShouldBe("410122");
        body["source"]!.GetValue<string>().ShouldBe("hotline");
        body["status"]!.GetValue<string>().ShouldBe("assigned");
        body["typeName"]!.GetValue<string>().ShouldBe("投诉举报");
        (body["contact"]!["dueAt"]!.GetValue<DateTimeOffset>() - now).ShouldBe(TimeSpan.FromHours(2), TimeSpan.FromSeconds(1));
        (body["onsite"]!["dueAt"]!.GetValue<DateTimeOffset>() - now).ShouldBe(TimeSpan.FromHours(24), TimeSpan.FromSeconds(1));
        body["contact"]!["state"]!.GetValue<string>().ShouldBe("pending");
        body["steps"]!.AsArray().Select(s => s!["kind"]!.GetValue<string>()).ShouldBe(["received", "assigned"]);
    }

    [Fact]
    public async Task Hotline_AnExplicitAgencyCode_WinsOverThePlace()
    {
        var hotline = await factory.HotlineAsync();

        var body = await ComplaintsFactory.CreatedAsync(
            await hotline.PostAsJsonAsync("/api/v1/complaints", ComplaintsFactory.Ticket(agencyCode: "411300"), ApiClient.Ct));

        body["agencyCode"]!.GetValue<string>().ShouldBe("411300");
    }

    [Fact]
    public async Task Hotline_ResendingTheSameTicket_GetsTheFirstComplaint()
    {
        var hotline = await factory.HotlineAsync();
        var first = await ComplaintsFactory.CreatedAsync(
            await hotline.PostAsJsonAsync("/api/v1/complaints", ComplaintsFactory.Ticket("T-REPEAT-1"), ApiClient.Ct));

        var again = await hotline.PostAsJsonAsync("/api/v1/complaints", ComplaintsFactory.Ticket("T-REPEAT-1", phone: "13900000000"), ApiClient.Ct);

        var body = await again.JsonAsync();
        again.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        body["id"]!.GetValue<Guid>().ShouldBe(first["id"]!.GetValue<Guid>());
        body["complainantPhone"]!.GetValue<string>().ShouldBe("13812345678");
        (await factory.WithDbAsync(db => db.Set<Complaint>().CountAsync(c => c.TicketNo == "T-REPEAT-1", ApiClient.Ct))).ShouldBe(1);
    }

    [Fact]
    public async Task Intake_ByAnotherKindOfDevice_IsForbidden()
    {
        var camera = await factory.HotlineAsync("anpr-camera");

        var response = await camera.PostAsJsonAsync("/api/v1/complaints", ComplaintsFactory.Ticket(), ApiClient.Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Intake_ByAFieldOfficer_IsForbidden()
    {
        var field = await factory.SignedInAsync("zhengzhou.field");

        var response = await field.PostAsJsonAsync("/api/v1/complaints", ComplaintsFactory.Ticket(), ApiClient.Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Staff_WithoutAnAgency_FilesForTheirOwn()
    {
        var command = await factory.SignedInAsync("zhengzhou.command");

        var body = await ComplaintsFactory.CreatedAsync(
            await command.PostAsJsonAsync("/api/v1/complaints", ComplaintsFactory.Ticket(placeAgency: null), ApiClient.Ct));

        body["agencyCode"]!.GetValue<string>().ShouldBe("410100");
        body["source"]!.GetValue<string>().ShouldBe("staff");
    }

    [Fact]
    public async Task Staff_AssigningOutsideTheirJurisdiction_IsNotFound()
    {
        var command = await factory.SignedInAsync("zhengzhou.command");

        var response = await command.PostAsJsonAsync("/api/v1/complaints", ComplaintsFactory.Ticket(agencyCode: "411300"), ApiClient.Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "agencies.not_found");
    }

    [Fact]
    public async Task Staff_ReusingATicketOfAnotherJurisdiction_IsAConflict()
    {
        var hotline = await factory.HotlineAsync();
        await ComplaintsFactory.CreatedAsync(
            await hotline.PostAsJsonAsync("/api/v1/complaints", ComplaintsFactory.Ticket("T-NY-1", agencyCode: "411300"), ApiClient.Ct));
        var command = await factory.SignedInAsync("zhengzhou.command");

        var response = await command.PostAsJsonAsync("/api/v1/complaints", ComplaintsFactory.Ticket("T-NY-1"), ApiClient.Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "complaints.ticket_exists");
    }

    [Fact]
    public async Task Intake_WithBadFields_IsRefusedFieldByField()
    {
        var hotline = await factory.HotlineAsync();

        var response = await hotline.PostAsJsonAsync("/api/v1/complaints", new
        {
            type = "praise", domain = "air", place = new { text = "", lat = 34.7 }, complainant = new { name = "李四", phone = "abc" },
            accused = new { party = "" }, description = "",
        }, ApiClient.Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var fields = problem["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).Distinct().ToList();
        fields.ShouldBe(
            ["type", "domain", "place.text", "place.lat", "occurredAt", "complainant.phone", "accused.party", "description"], ignoreOrder: true);
    }

    [Fact]
    public async Task Intake_OfAnEventInTheFuture_IsRefused()
    {
        var hotline = await factory.HotlineAsync();
        var ticket = System.Text.Json.JsonSerializer.SerializeToNode(ComplaintsFactory.Ticket(), ApiClient.Web)!;
        ticket["occurredAt"] = factory.Clock.GetUtcNow().AddHours(1);

        var response = await hotline.PostAsJsonAsync("/api/v1/complaints", ticket, ApiClient.Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        problem["errors"]!.AsArray().Single(e => e!["field"]!.GetValue<string>() == "occurredAt")!["code"]!.GetValue<string>().ShouldBe("in_future");
    }

    [Fact]
    public async Task List_MasksTheComplainant_TheSingleComplaintShowsThemInFull()
    {
        var hotline = await factory.HotlineAsync();
        var filed = await ComplaintsFactory.CreatedAsync(
            await hotline.PostAsJsonAsync("/api/v1/complaints", ComplaintsFactory.Ticket("T-MASK-1", name: "欧阳修远", phone: "13766667777"), ApiClient.Ct));
        var command = await factory.SignedInAsync("zhengzhou.command");

        var list = await (await command.GetAsync("/api/v1/complaints?q=T-MASK-1", ApiClient.Ct)).JsonAsync();
        var one = await (await command.GetAsync($"/api/v1/complaints/{filed["id"]}", ApiClient.Ct)).JsonAsync();

        var row = list["items"]!.AsArray().Single()!;
        row["complainantName"]!.GetValue<string>().ShouldBe("欧***");
        row["complainantPhone"]!.GetValue<string>().ShouldBe("137****7777");
        list.ToJsonString().ShouldNotContain("13766667777");
        one["complainantPhone"]!.GetValue<string>().ShouldBe("13766667777");
    }

    [Fact]
    public async Task AnotherCity_NeitherListsNorOpensTheComplaint()
    {
        var hotline = await factory.HotlineAsync();
        var filed = await ComplaintsFactory.CreatedAsync(
            await hotline.PostAsJsonAsync("/api/v1/complaints", ComplaintsFactory.Ticket("T-JUR-1"), ApiClient.Ct));
        var nanyang = await factory.SignedInAsync("nanyang.command");

        var list = await (await nanyang.GetAsync("/api/v1/complaints?q=T-JUR-1", ApiClient.Ct)).JsonAsync();
        var one = await nanyang.GetAsync($"/api/v1/complaints/{filed["id"]}", ApiClient.Ct);

        list["total"]!.GetValue<int>().ShouldBe(0);
        await one.ShouldBeProblemAsync(HttpStatusCode.NotFound, "complaints.not_found");
    }

    [Fact]
    public async Task Sla_IsTakenFromTheTypesRowInConfiguration()
    {
        var hotline = await factory.HotlineAsync();
        var now = factory.Clock.GetUtcNow();

        var body = await ComplaintsFactory.CreatedAsync(
            await hotline.PostAsJsonAsync("/api/v1/complaints", ComplaintsFactory.Ticket(type: "consultation"), ApiClient.Ct));

        (body["contact"]!["dueAt"]!.GetValue<DateTimeOffset>() - now).ShouldBe(TimeSpan.FromHours(1), TimeSpan.FromSeconds(1));
        (body["onsite"]!["dueAt"]!.GetValue<DateTimeOffset>() - now).ShouldBe(TimeSpan.FromHours(48), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task List_WithAnUnknownFilter_IsRefused()
    {
        var command = await factory.SignedInAsync("zhengzhou.command");

        var response = await command.GetAsync("/api/v1/complaints?sla=late", ApiClient.Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
    }
}
