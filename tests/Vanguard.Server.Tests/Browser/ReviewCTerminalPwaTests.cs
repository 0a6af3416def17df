using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Terminal.Contracts;
using static Microsoft.Playwright.Assertions;

namespace Vanguard.Server.Tests.Browser;

/// <summary>The officer terminal (/m) learns at once that a task was cancelled (an alert re-dispatched or closed).</summary>
public sealed class ReviewCTerminalPwaTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Officer = "zhengzhou.field";

    static ReviewCTerminalPwaTests() => SetDefaultExpectTimeout(30_000);

    private static CancellationToken Ct => ApiClient.Ct;

    [Fact]
    public async Task ACancelledTask_ShowsAsCancelled_WithTheReason_AndNoStepButtons()
    {
        using var command = await browser.Factory.SignedInAsync("zhengzhou.command");
        var officers = await (await command.GetAsync("/api/v1/officers?agencyCode=410100&pageSize=50", Ct)).JsonAsync();
        var officerId = officers["items"]!.AsArray().Single(o => o!["username"]?.GetValue<string>() == Officer)!["id"]!.GetValue<string>();
        var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = browser.BaseUrl, Locale = "zh-CN", ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
            ServiceWorkers = ServiceWorkerPolicy.Allow,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/m");
        await page.FillAsync("#username", Officer);
        await page.FillAsync("#password", VanguardFactory.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await Expect(page.Locator("[data-testid=duty-toggle]")).ToBeVisibleAsync();
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-hub", "connected");
        await page.GotoAsync("/m/#/tasks");
        var title = $"布控车辆 豫A{Random.Shared.Next(10_000, 99_999)} 经过郑州东站";
        var dispatched = await command.PostAsJsonAsync("/api/v1/terminal/tasks", new { officerId, kind = "watchlist_hit", title, place = "郑州东站出站口" }, Ct);
        dispatched.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = Guid.Parse((await dispatched.JsonAsync())["id"]!.GetValue<string>());
        var item = page.Locator("[data-testid=task-item]", new() { HasText = title });
        await item.ClickAsync();
        await Expect(page.Locator("[data-testid=task-accept]")).ToBeVisibleAsync();

        await using (var scope = browser.Factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
            (await scope.ServiceProvider.GetRequiredService<ITaskDispatch>().CancelAsync(id, "该预警已改派给张三，本任务取消，无需继续处置。", Ct)).IsSuccess.ShouldBeTrue();
        }

        // The push (taskChanged) updates the inbox; the detail is drawn from it.
        await page.GotoAsync("/m/#/tasks");
        await Expect(item).ToContainTextAsync("已取消");
        await item.ClickAsync();
        await Expect(page.Locator("[data-testid=task-status]")).ToHaveTextAsync("已取消");
        await Expect(page.Locator("[data-testid=task-cancel-reason]")).ToHaveTextAsync("该预警已改派给张三，本任务取消，无需继续处置。");
        await Expect(page.Locator("[data-testid=task-accept]")).ToBeHiddenAsync();
        await Expect(page.Locator("[data-testid=task-finish]")).ToBeHiddenAsync();
        await context.CloseAsync();
    }
}
