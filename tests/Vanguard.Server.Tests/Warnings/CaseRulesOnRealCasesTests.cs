using Microsoft.Extensions.DependencyInjection;
using Vanguard.Domain.Cases;
using Vanguard.Server.Modules.Cases.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;
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

    /// <summary>Runs <paramref name="work"/> on the cases module's own contracts, as the warning job does (the platform, no user).</summary>
    private async Task<T> AsPlatformAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        return await work(scope.ServiceProvider);
    }

    [Fact]
    public async Task ADeadlineOnARestDay_MovesInTheWarningAsOnTheCasePage()
    {
        var calendar = await factory.Services.GetRequiredService<ILegalCalendar>().CurrentAsync(ApiClient.Ct);
        // Filed so that day 90 is a rest day before a working day within the next 10 days (a Sunday at least): the near warning fires.
        var ago = Enumerable.Range(81, 9).First(k => !calendar.IsWorkingDay(Today.AddDays(90 - k)) && calendar.IsWorkingDay(Today.AddDays(91 - k)));
        var client = await factory.SignedInAsync("zhengzhou.case");
        var officers = await CaseApi.TwoOfficersAsync(client, "410122");
        var id = CaseApi.IdOf(await CaseApi.CreateAsync(client, Case(officers, -ago)));
        var filed = await CaseApi.ActAsync(client, id, "file", new { on = D(-ago), approvedBy = "张诚" });
        var onThePage = DateOnly.Parse(filed["deadlines"]!["decisionDue"]!.GetValue<string>());
        onThePage.ShouldBeGreaterThan(Today.AddDays(90 - ago), "day 90 is a rest day: the case page moves the deadline to the next working day");
        calendar.IsWorkingDay(onThePage).ShouldBeTrue();

        var pending = await AsPlatformAsync(async sp => await sp.GetRequiredService<ICaseWarningFacts>().PendingDecisionsAsync(ApiClient.Ct));
        pending.Single(p => p.CaseId == id).DecisionDue.ShouldBe(onThePage);

        await factory.Services.GetRequiredService<Vanguard.Server.Modules.Warnings.Jobs.WarningJob>().RunOnceAsync(ApiClient.Ct);
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var page = await (await admin.GetAsync("/api/v1/warnings?rule=case_deadline_near&pageSize=200", ApiClient.Ct)).JsonAsync();
        var warning = page["items"]!.AsArray().Single(w => w!["subject"]!.GetValue<string>() == $"case:{id}")!;
        var detail = await (await admin.GetAsync($"/api/v1/warnings/{warning["id"]}", ApiClient.Ct)).JsonAsync();
        detail["figures"]!.AsArray().Single(f => f!["label"]!.GetValue<string>() == "决定期限")!["value"]!.GetValue<string>()
            .ShouldBe(onThePage.ToString("yyyy-MM-dd"));
    }

    [Fact]
    public async Task FinesByAgency_AddsUpInTheDatabase_WhatTheDecisionsSay()
    {
        // A day of its own (no other test of this class decides on it), so the sums before and after differ by this case only.
        var (from, to) = (Today.AddDays(-12), Today.AddDays(-11));
        var agency = factory.Services.GetRequiredService<IAgencyDirectory>().Current.FindByCode("410122")!.Id;
        async Task<AgencyFines?> FinesAsync() =>
            (await AsPlatformAsync(async sp => await sp.GetRequiredService<ICaseWarningFacts>().FinesByAgencyAsync(from, to, ApiClient.Ct)))
            .SingleOrDefault(f => f.AgencyId == agency);
        var before = await FinesAsync();

        var client = await factory.SignedInAsync("zhengzhou.case");
        var officers = await CaseApi.TwoOfficersAsync(client, "410122");
        foreach (var (outcome, fineFen) in new[] { ("penalty", 350_000L), ("penalty", 120_000L) })
        {
            var id = CaseApi.IdOf(await CaseApi.CreateAsync(client, Case(officers, -15)));
            await CaseApi.ActAsync(client, id, "file", new { on = D(-15), approvedBy = "张诚" });
            await CaseApi.ActAsync(client, id, "complete-investigation", new { on = D(-14) });
            await CaseApi.ActAsync(client, id, "notify", new { on = D(-13), proposedFineFen = fineFen });
            await CaseApi.ActAsync(client, id, "waive-rights", new { on = D(-13), statement = true, hearing = true });
            await CaseApi.ActAsync(client, id, "decide", new { on = D(-12), outcome, fineFen });
        }

        var after = await FinesAsync();
        after.ShouldNotBeNull();
        (after.FineFen - (before?.FineFen ?? 0)).ShouldBe(470_000);
        (after.Decisions - (before?.Decisions ?? 0)).ShouldBe(2);
        // The same figures as adding up the decisions in full, which is what the rule did before.
        var decisions = await AsPlatformAsync(async sp => await sp.GetRequiredService<ICaseDecisions>().DecidedAsync(from, to, ApiClient.Ct));
        var penalties = decisions.Where(d => d.AgencyId == agency && d.Outcome == CaseOutcome.Penalty).ToList();
        after.FineFen.ShouldBe(penalties.Sum(d => d.FineFen ?? 0));
        after.Decisions.ShouldBe(penalties.Count);
    }
}
