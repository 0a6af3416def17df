using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Vanguard.Server.Tests.Platform;

public sealed class PlatformTests(VanguardFactory factory) : IClassFixture<VanguardFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    [Fact]
    public void Database_IsTheProviderThisTestRunAskedFor()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Vanguard.Server.Data.VanguardDbContext>();

        db.Database.ProviderName.ShouldBe(VanguardFactory.PostgresServer is null
            ? "Microsoft.EntityFrameworkCore.Sqlite"
            : "Npgsql.EntityFrameworkCore.PostgreSQL");
    }

    [Fact]
    public async Task Health_AnswersWhenTheDatabaseDoes()
    {
        var response = await factory.CreateClient().GetAsync("/health", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe("Healthy");
    }

    [Fact]
    public async Task OpenApi_DescribesTheApi()
    {
        var document = await (await factory.CreateClient().GetAsync("/openapi/v1.json", Ct)).JsonAsync();

        document["openapi"]!.GetValue<string>().ShouldStartWith("3.");
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        paths.ShouldContain("/api/v1/auth/token");
        paths.ShouldContain("/api/v1/devices");
        paths.ShouldContain("/api/v1/devices/{code}/key");
        paths.ShouldContain("/api/v1/audit/verify");
    }

    [Fact]
    public async Task Docs_AreBrowsable()
    {
        var response = await factory.CreateClient().GetAsync("/docs", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
    }

    [Fact]
    public async Task UnknownApiPath_IsA404Problem()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/no-such-thing", Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task OversizedBody_IsRefusedWith413()
    {
        var admin = await factory.SignedInAsync("admin");
        var huge = new StringContent("{\"kind\":\"" + new string('x', 3 * 1024 * 1024) + "\"}", System.Text.Encoding.UTF8, "application/json");

        var response = await admin.PostAsync("/api/v1/devices", huge, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "request.too_large");
    }

    [Fact]
    public async Task DemoAccounts_ExistForEveryRoleInEachCity()
    {
        foreach (var city in new[] { "zhengzhou", "nanyang", "xuchang" })
        {
            foreach (var role in new[] { "admin", "command", "case", "legal", "field" })
            {
                var client = await factory.SignedInAsync($"{city}.{role}");
                (await client.GetAsync("/api/v1/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
            }
        }

        // The province's third-party evaluator reads the evaluation and changes nothing.
        var evaluator = await factory.SignedInAsync("evaluator");
        (await evaluator.GetAsync("/api/v1/performance/objections", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await evaluator.PostAsJsonAsync("/api/v1/performance/runs", new { month = "2020-01" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

/// <summary>Login throttling, with a limit low enough to hit.</summary>
public sealed class RateLimitTests(RateLimitTests.TightFactory factory) : IClassFixture<RateLimitTests.TightFactory>
{
    public sealed class TightFactory : VanguardFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Vanguard:RateLimits:LoginPerMinute", "3")];
    }

    [Fact]
    public async Task Token_BeyondTheLimit_Is429WithRetryAfter()
    {
        var client = factory.CreateClient();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await client.PostAsync("/api/v1/auth/token", System.Net.Http.Json.JsonContent.Create(new { username = "x", password = "y" }), ApiClient.Ct);
        }

        await last!.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        last!.Headers.RetryAfter.ShouldNotBeNull();
    }
}
