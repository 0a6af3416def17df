using System.Net;
using System.Net.Http.Json;
using Vanguard.Domain.Cases;
using Vanguard.Server.Modules.Cases.Contracts;
using Vanguard.Server.Modules.Offsite.Contracts;

namespace Vanguard.Server.Tests.Warnings;

/// <summary>Each rule fires on data over its threshold and stays quiet below it; every test uses its own subjects.</summary>
public sealed class RuleFiringTests(WarningsFactory factory) : IClassFixture<WarningsFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    private async Task<List<string>> RulesAboutAsync(string subject) =>
        (await factory.WarningsAboutAsync(subject)).Select(w => w["ruleCode"]!.GetValue<string>()).Order().ToList();

    private PendingDecision Pending(string agencyCode, int daysLeft) => new(
        Guid.NewGuid(), factory.Agency(agencyCode).Id, "豫郑交立〔2026〕" + Random.Shared.Next(1000, 9999) + "号", "超限运输",
        factory.Today.AddDays(daysLeft - 90), factory.Today.AddDays(daysLeft), []);

    [Fact]
    public async Task CaseDeadline_NearWithin10Days_PassedAfter_QuietAt11()
    {
        var at10 = Pending("410102", 10);
        var at11 = Pending("410102", 11);
        var today = Pending("410102", 0);
        var passed = Pending("410102", -1);
        foreach (var p in new[] { at10, at11, today, passed })
        {
            factory.Cases.Pending.Add(p);
        }

        await factory.RunAsync();

        (await RulesAboutAsync($"case:{at10.CaseId}")).ShouldBe(["case_deadline_near"]);
        (await RulesAboutAsync($"case:{at11.CaseId}")).ShouldBeEmpty();
        (await RulesAboutAsync($"case:{today.CaseId}")).ShouldBe(["case_deadline_near"], "0 days left is still near, not yet passed");
        (await RulesAboutAsync($"case:{passed.CaseId}")).ShouldBe(["case_deadline_passed"]);
    }

    [Fact]
    public async Task Warning_IsAddressedToTheNearestAdministrators_WithAWorkingDayDeadline()
    {
        var near = Pending("410102", 5);
        factory.Cases.Pending.Add(near);

        await factory.RunAsync();

        var summary = await factory.OnlyWarningAsync($"case:{near.CaseId}", "case_deadline_near");
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var detail = await (await admin.GetAsync($"/api/v1/warnings/{summary["id"]}", Ct)).JsonAsync();
        detail["agencyCode"]!.GetValue<string>().ShouldBe("410102");
        detail["leaderAccounts"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldContain("zhengzhou.admin", "the county team has no administrator: the city's answer");
        detail["evidenceRefs"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldContain($"case:{near.CaseId}");
        detail["links"]![$"case:{near.CaseId}"]!.GetValue<string>().ShouldBe($"/cases/{near.CaseId}");
        var due = detail["dueAt"]!.GetValue<DateTimeOffset>();
        (due - factory.Clock.GetUtcNow()).ShouldBeGreaterThan(TimeSpan.FromDays(1), "3 working days, ending at midnight China time");
        (due - factory.Clock.GetUtcNow()).ShouldBeLessThan(TimeSpan.FromDays(12));
        due.ToOffset(TimeSpan.FromHours(8)).TimeOfDay.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public async Task PenaltyDeparts_FiresOverTheThreshold_NotBelowIt_NorOutsideTheLookback()
    {
        var agency = factory.Agency("410100").Id;
        DepartedDecision Departed(long fineFen, int daysAgo) => new(
            Guid.NewGuid(), agency, "豫郑交罚〔2026〕" + Random.Shared.Next(1000, 9999) + "号", "超限运输", factory.Today.AddDays(-daysAgo), fineFen, false,
            10_000_00, 50_000_00, false, [Guid.NewGuid()]);
        var over40 = Departed(70_000_00, 2);   // 40 % above the maximum
        var over20 = Departed(60_000_00, 2);   // 20 % above
        var old = Departed(90_000_00, 45);     // departed, but decided before the 30-day look-back
        foreach (var d in new[] { over40, over20, old })
        {
            factory.Cases.Departed.Add(d);
        }

        var admin = await factory.SignedInAsync("admin");
        (await admin.PutAsJsonAsync("/api/v1/warnings/rules/penalty_departs_standard", new { value = 30m }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        try
        {
            await factory.RunAsync();
        }
        finally
        {
            (await admin.PutAsJsonAsync("/api/v1/warnings/rules/penalty_departs_standard", new { value = 0m }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await RulesAboutAsync($"case:{over40.CaseId}")).ShouldBe(["penalty_departs_standard"]);
        (await RulesAboutAsync($"case:{over20.CaseId}")).ShouldBeEmpty("20 % is below the 30 % threshold");
        (await RulesAboutAsync($"case:{old.CaseId}")).ShouldBeEmpty();
    }

    [Fact]
    public async Task OnsiteWithoutBodycam_FiresWithoutAClip_NotWithOne_NorForOrdinaryCases()
    {
        var agency = factory.Agency("410100").Id;
        DecidedCase Decided(CaseProcedure procedure, int clips) => new(
            Guid.NewGuid(), agency, procedure, null, factory.Today, null, Enumerable.Range(0, clips).Select(_ => Guid.NewGuid()).ToList());
        var without = Decided(CaseProcedure.Simplified, 0);
        var with = Decided(CaseProcedure.Simplified, 1);
        var ordinary = Decided(CaseProcedure.Ordinary, 0);
        foreach (var d in new[] { without, with, ordinary })
        {
            factory.Cases.Decided.Add(d);
        }

        var officer = Guid.NewGuid();
        factory.Cases.Labels.Add(new CaseLabel(without.CaseId, "豫郑交简〔2026〕" + Random.Shared.Next(1000, 9999) + "号", "未随车携带道路运输证", [officer]));

        await factory.RunAsync();

        (await RulesAboutAsync($"case:{without.CaseId}")).ShouldBe(["onsite_without_bodycam"]);
        var warning = await factory.OnlyWarningAsync($"case:{without.CaseId}", "onsite_without_bodycam");
        warning["summary"]!.GetValue<string>().ShouldContain("豫郑交简〔2026〕", customMessage: "the case is named by its number from the cases module");
        (await RulesAboutAsync($"case:{with.CaseId}")).ShouldBeEmpty();
        (await RulesAboutAsync($"case:{ordinary.CaseId}")).ShouldBeEmpty();
    }

    [Fact]
    public async Task OfficerRepeatedComplaints_ThreeFire_TwoDoNot()
    {
        var (thrice, thriceNo) = await factory.OfficerOfAsync("410100", 2);
        var (twice, twiceNo) = await factory.OfficerOfAsync("410100", 3);
        var command = await factory.SignedInAsync("zhengzhou.command");
        foreach (var no in new[] { thriceNo, thriceNo, thriceNo, twiceNo, twiceNo })
        {
            var response = await command.PostAsJsonAsync("/api/v1/complaints", new
            {
                type = "complaint", domain = "road_transport", place = new { text = "郑州东站", agencyCode = "410100" },
                occurredAt = factory.Clock.GetUtcNow().AddHours(-2), complainant = new { name = "李四", phone = "13900001111" },
                accused = new { party = "执法人员", officerNo = no }, description = "执法态度粗暴。",
            }, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        }

        await factory.RunAsync();

        var warning = await factory.OnlyWarningAsync($"officer:{thrice}", "officer_repeated_complaints");
        warning["agencyCode"]!.GetValue<string>().ShouldBe("410100");
        warning["summary"]!.GetValue<string>().ShouldContain("3 次");
        (await RulesAboutAsync($"officer:{twice}")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Stations_ASilentUncertifiedWimStationFiresBoth_ACameraIsNeverUncertified()
    {
        var wim = await factory.StationAsync("wim-station", "410100");
        var camera = await factory.StationAsync("anpr-camera", "410100");

        await factory.RunAsync();

        (await RulesAboutAsync($"station:{wim}")).ShouldBe(["station_silent", "station_uncertified"]);
        (await RulesAboutAsync($"station:{camera}")).ShouldBe(["station_silent"]);
    }

    [Fact]
    public async Task Stations_ARecentReportKeepsSilentQuiet_ACertificateKeepsUncertifiedQuiet()
    {
        var sound = await factory.RegisterStationAsync("wim-station", "410100", certified: true);
        var quietButCertified = await factory.RegisterStationAsync("wim-station", "410100", certified: true);
        var reportingButUncertified = await factory.RegisterStationAsync("wim-station", "410100", certified: false);
        await factory.ReportWeighingAsync(sound.ApiKey);
        await factory.ReportWeighingAsync(reportingButUncertified.ApiKey);

        await factory.RunAsync();

        (await RulesAboutAsync($"station:{sound.Code}")).ShouldBeEmpty("it reported a minute ago and its certificate covers today");
        (await RulesAboutAsync($"station:{quietButCertified.Code}")).ShouldBe(["station_silent"]);
        (await RulesAboutAsync($"station:{reportingButUncertified.Code}")).ShouldBe(["station_uncertified"]);
    }

    [Fact]
    public async Task EvidenceIntegrity_AnOpenFindingFires()
    {
        var problem = factory.Integrity.Add(factory.Agency("410100").Id);

        await factory.RunAsync();

        var warning = await factory.OnlyWarningAsync($"evidence:{problem.EvidenceId}", "evidence_integrity");
        warning["summary"]!.GetValue<string>().ShouldContain("SHA-256");
    }

    [Fact]
    public async Task OfficerTopOfRange_FiresAt80Percent_NotAt60_NorBelow5Cases()
    {
        var agency = factory.Agency("410100").Id;
        var (at80, at60, four) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        void Fines(Guid officer, int cases, int atTop)
        {
            for (var i = 0; i < cases; i++)
            {
                factory.Cases.Fines.Add(new DecidedFine(Guid.NewGuid(), agency, null, "超限运输", factory.Today.AddDays(-i), i < atTop ? 30_000_00 : 20_000_00,
                    10_000_00, 30_000_00, [officer]));
            }
        }

        Fines(at80, 5, 4);
        Fines(at60, 5, 3);
        Fines(four, 4, 4);
        // A fixed amount leaves no discretion: not counted, so it cannot make up the fifth case.
        factory.Cases.Fines.Add(new DecidedFine(Guid.NewGuid(), agency, null, "未随车携带道路运输证", factory.Today, 200_00, 200_00, 200_00, [four]));

        await factory.RunAsync();

        (await RulesAboutAsync($"officer:{at80}")).ShouldBe(["officer_top_of_range"]);
        (await RulesAboutAsync($"officer:{at60}")).ShouldBeEmpty();
        (await RulesAboutAsync($"officer:{four}")).ShouldBeEmpty();
    }

    [Fact]
    public async Task FinesUp_WhileTheOverloadRateIsNotLower_Fires_ButNotWhenItFell()
    {
        var (nanyang, xuchang) = (factory.Agency("411300"), factory.Agency("411000"));
        var (teamNanyang, teamXuchang) = (factory.Agency("411302").Id, factory.Agency("411002").Id);
        var monthStart = new DateOnly(factory.Today.Year, factory.Today.Month, 1);
        var china = TimeSpan.FromHours(8);
        foreach (var (team, station, rateNow) in new[] { (teamNanyang, nanyang.Id, 5), (teamXuchang, xuchang.Id, 3) })
        {
            for (var m = 1; m <= 3; m++)
            {
                factory.Cases.Fined.Add((team, monthStart.AddMonths(-m).AddDays(9), 100_000_00));
            }

            factory.Cases.Fined.Add((team, factory.Today, 150_000_00)); // +50 %
            factory.Cases.Weighings.Add((station, new DateTimeOffset(monthStart.AddMonths(-2).ToDateTime(TimeOnly.MinValue), china), 100, 4));
            factory.Cases.Weighings.Add((station, new DateTimeOffset(factory.Today.ToDateTime(TimeOnly.MinValue), china), 100, rateNow));
        }

        await factory.RunAsync();

        var warning = await factory.OnlyWarningAsync($"agency:{nanyang.Id}", "fines_up_violations_not_down");
        warning["summary"]!.GetValue<string>().ShouldContain("50");
        (await RulesAboutAsync($"agency:{xuchang.Id}")).ShouldBeEmpty("the overload rate fell from 4 % to 3 %");
    }
}
