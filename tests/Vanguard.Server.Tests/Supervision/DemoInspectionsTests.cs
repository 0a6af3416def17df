using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Supervision.Data;
using Vanguard.Server.Modules.Supervision.Demo;

namespace Vanguard.Server.Tests.Supervision;

/// <summary>The demo province's three inspections go through the rules once, however often the seeder runs.</summary>
public sealed class DemoInspectionsTests(SupervisionFactory factory) : IClassFixture<SupervisionFactory>
{
    [Fact]
    public async Task Seeder_RecordsThreeInspectionsWithTheirAccountability_Once()
    {
        for (var run = 0; run < 2; run++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
            await scope.ServiceProvider.GetRequiredService<SupervisionDemoSeeder>().SeedAsync(ApiClient.Ct);
        }

        var (inspections, records) = await factory.WithDbAsync(async db => (
            await db.Set<Inspection>().Where(i => i.InspectorName == "督查组（演示）").ToListAsync(ApiClient.Ct),
            await db.Set<AccountabilityRecord>().ToListAsync(ApiClient.Ct)));
        inspections.Count.ShouldBe(3);
        inspections.Count(i => i.Breaches > 0).ShouldBe(2);
        var serious = inspections.Single(i => i.Serious);
        records.Where(r => r.InspectionId == serious.Id).Select(r => r.Level).Order().ShouldBe(["authority", "officer", "station_head"]);
        records.Single(r => r.InspectionId == serious.Id && r.Level == "officer").Status.ShouldBe("handled");
        records.Single(r => r.InspectionId == serious.Id && r.Level == "authority").Holder.ShouldBe("宛城区交通运输局");
    }
}
