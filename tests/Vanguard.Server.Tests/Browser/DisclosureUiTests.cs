using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vanguard.Server.Tests.Disclosure;
using static Microsoft.Playwright.Assertions;

namespace Vanguard.Server.Tests.Browser;

/// <summary>The disclosure platform (publication job driven by the test) on a real loopback port, for a browser.</summary>
public sealed class KestrelDisclosureFactory : DisclosureFactory
{
    public KestrelDisclosureFactory() => UseKestrel(0);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseStaticWebAssets();
    }
}

/// <summary>As <see cref="BrowserFixture"/>, on <see cref="KestrelDisclosureFactory"/>.</summary>
public sealed class DisclosureBrowserFixture : BrowserFixture<KestrelDisclosureFactory>;

/// <summary>执法公开管理 in a real browser: a legal reviewer withdraws a published decision with a note; the public page no longer lists it.</summary>
public sealed class DisclosureUiTests(DisclosureBrowserFixture browser) : IClassFixture<DisclosureBrowserFixture>
{
    static DisclosureUiTests() => SetDefaultExpectTimeout(30_000);

    [Fact]
    public async Task LegalReviewer_WithdrawsAPublishedDecisionWithANote_ThePublicListDropsIt()
    {
        var today = DateOnly.FromDateTime(browser.Factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var month = today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var client = await browser.Factory.SignedInAsync("zhengzhou.case");
        var decided = await DisclosureKit.DecidedAsync(client, "410122", new("欧阳界面", "410122197405050156", "豫A9U001"),
            today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await browser.Factory.PublishAsync();

        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync($"/disclosure?q={Uri.EscapeDataString(decided.CaseNumber)}");
        await Expect(visitor.Locator("[data-testid=disclosure-row]")).ToContainTextAsync("欧***");

        var page = await browser.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#username", "zhengzhou.legal");
        await page.FillAsync("#password", VanguardFactory.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(browser.BaseUrl + "/");
        await page.GotoAsync($"/disclosure/manage?month={month}");
        await Expect(page.Locator(".vg-page[data-interactive=true]")).ToBeVisibleAsync();
        var row = page.Locator("[data-testid=disclosure-table] tr", new() { HasText = decided.CaseNumber });
        await Expect(row.Locator(".disclosure-status")).ToHaveTextAsync("已公示");
        await row.Locator(".disclosure-withdraw").ClickAsync();
        await page.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        await Expect(page.Locator(".disclosure-form-error")).ToContainTextAsync("撤回理由");
        await page.FillAsync("#withdraw-note", "涉及商业秘密，依政府信息公开条例第十五条不予公开。");
        await page.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        await Expect(row.Locator(".disclosure-status")).ToHaveTextAsync("已撤回");
        await Expect(row).ToContainTextAsync("涉及商业秘密");
        await Expect(row.Locator(".disclosure-withdraw")).ToHaveCountAsync(0);

        await visitor.GotoAsync($"/disclosure?q={Uri.EscapeDataString(decided.CaseNumber)}");
        await Expect(visitor.Locator("[data-testid=disclosure-empty]")).ToBeVisibleAsync();
        await Expect(visitor.Locator("[data-testid=disclosure-row]")).ToHaveCountAsync(0);
    }
}
