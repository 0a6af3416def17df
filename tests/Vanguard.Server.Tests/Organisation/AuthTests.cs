using System.Net;
using System.Net.Http.Json;

namespace Vanguard.Server.Tests.Organisation;

public sealed class AuthTests(VanguardFactory factory) : IClassFixture<VanguardFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    [Fact]
    public async Task Token_WithDemoPassword_ReturnsBearerTokenThatOpensMe()
    {
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "zhengzhou.case", password = VanguardFactory.Password }, Ct);

        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body["tokenType"]!.GetValue<string>().ShouldBe("Bearer");
        body["expiresIn"]!.GetValue<long>().ShouldBeGreaterThan(0);
        var token = body["accessToken"]!.GetValue<string>();

        var me = factory.CreateClient();
        me.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var profile = await (await me.GetAsync("/api/v1/me", Ct)).JsonAsync();
        profile["username"]!.GetValue<string>().ShouldBe("zhengzhou.case");
        profile["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["case-officer"]);
        profile["agency"]!["code"]!.GetValue<string>().ShouldBe("410100");
        profile["officer"]!["certificateNo"]!.GetValue<string>().ShouldStartWith("41");
    }

    [Fact]
    public async Task Token_WithWrongPassword_Is401ProblemWithStableCode()
    {
        var response = await factory.CreateClient().PostAsJsonAsync(
            "/api/v1/auth/token", new { username = "nanyang.case", password = "wrong-password" }, Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        problem["title"]!.GetValue<string>().ShouldBe("用户名或密码错误。");
    }

    [Fact]
    public async Task Token_ForUnknownUser_LooksLikeAWrongPassword()
    {
        var response = await factory.CreateClient().PostAsJsonAsync(
            "/api/v1/auth/token", new { username = "nobody.here", password = "whatever1A!" }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
    }

    [Fact]
    public async Task Token_AfterFiveWrongPasswords_LocksTheAccountEvenForTheRightOne()
    {
        var client = factory.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "xuchang.legal", password = $"wrong{i}" }, Ct);
            wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var right = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "xuchang.legal", password = VanguardFactory.Password }, Ct);

        await right.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.locked_out");
    }

    [Fact]
    public async Task Token_WithMissingFields_ListsEveryBadField()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { }, Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        problem["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).ShouldBe(["username", "password"], ignoreOrder: true);
    }

    [Fact]
    public async Task Me_WithoutCredentials_Is401Problem()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/me", Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task Me_WithForgedBearerToken_Is401()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "CfDJ8-not-a-real-token");

        var response = await client.GetAsync("/api/v1/me", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Problem_InEnglish_WhenTheClientPrefersEnglish()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
        {
            Content = JsonContent.Create(new { username = "nanyang.field", password = "nope" }),
        };
        request.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9");

        var response = await factory.CreateClient().SendAsync(request, Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        problem["title"]!.GetValue<string>().ShouldBe("Wrong username or password.");
    }
}
