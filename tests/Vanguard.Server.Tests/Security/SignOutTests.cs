using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Vanguard.Server.Tests.Online;

namespace Vanguard.Server.Tests.Security;

/// <summary>
/// Signing out is a form post that binds no field, so the framework checks no antiforgery token on it: another site could
/// sign an officer or a party out. Both sign-outs now need the page's token (found by the fuzzer's read of the endpoints).
/// </summary>
public sealed partial class SignOutTests(OnlineFactory factory) : IClassFixture<OnlineFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    [Fact]
    public async Task StaffSignOut_WithoutThePagesToken_IsRefused_AndTheSessionStays()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await client.GetStringAsync("/login", Ct);
        var signIn = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["Input.Username"] = "zhengzhou.case", ["Input.Password"] = VanguardFactory.Password,
            ["__RequestVerificationToken"] = Token(login),
        }), Ct);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, await signIn.Content.ReadAsStringAsync(Ct));

        var home = await client.GetAsync("/", Ct);
        home.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await home.Content.ReadAsStringAsync(Ct);
        page.ShouldContain("data-testid=\"logout\"");

        var forged = await client.PostAsync("/logout", new FormUrlEncodedContent([]), Ct);
        await forged.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.antiforgery");
        var wrongToken = await client.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = "forged" }), Ct);
        await wrongToken.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.antiforgery");
        (await client.GetAsync("/", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "a refused sign-out leaves the officer signed in");

        var signOut = await client.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Token(page) }), Ct);
        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signOut.Headers.Location!.OriginalString.ShouldBe("/login");
        var after = await client.GetAsync("/", Ct);
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.OriginalString.ShouldContain("/login");
    }

    [Fact]
    public async Task PartySignOut_WithoutThePagesToken_IsRefused_AndTheSessionStays()
    {
        var plate = OnlineApi.NewPlate();
        var (caseId, notice, _) = await OnlineApi.OffsiteCaseAsync(factory, plate);
        var party = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var found = await party.PostAsJsonAsync("/api/v1/online/lookup", new { plate, noticeCode = notice }, Ct);
        found.StatusCode.ShouldBe(HttpStatusCode.OK, await found.Content.ReadAsStringAsync(Ct));
        var cases = await party.GetStringAsync("/online/cases", Ct);
        cases.ShouldContain("action=\"/online/forms/logout\"");

        var forged = await party.PostAsync("/online/forms/logout", new FormUrlEncodedContent([]), Ct);
        forged.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        forged.Headers.Location!.OriginalString.ShouldBe("/online?err=request.antiforgery");
        (await party.GetAsync($"/api/v1/online/cases/{caseId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "a refused sign-out leaves the session");

        var signOut = await party.PostAsync("/online/forms/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Token(cases) }), Ct);
        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signOut.Headers.Location!.OriginalString.ShouldBe("/online");
        (await party.GetAsync($"/api/v1/online/cases/{caseId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static string Token(string html)
    {
        var match = TokenField().Match(html);
        match.Success.ShouldBeTrue("the page carries an antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
