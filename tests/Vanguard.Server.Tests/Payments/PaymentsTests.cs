using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Payments.Data;
using Vanguard.Server.Modules.Payments.Contracts;
using Vanguard.Server.Modules.Payments.Gateways;
using Vanguard.Server.Tests.Cases;
using Vanguard.Server.Tests.Online;

namespace Vanguard.Server.Tests.Payments;

/// <summary>The platform on a clock the test moves, starting at noon China time today, so days late are whole days.</summary>
public sealed class PaymentsFactory : VanguardFactory
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(
        DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime).ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8))
        .ToUniversalTime());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>
/// 缴纳罚款 online (issue 7 item 5): orders at the amount due with the 加处罚款 of 行政处罚法 art. 72, signed callbacks
/// (bad signatures, replays and amount mismatches refused; a duplicate applied once), and the case leaving execution.
/// </summary>
public sealed class PaymentsTests(PaymentsFactory factory) : IClassFixture<PaymentsFactory>
{
    private const string Callback = "/api/v1/payments/callback/simulated";

    private static CancellationToken Ct => ApiClient.Ct;

    private DateOnly Today => LegalClock.Today(factory.Clock);

    private SimulatedGateway Gateway => factory.Services.GetRequiredService<SimulatedGateway>();

    /// <summary>简易程序: a 200-yuan fine decided and handed over today, so the case is executing.</summary>
    private async Task<Guid> ExecutingCaseAsync(long fineFen = 20_000)
    {
        var client = await factory.SignedInAsync("zhengzhou.field");
        var officers = await CaseApi.TwoOfficersAsync(client, "410100");
        var today = Today.ToString("yyyy-MM-dd");
        var id = CaseApi.IdOf(await CaseApi.CreateAsync(client, new
        {
            procedure = "simplified", agencyCode = "410100", offenceCode = "overload.dimensions", title = "车货总高度超过 4 米（未超过 4.2 米）",
            party = new { kind = "person", name = "孙伟" }, actOn = today, acceptedOn = today, officerIds = officers,
        }));
        var decided = await CaseApi.ActAsync(client, id, "decide-on-spot", new { on = today, fineFen });
        CaseApi.StageOf(decided).ShouldBe("executing");
        return id;
    }

    private async Task<T> PaymentsAsync<T>(Func<IPayments, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<IPayments>());
    }

    private async Task<PaymentOrderView> OrderAsync(Guid caseId, string returnUrl = "/online/cases/test")
    {
        var order = await PaymentsAsync(p => p.CreateOrderAsync(caseId, returnUrl, Ct));
        order.IsSuccess.ShouldBeTrue(order.Error?.Code);
        return order.Value;
    }

    private async Task<PaymentOrderView> FindAsync(Guid orderId) => (await PaymentsAsync(p => p.FindOrderAsync(orderId, Ct))).Value;

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] body, string? signature)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signature is not null)
        {
            content.Headers.Add(SimulatedGateway.SignatureHeader, signature);
        }

        return await client.PostAsync(Callback, content, Ct);
    }

    private async Task<HttpResponseMessage> SendAsync(SimulatedNotice notice)
    {
        var (headers, body) = Gateway.Sign(notice);
        return await PostAsync(factory.CreateClient(), body, headers[SimulatedGateway.SignatureHeader]);
    }

    private async Task<JsonNode> CaseAsync(Guid id)
    {
        var client = await factory.SignedInAsync("zhengzhou.case");
        var response = await client.GetAsync($"/api/v1/cases/{id}", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.JsonAsync();
    }

    private static long PaidFen(JsonNode detail) => detail["state"]!["paidFen"]!.GetValue<long>();

    private static int Payments(JsonNode detail) => detail["timeline"]!.AsArray().Count(e => e!["action"]!.GetValue<string>() == "record-payment");

    /// <summary>Moves the platform's clock to noon China time on the given day.</summary>
    private void SetToday(DateOnly day)
    {
        var target = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), LegalClock.ChinaOffset);
        target.ShouldBeGreaterThanOrEqualTo(factory.Clock.GetUtcNow(), "the test clock only moves forward");
        factory.Clock.SetUtcNow(target.ToUniversalTime());
    }

    [Fact]
    public async Task OnTime_OrderIsTheFine_AndPayingTakesTheCaseOutOfExecution()
    {
        var caseId = await ExecutingCaseAsync();
        var due = (await PaymentsAsync(p => p.AmountDueAsync(caseId, Ct))).Value;
        (due.FineFen, due.LateFeeFen, due.TotalFen, due.DaysLate).ShouldBe((20_000L, 0L, 20_000L, 0));
        due.PayBy.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(Today.AddDays(15));

        var order = await OrderAsync(caseId);
        order.OrderNo.ShouldMatch($"^JF{Today:yyyyMMdd}\\d{{6}}$");
        (order.Status, order.TotalFen, order.Gateway).ShouldBe(("open", 20_000L, "simulated"));
        // The pay page is addressed by the order's random token (128 bits, base64url), not by its sequential number.
        order.PayUrl.ShouldMatch("^/online/pay/sim/[A-Za-z0-9_-]{22}$");
        (await OrderAsync(caseId)).Id.ShouldBe(order.Id, "asking twice on one day gives the same order");

        var response = await SendAsync(Gateway.NewPayment(order.OrderNo, 20_000));
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        body["result"]!.GetValue<string>().ShouldBe("applied");

        var detail = await CaseAsync(caseId);
        CaseApi.StageOf(detail).ShouldBe("executed");
        PaidFen(detail).ShouldBe(20_000);
        detail["availableActions"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldNotContain("record-payment");
        var paid = await FindAsync(order.Id);
        paid.Status.ShouldBe("paid");
        paid.PaidAt.ShouldNotBeNull();
        (await PaymentsAsync(p => p.AmountDueAsync(caseId, Ct))).Error!.Code.ShouldBe("payments.not_payable");

        // Staff see the case's orders in their jurisdiction; another city does not.
        var orders = await (await (await factory.SignedInAsync("zhengzhou.case")).GetAsync($"/api/v1/payments/orders?caseId={caseId}", Ct)).JsonAsync();
        orders.AsArray().Select(o => o!["status"]!.GetValue<string>()).ShouldBe(["paid"]);
        var elsewhere = await (await (await factory.SignedInAsync("nanyang.case")).GetAsync($"/api/v1/payments/orders?caseId={caseId}", Ct)).JsonAsync();
        elsewhere.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task TenDaysLate_On200Yuan_AddsSixtyYuan_AndThatIsWhatIsCharged()
    {
        var caseId = await ExecutingCaseAsync();
        var payBy = (await PaymentsAsync(p => p.AmountDueAsync(caseId, Ct))).Value.PayBy!.Value;
        SetToday(payBy.AddDays(10));

        var due = (await PaymentsAsync(p => p.AmountDueAsync(caseId, Ct))).Value;
        // 行政处罚法 art. 72: 3 % of 20 000 fen = 600 fen a day, 10 days.
        (due.LateFeeFen, due.TotalFen, due.DaysLate).ShouldBe((6_000L, 26_000L, 10));
        var order = await OrderAsync(caseId);
        (order.FineFen, order.LateFeeFen, order.TotalFen).ShouldBe((20_000L, 6_000L, 26_000L));

        (await SendAsync(Gateway.NewPayment(order.OrderNo, 26_000))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var detail = await CaseAsync(caseId);
        CaseApi.StageOf(detail).ShouldBe("executed");
        PaidFen(detail).ShouldBe(26_000);
    }

    [Fact]
    public async Task Portal_TenDaysLate_ShowsAndChargesTheLateFee_AndPayingEndsExecution()
    {
        // A 200-yuan on-the-spot fine about a registered truck, so its owner can reach the case with the one-time code.
        var plate = OnlineApi.NewPlate();
        var (idNumber, phone) = await OnlineApi.RegisterVehicleAsync(factory, plate);
        var client = await factory.SignedInAsync("zhengzhou.field");
        var officers = await CaseApi.TwoOfficersAsync(client, "410100");
        var today = Today.ToString("yyyy-MM-dd");
        var caseId = CaseApi.IdOf(await CaseApi.CreateAsync(client, new
        {
            procedure = "simplified", agencyCode = "410100", offenceCode = "overload.dimensions", title = "车货总高度超过 4 米（未超过 4.2 米）",
            // The party is the registered owner: a one-time code opens only the owner's own cases (issue 7 H1).
            party = new { kind = "person", name = "钱师傅", idNumber }, vehicle = new { plate, color = "yellow" }, actOn = today, acceptedOn = today, officerIds = officers,
        }));
        CaseApi.StageOf(await CaseApi.ActAsync(client, caseId, "decide-on-spot", new { on = today, fineFen = 20_000 })).ShouldBe("executing");
        var payBy = (await PaymentsAsync(p => p.AmountDueAsync(caseId, Ct))).Value.PayBy!.Value;
        SetToday(payBy.AddDays(10));

        var party = await OnlineApi.PartyByCodeAsync(factory, plate, phone);
        var view = await OnlineApi.CaseAsync(party, caseId);
        var payment = view["payment"]!;
        (payment["fineFen"]!.GetValue<long>(), payment["lateFeeFen"]!.GetValue<long>(), payment["owedFen"]!.GetValue<long>()).ShouldBe((20_000L, 6_000L, 26_000L));
        var html = await (await party.GetAsync($"/online/cases/{caseId}", Ct)).Content.ReadAsStringAsync(Ct);
        html.ShouldContain("加处罚款 60 元");
        html.ShouldContain("260 元");
        html.ShouldContain("data-testid=\"online-pay\"");

        var started = await party.PostAsync($"/api/v1/online/cases/{caseId}/payment", null, Ct);
        var order = await started.JsonAsync();
        started.StatusCode.ShouldBe(HttpStatusCode.OK, order.ToJsonString());
        (order["fineFen"]!.GetValue<long>(), order["lateFeeFen"]!.GetValue<long>(), order["totalFen"]!.GetValue<long>()).ShouldBe((20_000L, 6_000L, 26_000L));
        var paid = await SendAsync(Gateway.NewPayment(order["orderNo"]!.GetValue<string>(), 26_000));
        paid.StatusCode.ShouldBe(HttpStatusCode.OK, await paid.Content.ReadAsStringAsync(Ct));

        var detail = await CaseAsync(caseId);
        CaseApi.StageOf(detail).ShouldBe("executed");
        PaidFen(detail).ShouldBe(26_000);
        var after = await OnlineApi.CaseAsync(party, caseId);
        (after["payment"]!["owedFen"]!.GetValue<long>(), after["payment"]!["paidFen"]!.GetValue<long>()).ShouldBe((0L, 26_000L));
        (await (await party.GetAsync($"/online/cases/{caseId}", Ct)).Content.ReadAsStringAsync(Ct)).ShouldContain("已缴清");
    }

    [Fact]
    public async Task LateFee_IsCappedAtTheFine()
    {
        var caseId = await ExecutingCaseAsync();
        var payBy = (await PaymentsAsync(p => p.AmountDueAsync(caseId, Ct))).Value.PayBy!.Value;
        SetToday(payBy.AddDays(33));
        (await PaymentsAsync(p => p.AmountDueAsync(caseId, Ct))).Value.LateFeeFen.ShouldBe(19_800);
        SetToday(payBy.AddDays(34));
        var due = (await PaymentsAsync(p => p.AmountDueAsync(caseId, Ct))).Value;
        (due.LateFeeFen, due.TotalFen).ShouldBe((20_000L, 40_000L));
        SetToday(payBy.AddDays(60));
        (await OrderAsync(caseId)).TotalFen.ShouldBe(40_000);
    }

    [Fact]
    public async Task Callback_WithABadSignature_IsRefusedAndNothingChanges()
    {
        var caseId = await ExecutingCaseAsync();
        var order = await OrderAsync(caseId);
        var (headers, body) = Gateway.Sign(Gateway.NewPayment(order.OrderNo, order.TotalFen));
        var forged = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("\"status\":\"paid\"", "\"status\":\"paid\" ", StringComparison.Ordinal));
        var client = factory.CreateClient();

        await (await PostAsync(client, forged, headers[SimulatedGateway.SignatureHeader])).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "payments.bad_signature");
        await (await PostAsync(client, body, null)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "payments.bad_signature");
        await (await PostAsync(client, body, new string('0', 64))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "payments.bad_signature");

        (await FindAsync(order.Id)).Status.ShouldBe("open");
        var detail = await CaseAsync(caseId);
        CaseApi.StageOf(detail).ShouldBe("executing");
        PaidFen(detail).ShouldBe(0);
    }

    [Fact]
    public async Task DuplicateCallback_IsAppliedOnce()
    {
        var caseId = await ExecutingCaseAsync();
        var order = await OrderAsync(caseId);
        var notice = Gateway.NewPayment(order.OrderNo, order.TotalFen);

        var first = await SendAsync(notice);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        // The same notification word for word (the answer was lost), then the gateway's own retry with a new nonce.
        var again = await SendAsync(notice);
        (await again.JsonAsync())["result"]!.GetValue<string>().ShouldBe("duplicate");
        var retry = await SendAsync(notice with { Nonce = Guid.NewGuid().ToString("N") });
        (await retry.JsonAsync())["result"]!.GetValue<string>().ShouldBe("duplicate");

        var detail = await CaseAsync(caseId);
        Payments(detail).ShouldBe(1);
        PaidFen(detail).ShouldBe(20_000);

        // A different transaction for a paid order pays nothing more.
        var other = Gateway.NewPayment(order.OrderNo, order.TotalFen);
        await (await SendAsync(other)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "payments.order_not_open");
        PaidFen(await CaseAsync(caseId)).ShouldBe(20_000);
    }

    [Fact]
    public async Task DuplicateCallbacks_ArrivingTogether_AreAppliedOnce()
    {
        var caseId = await ExecutingCaseAsync();
        var order = await OrderAsync(caseId);
        var notice = Gateway.NewPayment(order.OrderNo, order.TotalFen);

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => SendAsync(i % 2 == 0 ? notice : notice with { Nonce = $"retry-{i}" })));

        foreach (var answer in answers)
        {
            answer.StatusCode.ShouldBe(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync(Ct));
        }

        (await Task.WhenAll(answers.Select(async a => (await a.JsonAsync())["result"]!.GetValue<string>()))).Count(r => r == "applied").ShouldBe(1);
        var detail = await CaseAsync(caseId);
        Payments(detail).ShouldBe(1);
        PaidFen(detail).ShouldBe(20_000);
        (await FindAsync(order.Id)).Status.ShouldBe("paid");
    }

    [Fact]
    public async Task Replay_WithAnOldTimestamp_IsRefused()
    {
        var caseId = await ExecutingCaseAsync();
        var order = await OrderAsync(caseId);
        var stale = Gateway.NewPayment(order.OrderNo, order.TotalFen) with { Timestamp = factory.Clock.GetUtcNow().AddMinutes(-6).ToUnixTimeSeconds() };

        await (await SendAsync(stale)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "payments.replayed");

        (await FindAsync(order.Id)).Status.ShouldBe("open");
        PaidFen(await CaseAsync(caseId)).ShouldBe(0);
    }

    [Fact]
    public async Task AmountMismatch_IsRefused_TheOrderFails_AndANewOrderIsOffered()
    {
        var caseId = await ExecutingCaseAsync();
        var order = await OrderAsync(caseId);

        await (await SendAsync(Gateway.NewPayment(order.OrderNo, 100))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "payments.amount_mismatch");

        (await FindAsync(order.Id)).Status.ShouldBe("failed");
        var detail = await CaseAsync(caseId);
        CaseApi.StageOf(detail).ShouldBe("executing");
        PaidFen(detail).ShouldBe(0);
        var fresh = await OrderAsync(caseId);
        fresh.Id.ShouldNotBe(order.Id);
        fresh.Status.ShouldBe("open");
    }

    [Fact]
    public async Task Order_OfAnEarlierDay_ExpiresAtChinaMidnight_AndCannotBePaid()
    {
        var caseId = await ExecutingCaseAsync();
        var order = await OrderAsync(caseId);
        SetToday(Today.AddDays(1));

        var expiry = factory.Services.GetServices<IHostedService>().OfType<Vanguard.Server.Modules.Payments.Jobs.OrderExpiry>().Single();
        // The hosted job wakes when the clock moves and may have been first; either way the order is expired now.
        await expiry.RunOnceAsync(Ct);
        (await FindAsync(order.Id)).Status.ShouldBe("expired");
        await (await SendAsync(Gateway.NewPayment(order.OrderNo, order.TotalFen))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "payments.order_not_open");

        var next = await OrderAsync(caseId);
        next.Id.ShouldNotBe(order.Id);
        next.OrderNo.ShouldStartWith($"JF{Today:yyyyMMdd}");
    }

    [Fact]
    public async Task SimulatedPayPage_PaysOverHttp_AndReturnsTheParty()
    {
        var caseId = await ExecutingCaseAsync();
        var order = await OrderAsync(caseId, "/online/cases/abc?tab=1#pay");
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var page = await browser.GetAsync(order.PayUrl, Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);
        page.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain("收款单位");
        html.ShouldContain("郑州市交通运输综合行政执法支队");
        html.ShouldContain("200.00");
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        token.ShouldNotBeNullOrEmpty(html);
        var handler = Regex.Match(html, "name=\"_handler\" value=\"([^\"]+)\"").Groups[1].Value;
        handler.ShouldBe("sim-pay");

        using var form = new FormUrlEncodedContent([new("_handler", handler), new("__RequestVerificationToken", token), new("Choice", "pay")]);
        var paid = await browser.PostAsync(order.PayUrl, form, Ct);
        var paidBody = await paid.Content.ReadAsStringAsync(Ct);
        ((int)paid.StatusCode).ShouldBeInRange(301, 303, paidBody);
        paid.Headers.Location!.OriginalString.ShouldEndWith("/online/cases/abc?tab=1&payment=paid#pay");

        (await FindAsync(order.Id)).Status.ShouldBe("paid");
        CaseApi.StageOf(await CaseAsync(caseId)).ShouldBe("executed");
        var after = await (await browser.GetAsync(order.PayUrl, Ct)).Content.ReadAsStringAsync(Ct);
        after.ShouldContain("该缴款单已支付");
        after.ShouldNotContain("sim-form");
    }

    [Fact]
    public async Task SimulatedPayPage_Cancel_ReturnsThePartyAndTheOrderStaysOpen()
    {
        var caseId = await ExecutingCaseAsync();
        var order = await OrderAsync(caseId, "/online/cases/def");
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var html = await (await browser.GetAsync(order.PayUrl, Ct)).Content.ReadAsStringAsync(Ct);
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        using var form = new FormUrlEncodedContent([new("_handler", "sim-pay"), new("__RequestVerificationToken", token), new("Choice", "cancel")]);
        var cancelled = await browser.PostAsync(order.PayUrl, form, Ct);

        ((int)cancelled.StatusCode).ShouldBeInRange(301, 303);
        cancelled.Headers.Location!.OriginalString.ShouldEndWith("/online/cases/def?payment=cancelled");
        (await FindAsync(order.Id)).Status.ShouldBe("open");
        CaseApi.StageOf(await CaseAsync(caseId)).ShouldBe("executing");
    }

    [Fact]
    public async Task Order_ForAnUnknownCase_OrWithAReturnUrlOffThisSite_IsRefused()
    {
        var unknown = await PaymentsAsync(p => p.CreateOrderAsync(Guid.NewGuid(), "/online", Ct));
        unknown.Error!.Code.ShouldBe("payments.case_not_found");
        var caseId = await ExecutingCaseAsync();
        foreach (var returnUrl in new[] { "https://evil.example/", "//evil.example/", "/\\evil.example" })
        {
            var refused = await PaymentsAsync(p => p.CreateOrderAsync(caseId, returnUrl, Ct));
            refused.Error!.Fields["returnUrl"].Single().Code.ShouldBe("payments.bad_return_url", returnUrl);
        }
    }

    [Fact]
    public async Task SimulatedPayPage_ByOrderNumber_OrAnUnknownToken_Is404()
    {
        var caseId = await ExecutingCaseAsync();
        var order = await OrderAsync(caseId);
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        (await browser.GetAsync("/online/pay/sim/" + order.OrderNo, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await browser.GetAsync("/online/pay/sim/AAAAAAAAAAAAAAAAAAAAAA", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The order number is not the way in, however it is written; the token is.
        var next = order.OrderNo[..^6] + (int.Parse(order.OrderNo[^6..], System.Globalization.CultureInfo.InvariantCulture) + 1).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        (await browser.GetAsync("/online/pay/sim/" + next, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await browser.GetAsync(order.PayUrl, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await FindAsync(order.Id)).Status.ShouldBe("open");
    }

    [Fact]
    public async Task SupersededOrder_IsNeverPaid_AndNoMoreThanIsOwedIsApplied()
    {
        var caseId = await ExecutingCaseAsync();
        var a = await OrderAsync(caseId);
        a.TotalFen.ShouldBe(20_000);

        // The officer records a part payment (at the counter); the party then asks again and gets order B for the rest.
        var officer = await factory.SignedInAsync("zhengzhou.field");
        await CaseApi.ActAsync(officer, caseId, "record-payment", new { on = Today.ToString("yyyy-MM-dd"), amountFen = 5_000 });
        var b = await OrderAsync(caseId);
        b.Id.ShouldNotBe(a.Id);
        b.TotalFen.ShouldBe(15_000);
        (await FindAsync(a.Id)).Status.ShouldBe("superseded");

        // Paying A now would pay 200 yuan on top of B's 150: refused, recorded, nothing applied.
        await (await SendAsync(Gateway.NewPayment(a.OrderNo, a.TotalFen))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "payments.order_superseded");
        (await FindAsync(a.Id)).Status.ShouldBe("superseded");
        PaidFen(await CaseAsync(caseId)).ShouldBe(5_000);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
            var outcomes = await scope.ServiceProvider.GetRequiredService<VanguardDbContext>().Set<PaymentCallback>()
                .Where(c => c.OrderId == a.Id).Select(c => c.Outcome).ToListAsync(Ct);
            outcomes.ShouldBe(["payments.order_superseded"], "the refused callback is recorded");
        }

        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await (await browser.GetAsync(a.PayUrl, Ct)).Content.ReadAsStringAsync(Ct);
        page.ShouldNotContain("sim-form");

        (await SendAsync(Gateway.NewPayment(b.OrderNo, b.TotalFen))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var detail = await CaseAsync(caseId);
        PaidFen(detail).ShouldBe(20_000);
        CaseApi.StageOf(detail).ShouldBe("executed");
    }

    [Fact]
    public async Task OpenOrder_PaidAfterAnOfficerRecordedPartOfIt_IsRefused_NotOverApplied()
    {
        var caseId = await ExecutingCaseAsync();
        var order = await OrderAsync(caseId);
        var officer = await factory.SignedInAsync("zhengzhou.field");
        await CaseApi.ActAsync(officer, caseId, "record-payment", new { on = Today.ToString("yyyy-MM-dd"), amountFen = 5_000 });

        // No new order was asked for, so the open one still says 200 yuan, but the case owes 150 now.
        await (await SendAsync(Gateway.NewPayment(order.OrderNo, order.TotalFen))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "payments.amount_changed");
        (await FindAsync(order.Id)).Status.ShouldBe("failed");
        var detail = await CaseAsync(caseId);
        PaidFen(detail).ShouldBe(5_000);
        CaseApi.StageOf(detail).ShouldBe("executing");
    }

    [Fact]
    public async Task Callback_SignedButWithAnOutOfRangeTimestamp_Is400()
    {
        var caseId = await ExecutingCaseAsync();
        var order = await OrderAsync(caseId);
        foreach (var timestamp in new[] { long.MaxValue, long.MinValue, 253_402_300_800L })
        {
            var notice = Gateway.NewPayment(order.OrderNo, order.TotalFen) with { Timestamp = timestamp };
            await (await SendAsync(notice)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "payments.bad_callback");
        }

        (await FindAsync(order.Id)).Status.ShouldBe("open");
    }

    [Theory]
    [InlineData("/online/cases/abc", true)]
    [InlineData("/online/cases/abc?tab=1#pay", true)]
    [InlineData("/", true)]
    [InlineData("/\t/evil.com", false)]
    [InlineData("/\t\t/evil.com", false)]
    [InlineData("/ /evil.com", false)]
    [InlineData("//evil.com", false)]
    [InlineData("/\\evil.com", false)]
    [InlineData("/online//evil.com", false)]
    [InlineData("/online\\x", false)]
    [InlineData("/a\r\nLocation: https://evil.com", false)]
    [InlineData("/a\u0000b", false)]
    [InlineData("/a\u00a0b", false)]
    [InlineData("https://evil.com/", false)]
    [InlineData("evil.com", false)]
    [InlineData("", false)]
    public void ReturnUrl_OnlyASinglePathOnThisSite(string url, bool local) =>
        Vanguard.Server.Modules.Payments.Features.PaymentEngine.IsLocalPath(url).ShouldBe(local, url);
}

/// <summary>The platform with the simulated gateway switched off, as a production installation without a real gateway.</summary>
public sealed class NoGatewayFactory : OnlineFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [.. base.Settings, new(SimulatedGatewaySettings.EnabledKey, "false")];
}

/// <summary>Without an enabled gateway there is no simulated pay page or callback, and no order can be made.</summary>
public sealed class PaymentsWithoutGatewayTests(NoGatewayFactory factory) : IClassFixture<NoGatewayFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    [Fact]
    public async Task NoSimulatedRoute_AndCreateOrderFailsWithNoGateway()
    {
        var plate = OnlineApi.NewPlate();
        var (idNumber, phone) = await OnlineApi.RegisterVehicleAsync(factory, plate);
        var client = await factory.SignedInAsync("zhengzhou.field");
        var officers = await CaseApi.TwoOfficersAsync(client, "410100");
        var today = LegalClock.Today(TimeProvider.System).ToString("yyyy-MM-dd");
        var caseId = CaseApi.IdOf(await CaseApi.CreateAsync(client, new
        {
            procedure = "simplified", agencyCode = "410100", offenceCode = "overload.dimensions", title = "车货总高度超过 4 米（未超过 4.2 米）",
            party = new { kind = "person", name = "孙伟", idNumber }, vehicle = new { plate, color = "yellow" }, actOn = today, acceptedOn = today, officerIds = officers,
        }));
        CaseApi.StageOf(await CaseApi.ActAsync(client, caseId, "decide-on-spot", new { on = today, fineFen = 20_000 })).ShouldBe("executing");

        factory.Services.GetService<SimulatedGateway>().ShouldBeNull();
        await using var scope = factory.Services.CreateAsyncScope();
        var payments = scope.ServiceProvider.GetRequiredService<IPayments>();
        payments.Available.ShouldBeFalse();
        var order = await payments.CreateOrderAsync(caseId, "/online/cases/x", Ct);
        order.Error!.Code.ShouldBe("payments.no_gateway");
        order.Error.MessageZh.ShouldContain("在线缴款暂未开通");

        var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await anonymous.GetAsync("/online/pay/sim/AAAAAAAAAAAAAAAAAAAAAA", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var body = new ByteArrayContent("{}"u8.ToArray());
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        await (await anonymous.PostAsync("/api/v1/payments/callback/simulated", body, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "payments.unknown_gateway");

        // The portal offers no 去缴款 and says online payment is not open.
        var party = await OnlineApi.PartyByCodeAsync(factory, plate, phone);
        (await OnlineApi.CaseAsync(party, caseId))["payment"]!["available"]!.GetValue<bool>().ShouldBeFalse();
        var html = await (await party.GetAsync($"/online/cases/{caseId}", Ct)).Content.ReadAsStringAsync(Ct);
        html.ShouldContain("在线缴款暂未开通");
        html.ShouldNotContain("data-testid=\"online-pay\"");
        await (await party.PostAsync($"/api/v1/online/cases/{caseId}/payment", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "online.payments_unavailable");
    }
}

/// <summary>When the simulated gateway exists, and the refusal to start with it in Production (docs/payments.md).</summary>
public sealed class SimulatedGatewaySettingsTests
{
    private static (SimulatedGatewaySettings Settings, string? Refusal) Resolve(string environment, params (string Key, string Value)[] settings) =>
        SimulatedGatewaySettings.Resolve(
            new ConfigurationBuilder()
                .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build(),
            environment);

    [Fact]
    public void Default_IsOnWithTheDemoOrInDevelopment_AndOffOtherwise()
    {
        Resolve("Staging", ("Vanguard:Demo", "true")).Settings.Enabled.ShouldBeTrue();
        Resolve("Development").Settings.Enabled.ShouldBeTrue();
        Resolve("Staging").Settings.Enabled.ShouldBeFalse();
        var production = Resolve("Production");
        (production.Settings.Enabled, production.Refusal).ShouldBe((false, (string?)null));
        Resolve("Development", (SimulatedGatewaySettings.EnabledKey, "false")).Settings.Enabled.ShouldBeFalse();
        Resolve("Staging", (SimulatedGatewaySettings.EnabledKey, "true")).Settings.Enabled.ShouldBeTrue();
    }

    [Fact]
    public void InProduction_Enabled_RefusesToStart_UnlessAllowed()
    {
        Resolve("Production", (SimulatedGatewaySettings.EnabledKey, "true")).Refusal.ShouldNotBeNull().ShouldContain(SimulatedGatewaySettings.AllowInProductionKey);
        Resolve("Production", ("Vanguard:Demo", "true")).Refusal.ShouldNotBeNull().ShouldContain("Vanguard:Demo");
        var allowed = Resolve("Production", ("Vanguard:Demo", "true"), (SimulatedGatewaySettings.AllowInProductionKey, "true"));
        (allowed.Settings.Enabled, allowed.Refusal).ShouldBe((true, (string?)null));
        Resolve("Production", ("Vanguard:Demo", "true"), (SimulatedGatewaySettings.EnabledKey, "false")).Refusal.ShouldBeNull();
    }
}
