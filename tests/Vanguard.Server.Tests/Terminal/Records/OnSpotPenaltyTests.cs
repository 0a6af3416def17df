using System.Net;
using UglyToad.PdfPig;
using static Vanguard.Server.Tests.Terminal.Records.TerminalApi;

namespace Vanguard.Server.Tests.Terminal.Records;

/// <summary>简易程序 from the terminal: art. 51 limits, the decision PDF, the payment QR code and the recorded payment.</summary>
public sealed class OnSpotPenaltyTests(VanguardFactory factory) : IClassFixture<VanguardFactory>
{
    private const string Url = "/api/v1/terminal/on-spot-penalties";

    private static CancellationToken Ct => ApiClient.Ct;

    private async Task<(HttpClient Client, Guid Partner)> FieldOfficerAsync()
    {
        var client = await factory.SignedInAsync("zhengzhou.field");
        return (client, await PartnerAsync(client, "410100", "zhengzhou.field"));
    }

    [Fact]
    public async Task Person_FinedThe200YuanLimit_GetsACaseNumberAndTheDecisionPdf()
    {
        var (client, partner) = await FieldOfficerAsync();
        var record = await (await PostAsync(client, "/api/v1/terminal/records", Inspection("G107 国道 K689 处"), Guid.NewGuid().ToString())).JsonAsync();

        var response = await PostAsync(client, Url, Penalty(partner, 20_000, recordId: Guid.Parse(Text(record, "id"))), Guid.NewGuid().ToString());

        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToJsonString());
        Text(body, "caseNumber").ShouldStartWith("郑交执罚〔");
        body["fineFen"]!.GetValue<long>().ShouldBe(20_000);
        body["payBy"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        var pdf = await client.GetAsync(Text(body, "decisionPdfUrl"), Ct);
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        using var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync(Ct));
        var text = string.Concat(document.GetPages().Select(p => p.Text));
        text.ShouldContain("当场行政处罚决定书");
        text.ShouldContain("孙伟");
        text.ShouldContain(Text(body, "caseNumber"));
        text.ShouldContain("K689");
        text.ShouldContain("VANGUARD-PAY");
        text.ShouldContain("行政复议");
        var detail = await (await client.GetAsync($"/api/v1/cases/{Text(body, "caseId")}", Ct)).JsonAsync();
        detail["summary"]!["stage"]!.GetValue<string>().ShouldBe("executing");
        detail["fileItems"]!.ToJsonString().ShouldContain(Text(record, "id"));
    }

    [Fact]
    public async Task Person_FinedOneFenOverTheLimit_IsRefusedAndNoCaseIsLeft()
    {
        var (client, partner) = await FieldOfficerAsync();
        var cases = (await (await client.GetAsync("/api/v1/cases?pageSize=1", Ct)).JsonAsync())["total"]!.GetValue<int>();

        var response = await PostAsync(client, Url, Penalty(partner, 20_001), Guid.NewGuid().ToString());

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "cases.on_spot_limit_exceeded");
        (await (await client.GetAsync("/api/v1/cases?pageSize=1", Ct)).JsonAsync())["total"]!.GetValue<int>().ShouldBe(cases);
    }

    [Fact]
    public async Task Organisation_FinedThe3000YuanLimit_IsAccepted()
    {
        var (client, partner) = await FieldOfficerAsync();

        var response = await PostAsync(client, Url, Penalty(partner, 300_000, "organisation", "91350100M000100Y43"), Guid.NewGuid().ToString());

        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToJsonString());
        Text(body, "caseNumber").ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task OneOfficerAlone_CannotDecideOnTheSpot()
    {
        var client = await factory.SignedInAsync("zhengzhou.field");
        var body = new
        {
            offenceCode = "overload.dimensions", facts = "车货总高度 4.1 米。", place = "G107", actOn = TodayInChina,
            party = new { kind = "person", name = "孙伟" }, fineFen = 10_000,
        };

        var response = await PostAsync(client, Url, body, Guid.NewGuid().ToString());

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "cases.officers_required");
    }

    [Fact]
    public async Task PaymentQr_IsAPngOfThePortalsPayLink_WhichOpensTheCaseForPayment()
    {
        var (client, partner) = await FieldOfficerAsync();
        var body = await (await PostAsync(client, Url, Penalty(partner, 15_000), Guid.NewGuid().ToString())).JsonAsync();
        var caseId = Text(body, "caseId");

        var qr = await client.GetAsync(Text(body, "paymentQrPngUrl"), Ct);

        qr.StatusCode.ShouldBe(HttpStatusCode.OK);
        qr.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await qr.Content.ReadAsByteArrayAsync(Ct))[..8].ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        // The bank / cash / POS reference stays on the decision and for POST …/payments.
        Text(body, "paymentReference").ShouldBe($"VANGUARD-PAY:{Text(body, "caseNumber")}:15000");

        // The QR code encodes the absolute pay link (the same builder as paymentUrl): the party's phone opens the case with
        // the amount and 去缴款, and no notice code.
        var link = new Uri(Text(body, "paymentUrl"));
        link.IsAbsoluteUri.ShouldBeTrue();
        link.AbsolutePath.ShouldBe($"/online/pay/{caseId}");
        var party = factory.CreateClient();
        var page = await party.GetAsync(link.PathAndQuery, Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);
        page.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain(Text(body, "caseNumber"));
        html.ShouldContain("150 元");
        html.ShouldContain("去缴款");
        (await party.GetAsync($"/api/v1/online/cases/{caseId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "the link opened a party session for the case");

        // The token proves that one case only; a forged or borrowed one opens nothing.
        var token = link.Query["?t=".Length..];
        var stranger = factory.CreateClient();
        (await stranger.GetAsync($"/online/pay/{caseId}?t=x{token}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/online/pay/{Guid.NewGuid()}?t={token}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/api/v1/online/cases/{caseId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Payment_RetriedWithOneKey_IsRecordedOnce()
    {
        var (client, partner) = await FieldOfficerAsync();
        var penalty = await (await PostAsync(client, Url, Penalty(partner, 20_000), Guid.NewGuid().ToString())).JsonAsync();
        var caseId = Text(penalty, "caseId");
        var payment = new { reference = "BANK-20261127-0001", paidAt = DateTimeOffset.UtcNow, amountFen = 20_000, channel = "bank" };
        var key = Guid.NewGuid().ToString();

        var first = await PostAsync(client, $"{Url}/{caseId}/payment", payment, key);
        var retry = await PostAsync(client, $"{Url}/{caseId}/payment", payment, key);

        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync(Ct));
        retry.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await retry.JsonAsync())["paidFen"]!.GetValue<long>().ShouldBe(20_000);
        var detail = await (await client.GetAsync($"/api/v1/cases/{caseId}", Ct)).JsonAsync();
        detail["state"]!["paidFen"]!.GetValue<long>().ShouldBe(20_000);
        var again = await PostAsync(client, $"{Url}/{caseId}/payment", payment, Guid.NewGuid().ToString());
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "terminal.payment_duplicate");
    }

    /// <summary>Issue 6, H3: the payment time cannot be back-dated to dodge the art. 72 late fee, nor precede the decision.</summary>
    [Fact]
    public async Task Payment_BackDatedOrBeforeTheDecisionOrInTheFuture_IsRefused()
    {
        var (client, partner) = await FieldOfficerAsync();
        var caseId = Text(await (await PostAsync(client, Url, Penalty(partner, 5_000), Guid.NewGuid().ToString())).JsonAsync(), "caseId");
        object Paid(DateTimeOffset at) => new { reference = $"POS-{Guid.NewGuid():N}", paidAt = at, amountFen = 5_000, channel = "bank" };

        var old = await PostAsync(client, $"{Url}/{caseId}/payment", Paid(DateTimeOffset.UtcNow.AddDays(-4)), Guid.NewGuid().ToString());
        await old.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        (await old.Content.ReadAsStringAsync(Ct)).ShouldContain("第七十二条");
        var beforeDecision = await PostAsync(client, $"{Url}/{caseId}/payment", Paid(DateTimeOffset.UtcNow.AddDays(-2)), Guid.NewGuid().ToString());
        await beforeDecision.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        (await beforeDecision.Content.ReadAsStringAsync(Ct)).ShouldContain("before_decision");
        var future = await PostAsync(client, $"{Url}/{caseId}/payment", Paid(DateTimeOffset.UtcNow.AddMinutes(10)), Guid.NewGuid().ToString());
        await future.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var now = await PostAsync(client, $"{Url}/{caseId}/payment", Paid(DateTimeOffset.UtcNow), Guid.NewGuid().ToString());
        now.StatusCode.ShouldBe(HttpStatusCode.Created, await now.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>Issue 6, H3: 当场收缴 only up to 100 yuan or with the art. 68(2) reason; the receipt is not the case's pay code.</summary>
    [Fact]
    public async Task CashPayment_Over100Yuan_NeedsTheArticle68Reason_AndTheReceiptIsNotThePayCode()
    {
        var (client, partner) = await FieldOfficerAsync();
        var penalty = await (await PostAsync(client, Url, Penalty(partner, 15_000), Guid.NewGuid().ToString())).JsonAsync();
        var caseId = Text(penalty, "caseId");
        object Cash(string reference, string? reason) => new { reference, paidAt = DateTimeOffset.UtcNow, amountFen = 15_000, channel = "cash", cashReason = reason };

        var noReason = await PostAsync(client, $"{Url}/{caseId}/payment", Cash("豫财票 0000001", null), Guid.NewGuid().ToString());
        await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        (await noReason.Content.ReadAsStringAsync(Ct)).ShouldContain("cash_not_allowed");
        var payCode = await PostAsync(client, $"{Url}/{caseId}/payment", Cash(Text(penalty, "paymentReference"), "外省过境车辆，事后难以执行"), Guid.NewGuid().ToString());
        await payCode.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        (await payCode.Content.ReadAsStringAsync(Ct)).ShouldContain("is_payment_code");
        var withReason = await PostAsync(client, $"{Url}/{caseId}/payment", Cash("豫财票 0000001", "外省过境车辆，事后难以执行"), Guid.NewGuid().ToString());
        withReason.StatusCode.ShouldBe(HttpStatusCode.Created, await withReason.Content.ReadAsStringAsync(Ct));

        var small = Text(await (await PostAsync(client, Url, Penalty(partner, 10_000), Guid.NewGuid().ToString())).JsonAsync(), "caseId");
        var upTo100 = await PostAsync(client, $"{Url}/{small}/payment",
            new { reference = "豫财票 0000002", paidAt = DateTimeOffset.UtcNow, amountFen = 10_000, channel = "cash" }, Guid.NewGuid().ToString());
        upTo100.StatusCode.ShouldBe(HttpStatusCode.Created, await upTo100.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Penalty_OfAnotherCity_IsNotFound()
    {
        var (client, partner) = await FieldOfficerAsync();
        var body = await (await PostAsync(client, Url, Penalty(partner, 5_000), Guid.NewGuid().ToString())).JsonAsync();
        var nanyang = await factory.SignedInAsync("nanyang.field");

        await (await nanyang.GetAsync(Text(body, "decisionPdfUrl"), Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "terminal.penalty_not_found");
        await (await nanyang.GetAsync(Text(body, "paymentQrPngUrl"), Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "terminal.penalty_not_found");
    }
}
