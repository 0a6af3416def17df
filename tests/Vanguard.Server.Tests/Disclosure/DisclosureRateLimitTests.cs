using System.Net;

namespace Vanguard.Server.Tests.Disclosure;

/// <summary>The public disclosure pages share the per-address <c>login</c> limit of the public API, here low enough to hit.</summary>
public sealed class DisclosureRateLimitTests(DisclosureRateLimitTests.TightFactory factory) : IClassFixture<DisclosureRateLimitTests.TightFactory>
{
    public sealed class TightFactory : VanguardFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            [new("Vanguard:RateLimits:PublicPerMinute", "3"), new("Vanguard:Disclosure:JobEnabled", "false"), new("Vanguard:Performance:JobEnabled", "false")];
    }

    [Fact]
    public async Task EveryPublicPage_BeyondTheLimit_Is429()
    {
        var client = factory.CreateClient();
        string[] pages = ["/disclosure", "/disclosure/sites", $"/disclosure/{Guid.NewGuid()}"];
        foreach (var page in pages)
        {
            (await client.GetAsync(page, ApiClient.Ct)).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests, page);
        }

        // Three requests used the minute's three permits: each page, asked again, is refused (one without the limiter would answer).
        foreach (var page in pages)
        {
            var response = await client.GetAsync(page, ApiClient.Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, page);
            response.Headers.RetryAfter.ShouldNotBeNull();
        }
    }
}
