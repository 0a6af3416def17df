using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Vanguard.Server.Tests.Browser;

/// <summary>
/// The watch-list and command pages (布控预警、指挥调度) in a real browser against the real platform: a plate read from a
/// camera reaches the command screen live, entries go through approval by a second person, the suspect review starts empty.
/// </summary>
public sealed class SurveillancePagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Command = "zhengzhou.command";
    private const string Approver = "zhengzhou.admin";

    static SurveillancePagesTests() => SetDefaultExpectTimeout(30_000);

    private static CancellationToken Ct => ApiClient.Ct;

    /// <summary>A plate nobody else in this run uses: 豫A + 5 random digits and letters free of the confusable ones.</summary>
    private static string NewPlate()
    {
        const string Safe = "34679ACEFHJKLMNPRTUVWXY";
        return "豫A" + new string([.. Enumerable.Range(0, 5).Select(_ => Safe[Random.Shared.Next(Safe.Length)])]);
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

    /// <summary>An approved, active entry: requested by the command operator, approved by the agency admin, through the API.</summary>
    private async Task ActiveEntryAsync(string plate, string reason = "多次在郑州东站非法揽客")
    {
        var command = await browser.Factory.SignedInAsync(Command);
        var list = await command.PostAsJsonAsync("/api/v1/surveillance/watchlists", new { name = "大屏测试名单 " + plate }, Ct);
        var listBody = await list.JsonAsync();
        list.StatusCode.ShouldBe(HttpStatusCode.Created, listBody.ToJsonString());
        var entry = await command.PostAsJsonAsync("/api/v1/surveillance/watchlist", new
        {
            watchlistId = listBody["id"]!.GetValue<Guid>(), plate, plateColor = "blue", reason,
            validUntil = DateTimeOffset.UtcNow.AddDays(30).ToString("O", CultureInfo.InvariantCulture), channels = new[] { "command" },
        }, Ct);
        var entryBody = await entry.JsonAsync();
        entry.StatusCode.ShouldBe(HttpStatusCode.Created, entryBody.ToJsonString());
        var approver = await browser.Factory.SignedInAsync(Approver);
        var approved = await approver.PostAsJsonAsync($"/api/v1/surveillance/watchlist/{entryBody["id"]!.GetValue<Guid>()}/approve", new { }, Ct);
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>A plate camera near Zhengzhou East station, registered by the agency admin; returns its device key.</summary>
    private async Task<string> CameraAsync(string name = "郑州东站出站口卡口")
    {
        var admin = await browser.Factory.SignedInAsync(Approver);
        var code = "ANPR-UI-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var response = await admin.PostAsJsonAsync("/api/v1/devices", new
        {
            kind = "anpr-camera", code, name, agencyCode = "410100", latitude = 34.7578, longitude = 113.7717,
        }, Ct);
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToJsonString());
        return body["apiKey"]!.GetValue<string>();
    }

    /// <summary>
    /// Chooses a day in an AntDesign date picker. A click on a cell while the dropdown is still sliding in can be lost
    /// (seen once in CI), so the pick is tried again, up to three times, until the input shows the day.
    /// </summary>
    private static async Task PickDateAsync(IPage page, string input, DateTime day)
    {
        var expected = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var cell = page.Locator($".ant-picker-dropdown td.ant-picker-cell-in-view[title='{day.Year}年{day.Month}月{day.Day}日'] >> visible=true");
        for (var attempt = 1; ; attempt++)
        {
            if (await cell.CountAsync() == 0)
            {
                await page.Locator(input).ClickAsync();
            }
            await page.WaitForTimeoutAsync(300);
            await cell.First.ClickAsync();
            try
            {
                await Expect(page.Locator(input)).ToHaveValueAsync(expected, new() { Timeout = 3_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
    }

    [Fact]
    public async Task Command_ShowsAnAlertLiveWithoutReload_AndDrawsTheMapAndCharts()
    {
        var plate = NewPlate();
        await ActiveEntryAsync(plate);
        var camera = await CameraAsync();
        var page = await SignInAsync(Command);
        await OpenAsync(page, "/command");
        await Expect(page.Locator("[data-testid=command-kpis]")).ToContainTextAsync("今日预警");
        // A city operator sees the city's area, not the province.
        await Expect(page.Locator(".vg-command-map-panel")).ToContainTextAsync("郑州市辖区态势");
        await Expect(page.Locator(".vg-command-map-panel")).Not.ToContainTextAsync("全省");
        await Expect(page.Locator("#command-map canvas")).ToHaveCountAsync(1);
        await Expect(page.Locator("#command-seizures canvas")).ToHaveCountAsync(1);
        await Expect(page.Locator("#command-precision canvas")).ToHaveCountAsync(1);
        var alert = page.Locator($"[data-testid=command-alert][data-plate='{plate}']");
        await Expect(alert).ToHaveCountAsync(0);
        var navigations = 0;
        page.FrameNavigated += (_, frame) => navigations += frame == page.MainFrame ? 1 : 0;

        // The camera sends the read as any camera would; the matcher, the alert and the feed do the rest.
        var read = new { readId = "ui-" + Guid.NewGuid().ToString("N"), capturedAt = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture), plate, plateColor = "blue", confidence = 0.96, direction = "in" };
        var ingest = await browser.Factory.AsDevice(camera).PostAsJsonAsync("/api/v1/offsite/anpr-reads", new[] { read }, Ct);
        ingest.StatusCode.ShouldBe(HttpStatusCode.OK, await ingest.Content.ReadAsStringAsync(Ct));

        await Expect(alert).ToBeVisibleAsync();
        await Expect(alert).ToContainTextAsync("郑州东站出站口卡口");
        await Expect(alert).ToContainTextAsync("多次在郑州东站非法揽客");
        await Expect(alert).ToContainTextAsync("待处置");
        await Expect(alert.Locator(".alert-fuzzy")).ToHaveCountAsync(0);
        navigations.ShouldBe(0, "the alert must arrive on the open page, not by reloading it");
        // Nobody is sent for a command-only entry: the item says so neutrally, and "nobody on duty" only when the count shows it.
        var onDuty = (await page.Locator("[data-testid=kpi-officers] .vg-command-kpi-value").InnerTextAsync()).Trim();
        await Expect(alert.Locator(".alert-undispatched")).ToHaveTextAsync(onDuty == "0" ? "暂无在岗人员，待人工派发" : "待派发");

        // Nobody was sent (the entry alerts the command centre only): the operator looks at it and closes it as a false hit.
        await alert.Locator(".alert-false-hit").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确定", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog).Locator(".ant-alert-error")).ToBeVisibleAsync(); // a false hit needs a note
        await page.FillAsync("#close-note", "比对照片为同号套牌的正常营运车辆");
        await page.GetByRole(AriaRole.Button, new() { Name = "确定", Exact = true }).ClickAsync();
        await Expect(alert).ToContainTextAsync("已办结");
        await Expect(alert).ToContainTextAsync("误报");
        await Expect(alert.Locator(".alert-false-hit")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Watchlist_AnEntryAddedByTheOperator_IsApprovedByTheAdmin_AndNotByItsRequester()
    {
        var plate = NewPlate();
        var listName = "布控页测试名单 " + plate[2..];
        var page = await SignInAsync(Command);
        await OpenAsync(page, "/watchlist");

        await page.ClickAsync("#watchlist-create-list");
        await page.FillAsync("[data-testid=list-name]", listName);
        await page.GetByRole(AriaRole.Button, new() { Name = "创建" }).ClickAsync();
        await Expect(page.Locator("[data-testid=watchlist-lists]")).ToContainTextAsync(listName);

        await page.ClickAsync(".watchlist-list a:text-is('" + listName + "')");
        await page.ClickAsync("#watchlist-add");
        await page.FillAsync("[data-testid=entry-plate]", plate);
        await page.FillAsync("#entry-reason", "群众举报在郑州东站非法揽客");
        // A shorter watch than the three months offered: the first day of the month the calendar opens on.
        var offered = DateTime.UtcNow.AddHours(8).Date.AddDays(90);
        var chosen = new DateTime(offered.Year, offered.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var until = chosen.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await PickDateAsync(page, "#entry-valid-until input", chosen);
        await Expect(page.Locator("#entry-valid-until input")).ToHaveValueAsync(until);
        await page.GetByRole(AriaRole.Button, new() { Name = "提交审批" }).ClickAsync();

        var entries = page.Locator("[data-testid=watchlist-entries]");
        var row = entries.Locator("tr", new() { HasText = plate });
        await Expect(row).ToContainTextAsync("待审批");
        await Expect(row).ToContainTextAsync(listName);
        await Expect(row).ToContainTextAsync("~ " + until);
        await Expect(row.Locator(".entry-approve")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();

        var admin = await SignInAsync(Approver);
        await OpenAsync(admin, "/watchlist");
        await admin.FillAsync("[data-testid=watchlist-search]", plate);
        await admin.PressAsync("[data-testid=watchlist-search]", "Enter");
        var adminRow = admin.Locator("[data-testid=watchlist-entries] tr", new() { HasText = plate });
        await Expect(adminRow).ToContainTextAsync("待审批");
        await adminRow.Locator(".entry-approve").ClickAsync();
        await Expect(adminRow).ToContainTextAsync("布控中");
        await Expect(adminRow.Locator(".entry-revoke")).ToBeVisibleAsync();
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task Webhook_ShowsItsSecretOnceOnSaving_AndANewOneOnRotating_AndRefusesPlainHttpToAName()
    {
        var listName = "推送测试名单 " + NewPlate()[2..];
        var command = await browser.Factory.SignedInAsync(Command);
        var created = await command.PostAsJsonAsync("/api/v1/surveillance/watchlists", new { name = listName }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var page = await SignInAsync(Approver);
        await OpenAsync(page, "/watchlist");
        var card = page.Locator(".watchlist-list", new() { HasText = listName });
        await card.Locator(".watchlist-webhook").ClickAsync();
        var drawer = page.Locator("[data-testid=webhook-drawer]");

        await drawer.Locator("[data-testid=webhook-url]").FillAsync("http://receiver.example.gov.cn/hits");
        await drawer.Locator(".webhook-save").ClickAsync();
        await Expect(drawer.Locator(".ant-alert-error")).ToBeVisibleAsync();
        await Expect(drawer.Locator("[data-testid=webhook-secret]")).ToHaveCountAsync(0);

        await drawer.Locator("[data-testid=webhook-url]").FillAsync("https://receiver.example.gov.cn/hits");
        await drawer.Locator(".webhook-save").ClickAsync();
        var secretBox = drawer.Locator("[data-testid=webhook-secret]");
        await Expect(secretBox).ToBeVisibleAsync();
        var first = (await secretBox.InnerTextAsync()).Trim();
        first.Length.ShouldBeGreaterThan(20);
        await Expect(drawer).ToContainTextAsync("暂无推送记录");

        await drawer.Locator(".webhook-rotate").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "更换", Exact = true }).ClickAsync();
        await Expect(secretBox).Not.ToHaveTextAsync(first);
        var second = (await secretBox.InnerTextAsync()).Trim();
        second.Length.ShouldBeGreaterThan(20);

        // Shown once: closing the drawer drops it, and opening it again shows the address, not the secret.
        await page.Locator(".ant-drawer-close").ClickAsync();
        await Expect(card).ToContainTextAsync("外部推送：已开启");
        await card.Locator(".watchlist-webhook").ClickAsync();
        await Expect(drawer.Locator("[data-testid=webhook-url]")).ToHaveValueAsync("https://receiver.example.gov.cn/hits");
        await Expect(drawer.Locator("[data-testid=webhook-secret]")).ToHaveCountAsync(0);
        (await page.ContentAsync()).ShouldNotContain(second, customMessage: "the secret must leave the page with the drawer");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Watchlist_ShowsWebhookSettingsRevokeAndApproval_ToApproversOnly()
    {
        // An active entry on a list of the operator's, and a pending one requested by the admin (not the operator's own).
        var activePlate = NewPlate();
        await ActiveEntryAsync(activePlate);
        var pendingPlate = NewPlate();
        var admin = await browser.Factory.SignedInAsync(Approver);
        var listName = "权限测试名单 " + pendingPlate[2..];
        var list = await admin.PostAsJsonAsync("/api/v1/surveillance/watchlists", new { name = listName }, Ct);
        var listBody = await list.JsonAsync();
        list.StatusCode.ShouldBe(HttpStatusCode.Created, listBody.ToJsonString());
        var pending = await admin.PostAsJsonAsync("/api/v1/surveillance/watchlist", new
        {
            watchlistId = listBody["id"]!.GetValue<Guid>(), plate = pendingPlate, plateColor = "blue", reason = "群众举报在郑州站非法揽客",
            validUntil = DateTimeOffset.UtcNow.AddDays(30).ToString("O", CultureInfo.InvariantCulture), channels = new[] { "command" },
        }, Ct);
        pending.StatusCode.ShouldBe(HttpStatusCode.Created, await pending.Content.ReadAsStringAsync(Ct));

        var operatorPage = await SignInAsync(Command);
        await OpenAsync(operatorPage, "/watchlist");
        var active = await RowAsync(operatorPage, activePlate);
        await Expect(active).ToContainTextAsync("布控中");
        await Expect(active.Locator(".entry-revoke")).ToHaveCountAsync(0);
        var waiting = await RowAsync(operatorPage, pendingPlate);
        await Expect(waiting).ToContainTextAsync("待领导审批");
        await Expect(waiting.Locator(".entry-approve")).ToHaveCountAsync(0);
        await Expect(waiting.Locator(".entry-reject")).ToHaveCountAsync(0);
        await operatorPage.Locator(".watchlist-list", new() { HasText = listName }).Locator(".watchlist-webhook").ClickAsync();
        var drawer = operatorPage.Locator("[data-testid=webhook-drawer]");
        await Expect(drawer.Locator("[data-testid=webhook-readonly]")).ToContainTextAsync("未设置");
        await Expect(drawer).ToContainTextAsync("须由审批人设置");
        await Expect(drawer.Locator("[data-testid=webhook-url]")).ToHaveCountAsync(0);
        await Expect(drawer.Locator(".webhook-save")).ToHaveCountAsync(0);
        await Expect(drawer.Locator(".webhook-rotate")).ToHaveCountAsync(0);
        await operatorPage.Context.CloseAsync();

        var approverPage = await SignInAsync(Approver);
        await OpenAsync(approverPage, "/watchlist");
        await Expect((await RowAsync(approverPage, activePlate)).Locator(".entry-revoke")).ToBeVisibleAsync();
        // The admin requested this one: 驳回 is theirs to use, 审批 is not (another approver's).
        var ownRequest = await RowAsync(approverPage, pendingPlate);
        await Expect(ownRequest.Locator(".entry-reject")).ToBeVisibleAsync();
        await Expect(ownRequest.Locator(".entry-approve")).ToHaveCountAsync(0);
        await approverPage.Locator(".watchlist-list", new() { HasText = listName }).Locator(".watchlist-webhook").ClickAsync();
        var approverDrawer = approverPage.Locator("[data-testid=webhook-drawer]");
        await Expect(approverDrawer.Locator(".webhook-save")).ToBeVisibleAsync();
        await Expect(approverDrawer.Locator("[data-testid=webhook-readonly]")).ToHaveCountAsync(0);
        await approverPage.Context.CloseAsync();
    }

    /// <summary>The entries table narrowed to one plate by the search box; returns its row.</summary>
    private static async Task<ILocator> RowAsync(IPage page, string plate)
    {
        await page.FillAsync("[data-testid=watchlist-search]", plate);
        await page.PressAsync("[data-testid=watchlist-search]", "Enter");
        var row = page.Locator("[data-testid=watchlist-entries] tr", new() { HasText = plate });
        await Expect(row).ToHaveCountAsync(1);
        return row;
    }

    [Fact]
    public async Task Command_MapTooltip_ShowsMarkupInANameOrReasonAsText()
    {
        const string Markup = "<img src=x onerror=alert(1)>";
        var plate = NewPlate();
        await ActiveEntryAsync(plate, "套牌嫌疑 " + Markup);
        var camera = await CameraAsync("东站卡口" + Markup);
        var read = new { readId = "ui-" + Guid.NewGuid().ToString("N"), capturedAt = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture), plate, plateColor = "blue", confidence = 0.96, direction = "in" };
        var ingest = await browser.Factory.AsDevice(camera).PostAsJsonAsync("/api/v1/offsite/anpr-reads", new[] { read }, Ct);
        ingest.StatusCode.ShouldBe(HttpStatusCode.OK, await ingest.Content.ReadAsStringAsync(Ct));

        var page = await SignInAsync(Command);
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await OpenAsync(page, "/command");
        await Expect(page.Locator($"[data-testid=command-alert][data-plate='{plate}']")).ToBeVisibleAsync();
        await Expect(page.Locator("#command-map canvas")).ToHaveCountAsync(1);

        // Hover the alert's point the way ECharts does it, then read the tooltip it put into the page.
        var shown = await page.EvaluateAsync<bool>(
            """
            (plate) => {
              const chart = echarts.getInstanceByDom(document.getElementById("command-map"));
              const alerts = chart.getOption().series.findIndex((s) => s.type === "effectScatter");
              const index = chart.getOption().series[alerts].data.findIndex((d) => d.tip.startsWith(plate));
              if (index < 0) return false;
              chart.dispatchAction({ type: "showTip", seriesIndex: alerts, dataIndex: index });
              return true;
            }
            """, plate);
        shown.ShouldBeTrue("the open alert must be drawn on the map");
        var map = page.Locator("#command-map");
        await Expect(map).ToContainTextAsync("东站卡口" + Markup);
        await Expect(map).ToContainTextAsync("套牌嫌疑 " + Markup);
        await Expect(map.Locator("img")).ToHaveCountAsync(0);
        (await page.Locator("img[src=x]").CountAsync()).ShouldBe(0);
        dialogs.ShouldBe(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AlertRecords_ListTheDay_AndDrawThePrecisionReport()
    {
        var page = await SignInAsync(Command);
        await OpenAsync(page, "/watchlist/alerts");

        await Expect(page.Locator("h1")).ToHaveTextAsync("预警记录");
        // China's day (UTC+8), not the server's UTC date; the two differ between 00:00 and 08:00 Beijing time.
        var chinaToday = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Expect(page.Locator("#alerts-date input")).ToHaveValueAsync(chinaToday);
        await Expect(page.Locator("[data-testid=alerts-table] table")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "命中率" }).ClickAsync();
        await Expect(page.Locator("[data-testid=precision-lists]")).ToContainTextAsync("命中率");
        await Expect(page.Locator("[data-testid=precision-rules]")).ToBeVisibleAsync();
        await Expect(page.Locator("#precision-chart canvas")).ToHaveCountAsync(1);
        await Expect(page.Locator(".precision-range-error")).ToHaveCountAsync(0);

        // More than 366 days is refused on the page as the endpoint refuses it, not sent: pick the 1st of this month two years
        // ago in the calendar, then today.
        var to = DateTime.UtcNow.AddHours(8).Date;
        var from = new DateTime(to.Year - 2, to.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        static string Cell(DateTime d) => $".ant-picker-dropdown td.ant-picker-cell-in-view[title='{d.Year}年{d.Month}月{d.Day}日']";
        await page.Locator("#precision-range input").First.ClickAsync();
        var superPrev = page.Locator(".ant-picker-dropdown .ant-picker-header-super-prev-btn >> visible=true").First;
        await superPrev.ClickAsync();
        await superPrev.ClickAsync();
        await page.Locator(Cell(from)).First.ClickAsync();
        // The calendar turns to the end date's month by itself once the start is chosen.
        await page.Locator(Cell(to)).First.ClickAsync();
        await Expect(page.Locator(".precision-range-error")).ToContainTextAsync("366 天以内");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Suspects_StartEmpty_WithTheExplanation()
    {
        var page = await SignInAsync("xuchang.command");
        await OpenAsync(page, "/watchlist/suspects");

        await Expect(page.Locator("h1")).ToHaveTextAsync("疑似车辆研判");
        await Expect(page.Locator("[data-testid=suspects-table]")).ToContainTextAsync("暂无待研判的疑似车辆");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Navigation_ShowsTheCommandEntriesToTheOperator_AndHidesThemFromAFieldOfficer()
    {
        var command = await SignInAsync(Command);
        var menu = command.Locator(".vg-sider");
        await Expect(menu.Locator("a[href='/command']")).ToContainTextAsync("指挥调度");
        await Expect(menu.Locator("a[href='/watchlist/alerts']")).ToContainTextAsync("预警记录");
        await command.Context.CloseAsync();

        var field = await SignInAsync("zhengzhou.field");
        await Expect(field.Locator(".vg-sider")).ToContainTextAsync("组织机构");
        await Expect(field.Locator(".vg-sider")).Not.ToContainTextAsync("指挥调度");
        await field.Context.CloseAsync();
    }
}
