using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Vanguard.Server.Tests.Complaints;

/// <summary>A complaint about an officer: its reviewer never comes from that officer's own team (回避).</summary>
public sealed class ReviewerTests(ComplaintsFactory factory) : IClassFixture<ComplaintsFactory>
{
    private Task<(Guid Id, string OfficerNo)> OfficerOfAsync(string agencyCode, int skip = 0) => factory.WithDbAsync(async db =>
    {
        var agency = await db.Agencies.SingleAsync(a => a.Code == agencyCode, ApiClient.Ct);
        var officer = await db.Officers.Where(o => o.AgencyId == agency.Id && o.Active).OrderBy(o => o.OfficerNo).Skip(skip).FirstAsync(ApiClient.Ct);
        return (officer.Id, officer.OfficerNo);
    });

    private async Task<(string Url, JsonNode Body)> AboutOfficerAsync(string? officerNo)
    {
        var hotline = await factory.HotlineAsync();
        var body = await ComplaintsFactory.CreatedAsync(await hotline.PostAsJsonAsync(
            "/api/v1/complaints", ComplaintsFactory.Ticket(agencyCode: "410100", officerNo: officerNo), ApiClient.Ct));
        return ($"/api/v1/complaints/{body["id"]}", body);
    }

    private static async Task OnSiteAsync(HttpClient staff, string url)
    {
        (await staff.PostAsJsonAsync(url + "/contact", new { note = "已联系" }, ApiClient.Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await staff.PostAsJsonAsync(url + "/onsite", new { lat = 34.7, lon = 113.6 }, ApiClient.Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Intake_LinksTheAccusedOfficerByNumber()
    {
        var (officerId, officerNo) = await OfficerOfAsync("410100");

        var (_, body) = await AboutOfficerAsync(officerNo);

        body["accusedOfficer"]!["id"]!.GetValue<Guid>().ShouldBe(officerId);
        body["accusedOfficer"]!["agencyCode"]!.GetValue<string>().ShouldBe("410100");
    }

    [Fact]
    public async Task Reviewer_FromTheAccusedOfficersOwnTeam_IsRefused()
    {
        var (_, accusedNo) = await OfficerOfAsync("410100");
        var (colleague, _) = await OfficerOfAsync("410100", skip: 1);
        var (url, _) = await AboutOfficerAsync(accusedNo);
        var admin = await factory.SignedInAsync("admin");

        var response = await admin.PostAsJsonAsync(url + "/reviewer", new { officerId = colleague }, ApiClient.Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "complaints.reviewer_same_team");
    }

    [Fact]
    public async Task Result_OfAComplaintAboutAnOfficer_NeedsAReviewerFromAnotherTeam()
    {
        var (_, accusedNo) = await OfficerOfAsync("410100");
        var (outsider, _) = await OfficerOfAsync("411300");
        var (url, _) = await AboutOfficerAsync(accusedNo);
        var admin = await factory.SignedInAsync("admin");
        var staff = await factory.SignedInAsync("zhengzhou.command");
        await OnSiteAsync(staff, url);

        var early = await staff.PostAsJsonAsync(url + "/result", new { note = "经查不属实。", finding = "unsubstantiated" }, ApiClient.Ct);
        var named = await admin.PostAsJsonAsync(url + "/reviewer", new { officerId = outsider }, ApiClient.Ct);
        var result = await staff.PostAsJsonAsync(url + "/result", new { note = "经查不属实。", finding = "unsubstantiated" }, ApiClient.Ct);

        await early.ShouldBeProblemAsync(HttpStatusCode.Conflict, "complaints.reviewer_required");
        named.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await result.JsonAsync();
        result.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        body["reviewer"]!["agencyCode"]!.GetValue<string>().ShouldBe("411300");
        body["steps"]!.AsArray().Select(s => s!["kind"]!.GetValue<string>()).ShouldContain("reviewer");
    }

    [Fact]
    public async Task Reviewer_OfAComplaintNamingNoOfficer_IsRefused()
    {
        var (outsider, _) = await OfficerOfAsync("411300");
        var (url, _) = await AboutOfficerAsync("NO-SUCH-OFFICER");
        var admin = await factory.SignedInAsync("admin");

        var response = await admin.PostAsJsonAsync(url + "/reviewer", new { officerId = outsider }, ApiClient.Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "complaints.not_about_officer");
    }

    [Fact]
    public async Task Reviewer_IsNamedByAdministratorsOnly()
    {
        var (_, accusedNo) = await OfficerOfAsync("410100");
        var (url, _) = await AboutOfficerAsync(accusedNo);
        var command = await factory.SignedInAsync("zhengzhou.command");

        var response = await command.PostAsJsonAsync(url + "/reviewer", new { officerId = Guid.NewGuid() }, ApiClient.Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
