using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Online.Data;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Tests.Online;

/// <summary>Every request arrives from 10.1.2.3 (the test server has no peer address of its own).</summary>
public class OnlinePeerFactory : OnlineFactory
{
    public const string Peer = "10.1.2.3";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.Insert(0, ServiceDescriptor.Transient<IStartupFilter, PeerFilter>()));
    }

    private sealed class PeerFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, inner) =>
            {
                http.Connection.RemoteIpAddress = IPAddress.Parse(Peer);
                return inner();
            });
            next(app);
        };
    }
}

/// <summary>The peer 10.1.2.3 is the configured reverse proxy.</summary>
public sealed class OnlineBehindProxyFactory : OnlinePeerFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [.. base.Settings, new("Vanguard:Proxy:KnownProxies:0", Peer)];
}

/// <summary>Issue 7, M6: X-Forwarded-For only from a configured proxy.</summary>
public sealed class OnlineProxyTests(OnlineBehindProxyFactory proxied, OnlinePeerFactory direct)
    : IClassFixture<OnlineBehindProxyFactory>, IClassFixture<OnlinePeerFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    [Fact]
    public async Task BehindAKnownProxy_TheConsentRecordsTheForwardedClient()
    {
        (await ConsentIpAsync(proxied)).ShouldBe("203.0.113.7");
    }

    [Fact]
    public async Task WithNoProxyConfigured_TheForwardedHeaderIsIgnored()
    {
        (await ConsentIpAsync(direct)).ShouldBe(OnlinePeerFactory.Peer);
    }

    private static async Task<string?> ConsentIpAsync(VanguardFactory factory)
    {
        var plate = OnlineApi.NewPlate();
        var (idNumber, phone) = await OnlineApi.RegisterVehicleAsync(factory, plate);
        var staff = await factory.SignedInAsync("zhengzhou.case");
        var caseId = await OnlineApi.NotifiedCaseAsync(staff, plate, idNumber, phone, 400_000, OnlineApi.Today);
        var party = await OnlineApi.PartyByCodeAsync(factory, plate, phone);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/online/cases/{caseId}/service-consent")
        {
            Content = JsonContent.Create(new { phone = "13700002222", agree = true }),
        };
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        var consented = await party.SendAsync(request, Ct);
        consented.StatusCode.ShouldBe(HttpStatusCode.OK, await consented.Content.ReadAsStringAsync(Ct));

        using var scope = factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        var db = scope.ServiceProvider.GetRequiredService<VanguardDbContext>();
        return await db.Set<OnlineServiceConsent>().Where(c => c.CaseId == caseId).Select(c => c.ClientIp).SingleAsync(Ct);
    }
}
