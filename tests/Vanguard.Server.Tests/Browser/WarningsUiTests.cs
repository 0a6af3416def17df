using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vanguard.Server.Modules.Warnings.Jobs;
using static Microsoft.Playwright.Assertions;

namespace Vanguard.Server.Tests.Browser;

/// <summary>问题预警 in a real browser: the city's administrator opens the warning about a station of theirs, responds, and sees it closed.</summary>
public sealed class WarningsUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => ApiClient.Ct;

    static WarningsUiTests() => SetDefaultExpectTimeout(30_000);

    [Fact]
    public async Task AgencyAdmin_RespondsToAWarning_AndSeesItClosed()
    {
        // A measuring station without a 检定 certificate: the rule 检测站点检定失效 fires on the next run.
        var code = "wim-ui" + Guid.NewGuid().ToString("N")[..8];
        var admin = await browser.Factory.SignedInAsync("zhengzhou.admin");
        var created = await admin.PostAsJsonAsync("/api/v1/devices", new { kind = "wim-station", code, name = "界面测试检测点", agencyCode = "410100" }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        await browser.Factory.Services.GetRequiredService<WarningJob>().RunOnceAsync(Ct);

        var page = await browser.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#username", "zhengzhou.admin");
        await page.FillAsync("#password", VanguardFactory.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(browser.BaseUrl + "/");
        await page.GotoAsync("/warnings?rule=station_uncertified");
        await Expect(page.Locator(".vg-page[data-interactive=true]")).ToBeVisibleAsync();

        var row = page.Locator("[data-testid=warnings-table] tr", new() { HasText = code });
        await Expect(row).ToContainTextAsync("待处置");
        await row.ClickAsync();
        var drawer = page.Locator("[data-testid=warning-drawer]");
        await Expect(drawer).ToContainTextAsync("检定证书");
        await Expect(drawer).ToContainTextAsync("zhengzhou.admin");
        await Expect(drawer.Locator($"[data-testid=warning-evidence] a[href='/offsite']")).ToHaveCountAsync(1);
        await page.ClickAsync("#warning-respond");
        await page.FillAsync("#warning-response-text", "已联系计量检定机构，检定前该站数据不作执法依据。");
        await page.GetByRole(AriaRole.Button, new() { Name = "回复并办结" }).ClickAsync();

        await Expect(drawer.Locator("[data-testid=warning-response]")).ToContainTextAsync("计量检定机构");
        await Expect(row).ToContainTextAsync("已办结");
    }
}
