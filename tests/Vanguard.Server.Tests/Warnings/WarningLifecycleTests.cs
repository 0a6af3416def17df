using System.Net;
using System.Net.Http.Json;
using Vanguard.Server.Modules.Cases.Contracts;

namespace Vanguard.Server.Tests.Warnings;

/// <summary>One warning per subject whatever the runs and nodes; closed only with a response; who may see and answer it.</summary>
public sealed class WarningLifecycleTests(WarningsFactory factory) : IClassFixture<WarningsFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    private PendingDecision Near(string agencyCode) => new(
        Guid.NewGuid(), factory.Agency(agencyCode).Id, "豫交立〔2026〕" + Random.Shared.Next(1000, 9999) + "号", "超限运输",
        factory.Today.AddDays(-85), factory.Today.AddDays(5), []);

    [Fact]
    public async Task SecondRun_AndTwoNodesAtOnce_RaiseNoDuplicate()
    {
        var first = Near("410102");
        factory.Cases.Pending.Add(first);
        await factory.RunAsync();
        var again = await factory.RunAsync();

        var second = Near("410122");
        factory.Cases.Pending.Add(second);
        var runs = await Task.WhenAll(factory.RunAsync(), factory.RunAsync());

        again.Raised.ShouldBe(0);
        (await factory.WarningsAboutAsync($"case:{first.CaseId}")).Count.ShouldBe(1);
        (await factory.WarningsAboutAsync($"case:{second.CaseId}")).Count.ShouldBe(1, "two nodes racing write it once");
        runs.Sum(r => r.Raised).ShouldBe(1);
    }

    [Fact]
    public async Task Response_ClosesTheWarning_AndTheSameFindingIsNotRaisedAgain()
    {
        var problem = factory.Integrity.Add(factory.Agency("410100").Id);
        await factory.RunAsync();
        var warning = await factory.OnlyWarningAsync($"evidence:{problem.EvidenceId}", "evidence_integrity", "zhengzhou.admin");
        var admin = await factory.SignedInAsync("zhengzhou.admin");

        var response = await admin.PostAsJsonAsync($"/api/v1/warnings/{warning["id"]}/respond",
            new { response = "已从备份恢复原文件并复核哈希一致，查明为存储阵列故障。", version = warning["version"]!.GetValue<int>() }, Ct);
        var closed = await response.JsonAsync();
        await factory.RunAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, closed.ToJsonString());
        closed["status"]!.GetValue<string>().ShouldBe("closed");
        closed["response"]!.GetValue<string>().ShouldContain("备份");
        closed["respondedBy"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        var all = await factory.WarningsAboutAsync($"evidence:{problem.EvidenceId}");
        all.Select(w => w["status"]!.GetValue<string>()).ShouldBe(["closed"], "the finding still open in the evidence module is the same finding");
        await (await admin.PostAsJsonAsync($"/api/v1/warnings/{warning["id"]}/respond", new { response = "再次回复" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "warnings.closed");
    }

    [Fact]
    public async Task Response_IsRequired()
    {
        var problem = factory.Integrity.Add(factory.Agency("410100").Id, "missing");
        await factory.RunAsync();
        var warning = await factory.OnlyWarningAsync($"evidence:{problem.EvidenceId}", "evidence_integrity");
        var admin = await factory.SignedInAsync("zhengzhou.admin");

        await (await admin.PostAsJsonAsync($"/api/v1/warnings/{warning["id"]}/respond", new { response = "  " }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
    }

    [Fact]
    public async Task ClearedCondition_IsMarked_ButStaysOpenUntilTheResponse()
    {
        var problem = factory.Integrity.Add(factory.Agency("410100").Id);
        await factory.RunAsync();
        factory.Integrity.Open.TryRemove(problem.FindingId, out _);

        var run = await factory.RunAsync();

        run.Cleared.ShouldBeGreaterThanOrEqualTo(1);
        var warning = await factory.OnlyWarningAsync($"evidence:{problem.EvidenceId}", "evidence_integrity");
        warning["status"]!.GetValue<string>().ShouldBe("open");
        warning["cleared"]!.GetValue<bool>().ShouldBeTrue();
        var cleared = await factory.WarningsAboutAsync($"evidence:{problem.EvidenceId}", query: "&status=cleared");
        cleared.Count.ShouldBe(1);
    }

    [Fact]
    public async Task FieldOfficer_IsForbidden_AndTheCommandCentreMayReadButNotRespond()
    {
        var field = await factory.SignedInAsync("zhengzhou.field");
        var command = await factory.SignedInAsync("zhengzhou.command");

        (await field.GetAsync("/api/v1/warnings", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await command.GetAsync("/api/v1/warnings", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await command.PostAsJsonAsync($"/api/v1/warnings/{Guid.NewGuid()}/respond", new { response = "x" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AgencyAdmin_SeesAndAnswersOnlyTheirJurisdiction()
    {
        var zhengzhou = Near("410102");
        factory.Cases.Pending.Add(zhengzhou);
        await factory.RunAsync();
        var warning = await factory.OnlyWarningAsync($"case:{zhengzhou.CaseId}", "case_deadline_near");
        var nanyang = await factory.SignedInAsync("nanyang.admin");

        (await factory.WarningsAboutAsync($"case:{zhengzhou.CaseId}", "nanyang.admin")).ShouldBeEmpty();
        (await factory.WarningsAboutAsync($"case:{zhengzhou.CaseId}", "zhengzhou.admin")).Count.ShouldBe(1);
        await (await nanyang.GetAsync($"/api/v1/warnings/{warning["id"]}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "warnings.not_found");
        await (await nanyang.PostAsJsonAsync($"/api/v1/warnings/{warning["id"]}/respond", new { response = "越权回复" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "warnings.not_found");
    }

    [Fact]
    public async Task Thresholds_AreSetByTheProvinceAdministratorOnly_AndApplyToTheNextRun()
    {
        var city = await factory.SignedInAsync("zhengzhou.admin");
        var admin = await factory.SignedInAsync("admin");

        (await city.PutAsJsonAsync("/api/v1/warnings/rules/case_deadline_near", new { value = 20m }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await (await admin.PutAsJsonAsync("/api/v1/warnings/rules/case_deadline_near", new { responseDays = 0 }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        await (await admin.PutAsJsonAsync("/api/v1/warnings/rules/no_such_rule", new { value = 1m }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "warnings.rule_not_found");

        var at15 = Near("410184") with { DecisionDue = factory.Today.AddDays(15) };
        factory.Cases.Pending.Add(at15);
        await factory.RunAsync();
        (await factory.WarningsAboutAsync($"case:{at15.CaseId}")).ShouldBeEmpty("15 days left is beyond the default 10");
        var put = await admin.PutAsJsonAsync("/api/v1/warnings/rules/case_deadline_near", new { value = 20m, responseDays = 2 }, Ct);
        try
        {
            put.StatusCode.ShouldBe(HttpStatusCode.OK);
            await factory.RunAsync();
        }
        finally
        {
            await admin.PutAsJsonAsync("/api/v1/warnings/rules/case_deadline_near", new { value = 10m, responseDays = 3 }, Ct);
        }

        (await factory.WarningsAboutAsync($"case:{at15.CaseId}")).Count.ShouldBe(1);
        var rules = await (await city.GetAsync("/api/v1/warnings/rules", Ct)).JsonAsync();
        rules.AsArray().Single(r => r!["code"]!.GetValue<string>() == "officer_top_of_range")!["percent"]!.GetValue<decimal>().ShouldBe(80m);
    }
}
