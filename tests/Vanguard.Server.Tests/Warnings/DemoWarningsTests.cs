using Microsoft.Extensions.DependencyInjection;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Warnings.Demo;
using Vanguard.Server.Modules.Warnings.Jobs;

namespace Vanguard.Server.Tests.Warnings;

/// <summary>The demo seeder makes real on-the-spot decisions without a clip; the job's run finds them, once.</summary>
public sealed class DemoWarningsTests(VanguardFactory factory) : IClassFixture<VanguardFactory>
{
    private async Task SeedAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        await scope.ServiceProvider.GetRequiredService<WarningsDemoSeeder>().SeedAsync(ApiClient.Ct);
    }

    [Fact]
    public async Task DemoDecisionsWithoutAClip_AreWarnedOnce_TheSeederIsIdempotent()
    {
        await SeedAsync();
        await SeedAsync();
        var job = factory.Services.GetRequiredService<WarningJob>();
        await job.RunOnceAsync(ApiClient.Ct);
        await job.RunOnceAsync(ApiClient.Ct);

        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var page = await (await admin.GetAsync("/api/v1/warnings?rule=onsite_without_bodycam", ApiClient.Ct)).JsonAsync();

        var items = page["items"]!.AsArray();
        items.Count.ShouldBe(2);
        items.ShouldAllBe(w => w!["subject"]!.GetValue<string>().StartsWith("case:") && w["summary"]!.GetValue<string>().Contains("执法记录仪"));
    }
}
