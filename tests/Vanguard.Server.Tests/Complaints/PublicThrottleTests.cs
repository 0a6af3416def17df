using System.Net;
using System.Net.Http.Json;

namespace Vanguard.Server.Tests.Complaints;

/// <summary>The platform with one public filing and two look-ups per client address per 10 minutes.</summary>
public sealed class ThrottledComplaintsFactory : VanguardFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [.. base.Settings, new("Vanguard:Complaints:PublicFilingsPer10Minutes", "1"), new("Vanguard:Complaints:PublicLookupsPer10Minutes", "2")];
}

/// <summary>Anti-abuse of the public form: filings and look-ups are counted per client address.</summary>
public sealed class PublicThrottleTests(ThrottledComplaintsFactory factory) : IClassFixture<ThrottledComplaintsFactory>
{
    private static object Complaint() => new
    {
        type = "suggestion", domain = "expressway", areaCode = "411300", place = "南阳绕城高速服务区", occurredAt = DateTimeOffset.UtcNow.AddHours(-2),
        name = "孙八", phone = "13622223333", description = "服务区应增设充电桩。",
    };

    [Fact]
    public async Task Filings_AndLookups_OverTheLimit_Get429()
    {
        var client = factory.CreateClient();

        var first = await client.PostAsJsonAsync("/api/v1/public/complaints", Complaint(), ApiClient.Ct);
        var second = await client.PostAsJsonAsync("/api/v1/public/complaints", Complaint(), ApiClient.Ct);
        var lookups = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            lookups.Add(await client.PostAsJsonAsync("/api/v1/public/complaints/lookup", new { ticketNo = "WS2026000000" + i, phone = "13622223333" }, ApiClient.Ct));
        }

        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync(ApiClient.Ct));
        await second.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "complaints.rate_limited");
        lookups.Take(2).Select(r => r.StatusCode).ShouldBe([HttpStatusCode.NotFound, HttpStatusCode.NotFound]);
        await lookups[2].ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "complaints.rate_limited");
    }
}
