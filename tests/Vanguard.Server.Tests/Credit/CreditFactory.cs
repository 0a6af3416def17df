using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Credit.Jobs;
using Vanguard.Server.Tests.Cases;
using Vanguard.Server.Tests.Registry;

namespace Vanguard.Server.Tests.Credit;

/// <summary>
/// The platform on a clock the test moves (credit repair waits a year), the credit job driven by the tests only. Decisions are made
/// on the spot (简易程序: create + decide, two calls each) for 超限 by dimensions, on days relative to the clock's today.
/// </summary>
public sealed class CreditFactory : VanguardFactory
{
    public const string County = "410122";

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>Listings here last 3 years instead of 2: the periods are configuration (the terminal test reads the end date).</summary>
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [.. base.Settings, new("Vanguard:Credit:JobEnabled", "false"), new("Vanguard:Credit:Periods:ListingMonths", "36")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public DateOnly Today => LegalClock.Today(Clock);

    internal async Task<T> WithDbAsync<T>(Func<VanguardDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        return await work(scope.ServiceProvider.GetRequiredService<VanguardDbContext>());
    }

    internal Task<CreditRunResult> RunJobAsync() => Services.GetRequiredService<CreditJob>().RunOnceAsync(ApiClient.Ct);

    /// <summary>A unique plate (豫P…8, apart from the demo's plates) and a unique 身份证号.</summary>
    public static (string Plate, string IdNumber) NewSubject()
    {
        var n = RegistryData.Next();
        return (RegistryData.Plate(n), RegistryData.IdNumber(n));
    }

    /// <summary>One decided 超限 violation on the spot: the party (a person) drove the vehicle on that day.</summary>
    public static async Task<Guid> OverloadAsync(HttpClient client, Guid[] officers, DateOnly on, string plate, string idNumber, string name, string offence = "overload.dimensions")
    {
        var day = on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var id = CaseApi.IdOf(await CaseApi.CreateAsync(client, new
        {
            procedure = "simplified", agencyCode = County, offenceCode = offence, title = "车货总高度超过 4 米（未超过 4.2 米）",
            party = new { kind = "person", name, idNumber }, vehicle = new { plate, color = "yellow" }, actOn = day, acceptedOn = day, officerIds = officers,
        }));
        await CaseApi.ActAsync(client, id, "decide-on-spot", new { on = day, fineFen = 10_000 });
        return id;
    }

    /// <summary>A person's credit record: the ID number in the body with a purpose (POST, audited).</summary>
    public static async Task<JsonNode> PersonAsync(HttpClient client, string idNumber) =>
        await OkAsync(await client.PostAsJsonAsync("/api/v1/credit/persons/lookup", new { idNumber, purpose = "案件办理核查信用记录" }, ApiClient.Ct));

    /// <summary>A vehicle's credit record (yellow plate).</summary>
    public static async Task<JsonNode> VehicleAsync(HttpClient client, string plate) =>
        await OkAsync(await client.GetAsync($"/api/v1/credit/vehicles/{Uri.EscapeDataString(plate)}?color=yellow", ApiClient.Ct));

    public static async Task<JsonNode> OkAsync(HttpResponseMessage response)
    {
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        return body;
    }

    /// <summary>The blacklist entries of one subject (by the list's search), any status.</summary>
    public static async Task<List<JsonNode>> EntriesAsync(HttpClient client, string q) =>
        (await OkAsync(await client.GetAsync($"/api/v1/credit/blacklist?q={Uri.EscapeDataString(q)}&pageSize=50", ApiClient.Ct)))["items"]!.AsArray()
            .Select(n => n!).ToList();

    public static async Task PostOkAsync(HttpClient client, string url, object body) =>
        await OkAsync(await client.PostAsJsonAsync(url, body, ApiClient.Ct));
}
