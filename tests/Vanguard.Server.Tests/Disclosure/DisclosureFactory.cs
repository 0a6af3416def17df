using System.Globalization;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Vanguard.Server.Modules.Disclosure.Publication;
using Vanguard.Server.Tests.Cases;

namespace Vanguard.Server.Tests.Disclosure;

/// <summary>
/// The platform on a clock each test sets (forwards or back: the decisions of a test carry dates of its own month), the publication
/// job and the monthly scoring driven by the test only.
/// </summary>
public class DisclosureFactory : VanguardFactory
{
    public SettableClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [new("Vanguard:Disclosure:JobEnabled", "false"), new("Vanguard:Performance:JobEnabled", "false")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>Sets the clock to 10:00 China time of the day.</summary>
    public void Today(string day) =>
        Clock.Now = new DateTimeOffset(DateOnly.Parse(day, CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));

    internal Task<PublicationRun> PublishAsync() => Services.GetRequiredService<DisclosureJob>().RunOnceAsync(ApiClient.Ct);
}

/// <summary>A clock a test can set to any time (FakeTimeProvider only moves forward).</summary>
public sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}

/// <summary>A party of a test decision: unique name, ID number and plate per test.</summary>
internal sealed record TestParty(string Name, string IdNumber, string Plate, string Phone = "13900000000", string Address = "河南省郑州市中牟县青年路 1 号");

internal static class DisclosureKit
{
    private static CancellationToken Ct => ApiClient.Ct;

    /// <summary>An ordinary case of the county filed 10 days before <paramref name="decidedOn"/> and decided that day (a fine of 1 000 yuan unless another outcome);
    /// the act 10 days before the decision. <paramref name="kind"/>: <c>person</c> or <c>organisation</c> (then the ID number is its credit code).</summary>
    public static async Task<(Guid Id, string CaseNumber)> DecidedAsync(
        HttpClient client, string county, TestParty party, string decidedOn, string outcome = "penalty", string? facts = null, string kind = "person")
    {
        var officers = await CaseApi.TwoOfficersAsync(client, county);
        var decided = DateOnly.Parse(decidedOn, CultureInfo.InvariantCulture);
        string Day(int days) => decided.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var created = await CaseApi.CreateAsync(client, new
        {
            procedure = "ordinary",
            agencyCode = county,
            offenceCode = "overload.dimensions",
            title = $"{party.Name}车货总高度超限案",
            party = new { kind, name = party.Name, idNumber = party.IdNumber, address = party.Address, phone = party.Phone },
            vehicle = new { plate = party.Plate, color = "yellow" },
            actOn = Day(-10),
            acceptedOn = Day(-10),
            facts = facts ?? $"当事人{party.Name}驾驶{party.Plate}货车，车货总高度超过 4 米。",
            officerIds = officers,
        });
        var id = CaseApi.IdOf(created);
        await CaseApi.ActAsync(client, id, "file", new { on = Day(-10), approvedBy = "张诚" });
        await CaseApi.ActAsync(client, id, "complete-investigation", new { on = Day(-9) });
        await CaseApi.ActAsync(client, id, "notify", new { on = Day(-8), proposedFineFen = 100_000 });
        await CaseApi.ActAsync(client, id, "waive-rights", new { on = Day(-8), statement = true, hearing = true });
        var detail = await CaseApi.ActAsync(client, id, "decide", outcome == "penalty"
            ? new { on = decidedOn, outcome, fineFen = (long?)100_000 }
            : new { on = decidedOn, outcome, fineFen = (long?)null });
        return (id, detail["summary"]!["caseNumber"]!.GetValue<string>());
    }

    public static async Task<System.Text.Json.Nodes.JsonNode> QueueAsync(HttpClient client, string month, string? q = null)
    {
        var response = await client.GetAsync($"/api/v1/disclosure/queue?month={month}&pageSize=200" + (q is null ? "" : "&q=" + Uri.EscapeDataString(q)), Ct);
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, body.ToJsonString());
        return body;
    }

    public static System.Text.Json.Nodes.JsonNode Row(System.Text.Json.Nodes.JsonNode queue, Guid caseId) =>
        queue["items"]!.AsArray().Single(i => i!["caseId"]!.GetValue<string>() == caseId.ToString())!;
}
