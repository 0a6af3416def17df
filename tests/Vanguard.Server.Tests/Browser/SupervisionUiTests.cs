using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Organisation.Contracts;
using static Microsoft.Playwright.Assertions;

namespace Vanguard.Server.Tests.Browser;

/// <summary>"八六四" inspections in a real browser: an agency administrator records a breach and sees the accountability records.</summary>
public sealed class SupervisionUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    static SupervisionUiTests() => SetDefaultExpectTimeout(30_000);

    [Fact]
    public async Task Admin_RecordsAnInspectionWithABreach_AndSeesTheAccountabilityRecords()
    {
        Guid officerId;
        string officerName;
        await using (var scope = browser.Factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
            var db = scope.ServiceProvider.GetRequiredService<VanguardDbContext>();
            var agency = await db.Agencies.SingleAsync(a => a.Code == "410122", ApiClient.Ct);
            var officer = await db.Officers.Where(o => o.AgencyId == agency.Id && o.Active).OrderBy(o => o.OfficerNo).FirstAsync(ApiClient.Ct);
            (officerId, officerName) = (officer.Id, officer.Name);
        }

        var page = await browser.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#username", "zhengzhou.admin");
        await page.FillAsync("#password", VanguardFactory.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(browser.BaseUrl + "/");

        // From the officer list's "记录督查": the form opens with the officer chosen.
        await page.GotoAsync($"/supervision/inspections?officer={officerId}");
        await Expect(page.Locator(".vg-page[data-interactive=true]")).ToBeVisibleAsync();
        var form = page.Locator("[data-testid=inspection-form]");
        await Expect(form).ToBeVisibleAsync();
        await Expect(page.Locator(".ant-modal")).ToContainTextAsync(officerName);
        await page.Locator("#inspection-place").FillAsync("中牟县郑开大道治超检查点（界面测试）");
        await page.Locator("[data-testid=item-b3] label:has-text('违反')").ClickAsync();
        await page.Locator("#finding-b3").FillAsync("对当事人言语粗鲁（界面测试）");
        await page.Locator("[data-testid=item-b4] label:has-text('符合')").ClickAsync();
        await page.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();

        var accountability = page.Locator("[data-testid=inspection-accountability]");
        await Expect(accountability).ToContainTextAsync(officerName);
        await Expect(accountability).ToContainTextAsync("站(队)长");
        await Expect(accountability).ToContainTextAsync("待处理");
        await Expect(page.Locator("[data-testid=inspection-items]")).ToContainTextAsync("对当事人言语粗鲁（界面测试）");

        await page.Locator(".ant-drawer-close").ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "问责（四必究）" }).ClickAsync();
        await Expect(page.Locator("[data-testid=accountability-table]")).ToContainTextAsync(officerName);

        // The officer's trace opens from the same data: the summary of the last 7 days.
        await page.GotoAsync($"/supervision/officers/{officerId}");
        await Expect(page.Locator(".vg-page[data-interactive=true]")).ToBeVisibleAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync(officerName);
        await Expect(page.Locator("[data-testid=timeline-summary]")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
