using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Vanguard.Server.Tests.Cases;

namespace Vanguard.Server.Tests.Online;

/// <summary>不见面执法 over HTTP: access by notice code and by one-time code, rights online, the staff queue, e-service.</summary>
public sealed class OnlineTests(OnlineFactory factory) : IClassFixture<OnlineFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    [Fact]
    public async Task Lookup_WithTheRightNoticeCode_OpensTheCase_AndAWrongCodeLooksLikeAnUnknownPlate()
    {
        var plate = OnlineApi.NewPlate();
        var (caseId, notice, photoSha) = await OnlineApi.OffsiteCaseAsync(factory, plate);

        var party = factory.CreateClient();
        var found = await party.PostAsJsonAsync("/api/v1/online/lookup", new { plate, noticeCode = notice.ToLowerInvariant() }, Ct);
        var foundBody = await found.JsonAsync();
        found.StatusCode.ShouldBe(HttpStatusCode.OK, foundBody.ToJsonString());
        foundBody["cases"]!.AsArray().Single()!["id"]!.GetValue<string>().ShouldBe(caseId.ToString());
        found.Headers.GetValues("Set-Cookie").Single().ShouldContain("samesite=strict", Case.Insensitive);
        found.Headers.GetValues("Set-Cookie").Single().ShouldContain("httponly", Case.Insensitive);

        var view = await OnlineApi.CaseAsync(party, caseId);
        view["case"]!["plate"]!.GetValue<string>().ShouldBe(plate);
        view["case"]!["penaltyBasis"]!.GetValue<string>().ShouldContain("第四十三条");
        view["case"]!["proposal"]!["amountFen"]!.GetValue<long>().ShouldBe(400_000);
        view["case"]!["proposal"]!["explanation"]!.AsArray().Count.ShouldBeGreaterThan(1);
        view["weighing"]!["record"]!["accuracyClass"]!.GetValue<decimal>().ShouldBe(5m);
        view["weighing"]!["record"]!["certificateNumber"]!.GetValue<string>().ShouldStartWith("JD-WIM-ON-");
        view["weighing"]!["photos"]!.AsArray().Single()!["sha256"]!.GetValue<string>().ShouldBe(photoSha);

        var wrongCode = await factory.CreateClient().PostAsJsonAsync("/api/v1/online/lookup", new { plate, noticeCode = "ZZZZ2222" }, Ct);
        var unknownPlate = await factory.CreateClient().PostAsJsonAsync("/api/v1/online/lookup", new { plate = OnlineApi.NewPlate(), noticeCode = notice }, Ct);
        var wrong = await wrongCode.ShouldBeProblemAsync(HttpStatusCode.NotFound, "online.lookup_failed");
        var unknown = await unknownPlate.ShouldBeProblemAsync(HttpStatusCode.NotFound, "online.lookup_failed");
        Shape(wrong).ShouldBe(Shape(unknown));
        wrong["title"]!.GetValue<string>().ShouldBe(unknown["title"]!.GetValue<string>());
        wrongCode.Headers.Contains("Set-Cookie").ShouldBeFalse();
        unknownPlate.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Fact]
    public async Task OneTimeCode_ListsThePlatesCases_AndLocksAfterFiveWrongTries()
    {
        var plate = OnlineApi.NewPlate();
        var (_, phone) = await OnlineApi.RegisterVehicleAsync(factory, plate);
        var (caseId, _, _) = await OnlineApi.OffsiteCaseAsync(factory, plate);

        var party = factory.CreateClient();
        var asked = await party.PostAsJsonAsync("/api/v1/online/codes", new { plate, plateColor = "yellow" }, Ct);
        asked.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var texts = await OnlineApi.OutboxAsync(factory, phone);
        var code = OnlineApi.CodeIn(texts.Single());
        code.Length.ShouldBe(6);
        texts.Single().ShouldNotContain(plate);

        var wrong = code == "000000" ? "111111" : "000000";
        for (var i = 1; i <= 4; i++)
        {
            var attempt = await party.PostAsJsonAsync("/api/v1/online/codes/verify", new { plate, code = wrong }, Ct);
            await attempt.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "online.code_invalid");
        }

        var fifth = await party.PostAsJsonAsync("/api/v1/online/codes/verify", new { plate, code = wrong }, Ct);
        await fifth.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "online.code_locked");
        var rightButLocked = await party.PostAsJsonAsync("/api/v1/online/codes/verify", new { plate, code }, Ct);
        await rightButLocked.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "online.code_locked");
        // Locked: asking again sends nothing new (and says the same as always).
        (await party.PostAsJsonAsync("/api/v1/online/codes", new { plate }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await OnlineApi.OutboxAsync(factory, phone)).Count.ShouldBe(1);

        // Another plate of the same owner kind: the right code opens every case of the plate.
        var plate2 = OnlineApi.NewPlate();
        var (_, phone2) = await OnlineApi.RegisterVehicleAsync(factory, plate2);
        var (case2, _, _) = await OnlineApi.OffsiteCaseAsync(factory, plate2);
        var owner = await OnlineApi.PartyByCodeAsync(factory, plate2, phone2);
        var list = await (await owner.GetAsync("/api/v1/online/cases", Ct)).JsonAsync();
        list.AsArray().Select(c => c!["id"]!.GetValue<string>()).ShouldBe([case2.ToString()]);
        (await owner.GetAsync($"/api/v1/online/cases/{caseId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // An unknown plate: the same acceptance, and a guess fails exactly like a wrong code.
        var stranger = factory.CreateClient();
        var unknown = OnlineApi.NewPlate();
        var unknownAsked = await stranger.PostAsJsonAsync("/api/v1/online/codes", new { plate = unknown }, Ct);
        unknownAsked.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await unknownAsked.JsonAsync())["message"]!.GetValue<string>().ShouldBe((await asked.JsonAsync())["message"]!.GetValue<string>());
        var guess = await (await stranger.PostAsJsonAsync("/api/v1/online/codes/verify", new { plate = unknown, code = "123456" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "online.code_invalid");
        var wrongKnown = await (await factory.CreateClient().PostAsJsonAsync("/api/v1/online/codes/verify", new { plate = plate2, code = "123456" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "online.code_invalid");
        Shape(guess).ShouldBe(Shape(wrongKnown));
        guess["title"]!.GetValue<string>().ShouldBe(wrongKnown["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Statement_GoesIntoTheCaseAndTheQueue_AndTheOfficersAnswerComesBack()
    {
        var plate = OnlineApi.NewPlate();
        var (caseId, notice, _) = await OnlineApi.OffsiteCaseAsync(factory, plate);
        var staff = await factory.SignedInAsync("zhengzhou.case");
        await CaseApi.ActAsync(staff, caseId, "notify", new { proposedFineFen = 400_000 });
        var party = await OnlineApi.PartyByNoticeAsync(factory, plate, notice);
        var pdf = "%PDF-1.4 称重单复印件"u8.ToArray();

        var stated = await party.PostAsJsonAsync($"/api/v1/online/cases/{caseId}/statement", new
        {
            text = "当日为首次超限，货物系受托运输，请求从轻处罚。",
            attachments = new[] { new { fileName = "称重单.pdf", mediaType = "application/pdf", base64 = Convert.ToBase64String(pdf) } },
        }, Ct);
        var view = await stated.JsonAsync();
        stated.StatusCode.ShouldBe(HttpStatusCode.OK, view.ToJsonString());
        view["case"]!["defenceMade"]!.GetValue<bool>().ShouldBeTrue();
        var submission = view["submissions"]!.AsArray().Single()!;
        submission["status"]!.GetValue<string>().ShouldBe("pending");
        var attachment = submission["attachments"]!.AsArray().Single()!;
        attachment["sha256"]!.GetValue<string>().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(pdf)));
        (await party.GetByteArrayAsync(attachment["url"]!.GetValue<string>(), Ct)).ShouldBe(pdf);

        var detail = await (await staff.GetAsync($"/api/v1/cases/{caseId}", Ct)).JsonAsync();
        detail["timeline"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()).ShouldContain("record-statement");
        detail["timeline"]!.AsArray().Last(e => e!["action"]!.GetValue<string>() == "record-statement")!["actorName"]!.GetValue<string>().ShouldBe("当事人（网上办理）");

        var queue = await (await staff.GetAsync("/api/v1/online/staff/queue?status=pending", Ct)).JsonAsync();
        var item = queue["items"]!.AsArray().Single(i => i!["caseId"]!.GetValue<string>() == caseId.ToString())!;
        item["kind"]!.GetValue<string>().ShouldBe("statement");
        item["answerDueOn"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        var itemId = item["id"]!.GetValue<string>();

        var otherCity = await factory.SignedInAsync("nanyang.case");
        (await otherCity.GetAsync($"/api/v1/online/staff/queue/{itemId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var theirs = await (await otherCity.GetAsync("/api/v1/online/staff/queue?status=all", Ct)).JsonAsync();
        theirs["items"]!.AsArray().ShouldNotContain(i => i!["id"]!.GetValue<string>() == itemId);
        (await otherCity.PostAsJsonAsync($"/api/v1/online/staff/queue/{itemId}/answer", new { answer = "越权" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var answered = await staff.PostAsJsonAsync($"/api/v1/online/staff/queue/{itemId}/answer", new { answer = "经复核，采纳首次违法的意见，拟从轻处罚。" }, Ct);
        answered.StatusCode.ShouldBe(HttpStatusCode.OK, await answered.Content.ReadAsStringAsync(Ct));
        var again = await OnlineApi.CaseAsync(party, caseId);
        var back = again["submissions"]!.AsArray().Single()!;
        back["status"]!.GetValue<string>().ShouldBe("answered");
        back["answer"]!.GetValue<string>().ShouldBe("经复核，采纳首次违法的意见，拟从轻处罚。");

        var hearing = await party.PostAsync($"/api/v1/online/cases/{caseId}/hearing-request", null, Ct);
        await hearing.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "cases.hearing_not_eligible");
    }

    [Fact]
    public async Task HearingRequest_InsideFiveWorkingDaysIsRecorded_AndLaterIsRefused()
    {
        var plate = OnlineApi.NewPlate();
        var (idNumber, phone) = await OnlineApi.RegisterVehicleAsync(factory, plate);
        var staff = await factory.SignedInAsync("zhengzhou.case");
        var recent = await OnlineApi.NotifiedCaseAsync(staff, plate, idNumber, phone, 1_500_000, OnlineApi.Today);
        var old = await OnlineApi.NotifiedCaseAsync(staff, plate, idNumber, phone, 1_500_000, OnlineApi.Today.AddDays(-20));
        var party = await OnlineApi.PartyByCodeAsync(factory, plate, phone);

        var before = await OnlineApi.CaseAsync(party, recent);
        before["case"]!["hearingEligible"]!.GetValue<bool>().ShouldBeTrue();
        before["case"]!["canRequestHearing"]!.GetValue<bool>().ShouldBeTrue();
        before["deadlines"]!.AsArray().Single(d => d!["code"]!.GetValue<string>() == "hearing")!["text"]!.GetValue<string>().ShouldContain("5 个工作日");

        var asked = await party.PostAsync($"/api/v1/online/cases/{recent}/hearing-request", null, Ct);
        var view = await asked.JsonAsync();
        asked.StatusCode.ShouldBe(HttpStatusCode.OK, view.ToJsonString());
        view["case"]!["stage"]!.GetValue<string>().ShouldBe("hearing");
        var queue = await (await staff.GetAsync("/api/v1/online/staff/queue?kind=hearing", Ct)).JsonAsync();
        queue["items"]!.AsArray().ShouldContain(i => i!["caseId"]!.GetValue<string>() == recent.ToString());

        (await OnlineApi.CaseAsync(party, old))["case"]!["canRequestHearing"]!.GetValue<bool>().ShouldBeFalse();
        var late = await party.PostAsync($"/api/v1/online/cases/{old}/hearing-request", null, Ct);
        await late.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "cases.hearing_request_late");
    }

    [Fact]
    public async Task ElectronicService_AfterConsent_ServesTheDecisionOnTheDayItIsSent_AndRecordsTheReceipt()
    {
        var plate = OnlineApi.NewPlate();
        var (idNumber, phone) = await OnlineApi.RegisterVehicleAsync(factory, plate);
        var staff = await factory.SignedInAsync("zhengzhou.case");
        var caseId = await OnlineApi.NotifiedCaseAsync(staff, plate, idNumber, phone, 400_000, OnlineApi.Today);
        var party = await OnlineApi.PartyByCodeAsync(factory, plate, phone);

        var early = await staff.PostAsJsonAsync($"/api/v1/online/staff/cases/{caseId}/deliveries", new { kind = "penalty_decision" }, Ct);
        await early.ShouldBeProblemAsync(HttpStatusCode.Conflict, "online.no_consent");
        var bad = await party.PostAsJsonAsync($"/api/v1/online/cases/{caseId}/service-consent", new { phone = "12345", agree = false }, Ct);
        var problem = await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        problem["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).ShouldBe(["phone", "agree"], ignoreOrder: true);

        var consented = await party.PostAsJsonAsync($"/api/v1/online/cases/{caseId}/service-consent", new { phone = "13700001111", email = "qian@example.cn", agree = true }, Ct);
        consented.StatusCode.ShouldBe(HttpStatusCode.OK, await consented.Content.ReadAsStringAsync(Ct));
        var waived = await party.PostAsync($"/api/v1/online/cases/{caseId}/waive", null, Ct);
        waived.StatusCode.ShouldBe(HttpStatusCode.OK, await waived.Content.ReadAsStringAsync(Ct));
        await CaseApi.ActAsync(staff, caseId, "decide", new { outcome = "penalty", fineFen = 400_000 });

        var sent = await staff.PostAsJsonAsync($"/api/v1/online/staff/cases/{caseId}/deliveries", new { kind = "penalty_decision" }, Ct);
        var delivery = await sent.JsonAsync();
        sent.StatusCode.ShouldBe(HttpStatusCode.OK, delivery.ToJsonString());
        delivery["status"]!.GetValue<string>().ShouldBe("sent");
        (await OnlineApi.OutboxAsync(factory, "13700001111")).Single().ShouldContain("行政处罚决定书");

        var detail = await (await staff.GetAsync($"/api/v1/cases/{caseId}", Ct)).JsonAsync();
        detail["state"]!["servedOn"]!.GetValue<string>().ShouldBe(OnlineApi.Today.ToString("yyyy-MM-dd"));
        detail["state"]!["serviceMethod"]!.GetValue<string>().ShouldBe("electronic");

        var view = await OnlineApi.CaseAsync(party, caseId);
        var served = view["deliveries"]!.AsArray().Single()!;
        served["openedAt"].ShouldNotBeNull();
        // From the day of service, moved past a holiday when the last day falls on one (OnlineAppealTests checks the exact days).
        view["appeal"]!["from"]!.GetValue<string>().ShouldBe(OnlineApi.Today.ToString("yyyy-MM-dd"));
        DateOnly.Parse(view["appeal"]!["reviewBy"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(OnlineApi.Today.AddDays(60), OnlineApi.Today.AddDays(70));
        view["payment"]!["owedFen"]!.GetValue<long>().ShouldBe(400_000);
        view["payment"]!["available"]!.GetValue<bool>().ShouldBeTrue();
        var file = await party.GetByteArrayAsync(served["url"]!.GetValue<string>(), Ct);
        Convert.ToHexStringLower(SHA256.HashData(file)).ShouldBe(served["sha256"]!.GetValue<string>());

        var receipts = await (await staff.GetAsync($"/api/v1/online/staff/cases/{caseId}/deliveries", Ct)).JsonAsync();
        receipts.AsArray().Single()!["downloadedAt"].ShouldNotBeNull();
    }

    [Fact]
    public async Task EvidenceDownloads_MatchTheirHashes_AndASessionCannotOpenAnotherCase()
    {
        var plate = OnlineApi.NewPlate();
        var (caseId, notice, photoSha) = await OnlineApi.OffsiteCaseAsync(factory, plate);
        var (otherCase, _, otherPhoto) = await OnlineApi.OffsiteCaseAsync(factory, OnlineApi.NewPlate());
        var party = await OnlineApi.PartyByNoticeAsync(factory, plate, notice);

        var view = await OnlineApi.CaseAsync(party, caseId);
        var photo = view["weighing"]!["photos"]!.AsArray().Single()!;
        var response = await party.GetAsync(photo["url"]!.GetValue<string>(), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Convert.ToHexStringLower(SHA256.HashData(bytes)).ShouldBe(photoSha);
        response.Headers.GetValues("X-Content-SHA256").Single().ShouldBe(photoSha);

        (await party.GetAsync($"/api/v1/online/cases/{otherCase}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await party.GetAsync($"/api/v1/online/cases/{otherCase}/photos/{otherPhoto}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await party.GetAsync($"/api/v1/online/cases/{caseId}/photos/{otherPhoto}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await party.PostAsync($"/api/v1/online/cases/{otherCase}/waive", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await factory.CreateClient().GetAsync($"/api/v1/online/cases/{caseId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PortalPages_RenderWithoutScript_AndFormsNeedTheAntiforgeryToken()
    {
        var client = factory.CreateClient();
        var html = await client.GetStringAsync("/online", Ct);
        html.ShouldContain("凭短信通知码查询");
        html.ShouldContain("__RequestVerificationToken");
        html.ShouldNotContain("blazor.web.js");
        html.ShouldNotContain("ant-design-blazor");

        var forged = await client.PostAsync("/online/forms/lookup", new FormUrlEncodedContent(new Dictionary<string, string> { ["plate"] = "豫A12345", ["noticeCode"] = "ABCDEFGH" }), Ct);
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private static string Shape(JsonNode problem) =>
        string.Join(',', problem.AsObject().Select(p => p.Key).Where(k => k != "traceId").Order(StringComparer.Ordinal)) + "|" + problem["status"];
}
