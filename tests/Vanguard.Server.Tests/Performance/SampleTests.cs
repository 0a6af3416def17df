using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Organisation.Data;
using Vanguard.Server.Modules.Performance.Sample;

namespace Vanguard.Server.Tests.Performance;

/// <summary>
/// 第三方评估抽样: an evaluator sees, per deduction, a fixed sample of the records behind it with anonymised facts and pseudonyms
/// instead of record ids; administrators see the ids; nobody sees an agency outside their jurisdiction.
/// </summary>
public sealed partial class SampleTests(PerformanceFactory factory) : IClassFixture<PerformanceFactory>
{
    private const string Evaluator = "sample.evaluator";

    private static CancellationToken Ct => ApiClient.Ct;

    [GeneratedRegex("^case#[0-9a-f]{16}$")]
    private static partial Regex Pseudonym();

    private static string[] Cases(int count) => [.. Enumerable.Range(0, count).Select(_ => $"case:{Guid.NewGuid()}")];

    private async Task<HttpClient> EvaluatorAsync()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            if (await users.FindByNameAsync(Evaluator) is null)
            {
                scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
                var province = scope.ServiceProvider.GetRequiredService<IAgencyDirectory>().Current.All.Single(a => a.Level == (int)AgencyLevel.Province);
                var user = new StaffUser { UserName = Evaluator, DisplayName = "抽样评估机构", AgencyId = province.Id, CreatedAt = DateTimeOffset.UtcNow };
                (await users.CreateAsync(user, VanguardFactory.Password)).Succeeded.ShouldBeTrue();
                (await users.AddToRoleAsync(user, Role.Evaluator)).Succeeded.ShouldBeTrue();
            }
        }

        return await factory.SignedInAsync(Evaluator);
    }

    private static async Task<int> PublishedRunAsync(HttpClient admin, string month)
    {
        var number = (await PerformanceKit.ComputeAsync(admin, month))["number"]!.GetValue<int>();
        await PerformanceKit.PublishAsync(admin, month, number);
        return number;
    }

    private static JsonNode Reversal(JsonNode sample) =>
        sample["indicators"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == "case_reversal")!;

    private static List<string> Refs(JsonNode indicator) =>
        indicator["records"]!.AsArray().Select(r => r!["recordRef"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task Sample_ForAnEvaluator_ShowsPseudonymsAndFacts_NeverTheRecordIds()
    {
        var refs = Cases(8);
        factory.Reverse("410100", refs);
        var admin = await factory.SignedInAsync("admin");
        var number = await PublishedRunAsync(admin, "2024-03");
        var evaluator = await EvaluatorAsync();

        var response = await evaluator.GetAsync($"/api/v1/performance/runs/2024-03/{number}/agencies/410100/sample", Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        var sample = JsonNode.Parse(text)!;

        sample["pseudonymised"]!.GetValue<bool>().ShouldBeTrue();
        sample["size"]!.GetValue<int>().ShouldBe(5);
        // Only the deductions: the indicators without a source lost nothing and are not sampled.
        sample["indicators"]!.AsArray().Select(i => i!["code"]!.GetValue<string>()).ShouldBe(["case_reversal"]);
        var reversal = Reversal(sample);
        reversal["deducted"]!.GetValue<decimal>().ShouldBe(10m);
        reversal["linked"]!.GetValue<int>().ShouldBe(8);
        reversal["sourceAvailable"]!.GetValue<bool>().ShouldBeTrue();
        var records = reversal["records"]!.AsArray();
        records.Count.ShouldBe(5);
        foreach (var record in records)
        {
            record!["recordRef"]!.GetValue<string>().ShouldMatch(Pseudonym().ToString());
            record["described"]!.GetValue<bool>().ShouldBeTrue();
            record["kind"]!.GetValue<string>().ShouldBe("案件");
            record["facts"]!.AsArray().Single()!["value"]!.GetValue<string>().ShouldBe("复议撤销");
        }

        Refs(reversal).Distinct().Count().ShouldBe(5);
        foreach (var id in refs)
        {
            text.ShouldNotContain(id["case:".Length..], customMessage: "an evaluator never sees a record id");
        }

        var asAdmin = Reversal(await PerformanceKit.OkAsync(await admin.GetAsync($"/api/v1/performance/runs/2024-03/{number}/agencies/410100/sample", Ct)));
        var real = Refs(asAdmin);
        real.Count.ShouldBe(5);
        real.ShouldAllBe(r => refs.Contains(r));
    }

    [Fact]
    public async Task Sample_IsTheSameEveryTime_AndAPseudonymStaysWithItsRecord()
    {
        var refs = Cases(9);
        factory.Reverse("411000", refs);
        var admin = await factory.SignedInAsync("admin");
        var april = await PublishedRunAsync(admin, "2024-04");
        var may = await PublishedRunAsync(admin, "2024-05");
        var evaluator = await EvaluatorAsync();
        var url = $"/api/v1/performance/runs/2024-04/{april}/agencies/411000/sample";

        var first = Refs(Reversal(await PerformanceKit.OkAsync(await evaluator.GetAsync(url, Ct))));
        var second = Refs(Reversal(await PerformanceKit.OkAsync(await evaluator.GetAsync(url, Ct))));
        var three = Refs(Reversal(await PerformanceKit.OkAsync(await evaluator.GetAsync(url + "?size=3", Ct))));
        var all = Refs(Reversal(await PerformanceKit.OkAsync(await evaluator.GetAsync(url + "?size=20", Ct))));

        second.ShouldBe(first);
        three.ShouldBe(first.Take(3));
        all.Count.ShouldBe(9);
        all.ShouldBeUnique();
        first.ShouldBeSubsetOf(all);
        // Another month has its own sample, but the same record keeps its pseudonym across months.
        var mayAll = Refs(Reversal(await PerformanceKit.OkAsync(
            await evaluator.GetAsync($"/api/v1/performance/runs/2024-05/{may}/agencies/411000/sample?size=20", Ct))));
        mayAll.Order().ShouldBe(all.Order());

        await (await evaluator.GetAsync(url + "?size=21", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        await (await evaluator.GetAsync(url + "?size=0", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
    }

    [Fact]
    public async Task Sample_OutsideTheJurisdiction_IsNotFound_AndOthersMayNotAsk()
    {
        factory.Reverse("410100", Cases(2));
        var admin = await factory.SignedInAsync("admin");
        var number = await PublishedRunAsync(admin, "2024-06");

        await (await (await factory.SignedInAsync("nanyang.admin")).GetAsync($"/api/v1/performance/runs/2024-06/{number}/agencies/410100/sample", Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "performance.score_not_found");
        await (await (await factory.SignedInAsync("zhengzhou.case")).GetAsync($"/api/v1/performance/runs/2024-06/{number}/agencies/410100/sample", Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await factory.CreateClient().GetAsync($"/api/v1/performance/runs/2024-06/{number}/agencies/410100/sample", Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
        await (await admin.GetAsync($"/api/v1/performance/runs/2024-06/{number + 5}/agencies/410100/sample", Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "performance.run_not_found");
        // The agency administrator of Zhengzhou sees the real ids of their own agency.
        var own = Reversal(await PerformanceKit.OkAsync(
            await (await factory.SignedInAsync("zhengzhou.admin")).GetAsync($"/api/v1/performance/runs/2024-06/{number}/agencies/410100/sample", Ct)));
        Refs(own).ShouldAllBe(r => r.StartsWith("case:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAgencies_ListsOnlyTheCallersJurisdiction_WithPointsLost()
    {
        factory.Reverse("411000", Cases(3));
        var admin = await factory.SignedInAsync("admin");
        var number = (await PerformanceKit.ComputeAsync(admin, "2024-07"))["number"]!.GetValue<int>();

        var all = await PerformanceKit.OkAsync(await admin.GetAsync($"/api/v1/performance/runs/2024-07/{number}/agencies", Ct));
        all["status"]!.GetValue<string>().ShouldBe("computed");
        var xuchangRow = all["agencies"]!.AsArray().Single(a => a!["agencyCode"]!.GetValue<string>() == "411000")!;
        xuchangRow["lost"]!.GetValue<decimal>().ShouldBe(6m);
        xuchangRow["score"]!.GetValue<decimal>().ShouldBe(94m);
        all["agencies"]!.AsArray().Select(a => a!["agencyCode"]!.GetValue<string>()).ShouldContain("410100");
        all.ToJsonString().ShouldNotContain("case:");

        var xuchang = await PerformanceKit.OkAsync(await (await factory.SignedInAsync("xuchang.admin")).GetAsync($"/api/v1/performance/runs/2024-07/{number}/agencies", Ct));
        var codes = xuchang["agencies"]!.AsArray().Select(a => a!["agencyCode"]!.GetValue<string>()).ToList();
        codes.ShouldContain("411000");
        codes.ShouldAllBe(c => c.StartsWith("4110", StringComparison.Ordinal));
        (await PerformanceKit.OkAsync(await (await EvaluatorAsync()).GetAsync($"/api/v1/performance/runs/2024-07/{number}/agencies", Ct)))["agencies"]!
            .AsArray().Count.ShouldBe(all["agencies"]!.AsArray().Count);
    }

    [Fact]
    public void Pseudonyms_SurviveARestart_DifferPerInstallation_AndAConfiguredKeyMustBeLong()
    {
        const string Record = "weighing:12345";
        var running = factory.Services.GetRequiredService<RecordPseudonyms>().Of(Record);
        var configuration = factory.Services.GetRequiredService<IConfiguration>();
        var protection = factory.Services.GetRequiredService<IDataProtectionProvider>();

        // A restart reads the key kept in the data directory.
        new RecordPseudonyms(configuration, protection).Of(Record).ShouldBe(running);
        running.ShouldStartWith("weighing#");
        running.ShouldNotContain("12345");

        // Another installation (its own data directory) has its own key, so the same id gets another pseudonym.
        var elsewhere = Path.Combine(Path.GetTempPath(), "vanguard-tests", Guid.NewGuid().ToString("N"));
        var other = new ConfigurationBuilder().AddInMemoryCollection([new("Vanguard:DataDirectory", elsewhere)]).Build();
        try
        {
            new RecordPseudonyms(other, DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(elsewhere, "keys")))).Of(Record).ShouldNotBe(running);
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }

        IConfiguration Key(string key) => new ConfigurationBuilder().AddInMemoryCollection([new(RecordPseudonyms.KeySetting, key)]).Build();
        var configured = new RecordPseudonyms(Key(new string('k', 40)), protection).Of(Record);
        configured.ShouldNotBe(running);
        new RecordPseudonyms(Key(new string('k', 40)), protection).Of(Record).ShouldBe(configured);
        Should.Throw<InvalidOperationException>(() => new RecordPseudonyms(Key("too-short"), protection).Of(Record));
    }
}
