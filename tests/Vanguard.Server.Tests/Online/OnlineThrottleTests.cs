using System.Net;
using System.Net.Http.Json;

namespace Vanguard.Server.Tests.Online;

/// <summary>The platform with a tight per-plate limit on look-ups.</summary>
public sealed class TightOnlineFactory : VanguardFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Vanguard:Online:PerAddressPer10Minutes", "100000"),
        new("Vanguard:Online:PerPlatePer10Minutes", "3"),
    ];
}

public sealed class OnlineThrottleTests(TightOnlineFactory factory) : IClassFixture<TightOnlineFactory>
{
    [Fact]
    public async Task Guessing_NoticeCodesForOnePlate_IsThrottled_WhileAnotherPlateStillWorks()
    {
        var plate = OnlineApi.NewPlate();
        var client = factory.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            var miss = await client.PostAsJsonAsync("/api/v1/online/lookup", new { plate, noticeCode = $"GUESS{i:D3}" }, ApiClient.Ct);
            await miss.ShouldBeProblemAsync(HttpStatusCode.NotFound, "online.lookup_failed");
        }

        var fourth = await client.PostAsJsonAsync("/api/v1/online/lookup", new { plate, noticeCode = "GUESS999" }, ApiClient.Ct);
        await fourth.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "online.rate_limited");
        var codes = await client.PostAsJsonAsync("/api/v1/online/codes", new { plate }, ApiClient.Ct);
        await codes.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "online.rate_limited");

        var other = await client.PostAsJsonAsync("/api/v1/online/lookup", new { plate = OnlineApi.NewPlate(), noticeCode = "GUESS000" }, ApiClient.Ct);
        await other.ShouldBeProblemAsync(HttpStatusCode.NotFound, "online.lookup_failed");
    }
}
