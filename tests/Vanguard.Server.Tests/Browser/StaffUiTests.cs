using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vanguard.Server.Modules.Organisation.Data;
using static Microsoft.Playwright.Assertions;

namespace Vanguard.Server.Tests.Browser;

/// <summary>The staff pages in a real browser: login, jurisdiction, device keys, language.</summary>
public sealed partial class StaffUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    static StaffUiTests() => SetDefaultExpectTimeout(30_000);

    private async Task<IPage> SignInAsync(string username, string password = VanguardFactory.Password)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#username", username);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=login-submit]");
        return page;
    }

    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        // Prerendered HTML shows the buttons before they work; wait for the live circuit.
        await Expect(page.Locator(".vg-page[data-interactive=true]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignIn_ThroughTheLoginForm_LandsOnHomeShowingTheUsersName()
    {
        string displayName;
        using (var scope = browser.Factory.Services.CreateScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByNameAsync("zhengzhou.admin");
            displayName = user!.DisplayName;
        }

        var page = await SignInAsync("zhengzhou.admin");

        await page.WaitForURLAsync(browser.BaseUrl + "/");
        await Expect(page.Locator("[data-testid=user-name]")).ToHaveTextAsync(displayName);
        await Expect(page.Locator("h1")).ToContainTextAsync("欢迎使用交通运输执法平台");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignIn_WithAWrongPassword_ShowsTheErrorInChinese()
    {
        var page = await SignInAsync("zhengzhou.case", "Wrong#2022");

        await Expect(page.Locator("[data-testid=login-error]")).ToHaveTextAsync("用户名或密码错误。");
        page.Url.ShouldStartWith(browser.BaseUrl + "/login");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Agencies_ShowTheUsersCityAndNoOtherCity()
    {
        var page = await SignInAsync("zhengzhou.admin");
        await page.WaitForURLAsync(browser.BaseUrl + "/");

        await OpenAsync(page, "/agencies");

        var tree = page.Locator("#agency-tree");
        await Expect(tree).ToContainTextAsync("郑州市交通运输综合行政执法支队");
        await Expect(tree).ToContainTextAsync("中牟县交通运输综合行政执法大队");
        await Expect(tree).Not.ToContainTextAsync("南阳市");
        await Expect(tree).Not.ToContainTextAsync("许昌市");
        await Expect(page.Locator("#agency-detail")).ToContainTextAsync("410100");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task RegisterDevice_ShowsItsKeyOnceAndListsTheDevice()
    {
        var page = await SignInAsync("zhengzhou.admin");
        await page.WaitForURLAsync(browser.BaseUrl + "/");
        await OpenAsync(page, "/devices");

        await page.ClickAsync("#device-register");
        await page.ClickAsync("#device-kind");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Option, new() { Name = "动态称重检测点" }).ClickAsync();
        await page.FillAsync("[data-testid=device-code]", "WIM-UI-0001");
        await page.FillAsync("[data-testid=device-name]", "郑州绕城高速动态称重检测点");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记并签发密钥" }).ClickAsync();

        var keyBox = page.Locator("[data-testid=device-key]");
        await Expect(keyBox).ToContainTextAsync(KeyPattern());
        var key = KeyPattern().Match(await keyBox.InnerTextAsync()).Value;
        await page.ClickAsync("#device-key-close");

        var table = page.Locator(".vg-table");
        await Expect(table).ToContainTextAsync("WIM-UI-0001");
        await Expect(table).ToContainTextAsync("密钥有效");
        await Expect(keyBox).ToHaveCountAsync(0);
        (await page.ContentAsync()).ShouldNotContain(key, customMessage: "the key must not stay on the page once the user closed it");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SwitchingToEnglish_ChangesTheNavigation()
    {
        var page = await SignInAsync("zhengzhou.field");
        await page.WaitForURLAsync(browser.BaseUrl + "/");
        var navigation = page.Locator(".vg-sider");
        await Expect(navigation).ToContainTextAsync("组织机构");

        await page.ClickAsync("[data-testid=switch-language]");

        await Expect(navigation).ToContainTextAsync("Agencies");
        await Expect(navigation).ToContainTextAsync("Cases");
        await Expect(navigation).Not.ToContainTextAsync("组织机构");
        await page.Context.CloseAsync();
    }

    [GeneratedRegex("vgk_[A-Za-z0-9_-]{20,}")]
    private static partial Regex KeyPattern();
}
