using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Vanguard.Domain.Performance;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Performance.Contracts;

namespace Vanguard.Server.Tests.Performance;

/// <summary>
/// The platform with one extra data source the tests control (复议诉讼纠错, per agency code); every other indicator has no source in
/// the platform yet and scores "no data". The monthly job is off so that no run appears behind a test's back.
/// </summary>
public class PerformanceFactory : VanguardFactory
{
    internal FakeReversalSource Source { get; } = new();

    // The job test calls the job by hand whatever today's date: from day 1.
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [new("Vanguard:Performance:JobEnabled", "false"), new("Vanguard:Performance:JobDayOfMonth", "1")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IIndicatorSource>(Source));
    }
}

/// <summary>Reversed cases by agency code; the readings are what the test put in, for every run until changed.</summary>
internal sealed class FakeReversalSource : IIndicatorSource
{
    public ConcurrentDictionary<string, string[]> ReversedCasesByAgencyCode { get; } = new();

    public string Key => SourceKeys.CasesReversed;

    public IAgencyDirectory? Agencies { get; set; }

    public Task<IReadOnlyDictionary<Guid, SourceReading>> ComputeAsync(IReadOnlyList<ScoredAgency> agencies, ScoringMonth month, CancellationToken ct)
    {
        var result = new Dictionary<Guid, SourceReading>();
        foreach (var (code, refs) in ReversedCasesByAgencyCode)
        {
            if (Agencies?.Current.FindByCode(code) is { } agency && agencies.Any(a => a.AgencyId == agency.Id))
            {
                result[agency.Id] = new SourceReading(new Measurement(refs.Length, refs.Length), refs);
            }
        }

        return Task.FromResult<IReadOnlyDictionary<Guid, SourceReading>>(result);
    }

    public Task<IReadOnlyList<RecordFacts>> DescribeAsync(IReadOnlyList<string> recordRefs, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<RecordFacts>>(recordRefs.Select(r => new RecordFacts(r, "案件", null, [new("测试", "复议撤销")])).ToList());
}

internal static class PerformanceKit
{
    private static CancellationToken Ct => ApiClient.Ct;

    public static void Reverse(this PerformanceFactory factory, string agencyCode, params string[] caseRefs)
    {
        factory.Source.Agencies ??= factory.Services.GetRequiredService<IAgencyDirectory>();
        factory.Source.ReversedCasesByAgencyCode[agencyCode] = caseRefs;
    }

    public static async Task<JsonNode> OkAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(status, body.ToJsonString());
        return body;
    }

    public static async Task<JsonNode> ComputeAsync(HttpClient province, string month) =>
        await OkAsync(await province.PostAsJsonAsync("/api/v1/performance/runs", new { month }, Ct), HttpStatusCode.Created);

    public static async Task<JsonNode> PublishAsync(HttpClient province, string month, int number) =>
        await OkAsync(await province.PostAsync($"/api/v1/performance/runs/{month}/{number}/publish", null, Ct));

    /// <summary>The fields a validation problem names (its <c>errors</c> array) with their codes.</summary>
    public static IReadOnlyList<string> Fields(JsonNode problem) =>
        problem["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>() + ":" + e["code"]!.GetValue<string>()).ToList();

    public static JsonNode Row(JsonNode board, string agencyCode) =>
        board["agencies"]!.AsArray().Single(a => a!["agencyCode"]!.GetValue<string>() == agencyCode)!;
}
