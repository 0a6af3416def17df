using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Vanguard.Server.Tests.Cases;
using Vanguard.Server.Tests.Online;
using Vanguard.Server.Tests.Terminal.Records;
using static Microsoft.Playwright.Assertions;

namespace Vanguard.Server.Tests.Browser;

/// <summary>
/// Issue 7's walk-through: a party on a phone goes from the SMS notice code to a paid, closed case without coming to an
/// office. The party's steps are in the browser (no script: the portal is plain HTML); the officers' steps go through the
/// staff API, as their pages would.
/// </summary>
public sealed class OnlineJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    static OnlineJourneyTests() => SetDefaultExpectTimeout(30_000);

    private static CancellationToken Ct => ApiClient.Ct;

    [Fact]
    public async Task Party_GoesFromTheNoticeCode_ToAPaidClosedCase_OnAPhone()
    {
        var plate = OnlineApi.NewPlate();
        var (caseId, notice, photoSha) = await OnlineApi.OffsiteCaseAsync(browser.Factory, plate);
        var staff = await browser.Factory.SignedInAsync("zhengzhou.case");
        await CaseApi.ActAsync(staff, caseId, "notify", new { proposedFineFen = 400_000 });
        var page = await PhoneAsync();

        // 1. The notice code from the SMS.
        await page.GotoAsync("/online");
        await page.FillAsync("[data-testid=online-plate]", plate);
        await page.FillAsync("[data-testid=online-notice-code]", notice.ToLowerInvariant());
        await page.ClickAsync("[data-testid=online-lookup-submit]");
        await page.WaitForURLAsync($"**/online/cases/{caseId}");

        // 2. The case, its evidence with hashes, the deadlines.
        await Expect(page.Locator("[data-testid=online-case-title]")).ToContainTextAsync("车辆超限运输");
        await Expect(page.Locator("[data-testid=online-proposed]")).ToContainTextAsync("罚款 4,000 元");
        await Expect(page.Locator("[data-testid=online-accuracy]")).ToContainTextAsync("5 级");
        await Expect(page.Locator("[data-testid=online-certificate]")).ToContainTextAsync("JD-WIM-ON-");
        await Expect(page.Locator("[data-testid=online-photos]")).ToContainTextAsync(photoSha);
        await Expect(page.Locator("[data-testid=online-deadlines]")).ToContainTextAsync("陈述申辩");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);

        // 3. 送达地址确认书, then the party accepts the proposed penalty.
        await page.FillAsync("#consent-phone", "13600003333");
        await page.CheckAsync("#consent-agree");
        await page.ClickAsync("[data-testid=online-consent-form] button[type=submit]");
        await page.WaitForURLAsync($"**/online/cases/{caseId}?done=consent*");
        await Expect(page.Locator("[data-testid=online-consent]")).ToContainTextAsync("136****3333");
        await page.ClickAsync("#rights summary");
        await page.CheckAsync("#waive-confirm");
        await page.ClickAsync("[data-testid=online-waive-form] button[type=submit]");
        await page.WaitForURLAsync($"**/online/cases/{caseId}?done=waive*");
        await Expect(page.Locator("[data-testid=online-submissions]")).ToContainTextAsync("放弃");

        // 4. The officer decides and serves the decision electronically (the day of sending is the day of service).
        await SecondOfficerAsync(staff, caseId);
        await CaseApi.ActAsync(staff, caseId, "decide", new { outcome = "penalty", fineFen = 400_000 });
        var served = await staff.PostAsJsonAsync($"/api/v1/online/staff/cases/{caseId}/deliveries", new { kind = "penalty_decision" }, Ct);
        served.StatusCode.ShouldBe(HttpStatusCode.OK, await served.Content.ReadAsStringAsync(Ct));

        // 5. The party sees the decision, the appeal rights and the amount, and pays on the gateway's page.
        await page.GotoAsync($"/online/cases/{caseId}");
        await Expect(page.Locator("[data-testid=online-decision]")).ToContainTextAsync("罚款 4,000 元");
        await Expect(page.Locator("[data-testid=online-appeal]")).ToContainTextAsync("六十日内");
        await Expect(page.Locator("[data-testid=online-appeal]")).ToContainTextAsync("六个月内");
        await Expect(page.Locator("[data-testid=online-deliveries]")).ToContainTextAsync("行政处罚决定书");
        await Expect(page.Locator("[data-testid=online-owed]")).ToContainTextAsync("4,000");
        await page.ClickAsync("[data-testid=online-pay]");
        await page.WaitForURLAsync("**/online/pay/sim/*");
        await Expect(page.Locator("[data-testid=sim-fine]")).ToContainTextAsync("4,000.00 元");
        await Expect(page.Locator("[data-testid=sim-late-fee]")).ToContainTextAsync("0.00 元");
        await Expect(page.Locator("[data-testid=sim-total]")).ToContainTextAsync("4,000.00 元");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        await page.ClickAsync("[data-testid=sim-pay]");
        await page.WaitForURLAsync($"**/online/cases/{caseId}?payment=paid*");
        await Expect(page.Locator("[data-testid=online-paid]")).ToContainTextAsync("已缴清");
        await Expect(page.Locator("[data-testid=online-case-stage]")).ToContainTextAsync("执行完毕");
        await Expect(page.Locator("[data-testid=online-pay]")).ToHaveCountAsync(0);

        var detail = await (await staff.GetAsync($"/api/v1/cases/{caseId}", Ct)).JsonAsync();
        CaseApi.StageOf(detail).ShouldBe("executed");
        detail["state"]!["paidFen"]!.GetValue<long>().ShouldBe(400_000);
        detail["state"]!["serviceMethod"]!.GetValue<string>().ShouldBe("electronic");

        // 6. The officer closes the case: the file must be complete (结案报告 and the documents the law asks for).
        foreach (var code in Missing(detail).Where(c => c is "case_filing_form" or "violation_notice" or "penalty_decision" or "service_receipt" or "closing_report"))
        {
            await CaseApi.GenerateAsync(staff, caseId, code);
        }

        detail = await (await staff.GetAsync($"/api/v1/cases/{caseId}", Ct)).JsonAsync();
        Missing(detail).ShouldBeEmpty();
        var closed = await CaseApi.ActAsync(staff, caseId, "close", new { });
        CaseApi.StageOf(closed).ShouldBe("closed");

        await page.GotoAsync($"/online/cases/{caseId}");
        await Expect(page.Locator("[data-testid=online-case-stage]")).ToContainTextAsync("已结案");
        await Expect(page.Locator("[data-testid=online-paid]")).ToContainTextAsync("已缴清");

        // 7. The officer's case page lists the payment order.
        var office = await browser.NewPageAsync();
        await office.GotoAsync("/login");
        await office.FillAsync("#username", "zhengzhou.case");
        await office.FillAsync("#password", VanguardFactory.Password);
        await office.ClickAsync("[data-testid=login-submit]");
        await office.WaitForURLAsync(browser.BaseUrl + "/");
        await office.GotoAsync($"/cases/{caseId}");
        await Expect(office.Locator(".vg-page[data-interactive=true]")).ToBeVisibleAsync();
        await Expect(office.Locator("#case-payment-orders")).ToContainTextAsync("已支付");
        await Expect(office.Locator("#case-payment-orders")).ToContainTextAsync("4,000.00 元");
    }

    [Fact]
    public async Task Party_ScansTheTerminalsPaymentQr_AndPaysTheOnSpotFine_OnAPhone()
    {
        var field = await browser.Factory.SignedInAsync("zhengzhou.field");
        var partner = await TerminalApi.PartnerAsync(field, "410100", "zhengzhou.field");
        var decided = await TerminalApi.PostAsync(field, "/api/v1/terminal/on-spot-penalties", TerminalApi.Penalty(partner, 15_000), Guid.NewGuid().ToString());
        var penalty = await decided.JsonAsync();
        decided.StatusCode.ShouldBe(HttpStatusCode.Created, penalty.ToJsonString());
        var caseId = penalty["caseId"]!.GetValue<string>();
        var link = new Uri(penalty["paymentUrl"]!.GetValue<string>());

        var page = await PhoneAsync();
        await page.GotoAsync(link.PathAndQuery);
        await Expect(page.Locator("[data-testid=online-owed]")).ToContainTextAsync("150 元");
        await page.ClickAsync("[data-testid=online-pay]");
        await page.WaitForURLAsync("**/online/pay/sim/*");
        await Expect(page.Locator("[data-testid=sim-total]")).ToContainTextAsync("150.00 元");
        await page.ClickAsync("[data-testid=sim-pay]");
        await page.WaitForURLAsync($"**/online/cases/{caseId}?payment=paid*");
        await Expect(page.Locator("[data-testid=online-paid]")).ToContainTextAsync("已缴清");
        await Expect(page.Locator("[data-testid=online-payment-done]")).ToBeVisibleAsync();
    }

    private async Task<IPage> PhoneAsync()
    {
        var context = await browser.Browser.NewContextAsync(new()
        {
            Locale = "zh-CN", BaseURL = browser.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
            JavaScriptEnabled = false,
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Art. 42: deciding needs two certified officers; confirming the off-site record put only the reviewer on the case, so
    /// the officer assigns a second one (指定承办人员, the case action <c>assign-officers</c>), as the case page would.
    /// </summary>
    private static async Task SecondOfficerAsync(HttpClient staff, Guid caseId)
    {
        var officers = await CaseApi.TwoOfficersAsync(staff, "410122");
        var before = await (await staff.GetAsync($"/api/v1/cases/{caseId}", Ct)).JsonAsync();
        var linked = before["officers"]!.AsArray().Select(o => Guid.Parse(o!["id"]!.GetValue<string>())).ToList();
        var missing = officers.Where(o => !linked.Contains(o)).Take(Math.Max(0, 2 - linked.Count(officers.Contains))).ToArray();
        missing.ShouldNotBeEmpty("only the reviewer is on the case");
        var after = await CaseApi.ActAsync(staff, caseId, "assign-officers", new { officerIds = missing });
        after["officers"]!.AsArray().Select(o => Guid.Parse(o!["id"]!.GetValue<string>())).ShouldBe(linked.Concat(missing), ignoreOrder: true);
        after["timeline"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()).ShouldContain("assign-officers");
    }

    /// <summary>The case file's required items that are not there yet.</summary>
    private static List<string> Missing(JsonNode detail) => detail["checklist"]!.AsArray()
        .Where(i => i!["required"]!.GetValue<bool>() && !i["present"]!.GetValue<bool>())
        .Select(i => i!["code"]!.GetValue<string>())
        .ToList();
}
