using Microsoft.Extensions.DependencyInjection;
using Vanguard.Server.Tests.Cases;

namespace Vanguard.Server.Tests.Warnings;

/// <summary>The case rules on cases driven through the cases API (the cases module's own ICaseWarningFacts, no fake).</summary>
public sealed class CaseRulesOnRealCasesTests(VanguardFactory factory) : IClassFixture<VanguardFactory>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private static string D(int daysFromToday) => Today.AddDays(daysFromToday).ToString("yyyy-MM-dd");

    private static object Case(Guid[] officers, int actOn) => new
    {
        procedure = "ordinary", agencyCode = "410122", offenceCode = "unlicensed.freight", title = "未取得道路运输经营许可擅自从事道路普通货物运输", source = 1,
        party = new { kind = "person", name = "钱多多", idNumber = "11010519491231002X", address = "河南省郑州市中牟县", phone = "13800000001" },
        vehicle = new { plate = "豫A5W321", color = "yellow" }, actOn = D(actOn), acceptedOn = D(actOn),
        facts = "当事人驾驶货车从事道路货物运输，未能出示道路运输证。", officerIds = officers,
    };

    [Fact]
    public async Task AFiledCaseNearItsDeadline_AndADecisionBelowTheStandard_AreWarned()
    {
        var client = await factory.SignedInAsync("zhengzhou.case");
        var officers = await CaseApi.TwoOfficersAsync(client, "410122");
        var pending = CaseApi.IdOf(await CaseApi.CreateAsync(client, Case(officers, -88)));
        await CaseApi.ActAsync(client, pending, "file", new { on = D(-88), approvedBy = "张诚" });
        var departed = CaseApi.IdOf(await CaseApi.CreateAsync(client, Case(officers, -6)));
        await CaseApi.ActAsync(client, departed, "file", new { on = D(-6), approvedBy = "张诚" });
        await CaseApi.ActAsync(client, departed, "complete-investigation", new { on = D(-5) });
        await CaseApi.ActAsync(client, departed, "notify", new { on = D(-4), proposedFineFen = 300_000 });
        await CaseApi.ActAsync(client, departed, "waive-rights", new { on = D(-4), statement = true, hearing = true });
        var decided = await CaseApi.ActAsync(client, departed, "decide", new { on = D(-3), outcome = "penalty", fineFen = 200_000 });
        decided["proposal"]!["decisionDeparts"]!.GetValue<bool>().ShouldBeTrue();

        await factory.Services.GetRequiredService<Vanguard.Server.Modules.Warnings.Jobs.WarningJob>().RunOnceAsync(ApiClient.Ct);

        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var page = await (await admin.GetAsync("/api/v1/warnings?pageSize=200", ApiClient.Ct)).JsonAsync();
        var rules = page["items"]!.AsArray().Select(w => (Subject: w!["subject"]!.GetValue<string>(), Rule: w["ruleCode"]!.GetValue<string>())).ToList();
        rules.Where(r => r.Subject == $"case:{pending}").Select(r => r.Rule).ShouldBe(["case_deadline_near"]);
        rules.Where(r => r.Subject == $"case:{departed}").Select(r => r.Rule).ShouldBe(["penalty_departs_standard"]);
        var warning = page["items"]!.AsArray().Single(w => w!["subject"]!.GetValue<string>() == $"case:{departed}")!;
        var detail = await (await admin.GetAsync($"/api/v1/warnings/{warning["id"]}", ApiClient.Ct)).JsonAsync();
        detail["figures"]!.AsArray().Single(f => f!["label"]!.GetValue<string>() == "决定罚款")!["value"]!.GetValue<string>().ShouldBe("2,000 元");
        detail["evidenceRefs"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldContain($"officer:{officers[0]}");
    }
}
