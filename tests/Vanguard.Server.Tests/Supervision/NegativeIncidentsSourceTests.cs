using Microsoft.Extensions.DependencyInjection;
using Vanguard.Domain.Performance;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Performance.Contracts;

namespace Vanguard.Server.Tests.Supervision;

/// <summary>负面舆情和违纪事件: one per inspection of the month with a breach, against the inspected agency's subtree; described without names.</summary>
public sealed class NegativeIncidentsSourceTests(SupervisionFactory factory) : IClassFixture<SupervisionFactory>
{
    [Fact]
    public async Task Source_CountsInspectionsWithABreach_InTheMonth_PerAgencySubtree()
    {
        var officer = await factory.OfficerAsync("410102");
        var other = await factory.OfficerAsync("410102", 1);
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var breach = await SupervisionFactory.RecordAsync(admin, SupervisionFactory.Inspection(
            officer.Id, inspectedOn: "2023-05-10", items: [("b3", "breach"), ("b4", "breach"), ("y1", "compliant")]));
        await SupervisionFactory.RecordAsync(admin, SupervisionFactory.Inspection(other.Id, inspectedOn: "2023-05-11", items: [("b3", "compliant")]));
        await SupervisionFactory.RecordAsync(admin, SupervisionFactory.Inspection(other.Id, inspectedOn: "2023-06-01", items: [("b5", "breach")]));
        var id = breach["inspection"]!["id"]!.GetValue<Guid>();

        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        var tree = scope.ServiceProvider.GetRequiredService<IAgencyDirectory>().Current;
        var scored = new[] { "410100", "410102", "411300" }.Select(c => tree.FindByCode(c)!).Select(a => new ScoredAgency(a.Id, tree.Subtree(a.Id))).ToList();
        var source = scope.ServiceProvider.GetServices<IIndicatorSource>().Last(s => s.Key == SourceKeys.NegativeIncidents);

        var readings = await source.ComputeAsync(scored, new ScoringMonth(2023, 5), ApiClient.Ct);

        readings[scored[0].AgencyId].Measurement.Failures.ShouldBe(1);
        readings[scored[1].AgencyId].Measurement.Failures.ShouldBe(1);
        readings[scored[1].AgencyId].RecordRefs.ShouldBe([$"inspection:{id}"]);
        readings[scored[2].AgencyId].Measurement.Failures.ShouldBe(0);

        var facts = (await source.DescribeAsync([$"inspection:{id}", "inspection:not-a-guid", $"inspection:{Guid.NewGuid()}"], ApiClient.Ct)).ShouldHaveSingleItem();
        var text = string.Join("|", facts.Facts.Select(f => f.Key + "=" + f.Value));
        text.ShouldContain("八不准第3条：不准对当事人有不文明言行");
        text.ShouldContain("八不准第4条：不准未佩戴使用执法记录仪上岗执法");
        text.ShouldContain("中原区交通运输综合行政执法大队");
        text.ShouldContain("2023-05-10");
        text.ShouldNotContain(officer.Name);
        text.ShouldNotContain(officer.OfficerNo);
    }
}
