using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
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
public sealed class DisclosureBrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public KestrelDisclosureFactory Factory { get; } = new();

    public string BaseUrl { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable(BrowserFixture.ChromiumVariable);
        if (string.IsNullOrWhiteSpace(chromium) || !File.Exists(chromium))
        {
            throw new InvalidOperationException($"Browser tests need Chromium: set {BrowserFixture.ChromiumVariable} to its executable (/usr/bin/chromium).");
        }

        await Factory.InitializeAsync();
        Factory.StartServer();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseUrl = (addresses.FirstOrDefault(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)) ?? addresses.First())
            .Replace("://[::]:", "://127.0.0.1:", StringComparison.Ordinal).Replace("://localhost:", "://127.0.0.1:", StringComparison.Ordinal);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser!.NewContextAsync(new() { Locale = "zh-CN", BaseURL = BaseUrl, ViewportSize = new() { Width = 1400, Height = 900 } });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }
}

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
