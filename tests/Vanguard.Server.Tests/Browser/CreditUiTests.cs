using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vanguard.Server.Modules.Credit.Jobs;
using Vanguard.Server.Tests.Cases;
using Vanguard.Server.Tests.Credit;
using static Microsoft.Playwright.Assertions;

namespace Vanguard.Server.Tests.Browser;

/// <summary>The platform on a real loopback port with the credit job driven by the test.</summary>
public sealed class KestrelCreditFactory : VanguardFactory
{
    public KestrelCreditFactory() => UseKestrel(0);

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [.. base.Settings, new("Vanguard:Credit:JobEnabled", "false")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseStaticWebAssets();
    }
}

public sealed class CreditBrowserFixture : BrowserFixture<KestrelCreditFactory>;

/// <summary>信用监管 in a real browser: a vehicle's 4th overload in 12 months is proposed; the administrator confirms the listing.</summary>
public sealed class CreditUiTests(CreditBrowserFixture browser) : IClassFixture<CreditBrowserFixture>
{
    static CreditUiTests() => SetDefaultExpectTimeout(30_000);

    [Fact]
    public async Task Admin_ConfirmsAProposedListing_AndSeesItListed()
    {
        var client = await browser.Factory.SignedInAsync("zhengzhou.case");
        var officers = await CaseApi.TwoOfficersAsync(client, CreditFactory.County);
        var (plate, id) = CreditFactory.NewSubject();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        foreach (var days in new[] { 50, 30, 20, 10 })
        {
            await CreditFactory.OverloadAsync(client, officers, today.AddDays(-days), plate, id, "沈界面");
        }

        await browser.Factory.Services.GetRequiredService<CreditJob>().RunOnceAsync(ApiClient.Ct);

        var page = await browser.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", VanguardFactory.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(browser.BaseUrl + "/");

        await page.GotoAsync("/credit");
        await Expect(page.Locator(".vg-page[data-interactive=true]")).ToBeVisibleAsync();

        var row = page.Locator("[data-testid=credit-blacklist] tr", new() { HasText = plate });
        await Expect(row).ToContainTextAsync("拟列入");
        await row.ClickAsync();
        await Expect(page.Locator("[data-testid=credit-entry-status]")).ToHaveTextAsync("拟列入");
        await Expect(page.Locator("[data-testid=credit-counted] li")).ToHaveCountAsync(4);
        await page.FillAsync("#entry-note", "已告知当事人，未提出异议，确认列入。");
        await page.ClickAsync("#entry-confirm");
        await Expect(page.Locator("[data-testid=credit-entry-status]")).ToHaveTextAsync("已列入");
        await Expect(page.Locator("#entry-confirm")).ToHaveCountAsync(0);

        await Expect(row).ToContainTextAsync("已列入");

        await page.GotoAsync("/credit/sources");
        await Expect(page.Locator("[data-testid=credit-sources]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=credit-enterprises]")).ToBeVisibleAsync();
    }
}
