using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vanguard.Domain.Identifiers;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Registry.Data;
using static Microsoft.Playwright.Assertions;

namespace Vanguard.Server.Tests.Browser;

/// <summary>The officer terminal (/m) on a phone-sized Chromium: its shell, sign-in, and the offline outbox.</summary>
public sealed class TerminalPwaTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Officer = "zhengzhou.field";

    static TerminalPwaTests() => SetDefaultExpectTimeout(30_000);

    private static CancellationToken Ct => ApiClient.Ct;

    /// <summary>A phone: 390×844, touch, Chinese, a position fix in Zhengzhou.</summary>
    private async Task<IPage> PhoneAsync()
    {
        var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = browser.BaseUrl,
            Locale = "zh-CN",
            ViewportSize = new() { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            Geolocation = new() { Latitude = 34.7466f, Longitude = 113.6253f, Accuracy = 15 },
            Permissions = ["geolocation"],
            ServiceWorkers = ServiceWorkerPolicy.Allow,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/m");
        await page.FillAsync("#username", Officer);
        await page.FillAsync("#password", VanguardFactory.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await Expect(page.Locator("[data-testid=duty-toggle]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Shell_IsServedAtM_WithTheRightContentTypes_AndLeavesTheStaffPagesAlone()
    {
        using var http = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(browser.BaseUrl) };

        // /m is outside the service worker's scope (/m/): a page there would never be controlled, so it moves for good.
        var bare = await noRedirect.GetAsync("/m", Ct);
        bare.StatusCode.ShouldBe(HttpStatusCode.MovedPermanently);
        bare.Headers.Location!.ToString().ShouldBe("/m/");

        var page = await http.GetAsync("/m/", Ct);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await page.Content.ReadAsStringAsync(Ct);
        html.ShouldContain("<title>手持执法终端</title>");
        html.ShouldContain("rel=\"manifest\"");
        html.ShouldContain("type=\"module\"");

        var manifest = await http.GetAsync("/m/manifest.webmanifest", Ct);
        manifest.Content.Headers.ContentType!.MediaType.ShouldBe("application/manifest+json");
        var app = JsonNode.Parse(await manifest.Content.ReadAsStringAsync(Ct))!;
        app["scope"]!.GetValue<string>().ShouldBe("/m/");
        app["start_url"]!.GetValue<string>().ShouldStartWith("/m/");
        app["display"]!.GetValue<string>().ShouldBe("standalone");

        var worker = await http.GetAsync("/m/sw.js", Ct);
        worker.StatusCode.ShouldBe(HttpStatusCode.OK);
        worker.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");

        var module = await http.GetAsync("/m/js/app.js", Ct);
        module.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");

        var signalR = await http.GetAsync("/m/lib/signalr.min.js", Ct);
        signalR.StatusCode.ShouldBe(HttpStatusCode.OK, "the build restores @microsoft/signalr from npm into wwwroot/m/lib");
        signalR.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
        (await signalR.Content.ReadAsStringAsync(Ct)).ShouldContain("HubConnectionBuilder");

        // The staff UI's "module being built" pages live under /m/{module}: still theirs, not the terminal's.
        var staff = await noRedirect.GetAsync("/m/disclosure", Ct);
        staff.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        staff.Headers.Location!.ToString().ShouldContain("/login");
    }

    [Fact]
    public async Task SignIn_AtM_ReachesHome_AndTheShellOpensOfflineAfterwards()
    {
        // The server keeps the duty state: another test of this class may have left the officer on duty.
        using (var api = await browser.Factory.SignedInAsync(Officer))
        {
            (await api.PostAsJsonAsync("/api/v1/terminal/duty", new { onDuty = false }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var page = await PhoneAsync();
        await SignInAsync(page);

        await Expect(page.Locator("[data-testid=officer-name]")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("[data-testid=duty-toggle]")).ToHaveTextAsync("上班");
        await Expect(page.Locator("[data-testid=net-status]")).ToHaveTextAsync("在线");
        page.Url.ShouldBe(browser.BaseUrl + "/m/#/home");

        // The first visit is not controlled yet; wait until the worker has cached the shell and claimed the page.
        await page.WaitForFunctionAsync("navigator.serviceWorker.controller !== null");
        (await page.EvaluateAsync<string>("navigator.serviceWorker.getRegistration().then(r => r.scope)")).ShouldBe(browser.BaseUrl + "/m/");
        await page.Context.SetOfflineAsync(true);
        await page.ReloadAsync();

        await Expect(page.Locator("[data-testid=net-status]")).ToHaveTextAsync("离线");
        await Expect(page.Locator("[data-testid=duty-toggle]")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignIn_WithAWrongPassword_SaysSoInChinese()
    {
        var page = await PhoneAsync();
        await page.GotoAsync("/m/");
        await page.FillAsync("#username", Officer);
        await page.FillAsync("#password", "Wrong#2022");
        await page.ClickAsync("[data-testid=login-submit]");

        await Expect(page.Locator("[data-testid=login-error]")).ToHaveTextAsync("用户名或密码错误。");
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// The heart of the terminal: a record written without coverage waits in the outbox and reaches the server exactly
    /// once when the phone is back online. Needs the Terminal module's endpoints (docs/terminal.md).
    /// </summary>
    [Fact]
    public async Task InspectionRecord_WrittenOffline_IsStoredOnceWhenBackOnline()
    {
        var page = await PhoneAsync();
        await SignInAsync(page);
        await page.ClickAsync("[data-testid=duty-toggle]");
        await Expect(page.Locator("[data-testid=duty-toggle]")).ToHaveTextAsync("下班");
        await Expect(page.Locator("[data-testid=duty-state]")).ToContainTextAsync("在岗 ·");
        await Expect(page.Locator("[data-testid=pending]")).ToHaveAttributeAsync("data-count", "0", new() { Timeout = 30_000 });
        // Without the Terminal module, POST /terminal/duty answers 404 and the duty change is listed under 同步失败.
        await Expect(page.Locator("[data-testid=failed]")).ToBeHiddenAsync();

        await page.Context.SetOfflineAsync(true);
        await Expect(page.Locator("[data-testid=net-status]")).ToHaveTextAsync("离线");
        var content = $"车辆停放于应急车道，驾驶员称等待救援。核查编号 {Guid.NewGuid():N}";
        await page.ClickAsync("[data-testid=new-inspection]");
        await page.FillAsync("[data-testid=record-place]", "G30 连霍高速郑州西收费站出口");
        await page.FillAsync("[data-testid=record-plate]", "豫A12345");
        await page.FillAsync("[data-testid=record-party-name]", "张三");
        await page.FillAsync("[data-testid=record-content]", content);
        await page.CheckAsync("[data-testid=record-refused]");
        await page.ClickAsync("[data-testid=record-submit]");

        await Expect(page.Locator("[data-testid=pending]")).ToContainTextAsync("待同步 1");
        await page.Context.SetOfflineAsync(false);
        await Expect(page.Locator("[data-testid=pending]")).ToHaveAttributeAsync("data-count", "0", new() { Timeout = 30_000 });
        await Expect(page.Locator("[data-testid=failed]")).ToBeHiddenAsync();
        await page.Context.CloseAsync();

        using var api = await browser.Factory.SignedInAsync(Officer);
        var response = await api.GetAsync("/api/v1/terminal/records?mine=true&pageSize=200", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var records = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["items"]!.AsArray();
        var ids = new List<string>();
        foreach (var summary in records)
        {
            var id = summary!["id"]!.ToString();
            var record = await (await api.GetAsync($"/api/v1/terminal/records/{id}", Ct)).JsonAsync();
            if (record["content"]?.GetValue<string>() == content)
            {
                ids.Add(id);
            }
        }

        ids.Count.ShouldBe(1, "the record must reach the server exactly once");
    }
    /// <summary>
    /// 当场处罚 against the real server: the second officer is picked from GET /terminal/colleagues (行政处罚法 art. 42),
    /// the case number comes back, the decision PDF is fetched with the bearer token, and the payment is recorded.
    /// </summary>
    [Fact]
    public async Task OnSpotPenalty_WithAColleague_ShowsTheCaseNumber_TheDecisionPdf_AndRecordsThePayment()
    {
        var page = await PhoneAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await SignInAsync(page);
        await page.GotoAsync("/m/#/penalty");
        await Expect(page.Locator("[data-testid=penalty-colleague]").First).ToBeVisibleAsync();

        await page.SelectOptionAsync("select[name=offence]", "overload.dimensions");
        await page.FillAsync("textarea[name=facts]", "车货总高度 4.1 米，超过 4 米，未超过 4.2 米。");
        await page.FillAsync("input[name=place]", "G107 国道 K689 处");
        await page.FillAsync("[data-testid=penalty-party-name]", "孙伟");
        await page.FillAsync("[data-testid=penalty-fine]", "50");
        await page.ClickAsync("#penalty-submit");
        await Expect(page.Locator("#penalty-error")).ToContainTextAsync("共同执法人员");

        await page.Locator("[data-testid=penalty-colleague]").First.CheckAsync();
        await page.ClickAsync("#penalty-submit");
        var result = page.Locator("[data-testid=penalty-result]").First;
        await Expect(result).ToContainTextAsync("罚款 50.00 元", new() { Timeout = 30_000 });
        await Expect(page.Locator("[data-testid=failed]")).ToBeHiddenAsync();
        var caseNumber = (await result.Locator(".title").InnerTextAsync()).Trim();
        caseNumber.ShouldNotBeNullOrWhiteSpace();
        await Expect(result.Locator("[data-testid=penalty-reference]")).Not.ToBeEmptyAsync();

        await result.GetByText("决定书 PDF").ClickAsync();
        var pdf = result.Locator("[data-testid=penalty-pdf]");
        await Expect(pdf).ToBeVisibleAsync();
        var href = (await pdf.GetAttributeAsync("href"))!;
        href.ShouldStartWith("blob:");
        (await page.EvaluateAsync<string>(
                "async (u) => String.fromCharCode(...new Uint8Array((await (await fetch(u)).arrayBuffer()).slice(0, 5)))", href))
            .ShouldBe("%PDF-", "the decision fetched with the bearer token is a PDF");

        // The receipt number is typed by the officer: the case's own VANGUARD-PAY code is neither prefilled nor accepted.
        await Expect(result.Locator("[data-testid=penalty-receipt]")).ToHaveValueAsync(string.Empty);
        await result.Locator("[data-testid=penalty-pay]").ClickAsync();
        await Expect(result.Locator("[data-testid=pay-error]")).ToContainTextAsync("专用票据号");
        await result.Locator("[data-testid=penalty-receipt]").FillAsync((await result.Locator("[data-testid=penalty-reference]").InnerTextAsync()).Trim());
        await result.Locator("[data-testid=penalty-pay]").ClickAsync();
        await Expect(result.Locator("[data-testid=pay-error]")).ToContainTextAsync("缴款识别码");
        await result.Locator("[data-testid=penalty-receipt]").FillAsync("豫财票 0012345");
        await result.Locator("[data-testid=penalty-pay]").ClickAsync();
        await Expect(page.Locator("[data-testid=penalty-paid]").First).ToContainTextAsync("已登记缴款 50.00 元");
        await Expect(page.Locator("[data-testid=failed]")).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// A task dispatched by the command centre reaches the open PWA through the SignalR hub (the poll runs every 30 s,
    /// so five seconds is the push), and its three steps reach the server with their times.
    /// </summary>
    [Fact]
    public async Task Task_DispatchedByCommand_AppearsLive_AndIsAcceptedReachedAndFinishedOnTheServer()
    {
        using var command = await browser.Factory.SignedInAsync("zhengzhou.command");
        var officers = await (await command.GetAsync("/api/v1/officers?agencyCode=410100&pageSize=50", Ct)).JsonAsync();
        var officerId = officers["items"]!.AsArray().Single(o => o!["username"]?.GetValue<string>() == Officer)!["id"]!.GetValue<string>();

        var page = await PhoneAsync();
        await SignInAsync(page);
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-hub", "connected");
        await page.GotoAsync("/m/#/tasks");

        var title = $"布控车辆 豫A{Random.Shared.Next(10_000, 99_999)} 经过郑州西站";
        var dispatched = await command.PostAsJsonAsync("/api/v1/terminal/tasks",
            new { officerId, kind = "watchlist_hit", title, detail = "疑似非法营运，请前往核查。", place = "G30 郑州西收费站" }, Ct);
        var task = await dispatched.JsonAsync();
        dispatched.StatusCode.ShouldBe(HttpStatusCode.Created, task.ToJsonString());
        var id = task["id"]!.GetValue<string>();

        var item = page.Locator("[data-testid=task-item]", new() { HasText = title });
        await Expect(item).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await item.ClickAsync();
        await Expect(page.Locator("[data-testid=task-status]")).ToHaveTextAsync("待接受");
        await page.ClickAsync("[data-testid=task-accept]");
        await Expect(page.Locator("[data-testid=task-status]")).ToHaveTextAsync("已接受");
        await page.ClickAsync("[data-testid=task-arrive]");
        await Expect(page.Locator("[data-testid=task-status]")).ToHaveTextAsync("已到达");
        await page.SelectOptionAsync("select[name=outcome]", "warned");
        await page.ClickAsync("[data-testid=task-finish]");
        await Expect(page.Locator("[data-testid=task-status]")).ToHaveTextAsync("已完成");
        await Expect(page.Locator("[data-testid=pending]")).ToHaveAttributeAsync("data-count", "0", new() { Timeout = 30_000 });
        await Expect(page.Locator("[data-testid=failed]")).ToBeHiddenAsync();
        await page.Context.CloseAsync();

        var done = await (await command.GetAsync($"/api/v1/terminal/tasks/{id}", Ct)).JsonAsync();
        done["status"]!.GetValue<string>().ShouldBe("finished", done.ToJsonString());
        done["outcome"]!.GetValue<string>().ShouldBe("warned");
        var accepted = done["acceptedAt"]!.GetValue<DateTimeOffset>();
        var arrived = done["arrivedAt"]!.GetValue<DateTimeOffset>();
        var finished = done["finishedAt"]!.GetValue<DateTimeOffset>();
        accepted.ShouldBeGreaterThanOrEqualTo(done["dispatchedAt"]!.GetValue<DateTimeOffset>());
        arrived.ShouldBeGreaterThanOrEqualTo(accepted);
        finished.ShouldBeGreaterThanOrEqualTo(arrived);
    }

    /// <summary>查询 of a demo registry vehicle against the real server: the owner and the 道路运输证 status are shown.</summary>
    [Fact]
    public async Task Lookup_OfADemoVehicle_ShowsItsOwnerAndTransportCertificate()
    {
        var (plate, owner, validUntil) = await WithDbAsync(async db =>
        {
            var v = await db.RegistryVehicles.AsNoTracking()
                .Where(v => v.PlateColor == PlateColor.Yellow && v.OwnerOrganisationId != null && v.TransportCertificateNo != null && v.Plate.StartsWith("豫A"))
                .OrderBy(v => v.Plate).FirstAsync(Ct);
            var o = await db.RegistryOrganisations.AsNoTracking().SingleAsync(o => o.Id == v.OwnerOrganisationId, Ct);
            return (v.Plate, o.Name, v.TransportCertificateValidUntil!.Value);
        });
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

        var page = await PhoneAsync();
        await SignInAsync(page);
        await page.GotoAsync("/m/#/lookup");
        await page.FillAsync("[data-testid=lookup-plate]", plate);
        await page.SelectOptionAsync("select[name=plateColor]", "yellow");
        await page.FillAsync("[data-testid=lookup-purpose]", "路面巡查核实车辆信息");
        await page.ClickAsync("[data-testid=lookup-submit]");

        var result = page.Locator("[data-testid=lookup-result]");
        await Expect(result).ToContainTextAsync(owner);
        await Expect(result).ToContainTextAsync(plate);
        await Expect(page.Locator("[data-testid=lookup-transport-certificate]"))
            .ToContainTextAsync($"{(validUntil >= today ? "有效" : "已过期")} · ");
        await Expect(page.Locator("[data-testid=lookup-transport-certificate]")).ToContainTextAsync($"有效期至 {validUntil:yyyy-MM-dd}");
        await page.Context.CloseAsync();
    }

    /// <summary>The staff page /terminal (menu 手持执法终端): officers on duty with their last fix, and a task dispatched from it.</summary>
    [Fact]
    public async Task StaffPage_ListsTheOfficerOnDuty_AndDispatchesATaskTheOfficerReceives()
    {
        using var field = await browser.Factory.SignedInAsync(Officer);
        (await field.PostAsJsonAsync("/api/v1/terminal/duty", new { onDuty = true }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var fix = new { at = DateTimeOffset.UtcNow.AddSeconds(-5), lat = 34.7466, lon = 113.6253, accuracyM = 10.0 };
        (await field.PostAsJsonAsync("/api/v1/terminal/positions", new { points = new[] { fix } }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var name = (await (await field.GetAsync("/api/v1/me", Ct)).JsonAsync())["officer"]!["name"]!.GetValue<string>();

        var page = await browser.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#username", "zhengzhou.command");
        await page.FillAsync("#password", VanguardFactory.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(browser.BaseUrl + "/");
        await page.GotoAsync("/terminal");
        await Expect(page.Locator(".vg-page[data-interactive=true]")).ToBeVisibleAsync();

        var row = page.Locator("[data-testid=terminal-officers] tr", new() { HasText = name });
        await Expect(row).ToContainTextAsync("在岗");
        await row.GetByRole(AriaRole.Button, new() { Name = "派发" }).ClickAsync();
        var title = $"巡查 G107 中牟段 {Random.Shared.Next(1_000, 9_999)}";
        await page.FillAsync("[data-testid=terminal-title]", title);
        await page.ClickAsync("#terminal-dispatch");
        await Expect(page.Locator("[data-testid=terminal-tasks]")).ToContainTextAsync(title);
        await Expect(row).ToContainTextAsync(title);
        await page.Context.CloseAsync();

        var mine = (await (await field.GetAsync("/api/v1/terminal/tasks?status=all", Ct)).JsonAsync()).AsArray();
        mine.ShouldContain(t => t!["title"]!.GetValue<string>() == title);
        (await field.PostAsJsonAsync("/api/v1/terminal/duty", new { onDuty = false }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<T> WithDbAsync<T>(Func<VanguardDbContext, Task<T>> read)
    {
        await using var scope = browser.Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        return await read(scope.ServiceProvider.GetRequiredService<VanguardDbContext>());
    }

    /// <summary>
    /// The outbox against a stand-in for the Terminal API (Playwright answers /api/v1/terminal/*; sign-in is real):
    /// a record written offline is sent when the phone is back, a 503 is retried with the same Idempotency-Key, and a
    /// refusal (422) lands in 同步失败 with the server's message instead of being retried for ever.
    /// </summary>
    [Fact]
    public async Task Outbox_RetriesWithTheSameIdempotencyKey_AndListsRefusals()
    {
        var page = await PhoneAsync();
        var records = new List<(string? Key, string Body)>();
        var dutyKeys = new List<string?>();
        var offline = false;
        await page.RouteAsync("**/api/v1/terminal/**", async route =>
        {
            var request = route.Request;
            if (offline)
            {
                // Playwright routes before its offline emulation: the stand-in has to drop the call itself.
                await route.AbortAsync("internetdisconnected");
                return;
            }

            var path = new Uri(request.Url).AbsolutePath;
            request.Headers.TryGetValue("idempotency-key", out var key);
            if (path.EndsWith("/terminal/duty", StringComparison.Ordinal))
            {
                if (request.Method == "POST")
                {
                    dutyKeys.Add(key);
                }

                await route.FulfillAsync(new() { Json = new { onDuty = request.Method == "POST", since = (string?)null, lastPosition = (object?)null } });
            }
            else if (path.EndsWith("/terminal/records", StringComparison.Ordinal) && request.Method == "POST")
            {
                records.Add((key, request.PostData ?? string.Empty));
                var body = request.PostData ?? string.Empty;
                if (body.Contains("拒收", StringComparison.Ordinal))
                {
                    await route.FulfillAsync(new()
                    {
                        Status = 422, ContentType = "application/problem+json",
                        Body = """{"status":422,"title":"笔录内容不完整。","code":"terminal.record_incomplete","messages":{"zh-CN":"笔录内容不完整。","en":"Incomplete."}}""",
                    });
                }
                else if (records.Count == 1)
                {
                    await route.FulfillAsync(new() { Status = 503 });
                }
                else
                {
                    await route.FulfillAsync(new() { Status = 201, Json = new { id = Guid.NewGuid() } });
                }
            }
            else if (path.EndsWith("/terminal/tasks", StringComparison.Ordinal))
            {
                await route.FulfillAsync(new() { Json = Array.Empty<object>() });
            }
            else
            {
                await route.FulfillAsync(new() { Status = 200, Json = new { accepted = 0, duplicates = 0 } });
            }
        });
        await SignInAsync(page);
        await page.ClickAsync("[data-testid=duty-toggle]");
        await Expect(page.Locator("[data-testid=duty-toggle]")).ToHaveTextAsync("下班");
        await Expect(page.Locator("[data-testid=duty-state]")).ToContainTextAsync("在岗 ·");
        await Expect(page.Locator("[data-testid=pending]")).ToHaveAttributeAsync("data-count", "0");

        await page.Context.SetOfflineAsync(offline = true);
        await WriteInspectionAsync(page, "驾驶员出示道路运输证，证照一致。", withPhotoAndSignature: true);
        await Expect(page.Locator("[data-testid=pending]")).ToContainTextAsync("待同步 1");
        records.ShouldBeEmpty("nothing leaves the phone without coverage");

        await page.Context.SetOfflineAsync(offline = false);
        await Expect(page.Locator("[data-testid=pending]")).ToHaveAttributeAsync("data-count", "0", new() { Timeout = 30_000 });
        records.Count.ShouldBe(2, "the 503 is retried after a back-off");
        records[0].Key.ShouldNotBeNull();
        Guid.TryParse(records[0].Key, out _).ShouldBeTrue(records[0].Key);
        records[1].Key.ShouldBe(records[0].Key, "a resend carries the same Idempotency-Key, so the server stores it once");
        records[1].Body.ShouldBe(records[0].Body);
        records[0].Body.ShouldContain("\"kind\":\"inspection\"");
        var sent = JsonNode.Parse(records[0].Body)!;
        sent["lat"]!.GetValue<double>().ShouldBe(34.7466, 0.0001);
        sent["refusedToSign"]!.GetValue<bool>().ShouldBeFalse();
        sent["signature"]!["dataUrl"]!.GetValue<string>().ShouldStartWith("data:image/png;base64,");
        var photo = sent["photos"]!.AsArray().ShouldHaveSingleItem()!["dataUrl"]!.GetValue<string>();
        photo.ShouldStartWith("data:image/jpeg;base64,");
        JpegSize(Convert.FromBase64String(photo["data:image/jpeg;base64,".Length..])).ShouldBe((1600, 800), "a 2 000 × 1 000 photo is scaled to 1 600 px on its long side");
        dutyKeys.ShouldHaveSingleItem().ShouldNotBeNull();

        await WriteInspectionAsync(page, "当事人拒收，笔录待补充。");
        await Expect(page.Locator("[data-testid=failed]")).ToHaveTextAsync("同步失败 1");
        await Expect(page.Locator("[data-testid=pending]")).ToHaveAttributeAsync("data-count", "0");
        await page.ClickAsync("[data-testid=failed]");
        await Expect(page.Locator("[data-testid=failed-item]")).ToContainTextAsync("笔录内容不完整。");
        records.Count.ShouldBe(3, "a refusal is not retried");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Lookup_ChecksTheIdNumberOnThePhone_AndAnswersFromTheCacheOffline()
    {
        var page = await PhoneAsync();
        var calls = new List<string>();
        await page.RouteAsync("**/api/v1/terminal/lookup/**", async route =>
        {
            calls.Add(route.Request.Url);
            await route.FulfillAsync(new()
            {
                Json = new
                {
                    vehicle = new
                    {
                        plate = "豫A12345", plateColor = "yellow", vehicleTypeName = "重型半挂牵引车", status = "active",
                        transportCertificate = new { number = "410102000001", validUntil = "2028-06-30", status = "valid" },
                        owner = new { kind = "organisation", name = "郑州顺达物流有限公司", number = "91410100MA40B3K7XX" },
                    },
                    openCases = Array.Empty<object>(), overloadHistory = Array.Empty<object>(), watchlist = (object?)null,
                },
            });
        });
        await SignInAsync(page);
        await page.GotoAsync("/m/#/lookup");

        await page.ClickAsync("[data-tab=driver]");
        await page.FillAsync("[data-testid=lookup-number]", "110105194912310021");
        await page.FillAsync("[data-testid=lookup-purpose]", "路面检查核实驾驶员身份");
        await page.ClickAsync("[data-testid=lookup-submit]");
        await Expect(page.Locator("[data-testid=lookup-error]")).ToHaveTextAsync("身份证号校验位错误，末位应为 X");

        await page.ClickAsync("[data-tab=vehicle]");
        await page.FillAsync("[data-testid=lookup-plate]", "豫a 12345");
        await page.SelectOptionAsync("select[name=plateColor]", "yellow");
        await page.ClickAsync("[data-testid=lookup-submit]");
        await Expect(page.Locator("[data-testid=lookup-error]")).ToHaveTextAsync("请填写查询事由（2–100 字）");
        await page.FillAsync("[data-testid=lookup-purpose]", "路面巡查核实车辆信息");
        await page.ClickAsync("[data-testid=lookup-submit]");
        await Expect(page.Locator("[data-testid=lookup-result]")).ToContainTextAsync("郑州顺达物流有限公司");
        calls.ShouldHaveSingleItem().ShouldContain("plate=%E8%B1%ABA12345&plateColor=yellow&purpose=");

        await page.Context.SetOfflineAsync(true);
        await page.RouteAsync("**/api/v1/terminal/lookup/**", route => route.AbortAsync("internetdisconnected"));
        await page.ClickAsync("[data-testid=lookup-submit]");
        await Expect(page.Locator("[data-testid=lookup-cached]")).ToContainTextAsync("离线缓存 · 查询于");
        await Expect(page.Locator("[data-testid=lookup-result]")).ToContainTextAsync("重型半挂牵引车");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OnSpotPenalty_ShowsTheArticle51Limit_AndRefusesMoreBeforeSending()
    {
        var page = await PhoneAsync();
        await SignInAsync(page);
        await page.GotoAsync("/m/#/penalty");

        var limit = page.Locator("[data-testid=penalty-limit]");
        await Expect(limit).ToHaveTextAsync("个人当场罚款上限 200.00 元");
        await page.FillAsync("[data-testid=penalty-fine]", "200.01");
        await Expect(limit).ToContainTextAsync("已超过限额");
        await Expect(page.Locator("#penalty-submit")).ToBeDisabledAsync();

        await page.CheckAsync("input[name=partyKind][value=organisation]");
        await Expect(limit).ToHaveTextAsync("单位当场罚款上限 3,000.00 元");
        await Expect(page.Locator("#penalty-submit")).ToBeEnabledAsync();
        await page.FillAsync("[data-testid=penalty-fine]", "3000.01");
        await Expect(page.Locator("#penalty-submit")).ToBeDisabledAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Task_FromThePoll_IsAcceptedReachedAndFinished_ThroughTheOutbox()
    {
        var page = await PhoneAsync();
        var task = new JsonObject
        {
            ["id"] = "5d1f6c1e-0000-4000-8000-000000000001", ["kind"] = "watchlist_hit", ["title"] = "布控车辆 豫A88888 经过郑州西站",
            ["detail"] = "疑似非法营运，请前往核查。", ["place"] = "G30 郑州西收费站", ["status"] = "dispatched",
            ["dispatchedAt"] = DateTimeOffset.UtcNow.ToString("O"), ["dispatchedBy"] = "指挥中心",
        };
        var steps = new List<(string Step, string? Key, string Body)>();
        await page.RouteAsync("**/api/v1/terminal/**", async route =>
        {
            var request = route.Request;
            var path = new Uri(request.Url).AbsolutePath;
            if (path.EndsWith("/terminal/tasks", StringComparison.Ordinal))
            {
                await route.FulfillAsync(new() { Json = new JsonArray(task.DeepClone()) });
            }
            else if (request.Method == "POST" && path.Contains("/terminal/tasks/", StringComparison.Ordinal))
            {
                var step = path[(path.LastIndexOf('/') + 1)..];
                request.Headers.TryGetValue("idempotency-key", out var key);
                steps.Add((step, key, request.PostData ?? string.Empty));
                task["status"] = step switch { "accept" => "accepted", "arrive" => "arrived", _ => "finished" };
                await route.FulfillAsync(new() { Json = task.DeepClone() });
            }
            else
            {
                await route.FulfillAsync(new() { Json = new { onDuty = false } });
            }
        });
        await SignInAsync(page);
        await Expect(page.Locator("[data-testid=open-tasks]")).ToHaveTextAsync("1 项未完成");

        await page.GotoAsync("/m/#/tasks");
        await page.ClickAsync("[data-testid=task-item]");
        await Expect(page.Locator("[data-testid=task-status]")).ToHaveTextAsync("待接受");
        await page.ClickAsync("[data-testid=task-accept]");
        await Expect(page.Locator("[data-testid=task-status]")).ToHaveTextAsync("已接受");
        await page.ClickAsync("[data-testid=task-arrive]");
        await Expect(page.Locator("[data-testid=task-status]")).ToHaveTextAsync("已到达");

        await page.SelectOptionAsync("select[name=outcome]", "false_hit");
        await page.ClickAsync("[data-testid=task-finish]");
        await Expect(page.Locator("#toast")).ToHaveTextAsync("该处置结果需要填写说明");
        await page.FillAsync("textarea[name=note]", "车辆为正规营运车辆，证照齐全。");
        await page.ClickAsync("[data-testid=task-finish]");
        await Expect(page.Locator("[data-testid=task-status]")).ToHaveTextAsync("已完成");
        await Expect(page.Locator("[data-testid=pending]")).ToHaveAttributeAsync("data-count", "0");

        steps.Select(s => s.Step).ShouldBe(["accept", "arrive", "finish"]);
        steps.Select(s => s.Key).Distinct().Count().ShouldBe(3, "each step is its own write with its own Idempotency-Key");
        steps.ShouldAllBe(s => s.Key != null);
        JsonNode.Parse(steps[1].Body)!["lat"]!.GetValue<double>().ShouldBe(34.7466, 0.0001);
        JsonNode.Parse(steps[2].Body)!["outcome"]!.GetValue<string>().ShouldBe("false_hit");
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// A shared phone (issue 6, H2): officer A's record written offline is not sent under officer B's token when B signs in,
    /// B sees none of A's cached decisions, and A's next sign-in sends it once, with A as its author.
    /// </summary>
    [Fact]
    public async Task SharedPhone_AQueuedRecord_WaitsForItsOfficer_AndTheNextOfficerSeesNoneOfTheCaches()
    {
        const string other = "nanyang.field";
        var page = await PhoneAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await SignInAsync(page);

        // A decision of A's, cached on the phone (本机作出的决定).
        await page.GotoAsync("/m/#/penalty");
        await Expect(page.Locator("[data-testid=penalty-colleague]").First).ToBeVisibleAsync();
        await page.SelectOptionAsync("select[name=offence]", "overload.dimensions");
        await page.FillAsync("textarea[name=facts]", "车货总高度 4.1 米，超过 4 米，未超过 4.2 米。");
        await page.FillAsync("input[name=place]", "G107 国道 K689 处");
        await page.FillAsync("[data-testid=penalty-party-name]", "孙伟");
        await page.FillAsync("[data-testid=penalty-fine]", "50");
        await page.Locator("[data-testid=penalty-colleague]").First.CheckAsync();
        await page.ClickAsync("#penalty-submit");
        await Expect(page.Locator("[data-testid=penalty-result]").First).ToContainTextAsync("罚款 50.00 元", new() { Timeout = 30_000 });

        await page.Context.SetOfflineAsync(true);
        var content = $"共用手机：A 离线写的笔录。核查编号 {Guid.NewGuid():N}";
        await WriteInspectionAsync(page, content);
        await Expect(page.Locator("[data-testid=pending]")).ToContainTextAsync("待同步 1");
        await page.GotoAsync("/m/#/home");
        await page.ClickAsync("#logout");
        await Expect(page.Locator("#username")).ToBeVisibleAsync();
        var keys = await CacheKeysAsync(page);
        keys.ShouldNotContain(k => k.EndsWith(":penalties", StringComparison.Ordinal) || k.EndsWith(":lookups", StringComparison.Ordinal) || k == "session");

        await page.Context.SetOfflineAsync(false);
        await page.FillAsync("#username", other);
        await page.FillAsync("#password", VanguardFactory.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await Expect(page.Locator("[data-testid=duty-toggle]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=pending]")).ToHaveAttributeAsync("data-count", "0");
        await page.GotoAsync("/m/#/penalty");
        await Expect(page.Locator("select[name=offence], input[name=offence]").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=penalty-result]")).ToHaveCountAsync(0);
        await page.GotoAsync("/m/#/sync");
        await Expect(page.Locator("[data-testid=others-pending]")).ToContainTextAsync($"待 {Officer} 登录后同步");
        await page.ClickAsync("#sync-now");
        (await RecordsWithAsync(other, content)).ShouldBe(0, "A's record must not be sent under B's token");
        (await RecordsWithAsync(Officer, content)).ShouldBe(0, "A is not signed in: the record waits");

        await page.GotoAsync("/m/#/home");
        await page.ClickAsync("#logout");
        await Expect(page.Locator("#username")).ToBeVisibleAsync();
        await page.FillAsync("#username", Officer.ToUpperInvariant());
        await page.FillAsync("#password", VanguardFactory.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await Expect(page.Locator("[data-testid=duty-toggle]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=pending]")).ToHaveAttributeAsync("data-count", "0", new() { Timeout = 30_000 });
        await Expect(page.Locator("[data-testid=failed]")).ToBeHiddenAsync();
        for (var i = 0; i < 60 && await RecordsWithAsync(Officer, content) == 0; i++)
        {
            await page.WaitForTimeoutAsync(500);
        }

        await page.Context.CloseAsync();
        (await RecordsWithAsync(Officer, content)).ShouldBe(1, "A's next sign-in (typed in capitals, same account) sends it once, as A's");
        (await RecordsWithAsync(other, content)).ShouldBe(0);
    }

    /// <summary>Issue 6: 退出登录 while on duty asks "下班并退出？" and sends 下班 before signing out, then revokes the refresh token.</summary>
    [Fact]
    public async Task Logout_OnDuty_AsksAndSendsOffDuty_ThenRevokes()
    {
        var page = await PhoneAsync();
        var duty = new List<string>();
        var logouts = 0;
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) => { dialogs.Add(dialog.Message); await dialog.AcceptAsync(); };
        await page.RouteAsync("**/api/v1/terminal/**", async route =>
        {
            var request = route.Request;
            if (new Uri(request.Url).AbsolutePath.EndsWith("/terminal/duty", StringComparison.Ordinal))
            {
                var on = request.Method == "POST" && (request.PostData ?? string.Empty).Contains("true", StringComparison.Ordinal);
                if (request.Method == "POST")
                {
                    duty.Add(request.PostData ?? string.Empty);
                }

                await route.FulfillAsync(new() { Json = new { onDuty = on, since = (string?)null, lastPosition = (object?)null } });
            }
            else
            {
                await route.FulfillAsync(new() { Json = new { accepted = 0, duplicates = 0, rejected = Array.Empty<object>() } });
            }
        });
        await page.RouteAsync("**/api/v1/auth/logout", async route => { Interlocked.Increment(ref logouts); await route.FulfillAsync(new() { Status = 204 }); });
        await SignInAsync(page);
        await page.ClickAsync("[data-testid=duty-toggle]");
        await Expect(page.Locator("[data-testid=duty-toggle]")).ToHaveTextAsync("下班");
        await Expect(page.Locator("[data-testid=pending]")).ToHaveAttributeAsync("data-count", "0");

        await page.ClickAsync("#logout");
        await Expect(page.Locator("#username")).ToBeVisibleAsync();
        dialogs.ShouldContain(m => m.Contains("下班并退出", StringComparison.Ordinal));
        duty.Count.ShouldBe(2, string.Join(" | ", duty));
        duty[1].ShouldContain("false");
        logouts.ShouldBe(1);
        await page.Context.CloseAsync();
    }

    private static Task<string[]> CacheKeysAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => new Promise((ok) => { const r = indexedDB.open('vanguard-terminal');
          r.onsuccess = () => { const q = r.result.transaction('kv').objectStore('kv').getAllKeys(); q.onsuccess = () => ok(q.result.map(String)); }; })
        """);

    private async Task<int> RecordsWithAsync(string username, string content)
    {
        using var api = await browser.Factory.SignedInAsync(username);
        var response = await api.GetAsync("/api/v1/terminal/records?mine=true&pageSize=200", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var count = 0;
        foreach (var summary in (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["items"]!.AsArray())
        {
            var record = await (await api.GetAsync($"/api/v1/terminal/records/{summary!["id"]}", Ct)).JsonAsync();
            count += record["content"]?.GetValue<string>() == content ? 1 : 0;
        }

        return count;
    }

    /// <summary>Issue 6, M7: a 429 or 503 from /auth/refresh keeps the officer signed in; only a 401 signs out.</summary>
    [Fact]
    public async Task RefreshAnswering429Or503_KeepsTheSession_Only401SignsOut()
    {
        var page = await PhoneAsync();
        await SignInAsync(page);
        var refreshStatus = 429;
        var refreshes = 0;
        await page.RouteAsync("**/api/v1/terminal/**", route => route.FulfillAsync(new() { Status = 401 }));
        await page.RouteAsync("**/api/v1/auth/refresh", async route =>
        {
            Interlocked.Increment(ref refreshes);
            await route.FulfillAsync(new() { Status = refreshStatus, ContentType = "application/problem+json", Body = $$"""{"status":{{refreshStatus}}}""" });
        });

        foreach (var status in new[] { 429, 503, 408 })
        {
            refreshStatus = status;
            var before = refreshes;
            await page.ReloadAsync();
            await Expect(page.Locator("[data-testid=duty-toggle]")).ToBeVisibleAsync();
            for (var i = 0; i < 100 && Volatile.Read(ref refreshes) == before; i++)
            {
                await page.WaitForTimeoutAsync(100);
            }

            refreshes.ShouldBeGreaterThan(before, $"a 401 is followed by POST /auth/refresh (answered {status})");
            await page.WaitForTimeoutAsync(300);
            await Expect(page.Locator("[data-testid=duty-toggle]")).ToBeVisibleAsync();
            await Expect(page.Locator("#username")).ToHaveCountAsync(0);
        }

        refreshStatus = 401;
        await page.ReloadAsync();
        await Expect(page.Locator("#username")).ToBeVisibleAsync();
        // Signed out by the expired refresh token: the same clean-up as 退出登录 — nothing of the officer stays cached.
        await page.WaitForTimeoutAsync(300);
        var keys = await CacheKeysAsync(page);
        keys.ShouldNotContain(k => k == "session" || k == "me" || k.EndsWith(":me", StringComparison.Ordinal)
            || k.EndsWith(":duty", StringComparison.Ordinal) || k.EndsWith(":tasks", StringComparison.Ordinal), string.Join(", ", keys));
        await page.Context.CloseAsync();
    }

    private static async Task WriteInspectionAsync(IPage page, string content, bool withPhotoAndSignature = false)
    {
        await page.GotoAsync("/m/#/home");
        await page.ClickAsync("[data-testid=new-inspection]");
        await Expect(page.Locator("#gps")).ToContainTextAsync("GPS");
        await page.FillAsync("[data-testid=record-place]", "G30 连霍高速郑州西收费站出口");
        await page.FillAsync("[data-testid=record-plate]", "豫A12345");
        await page.FillAsync("[data-testid=record-party-name]", "张三");
        await page.FillAsync("[data-testid=record-content]", content);
        if (withPhotoAndSignature)
        {
            await page.SetInputFilesAsync("[data-testid=record-photo]", new FilePayload { Name = "photo.bmp", MimeType = "image/bmp", Buffer = Bitmap(2000, 1000) });
            await Expect(page.Locator("#thumbs img")).ToHaveCountAsync(1);
            var signature = page.Locator("[data-testid=record-signature]");
            await signature.ScrollIntoViewIfNeededAsync();
            var pad = (await signature.BoundingBoxAsync())!;
            await page.Mouse.MoveAsync(pad.X + 30, pad.Y + 40);
            await page.Mouse.DownAsync();
            await page.Mouse.MoveAsync(pad.X + 200, pad.Y + 120, new() { Steps = 8 });
            await page.Mouse.MoveAsync(pad.X + 260, pad.Y + 50, new() { Steps = 4 });
            await page.Mouse.UpAsync();
        }
        else
        {
            await page.CheckAsync("[data-testid=record-refused]");
        }

        await page.ClickAsync("[data-testid=record-submit]");
        await Expect(page.Locator("[data-testid=duty-toggle], [data-testid=record-error]:not(:empty)")).ToBeVisibleAsync();
        (await page.Locator("[data-testid=record-error]").AllInnerTextsAsync()).ShouldBeEmpty("the form was refused");
    }

    /// <summary>An uncompressed 24-bit BMP with a gradient: a "camera photo" any browser decodes.</summary>
    private static byte[] Bitmap(int width, int height)
    {
        var row = ((width * 3) + 3) & ~3;
        var bytes = new byte[54 + (row * height)];
        bytes[0] = (byte)'B';
        bytes[1] = (byte)'M';
        BitConverter.TryWriteBytes(bytes.AsSpan(2), bytes.Length);
        BitConverter.TryWriteBytes(bytes.AsSpan(10), 54);
        BitConverter.TryWriteBytes(bytes.AsSpan(14), 40);
        BitConverter.TryWriteBytes(bytes.AsSpan(18), width);
        BitConverter.TryWriteBytes(bytes.AsSpan(22), height);
        BitConverter.TryWriteBytes(bytes.AsSpan(26), (short)1);
        BitConverter.TryWriteBytes(bytes.AsSpan(28), (short)24);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = 54 + (y * row) + (x * 3);
                bytes[i] = (byte)(x % 256);
                bytes[i + 1] = (byte)(y % 256);
                bytes[i + 2] = 128;
            }
        }

        return bytes;
    }

    /// <summary>Width and height from a JPEG's start-of-frame segment.</summary>
    private static (int Width, int Height) JpegSize(byte[] jpeg)
    {
        var i = 2;
        while (i + 9 < jpeg.Length && jpeg[i] == 0xFF)
        {
            var marker = jpeg[i + 1];
            if (marker is 0xC0 or 0xC1 or 0xC2)
            {
                return ((jpeg[i + 7] << 8) | jpeg[i + 8], (jpeg[i + 5] << 8) | jpeg[i + 6]);
            }

            i += 2 + ((jpeg[i + 2] << 8) | jpeg[i + 3]);
        }

        throw new InvalidOperationException("not a JPEG with a start-of-frame segment");
    }
}
