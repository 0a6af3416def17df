using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Organisation.Data;
using Vanguard.Server.Tests.Performance;
using static Microsoft.Playwright.Assertions;

namespace Vanguard.Server.Tests.Browser;

/// <summary>The performance platform (with the tests' reversal source) on a real loopback port, for a browser.</summary>
public sealed class KestrelPerformanceFactory : PerformanceFactory
{
    public KestrelPerformanceFactory() => UseKestrel(0);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseStaticWebAssets();
    }
}

/// <summary>As <see cref="BrowserFixture"/>, on <see cref="KestrelPerformanceFactory"/>: deductions come from a source the test controls.</summary>
public sealed class PerformanceBrowserFixture : BrowserFixture<KestrelPerformanceFactory>;

/// <summary>
/// 绩效评价管理 in a real browser: the province computes and publishes a month, an agency administrator drills into the deduction
/// and objects, the evaluator sees only pseudonyms, and the province upholds the objection, which publishes a corrected version.
/// </summary>
public sealed class PerformanceUiTests(PerformanceBrowserFixture browser) : IClassFixture<PerformanceBrowserFixture>
{
    private const string Month = "2024-09";
    private const string Evaluator = "ui.evaluator";

    static PerformanceUiTests() => SetDefaultExpectTimeout(30_000);

    private async Task<IPage> SignInAsync(string username)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#username", username);
        await page.FillAsync("#password", VanguardFactory.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(browser.BaseUrl + "/");
        await page.GotoAsync($"/performance/manage?month={Month}");
        // Prerendered HTML shows the buttons before they work; wait for the live circuit.
        await Expect(page.Locator(".vg-page[data-interactive=true]")).ToBeVisibleAsync();
        return page;
    }

    private async Task<string> SetUpAsync(string[] cases)
    {
        browser.Factory.Reverse("410100", cases);
        await using var scope = browser.Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        var tree = scope.ServiceProvider.GetRequiredService<IAgencyDirectory>().Current;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser
        {
            UserName = Evaluator, DisplayName = "界面评估机构", AgencyId = tree.All.Single(a => a.Level == (int)AgencyLevel.Province).Id, CreatedAt = DateTimeOffset.UtcNow,
        };
        (await users.CreateAsync(user, VanguardFactory.Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, Role.Evaluator)).Succeeded.ShouldBeTrue();
        return tree.FindByCode("410100")!.Name;
    }

    [Fact]
    public async Task Province_ComputesAndPublishes_AgencyObjects_EvaluatorSeesPseudonyms_ProvinceUpholds()
    {
        string[] cases = [$"case:{Guid.NewGuid()}", $"case:{Guid.NewGuid()}", $"case:{Guid.NewGuid()}"];
        var zhengzhou = await SetUpAsync(cases);

        // The province computes the month and publishes the version.
        var admin = await SignInAsync("admin");
        var runs = admin.Locator("[data-testid=perf-runs]");
        await Expect(runs).ToContainTextAsync("尚未评分");
        await admin.ClickAsync("#perf-compute");
        var first = runs.Locator("tr", new() { Has = admin.Locator(".perf-run[data-number='1']") });
        await Expect(first).ToContainTextAsync("已计算（未发布）");
        var agencies = admin.Locator("[data-testid=perf-agencies]");
        var row = agencies.Locator("tr", new() { HasText = zhengzhou });
        await Expect(row.Locator(".perf-score")).ToHaveTextAsync("94");
        await Expect(row).ToContainTextAsync("复议诉讼纠错 −6");
        await first.Locator(".perf-publish").ClickAsync();
        await admin.Locator(".ant-popover .ant-btn-primary").ClickAsync();
        await Expect(first).ToContainTextAsync("已发布");
        await Expect(first.Locator(".perf-publish")).ToHaveCountAsync(0);

        // The drill-down: every indicator (all measured since issue #10: none flagged "暂无数据"), the records linked to their case pages.
        await row.Locator(".perf-drill").ClickAsync();
        var drill = admin.Locator("[data-testid=perf-drill]");
        await Expect(drill).ToContainTextAsync("复议诉讼纠错");
        await Expect(drill.Locator(".perf-nodata")).ToHaveCountAsync(0);
        foreach (var c in cases)
        {
            await Expect(drill.Locator($".perf-ref a[href='/cases/{c["case:".Length..]}']")).ToHaveCountAsync(1);
            await Expect(drill.Locator($".perf-sample-record a[href='/cases/{c["case:".Length..]}']")).ToHaveCountAsync(1);
        }

        var sample = admin.Locator("[data-testid=perf-sample]");
        await Expect(sample.Locator(".perf-sample-record")).ToHaveCountAsync(3);
        await Expect(sample).ToContainTextAsync("复议撤销");
        await Expect(sample).ToContainTextAsync(cases[0]);
        await Expect(drill.Locator(".perf-object")).ToHaveCountAsync(0); // the province decides objections, it does not raise them
        await admin.Context.CloseAsync();

        // The agency administrator objects to the deduction.
        var agency = await SignInAsync("zhengzhou.admin");
        await Expect(agency.Locator("#perf-compute")).ToHaveCountAsync(0);
        await Expect(agency.Locator("[data-testid=perf-runs] .perf-publish")).ToHaveCountAsync(0);
        await agency.Locator($"[data-testid=perf-agencies] .perf-drill[data-code='410100']").ClickAsync();
        var item = agency.Locator("[data-testid=perf-drill] tr", new() { HasText = "复议诉讼纠错" });
        await item.Locator(".perf-object").ClickAsync();
        await agency.FillAsync("#objection-reason", "其中一件复议撤销系因法规修订，非本单位执法过错。");
        await agency.GetByRole(AriaRole.Button, new() { Name = "提交质疑" }).ClickAsync();
        await Expect(agency.Locator("#objection-reason")).ToHaveCountAsync(0);
        await agency.Locator(".ant-drawer-close").ClickAsync();
        await agency.GetByRole(AriaRole.Tab, new() { Name = "质疑" }).ClickAsync();
        var objection = agency.Locator("[data-testid=perf-objections] tr", new() { HasText = "法规修订" });
        await Expect(objection).ToContainTextAsync("待处理");
        await Expect(objection).ToContainTextAsync("扣 6 分");
        await Expect(objection.Locator(".perf-uphold")).ToHaveCountAsync(0);
        await agency.Context.CloseAsync();

        // The evaluator reads the same deduction: pseudonyms and facts, never the record ids, and no button that changes anything.
        var evaluator = await SignInAsync(Evaluator);
        await Expect(evaluator.Locator("#perf-compute")).ToHaveCountAsync(0);
        await evaluator.Locator($"[data-testid=perf-agencies] .perf-drill[data-code='410100']").ClickAsync();
        var evaluatorDrill = evaluator.Locator("[data-testid=perf-drill]");
        await Expect(evaluatorDrill.Locator(".perf-sample-ref")).ToHaveCountAsync(3);
        await Expect(evaluatorDrill.Locator(".perf-sample-ref").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^case#[0-9a-f]{16}$"));
        await Expect(evaluatorDrill).ToContainTextAsync("复议撤销");
        await Expect(evaluatorDrill.Locator("a[href^='/cases/']")).ToHaveCountAsync(0);
        (await evaluatorDrill.InnerTextAsync()).ShouldNotContain(cases[1]["case:".Length..]);
        await Expect(evaluatorDrill.Locator(".perf-object")).ToHaveCountAsync(0);
        await evaluator.Context.CloseAsync();

        // The province upholds it with a corrected deduction: a new version is published and the old one superseded.
        var province = await SignInAsync("admin");
        await province.GetByRole(AriaRole.Tab, new() { Name = "质疑" }).ClickAsync();
        var pending = province.Locator("[data-testid=perf-objections] tr", new() { HasText = "法规修订" });
        await pending.Locator(".perf-uphold").ClickAsync();
        await province.FillAsync("#decide-deduction input", "2");
        await province.FillAsync("#decide-note", "经核实，扣除 2 件。");
        await province.GetByRole(AriaRole.Button, new() { Name = "确定", Exact = true }).ClickAsync();
        await Expect(pending).ToContainTextAsync("质疑成立");
        await Expect(pending).ToContainTextAsync("扣分更正为 2 分（第 2 版）");

        await province.GetByRole(AriaRole.Tab, new() { Name = "月度评分" }).ClickAsync();
        var provinceRuns = province.Locator("[data-testid=perf-runs]");
        await Expect(provinceRuns.Locator("tr", new() { Has = province.Locator(".perf-run[data-number='2']") })).ToContainTextAsync("已发布");
        await Expect(provinceRuns.Locator("tr", new() { Has = province.Locator(".perf-run[data-number='1']") })).ToContainTextAsync("已被替代");
        await Expect(province.Locator("[data-testid=perf-agencies] tr", new() { HasText = zhengzhou }).Locator(".perf-score")).ToHaveTextAsync("98");
        await province.Context.CloseAsync();
    }
}
