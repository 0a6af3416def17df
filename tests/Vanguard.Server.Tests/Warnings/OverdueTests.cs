using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Vanguard.Domain.Performance;
using Vanguard.Server.Modules.Performance.Contracts;

namespace Vanguard.Server.Tests.Warnings;

/// <summary>Overdue warnings on a clock moved past their deadline, and the performance indicator that counts them (own platform: the clock moves).</summary>
public sealed class OverdueTests(WarningsFactory factory) : IClassFixture<WarningsFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    [Fact]
    public async Task OpenPastItsDeadline_IsOverdue_AndCountedAgainstTheAgency_AsIsOneClosedLate()
    {
        var agency = factory.Agency("410100");
        var (open, late, onTime) = (factory.Integrity.Add(agency.Id), factory.Integrity.Add(agency.Id), factory.Integrity.Add(agency.Id));
        await factory.RunAsync();
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var raisedIn = ScoringMonth.Of(factory.Clock.GetUtcNow());
        var onTimeWarning = await factory.OnlyWarningAsync($"evidence:{onTime.EvidenceId}", "evidence_integrity");
        (await admin.PostAsJsonAsync($"/api/v1/warnings/{onTimeWarning["id"]}/respond", new { response = "已按期核查处理。" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        factory.Clock.Advance(TimeSpan.FromDays(10));
        admin = await factory.SignedInAsync("zhengzhou.admin"); // the first token expired on the way
        var lateWarning = await factory.OnlyWarningAsync($"evidence:{late.EvidenceId}", "evidence_integrity");
        (await admin.PostAsJsonAsync($"/api/v1/warnings/{lateWarning["id"]}/respond", new { response = "逾期后才核查。" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var overdue = await factory.WarningsAboutAsync($"evidence:{open.EvidenceId}", query: "&overdue=true");
        overdue.Single()["overdue"]!.GetValue<bool>().ShouldBeTrue();
        (await factory.WarningsAboutAsync($"evidence:{late.EvidenceId}"))[0]["closedLate"]!.GetValue<bool>().ShouldBeTrue();

        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Vanguard.Server.Modules.Organisation.Contracts.PrincipalAccessor>().SetSystem();
        var source = IndicatorSources.ByKey(scope.ServiceProvider.GetServices<IIndicatorSource>())[SourceKeys.WarningsOverdue];
        var tree = factory.Services.GetRequiredService<Vanguard.Server.Modules.Organisation.Contracts.IAgencyDirectory>().Current;
        var nanyang = factory.Agency("411300");
        var readings = await source.ComputeAsync(
            [new ScoredAgency(agency.Id, tree.Subtree(agency.Id)), new ScoredAgency(nanyang.Id, tree.Subtree(nanyang.Id))], raisedIn, Ct);

        var refs = readings[agency.Id].RecordRefs;
        refs.ShouldContain($"warning:{overdue.Single()["id"]}");
        refs.ShouldContain($"warning:{lateWarning["id"]}");
        refs.ShouldNotContain($"warning:{onTimeWarning["id"]}");
        readings[agency.Id].Measurement.Failures.ShouldBeGreaterThanOrEqualTo(2);
        readings[nanyang.Id].RecordRefs.ShouldNotContain($"warning:{overdue.Single()["id"]}");
        var facts = await source.DescribeAsync([$"warning:{lateWarning["id"]}"], Ct);
        facts.Single().Facts.Single(f => f.Key == "处置情况").Value.ShouldContain("逾期");
    }

    [Fact]
    public async Task NearDeadlineThatPasses_IsNotMarkedCleared_AndThePassedRuleFires()
    {
        var pending = new Vanguard.Server.Modules.Cases.Contracts.PendingDecision(
            Guid.NewGuid(), factory.Agency("410184").Id, "豫郑交立〔2026〕77号", "超限运输", factory.Today.AddDays(-89), factory.Today.AddDays(1), []);
        factory.Cases.Pending.Add(pending);
        await factory.RunAsync();

        factory.Clock.Advance(TimeSpan.FromDays(3));
        await factory.RunAsync();

        var warnings = await factory.WarningsAboutAsync($"case:{pending.CaseId}");
        warnings.Select(w => w["ruleCode"]!.GetValue<string>()).Order().ShouldBe(["case_deadline_near", "case_deadline_passed"]);
        warnings.ShouldAllBe(w => w["status"]!.GetValue<string>() == "open" && !w["cleared"]!.GetValue<bool>());
    }
}
