using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Vanguard.Server.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace Vanguard.Server.Tests.Complaints;

/// <summary>The staff page /complaints in a real browser: the list masks the complainant, the drawer shows them and the steps, and records the next step.</summary>
public sealed class ComplaintsPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    static ComplaintsPageTests() => SetDefaultExpectTimeout(15_000);

    [Fact]
    public async Task List_MasksTheComplainant_TheDrawerShowsTheSteps_AndRecordsTheNextOne()
    {
        var admin = await browser.Factory.SignedInAsync("admin");
        var device = await admin.PostAsJsonAsync("/api/v1/devices",
            new { kind = "hotline", code = "HOTLINE-UI-" + Guid.NewGuid().ToString("N")[..6], name = "12328 热线", agencyCode = "410000" }, ApiClient.Ct);
        var key = (await device.JsonAsync())["apiKey"]!.GetValue<string>();
        var ticket = "T-UI-" + Guid.NewGuid().ToString("N")[..6];
        var filed = await browser.Factory.AsDevice(key).PostAsJsonAsync(
            "/api/v1/complaints", ComplaintsFactory.Ticket(ticket, agencyCode: "410100", phone: "13855556666"), ApiClient.Ct);
        filed.StatusCode.ShouldBe(HttpStatusCode.Created, await filed.Content.ReadAsStringAsync(ApiClient.Ct));

        var page = await browser.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#username", "zhengzhou.command");
        await page.FillAsync("#password", VanguardFactory.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(browser.BaseUrl + "/");
        await page.GotoAsync("/complaints");
        await Expect(page.Locator(".vg-page[data-interactive=true]")).ToBeVisibleAsync();

        var row = page.Locator("[data-testid=complaints-table] tr", new() { HasText = ticket });
        await Expect(row).ToContainTextAsync("138****6666");
        await Expect(row).ToContainTextAsync("未到期");
        await Expect(row).Not.ToContainTextAsync("13855556666");
        await row.ClickAsync();

        var drawer = page.Locator(".ant-drawer-content");
        await Expect(drawer).ToContainTextAsync("13855556666");
        await Expect(drawer).ToContainTextAsync("受理");
        await Expect(drawer).ToContainTextAsync("交办");

        await page.FillAsync("#step-note", "已电话联系投诉人，约定明早现场核查。");
        await page.ClickAsync("#step-submit");

        await Expect(drawer).ToContainTextAsync("已电话联系投诉人，约定明早现场核查。");
        await Expect(drawer.Locator("[data-testid=complaint-step]")).ToContainTextAsync("记录到达现场");
        await Expect(row).ToContainTextAsync("按时");
    }
}
