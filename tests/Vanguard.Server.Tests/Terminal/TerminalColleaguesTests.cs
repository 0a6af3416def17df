using System.Net;
using System.Net.Http.Json;
using Vanguard.Server.Tests.Terminal.Records;

namespace Vanguard.Server.Tests.Terminal;

/// <summary>
/// <c>GET /terminal/colleagues</c>: the officers of the caller's agency, so the terminal can name the second officer of
/// an on-the-spot decision (行政处罚法 art. 42) without the staff-only officer list.
/// </summary>
public sealed class TerminalColleaguesTests(VanguardFactory factory) : IClassFixture<VanguardFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    [Fact]
    public async Task Colleagues_AreTheOfficersOfMyAgency_OnDutyFirst_AndOneOfThemCanStandBesideMeOnTheSpot()
    {
        var field = await factory.SignedInAsync("zhengzhou.field");
        var partner = await factory.SignedInAsync("zhengzhou.case");
        var me = await (await field.GetAsync("/api/v1/me", Ct)).JsonAsync();
        var partnerMe = await (await partner.GetAsync("/api/v1/me", Ct)).JsonAsync();
        var partnerNo = partnerMe["officer"]!["officerNo"]!.GetValue<string>();
        (await partner.PostAsJsonAsync("/api/v1/terminal/duty", new { onDuty = true }, Ct)).EnsureSuccessStatusCode();

        var response = await field.GetAsync("/api/v1/terminal/colleagues", Ct);
        var list = (await response.JsonAsync()).AsArray();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, list.ToJsonString());
        list.Count.ShouldBe(4, "the other four demo accounts of 郑州 (admin, command, case, legal) are officers of the same 支队");
        list.ShouldNotContain(c => c!["officerNo"]!.GetValue<string>() == me["officer"]!["officerNo"]!.GetValue<string>(), "not myself");
        var first = list[0]!;
        first["officerNo"]!.GetValue<string>().ShouldBe(partnerNo, "whoever is on duty comes first");
        first["onDuty"]!.GetValue<bool>().ShouldBeTrue();
        first["name"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        first["certificateValid"]!.GetValue<bool>().ShouldBeTrue();
        first["certificateNo"]!.GetValue<string>().ShouldStartWith("41");
        list.Skip(1).ShouldAllBe(c => !c!["onDuty"]!.GetValue<bool>());

        var decided = await TerminalApi.PostAsync(field, "/api/v1/terminal/on-spot-penalties",
            TerminalApi.Penalty(Guid.Parse(first["id"]!.GetValue<string>()), 5_000), Guid.NewGuid().ToString());
        var body = await decided.JsonAsync();
        decided.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToJsonString());
        body["paymentReference"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        (await partner.PostAsJsonAsync("/api/v1/terminal/duty", new { onDuty = false }, Ct)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Colleagues_AreOnlyForAccountsLinkedToAnOfficer()
    {
        var admin = await factory.SignedInAsync("admin");
        var response = await admin.GetAsync("/api/v1/terminal/colleagues", Ct);
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, body.ToJsonString());
        body["code"]!.GetValue<string>().ShouldBe("terminal.not_an_officer");
        (await factory.CreateClient().GetAsync("/api/v1/terminal/colleagues", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
