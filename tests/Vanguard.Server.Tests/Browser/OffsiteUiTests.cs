using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Vanguard.Server.Tests.Browser;

/// <summary>The off-site pages in a real browser: the review queue to a case, and the public calculator without login or script.</summary>
public sealed partial class OffsiteUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    static OffsiteUiTests() => SetDefaultExpectTimeout(30_000);

    private static CancellationToken Ct => ApiClient.Ct;

    private async Task<string> RegisterStationAsync(string code)
    {
        var admin = await browser.Factory.SignedInAsync("zhengzhou.admin");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var response = await admin.PostAsJsonAsync("/api/v1/devices", new
        {
            kind = "wim-station", code, name = "G107 中牟动态称重检测点", agencyCode = "410122", accuracyClass = 5,
            certificate = new { number = "JD-" + code, validFrom = today.AddDays(-30).ToString("yyyy-MM-dd"), validUntil = today.AddYears(1).ToString("yyyy-MM-dd") },
        }, Ct);
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToJsonString());
        return body["apiKey"]!.GetValue<string>();
    }

    /// <summary>A 6-axle combination at the given gross, with one photo sent inline and one announced by its hash only.</summary>
    private async Task SendOverloadAsync(string key, string recordId, string plate, int grossKg)
    {
        byte[] photo = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0xFF, 0xD9];
        var axle = grossKg / 6;
        var record = new
        {
            recordId, capturedAt = DateTimeOffset.UtcNow.AddMinutes(-3).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:sszzz"), lane = 2, plate,
            plateColor = "yellow", axleCount = 6, vehicleKind = "combination", axleWeightsKg = Enumerable.Repeat(axle, 5).Append(grossKg - (axle * 5)).ToArray(),
            grossWeightKg = grossKg, speedKmh = 64.5,
            images = new object[]
            {
                new { kind = "front", sha256 = Convert.ToHexStringLower(SHA256.HashData(photo)), contentType = "image/jpeg", base64 = Convert.ToBase64String(photo) },
                new { kind = "plate", sha256 = new string('c', 64), contentType = "image/jpeg" },
            },
        };
        var response = await browser.Factory.AsDevice(key).PostAsJsonAsync("/api/v1/offsite/wim-records", new[] { record }, Ct);
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        body["accepted"]!.GetValue<int>().ShouldBe(1, body.ToJsonString());
    }

    private async Task<IPage> SignInAsync(string username)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#username", username);
        await page.FillAsync("#password", VanguardFactory.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(browser.BaseUrl + "/");
        return page;
    }

    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        // Prerendered HTML shows the buttons before they work; wait for the live circuit.
        await Expect(page.Locator(".vg-page[data-interactive=true]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Reviewer_ConfirmsAnOverloadFromTheQueue_AndSeesTheNewCaseNumber()
    {
        var key = await RegisterStationAsync("WIM-UI-OFF-01");
        await SendOverloadAsync(key, "ui-1", "豫A86868", 55_000);
        var page = await SignInAsync("zhengzhou.case");

        await OpenAsync(page, "/offsite/review");
        var row = page.Locator("[data-testid=review-table] tbody tr", new() { HasText = "豫A86868" });
        await Expect(row).ToContainTextAsync("罚款 1 500 元");
        await row.ClickAsync();

        var drawer = page.Locator("[data-testid=review-drawer]");
        // Class 5 station: floor(55 000 × 0.95) = 52 250 kg, 3 250 kg over 49 000 kg.
        await Expect(drawer.Locator("[data-testid=weighing-judgement]"))
            .ToContainTextAsync("总重 55 000 kg × (1 − 5%) = 52 250 kg，超过限值 49 000 kg 3 250 kg（6.63%）");
        await Expect(drawer.Locator("[data-testid=photo-missing]")).ToHaveCountAsync(1);
        await page.FillAsync("#review-note", "图像清晰，号牌与车辆一致");
        await page.ClickAsync("#review-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认立案", Exact = true }).ClickAsync();

        await Expect(drawer.Locator("[data-testid=review-confirmed]")).ToContainTextAsync(CaseNumberPattern());
        await Expect(drawer.Locator("[data-testid=review-case-link]")).ToHaveAttributeAsync("href", CaseLinkPattern());
        await Expect(page.Locator("[data-testid=review-table]")).Not.ToContainTextAsync("豫A86868");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PublicCalculator_FromTheLoginPageWithoutScript_Finds52000KgOnSixAxlesIs3000KgOver()
    {
        // No login and no JavaScript: a driver's phone may have neither.
        var context = await browser.Browser.NewContextAsync(new() { Locale = "zh-CN", BaseURL = browser.BaseUrl, JavaScriptEnabled = false });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.ClickAsync("[data-testid=login-overload-calculator]");
        await page.WaitForURLAsync(browser.BaseUrl + "/public/overload");

        await page.CheckAsync("#kind-combination");
        await page.SelectOptionAsync("#axles", "6");
        await page.FillAsync("#gross", "52000");
        await page.ClickAsync("[data-testid=calc-submit]");

        await Expect(page.Locator("[data-testid=calc-verdict]")).ToHaveTextAsync("超限 3 000 kg");
        await Expect(page.Locator("[data-testid=calc-result]")).ToContainTextAsync("49 000 kg");
        await Expect(page.Locator("[data-testid=calc-penalty]")).ToHaveTextAsync("罚款 1 500 元");
        await Expect(page.Locator("#gross")).ToHaveValueAsync("52000");
        await context.CloseAsync();
    }

    [GeneratedRegex("案号：.*交执罚")]
    private static partial Regex CaseNumberPattern();

    [GeneratedRegex("^/cases/[0-9a-f-]{36}$")]
    private static partial Regex CaseLinkPattern();
}
