using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
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

    /// <summary>
    /// 登记投诉 in the page for a command role, then the reviewer of the complaint about an officer: one of the officer's own
    /// team is refused with the server's 回避 message, one of another team is named.
    /// </summary>
    [Fact]
    public async Task Intake_ThroughTheDialog_ThenTheReviewer_FromTheAccusedTeamIsRefused_FromAnotherIsNamed()
    {
        using var admin = await browser.Factory.SignedInAsync("zhengzhou.admin");
        var officers = (await (await admin.GetAsync("/api/v1/officers?agencyCode=410100&pageSize=200", ApiClient.Ct)).JsonAsync())["items"]!.AsArray()
            .Where(o => o!["active"]!.GetValue<bool>()).ToList();
        var team = officers.Where(o => o!["agencyCode"]!.GetValue<string>() == "410100").OrderBy(o => o!["officerNo"]!.GetValue<string>()).ToList();
        var (accused, colleague) = (team[^1]!, team[^2]!);
        var outsider = officers.First(o => o!["agencyCode"]!.GetValue<string>() != "410100")!;
        var place = "郑州市管城区紫荆山路治超点 " + Guid.NewGuid().ToString("N")[..6];

        var page = await browser.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#username", "zhengzhou.admin");
        await page.FillAsync("#password", VanguardFactory.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(browser.BaseUrl + "/");
        await page.GotoAsync("/complaints");
        await Expect(page.Locator(".vg-page[data-interactive=true]")).ToBeVisibleAsync();

        await page.ClickAsync("#complaint-create");
        await Expect(page.Locator("#create-place")).ToBeVisibleAsync();
        await page.FillAsync("#create-place", place);
        await page.FillAsync("#create-name", "周九");
        await page.FillAsync("#create-phone", "13577778888");
        await page.FillAsync("#create-accused", "治超点执法人员");
        await page.FillAsync("#create-officer", accused["officerNo"]!.GetValue<string>());
        await page.FillAsync("#create-description", "执法人员检查时态度恶劣。");
        await page.SetInputFilesAsync("[data-testid=create-photos]",
            new FilePayload { Name = "现场.png", MimeType = "image/png", Buffer = PublicComplaintTests.PngBytes });
        await Expect(page.Locator(".ant-modal-wrap:visible")).ToContainTextAsync("现场.png");
        await page.Locator(".ant-modal-wrap:visible .ant-modal-footer .ant-btn-primary").ClickAsync();

        var drawer = page.Locator(".ant-drawer-content");
        await Expect(drawer).ToContainTextAsync(place);
        await Expect(drawer).ToContainTextAsync("13577778888");
        await Expect(page.Locator("[data-testid=complaints-table] tr", new() { HasText = place })).ToContainTextAsync("135****8888");
        await Expect(drawer.Locator("[data-testid=complaint-photos] a")).ToHaveTextAsync("现场.png");
        var reviewer = drawer.Locator("[data-testid=complaint-reviewer]");
        await Expect(reviewer).ToBeVisibleAsync();

        async Task ChooseAsync(string officerNo)
        {
            await page.ClickAsync("#reviewer-officer");
            await Expect(page.Locator(".ant-select-dropdown:visible")).ToBeVisibleAsync();
            // Search narrows the long list to the one officer (an option scrolled out of the list cannot be clicked).
            await page.Locator("#reviewer-officer input").FillAsync(officerNo);
            var option = page.Locator(".ant-select-dropdown:visible .ant-select-item-option", new() { HasText = officerNo }).First;
            await Expect(option).ToBeVisibleAsync();
            await option.ClickAsync();
            await Expect(page.Locator("#reviewer-officer")).ToContainTextAsync(officerNo);
            await page.ClickAsync("#reviewer-submit");
        }

        await ChooseAsync(colleague["officerNo"]!.GetValue<string>());
        await Expect(page.Locator("#reviewer-error")).ToContainTextAsync("回避");

        await ChooseAsync(outsider["officerNo"]!.GetValue<string>());
        await Expect(drawer).ToContainTextAsync($"核查人 {outsider["name"]!.GetValue<string>()}");
        await Expect(page.Locator("#reviewer-error")).ToHaveCountAsync(0);
    }

    /// <summary>The public form on a phone, without signing in: a complaint with a photo, its ticket, then the look-up by ticket and phone.</summary>
    [Fact]
    public async Task PublicForm_FilesWithAPhoto_AndTheLookupShowsTheStage()
    {
        var page = await browser.NewPageAsync();
        var phone = "136" + Random.Shared.Next(10_000_000, 99_999_999);
        await page.GotoAsync("/online/complaint");
        await page.SelectOptionAsync("#domain", "urban_passenger");
        await page.SelectOptionAsync("#area", "410122");
        await page.FillAsync("#place", "中牟县汽车站");
        await page.FillAsync("#occurred", DateTime.UtcNow.AddHours(6).ToString("yyyy-MM-ddTHH:mm"));
        await page.FillAsync("#description", "出租车司机不打表，强行议价。");
        await page.FillAsync("#name", "吴十");
        await page.FillAsync("#phone", phone);
        await page.SetInputFilesAsync("#photos", new FilePayload { Name = "receipt.jpg", MimeType = "image/jpeg", Buffer = PublicComplaintTests.JpegBytes });
        await page.ClickAsync("[data-testid=complaint-submit]");

        var ticket = page.Locator("[data-testid=complaint-ticket]");
        await Expect(ticket).ToHaveTextAsync(new Regex("^WS\\d{14}$"));
        var ticketNo = await ticket.TextContentAsync();
        await page.ClickAsync("text=查询办理进度和答复");
        await Expect(page.Locator("#ticket")).ToHaveValueAsync(ticketNo!);
        await page.FillAsync("#phone", phone);
        await page.ClickAsync("[data-testid=lookup-submit]");

        await Expect(page.Locator("[data-testid=lookup-status]")).ToHaveTextAsync("已受理，待承办单位联系");
        await Expect(page.Locator("[data-testid=lookup-result]")).ToContainTextAsync("中牟");
    }
}
