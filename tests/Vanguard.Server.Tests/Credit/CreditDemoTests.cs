using Microsoft.Extensions.DependencyInjection;
using Vanguard.Server.Modules.Credit.Demo;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Tests.Credit;

/// <summary>The demo province with the credit job driven by the test only.</summary>
public sealed class CreditDemoFactory : VanguardFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [.. base.Settings, new("Vanguard:Credit:JobEnabled", "false")];
}

/// <summary>The demo's credit data is made through the case workflow, so /credit has real decisions to show.</summary>
public sealed class CreditDemoTests(CreditDemoFactory factory) : IClassFixture<CreditDemoFactory>
{
    private async Task SeedAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        await scope.ServiceProvider.GetRequiredService<CreditDemoSeeder>().SeedAsync(ApiClient.Ct);
    }

    [Fact]
    public async Task DemoSeeder_DecidesOverloadsOnTheSpot_AndTheJobProposesTheVehicleDriverAndSource_Once()
    {
        await SeedAsync();
        await SeedAsync();

        var admin = await factory.SignedInAsync("admin");
        var entries = (await CreditFactory.OkAsync(await admin.GetAsync("/api/v1/credit/blacklist?pageSize=50", ApiClient.Ct)))["items"]!.AsArray();
        entries.Select(e => e!["rule"]!.GetValue<string>()).Order().ShouldBe(["driver_overload", "source_overload", "vehicle_overload"]);
        entries.ShouldAllBe(e => e!["status"]!.GetValue<string>() == "proposed");
        entries.ShouldAllBe(e => e!["countedCases"]!.GetValue<int>() == 4);
        var dashboard = await CreditFactory.OkAsync(await admin.GetAsync("/api/v1/credit/sources", ApiClient.Ct));
        dashboard["sources"]!.AsArray().ShouldHaveSingleItem()!["trucks"]!.GetValue<int>().ShouldBe(1);
        var enterprise = dashboard["enterprises"]!.AsArray().ShouldHaveSingleItem()!;
        (enterprise["fleet"]!.GetValue<int>(), enterprise["violating"]!.GetValue<int>(), enterprise["overLine"]!.GetValue<bool>())
            .ShouldBe((4, 2, false), "a fleet of 4 is below the minimum of 10 that is rated");
    }
}
