using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Vanguard.Server.Tests.Performance;

/// <summary>指标体系: the default catalogue is preloaded and public; drafts are validated; published versions are frozen.</summary>
public sealed class CatalogueTests(PerformanceFactory factory) : IClassFixture<PerformanceFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    [Fact]
    public async Task Indicators_DefaultCatalogueIsPublishedAndPublic()
    {
        var catalogue = await PerformanceKit.OkAsync(await factory.CreateClient().GetAsync("/api/v1/performance/indicators", Ct));

        catalogue["status"]!.GetValue<string>().ShouldBe("published");
        catalogue["totalWeight"]!.GetValue<decimal>().ShouldBe(100m);
        catalogue["groups"]!.AsArray().Select(g => g!["code"]!.GetValue<string>())
            .ShouldBe(["timeliness", "precision", "openness", "traceability", "effect", "conduct"]);
        var indicators = catalogue["groups"]!.AsArray().SelectMany(g => g!["indicators"]!.AsArray()).ToList();
        indicators.Single(i => i!["code"]!.GetValue<string>() == "case_reversal")!["measured"]!.GetValue<bool>().ShouldBeTrue();
        indicators.Single(i => i!["code"]!.GetValue<string>() == "dispatch_hit_rate")!["measured"]!.GetValue<bool>()
            .ShouldBeTrue("Surveillance's dispatch outcomes measure it");
        indicators.Single(i => i!["code"]!.GetValue<string>() == "negative_incidents")!["measured"]!.GetValue<bool>()
            .ShouldBeTrue("the \"八六四\" inspections' breaches measure it");
        indicators.Single(i => i!["code"]!.GetValue<string>() == "warnings_on_time")!["measured"]!.GetValue<bool>()
            .ShouldBeTrue("the warnings module measures it");
        indicators.Single(i => i!["code"]!.GetValue<string>() == "case_reversal")!["rule"]!["kind"]!.GetValue<string>().ShouldBe("per_occurrence");
    }

    [Fact]
    public async Task Draft_NotSummingTo100_IsRefused()
    {
        var admin = await factory.SignedInAsync("admin");
        var body = await Tree(admin);
        body["groups"]![0]!["weight"] = 20m;
        body["groups"]![0]!["indicators"]![0]!["weight"] = 5m;

        var problem = await (await admin.PostAsJsonAsync("/api/v1/performance/indicators/versions", body, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

        PerformanceKit.Fields(problem).ShouldContain("groups:sum_not_100");
    }

    [Fact]
    public async Task Draft_WithBadRule_NamesTheField()
    {
        var admin = await factory.SignedInAsync("admin");
        var body = await Tree(admin);
        body["groups"]![1]!["indicators"]![1]!["rule"]!["cap"] = 50m;

        var problem = await (await admin.PostAsJsonAsync("/api/v1/performance/indicators/versions", body, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

        PerformanceKit.Fields(problem).ShouldBe(["groups[1].indicators[1].rule.cap:invalid"]);
    }

    [Fact]
    public async Task Draft_WithoutGroups_IsRefusedNotCrashed()
    {
        var admin = await factory.SignedInAsync("admin");

        await (await admin.PostAsJsonAsync("/api/v1/performance/indicators/versions", new { groups = new object?[] { null } }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
    }

    [Fact]
    public async Task Publish_FreezesTheVersionAndRetiresThePreviousOne()
    {
        var admin = await factory.SignedInAsync("admin");
        var body = await Tree(admin);
        body["note"] = "调整公开指标说明";
        var draft = await PerformanceKit.OkAsync(await admin.PostAsJsonAsync("/api/v1/performance/indicators/versions", body, Ct), HttpStatusCode.Created);
        var number = draft["number"]!.GetValue<int>();
        draft["status"]!.GetValue<string>().ShouldBe("draft");
        await (await factory.CreateClient().GetAsync($"/api/v1/performance/indicators/versions/{number}", Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "performance.catalogue_not_found");

        body["version"] = draft["version"]!.GetValue<int>();
        body["groups"]![2]!["indicators"]![0]!["definition"] = "当月作出的行政处罚决定中，7 个工作日内在门户网站公示的比例。";
        await PerformanceKit.OkAsync(await admin.PutAsJsonAsync($"/api/v1/performance/indicators/versions/{number}", body, Ct));
        await PerformanceKit.OkAsync(await admin.PostAsync($"/api/v1/performance/indicators/versions/{number}/publish", null, Ct));

        var current = await PerformanceKit.OkAsync(await factory.CreateClient().GetAsync("/api/v1/performance/indicators", Ct));
        current["number"]!.GetValue<int>().ShouldBe(number);
        current["groups"]![2]!["indicators"]![0]!["definition"]!.GetValue<string>().ShouldContain("门户网站");
        var versions = await PerformanceKit.OkAsync(await factory.CreateClient().GetAsync("/api/v1/performance/indicators/versions", Ct));
        versions.AsArray().Single(v => v!["number"]!.GetValue<int>() == 1)!["status"]!.GetValue<string>().ShouldBe("retired");

        body["version"] = current["version"]!.GetValue<int>();
        await (await admin.PutAsJsonAsync($"/api/v1/performance/indicators/versions/{number}", body, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "performance.catalogue_frozen");
        await (await admin.PostAsync($"/api/v1/performance/indicators/versions/{number}/publish", null, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "performance.catalogue_frozen");
    }

    [Fact]
    public async Task Draft_ByAnAgencyAdmin_IsForbidden()
    {
        var agencyAdmin = await factory.SignedInAsync("xuchang.admin");
        var body = await Tree(await factory.SignedInAsync("admin"));

        await (await agencyAdmin.PostAsJsonAsync("/api/v1/performance/indicators/versions", body, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    /// <summary>The published tree as a request body.</summary>
    private static async Task<JsonObject> Tree(HttpClient client)
    {
        var current = await PerformanceKit.OkAsync(await client.GetAsync("/api/v1/performance/indicators", Ct));
        return new JsonObject { ["groups"] = current["groups"]!.DeepClone() };
    }
}
