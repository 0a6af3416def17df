using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Vanguard.Server.Tests.Browser;
using Vanguard.Server.Tests.Cases;
using static Microsoft.Playwright.Assertions;

namespace Vanguard.Server.Tests.Online;

/// <summary>The portal on a phone: the notice code to the case, its evidence, a statement with a photo, the officer's answer.</summary>
public sealed class OnlineUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    static OnlineUiTests() => SetDefaultExpectTimeout(15_000);

    private static CancellationToken Ct => ApiClient.Ct;

    private async Task<IPage> PhoneAsync()
    {
        var context = await browser.Browser.NewContextAsync(new()
        {
            Locale = "zh-CN", BaseURL = browser.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
            // No script at all: the portal must work as plain HTML.
            JavaScriptEnabled = false,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    [Fact]
    public async Task Party_FindsTheCaseByNoticeCode_SeesTheEvidence_AndStatesItsCase_OnAPhone()
    {
        var plate = OnlineApi.NewPlate();
        var (caseId, notice, photoSha) = await OnlineApi.OffsiteCaseAsync(browser.Factory, plate);
        var staff = await browser.Factory.SignedInAsync("zhengzhou.case");
        await CaseApi.ActAsync(staff, caseId, "notify", new { proposedFineFen = 400_000 });
        var page = await PhoneAsync();

        await page.GotoAsync("/online");
        await page.FillAsync("[data-testid=online-plate]", plate);
        await page.FillAsync("[data-testid=online-notice-code]", "WRONG222");
        await page.ClickAsync("[data-testid=online-lookup-submit]");
        await Expect(page.Locator("[data-testid=online-error]")).ToContainTextAsync("号牌号码或通知码不正确");

        await page.FillAsync("[data-testid=online-plate]", plate);
        await page.FillAsync("[data-testid=online-notice-code]", notice);
        await page.ClickAsync("[data-testid=online-lookup-submit]");
        await page.WaitForURLAsync($"**/online/cases/{caseId}");
        await Expect(page.Locator("[data-testid=online-case-title]")).ToContainTextAsync("车辆超限运输");
        await Expect(page.Locator("[data-testid=online-proposed]")).ToContainTextAsync("罚款 4,000 元");
        await Expect(page.Locator("[data-testid=online-accuracy]")).ToContainTextAsync("5 级");
        await Expect(page.Locator("[data-testid=online-photos]")).ToContainTextAsync(photoSha);
        await Expect(page.Locator("[data-testid=online-deadlines]")).ToContainTextAsync("陈述申辩");
        await Expect(page.Locator("[data-testid=online-hearing-refused]")).ToBeVisibleAsync();
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);

        await page.ClickAsync("[data-testid=online-statement-link]");
        await page.WaitForURLAsync($"**/online/cases/{caseId}/statement");
        await page.FillAsync("[data-testid=online-statement-text]", "货物为受托运输，首次超限，请求从轻处罚。");
        await page.SetInputFilesAsync("[data-testid=online-statement-files]", new FilePayload
        {
            Name = "装货单.png", MimeType = "image/png", Buffer = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3],
        });
        await page.ClickAsync("[data-testid=online-statement-submit]");
        await page.WaitForURLAsync($"**/online/cases/{caseId}?done=statement*");
        await Expect(page.Locator("[data-testid=online-done]")).ToContainTextAsync("陈述申辩已提交");
        await Expect(page.Locator("[data-testid=online-submissions]")).ToContainTextAsync("首次超限");
        await Expect(page.Locator("[data-testid=online-attachments]")).ToContainTextAsync("装货单.png");

        var queue = await (await staff.GetAsync("/api/v1/online/staff/queue", Ct)).JsonAsync();
        var itemId = queue["items"]!.AsArray().Single(i => i!["caseId"]!.GetValue<string>() == caseId.ToString())!["id"]!.GetValue<string>();
        var answered = await staff.PostAsJsonAsync($"/api/v1/online/staff/queue/{itemId}/answer", new { answer = "已复核，您的意见将在决定时考虑。" }, Ct);
        answered.StatusCode.ShouldBe(HttpStatusCode.OK);
        await page.GotoAsync($"/online/cases/{caseId}");
        await Expect(page.Locator("[data-testid=online-answer]")).ToContainTextAsync("已复核");
    }

    [Fact]
    public async Task StaffQueue_ShowsTheStatement_AndTheOfficerAnswersIt()
    {
        var plate = OnlineApi.NewPlate();
        var (caseId, notice, _) = await OnlineApi.OffsiteCaseAsync(browser.Factory, plate);
        var staff = await browser.Factory.SignedInAsync("zhengzhou.case");
        await CaseApi.ActAsync(staff, caseId, "notify", new { proposedFineFen = 400_000 });
        var party = browser.Factory.CreateClient();
        (await party.PostAsJsonAsync("/api/v1/online/lookup", new { plate, noticeCode = notice }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await party.PostAsJsonAsync($"/api/v1/online/cases/{caseId}/statement", new { text = "请求核实称重设备检定情况。" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var page = await browser.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#username", "zhengzhou.case");
        await page.FillAsync("#password", VanguardFactory.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(browser.BaseUrl + "/");
        await page.GotoAsync("/online-queue");
        // Prerendered HTML shows the buttons before they work; wait for the live circuit.
        await Expect(page.Locator(".vg-page[data-interactive=true]")).ToBeVisibleAsync();
        var row = page.Locator("[data-testid=online-queue] tr", new() { HasText = "请求核实称重设备检定情况" });
        await Expect(row).ToBeVisibleAsync();
        await row.Locator(".online-answer-open").ClickAsync();
        await page.FillAsync("#online-answer-text", "检定证书在有效期内，证书编号已在证据中列明。");
        await page.PressAsync("#online-answer-text", "Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "发送回复" }).ClickAsync();
        await Expect(page.Locator("[data-testid=online-queue]")).Not.ToContainTextAsync("请求核实称重设备检定情况");

        var view = await (await party.GetAsync($"/api/v1/online/cases/{caseId}", Ct)).JsonAsync();
        view["submissions"]!.AsArray().Single()!["answer"]!.GetValue<string>().ShouldStartWith("检定证书在有效期内");
    }

    [Fact]
    public async Task CasePage_ServesTheDecisionElectronically_AfterThePartyConsentedOnline()
    {
        var plate = OnlineApi.NewPlate();
        var (idNumber, phone) = await OnlineApi.RegisterVehicleAsync(browser.Factory, plate);
        var staff = await browser.Factory.SignedInAsync("zhengzhou.case");
        var caseId = await OnlineApi.NotifiedCaseAsync(staff, plate, idNumber, phone, 400_000, OnlineApi.Today);
        var party = await OnlineApi.PartyByCodeAsync(browser.Factory, plate, phone);
        (await party.PostAsJsonAsync($"/api/v1/online/cases/{caseId}/service-consent", new { phone = "13600002222", agree = true }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await party.PostAsync($"/api/v1/online/cases/{caseId}/waive", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await CaseApi.ActAsync(staff, caseId, "decide", new { outcome = "penalty", fineFen = 400_000 });

        var page = await browser.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#username", "zhengzhou.case");
        await page.FillAsync("#password", VanguardFactory.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(browser.BaseUrl + "/");
        await page.GotoAsync($"/cases/{caseId}");
        await Expect(page.Locator(".vg-page[data-interactive=true]")).ToBeVisibleAsync();
        await Expect(page.Locator("#case-online-service")).ToContainTextAsync("136****2222");
        await page.ClickAsync("#online-serve-decision");
        await Expect(page.Locator("#case-online-service")).ToContainTextAsync("送达于");
        await Expect(page.Locator("#case-online-service")).ToContainTextAsync("当事人未查看");

        var detail = await (await staff.GetAsync($"/api/v1/cases/{caseId}", Ct)).JsonAsync();
        detail["state"]!["serviceMethod"]!.GetValue<string>().ShouldBe("electronic");
        detail["state"]!["servedOn"]!.GetValue<string>().ShouldBe(OnlineApi.Today.ToString("yyyy-MM-dd"));
    }
}
