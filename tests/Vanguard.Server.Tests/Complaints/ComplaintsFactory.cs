using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Complaints.Jobs;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Tests.Complaints;

/// <summary>
/// The platform on a clock the test moves, with a tighter SLA row for consultations (1 h / 48 h) and the breach job
/// driven by the test only (its timer would otherwise run whenever the clock moves); the public form unthrottled.
/// </summary>
public sealed class ComplaintsFactory : VanguardFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [.. base.Settings, new("Vanguard:Complaints:Sla:consultation:ContactHours", "1"), new("Vanguard:Complaints:Sla:consultation:OnsiteHours", "48"),
            // Every request of the test server comes from the same (unknown) address: PublicThrottleTests checks the limits.
            new("Vanguard:Complaints:PublicFilingsPer10Minutes", "100000"), new("Vanguard:Complaints:PublicLookupsPer10Minutes", "100000"),
            // Warnings and scans are counted here: the demo complaints (DemoComplaintsTests) would be counted too.
            new("Vanguard:Complaints:DemoComplaints", "false")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            var hosted = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationFactory is not null
                && d.ImplementationFactory.Method.ReturnType == typeof(BreachJob));
            services.Remove(hosted);
        });
    }

    internal Task<int> ScanAsync() => Services.GetRequiredService<BreachJob>().RunOnceAsync(ApiClient.Ct);

    public async Task<T> WithDbAsync<T>(Func<VanguardDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        return await work(scope.ServiceProvider.GetRequiredService<VanguardDbContext>());
    }

    /// <summary>A device key for the 12328 hotline system, registered with the province agency by the province administrator.</summary>
    public async Task<HttpClient> HotlineAsync(string kind = "hotline")
    {
        var admin = await this.SignedInAsync("admin");
        var code = kind + "-" + Guid.NewGuid().ToString("N")[..8];
        var response = await admin.PostAsJsonAsync("/api/v1/devices", new { kind, code, name = "12328 热线 " + code, agencyCode = "410000" }, ApiClient.Ct);
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToJsonString());
        return this.AsDevice(body["apiKey"]!.GetValue<string>());
    }

    public static object Ticket(
        string? ticketNo = null, string type = "complaint", string? placeAgency = "410122", string? agencyCode = null, string phone = "13812345678",
        string name = "张三", string? officerNo = null) => new
    {
        type,
        domain = "road_transport",
        place = new { text = "中牟县郑开大道白沙收费站", agencyCode = placeAgency, lat = 34.72, lon = 113.98 },
        occurredAt = DateTimeOffset.UtcNow.AddHours(-3),
        complainant = new { name, phone },
        accused = new { party = "豫A12345 出租车驾驶员", officerNo },
        description = "驾驶员拒载并辱骂乘客。",
        ticketNo,
        agencyCode,
    };

    public static async Task<JsonNode> CreatedAsync(HttpResponseMessage response)
    {
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToJsonString());
        return body;
    }
}
