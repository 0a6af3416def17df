using Microsoft.Extensions.DependencyInjection;
using Vanguard.Server.Modules.Disclosure.Demo;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Tests.Disclosure;

/// <summary>The demo publications: on-the-spot decisions of three counties, published masked, one withdrawn; seeding twice adds nothing.</summary>
public sealed class DisclosureDemoTests(DisclosureFactory factory) : IClassFixture<DisclosureFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    [Fact]
    public async Task DemoSeeder_PublishesMaskedDecisions_OnceOnly()
    {
        await SeedAsync();
        await SeedAsync();

        var anonymous = factory.CreateClient();
        var text = await (await anonymous.GetAsync("/api/v1/disclosure/decisions?pageSize=200", Ct)).Content.ReadAsStringAsync(Ct);
        var list = System.Text.Json.Nodes.JsonNode.Parse(text)!;
        var names = list["items"]!.AsArray().Select(i => i!["partyName"]!.GetValue<string>()).ToList();
        names.ShouldBe(["赵**", "钱**", "长葛市顺达货运有限公司"], ignoreOrder: true, "the fourth is withdrawn");
        text.ShouldNotContain("赵演示");
        text.ShouldNotContain("豫A3D501");

        var legal = await factory.SignedInAsync("zhengzhou.legal");
        var queue = await DisclosureKit.QueueAsync(legal, DateTime.UtcNow.AddHours(8).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        queue["counts"]!["withdrawn"]!.GetValue<int>().ShouldBe(1);
        queue["counts"]!["published"]!.GetValue<int>().ShouldBe(1, "郑州's jurisdiction holds the two 新郑 decisions");
    }

    private async Task SeedAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        await scope.ServiceProvider.GetRequiredService<DisclosureDemoSeeder>().SeedAsync(Ct);
    }
}
