using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Vanguard.Server.Tests.Cases;

/// <summary>Cases walked over HTTP, on SQLite and on PostgreSQL.</summary>
public sealed class CaseLifecycleTests(VanguardFactory factory) : IClassFixture<VanguardFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    private static object OrdinaryCase(Guid[] officers, string agencyCode = "410122") => new
    {
        procedure = "ordinary",
        agencyCode,
        offenceCode = "unlicensed.freight",
        title = "未取得道路运输经营许可擅自从事道路普通货物运输",
        source = 1,
        party = new { kind = "person", name = "赵国庆", idNumber = "11010519491231002X", address = "河南省郑州市中牟县", phone = "13800000000" },
        vehicle = new { plate = "豫A12345", color = "yellow" },
        actOn = "2026-09-01",
        acceptedOn = "2026-09-01",
        facts = "当事人驾驶豫A12345货车从事道路货物运输，未能出示道路运输证。",
        officerIds = officers,
    };

    [Fact]
    public async Task OrdinaryCase_GoesFromReceivedToArchived()
    {
        var client = await factory.SignedInAsync("zhengzhou.case");
        var officers = await CaseApi.TwoOfficersAsync(client, "410122");
        var created = await CaseApi.CreateAsync(client, OrdinaryCase(officers));
        var id = CaseApi.IdOf(created);
        CaseApi.StageOf(created).ShouldBe("lead");
        created["availableActions"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldContain("file");

        var filed = await CaseApi.ActAsync(client, id, "file", new { on = "2026-09-01", approvedBy = "张诚" });
        filed["summary"]!["caseNumber"]!.GetValue<string>().ShouldMatch(@"^中牟交执罚〔2026〕\d{4}号$");
        // 行政处罚法 art. 60: 90 days from 立案 on 2026-09-01 → 2026-11-30 (a Monday, no extension).
        filed["deadlines"]!["decisionDue"]!.GetValue<string>().ShouldBe("2026-11-30");
        filed["deadlines"]!["limitationEnds"]!.GetValue<string>().ShouldBe("2028-09-01");
        await CaseApi.GenerateAsync(client, id, "case_filing_form");
        await CaseApi.ActAsync(client, id, "complete-investigation", new { on = "2026-09-02" });
        await CaseApi.ActAsync(client, id, "notify", new { on = "2026-09-03", proposedFineFen = 500_000 });
        await CaseApi.GenerateAsync(client, id, "violation_notice");
        await CaseApi.ActAsync(client, id, "record-statement", new { on = "2026-09-04", summary = "初次违法，请求从轻处罚" });
        var decided = await CaseApi.ActAsync(client, id, "decide", new { on = "2026-09-15", outcome = "penalty", fineFen = 300_000 });
        CaseApi.StageOf(decided).ShouldBe("decided");
        // 5 working days after the notice of 2026-09-03 (Thu): 09-10. Service within 7 working days of 09-15: Sunday 09-20 is a
        // make-up working day (调休 for 国庆 2026), so 16, 17, 18, 20, 21, 22, 23 → 09-23.
        decided["deadlines"]!["hearingRequestDue"]!.GetValue<string>().ShouldBe("2026-09-10");
        decided["deadlines"]!["serviceDue"]!.GetValue<string>().ShouldBe("2026-09-23");
        decided["proposal"]!["legalBasis"]!.GetValue<string>().ShouldContain("第六十三条");
        var served = await CaseApi.ActAsync(client, id, "serve", new { on = "2026-09-16", method = "direct" });
        // 15 days after service on 09-16 → 10-01, a holiday (国庆) → the next working day, 10-08.
        served["deadlines"]!["paymentDue"]!.GetValue<string>().ShouldBe("2026-10-08");
        var decision = await CaseApi.GenerateAsync(client, id, "penalty_decision");
        await CaseApi.GenerateAsync(client, id, "service_receipt");
        await CaseApi.ActAsync(client, id, "record-payment", new { on = "2026-09-20", amountFen = 300_000 });
        var early = await client.PostAsJsonAsync($"/api/v1/cases/{id}/actions/close", new { on = "2026-09-21" }, Ct);
        await early.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "cases.checklist_incomplete");
        await CaseApi.GenerateAsync(client, id, "closing_report");
        await CaseApi.CompleteChecklistAsync(client, id);
        await CaseApi.ActAsync(client, id, "close", new { on = "2026-09-21" });
        var archived = await CaseApi.ActAsync(client, id, "archive", new { on = "2026-09-22" });

        CaseApi.StageOf(archived).ShouldBe("archived");
        archived["timeline"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()).Where(a => a != "document").ShouldBe(
            ["accept", "file", "complete-investigation", "notify", "record-statement", "decide", "serve", "record-payment", "close", "archive"]);
        archived["availableActions"]!.AsArray().ShouldBeEmpty();
        archived["documents"]!.AsArray().Count.ShouldBe(5);

        // The decision PDF: Chinese text reads back, and the bytes are the ones whose hash the case and the audit chain hold.
        var pdf = await client.GetByteArrayAsync(decision["url"]!.GetValue<string>(), Ct);
        var sha = decision["sha256"]!.GetValue<string>();
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)).ShouldBe(sha);
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            var text = string.Concat(document.GetPages().Select(p => p.Text));
            text.ShouldContain("行政处罚决定书");
            text.ShouldContain(archived["summary"]!["caseNumber"]!.GetValue<string>());
            text.ShouldContain("赵国庆");
        }

        var admin = await factory.SignedInAsync("admin");
        (await (await admin.GetAsync("/api/v1/audit/verify", Ct)).JsonAsync())["ok"]!.GetValue<bool>().ShouldBeTrue();
        var entries = await (await admin.GetAsync($"/api/v1/audit/entries?targetType=case-document&targetId={id:N}", Ct)).JsonAsync();
        entries["items"]!.AsArray().Select(e => e!["targetId"]!.GetValue<string>()).ShouldContain($"{id:N}/{sha}");
    }

    [Fact]
    public async Task Propose_OverloadOf3400Kg_Gives1500YuanAndExplainsIt()
    {
        var client = await factory.SignedInAsync("zhengzhou.case");

        var offences = (await (await client.GetAsync("/api/v1/penalties/offences", Ct)).JsonAsync()).AsArray();
        var proposal = await (await client.PostAsJsonAsync("/api/v1/penalties/propose", new { offenceCode = "overload.mass", overKg = 3_400 }, Ct)).JsonAsync();

        offences.Select(o => o!["code"]!.GetValue<string>()).ShouldContain("overload.mass");
        proposal["amountFen"]!.GetValue<long>().ShouldBe(150_000);
        proposal["legalBasis"]!.GetValue<string>().ShouldContain("第四十三条");
        proposal["explanation"]!.AsArray().ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Decision_BelowTheStandardsRange_IsFlaggedOnTheTimeline()
    {
        var client = await factory.SignedInAsync("zhengzhou.case");
        var id = CaseApi.IdOf(await CaseApi.CreateAsync(client, OrdinaryCase(await CaseApi.TwoOfficersAsync(client, "410122"))));
        await CaseApi.ActAsync(client, id, "file", new { on = "2026-09-01", approvedBy = "张诚" });
        await CaseApi.ActAsync(client, id, "complete-investigation", new { on = "2026-09-02" });
        await CaseApi.ActAsync(client, id, "notify", new { on = "2026-09-03", proposedFineFen = 300_000 });
        await CaseApi.ActAsync(client, id, "waive-rights", new { on = "2026-09-03", statement = true, hearing = true });

        var decided = await CaseApi.ActAsync(client, id, "decide", new { on = "2026-09-04", outcome = "penalty", fineFen = 200_000 });

        decided["proposal"]!["decisionDeparts"]!.GetValue<bool>().ShouldBeTrue();
        decided["timeline"]!.AsArray().Last()!["warnings"]!.AsArray().Select(w => w!.GetValue<string>()).ShouldContain("departs_from_standard");
    }

    [Fact]
    public async Task Document_BeforeItsStep_IsRefused()
    {
        var client = await factory.SignedInAsync("zhengzhou.case");
        var id = CaseApi.IdOf(await CaseApi.CreateAsync(client, OrdinaryCase(await CaseApi.TwoOfficersAsync(client, "410122"))));

        var response = await client.PostAsync($"/api/v1/cases/{id}/documents/penalty_decision", null, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "cases.document_not_ready");
    }

    [Fact]
    public async Task Decide_BeforeNotice_IsRefusedWithTheRulesCode()
    {
        var client = await factory.SignedInAsync("zhengzhou.case");
        var id = CaseApi.IdOf(await CaseApi.CreateAsync(client, OrdinaryCase(await CaseApi.TwoOfficersAsync(client, "410122"))));
        await CaseApi.ActAsync(client, id, "file", new { on = "2026-09-01", approvedBy = "张诚" });

        var response = await client.PostAsJsonAsync($"/api/v1/cases/{id}/actions/decide", new { on = "2026-09-02", outcome = "penalty", fineFen = 100_000 }, Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "cases.notice_required");
        problem["title"]!.GetValue<string>().ShouldContain("第六十二条");
    }

    [Fact]
    public async Task HeavierPenaltyAfterDefence_IsRefused()
    {
        var client = await factory.SignedInAsync("zhengzhou.case");
        var id = CaseApi.IdOf(await CaseApi.CreateAsync(client, OrdinaryCase(await CaseApi.TwoOfficersAsync(client, "410122"))));
        await CaseApi.ActAsync(client, id, "file", new { on = "2026-09-01", approvedBy = "张诚" });
        await CaseApi.ActAsync(client, id, "complete-investigation", new { on = "2026-09-02" });
        await CaseApi.ActAsync(client, id, "notify", new { on = "2026-09-03", proposedFineFen = 500_000 });
        await CaseApi.ActAsync(client, id, "record-statement", new { on = "2026-09-04", summary = "不服" });

        var response = await client.PostAsJsonAsync($"/api/v1/cases/{id}/actions/decide", new { on = "2026-09-15", outcome = "penalty", fineFen = 600_000 }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "cases.heavier_after_defence");
    }

    [Fact]
    public async Task Case_WithOneCertifiedOfficer_CannotFinishInvestigation()
    {
        var client = await factory.SignedInAsync("zhengzhou.case");
        var officers = await CaseApi.TwoOfficersAsync(client, "410122");
        var id = CaseApi.IdOf(await CaseApi.CreateAsync(client, OrdinaryCase([officers[0]])));
        await CaseApi.ActAsync(client, id, "file", new { on = "2026-09-01", approvedBy = "张诚" });

        var response = await client.PostAsJsonAsync($"/api/v1/cases/{id}/actions/complete-investigation", new { on = "2026-09-02" }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "cases.officers_required");
    }

    [Fact]
    public async Task SimplifiedCase_OnTheSpotFineOf200_IsDecidedPaidFiledAndClosed()
    {
        var client = await factory.SignedInAsync("zhengzhou.field");
        var officers = await CaseApi.TwoOfficersAsync(client, "410100");
        var id = CaseApi.IdOf(await CaseApi.CreateAsync(client, new
        {
            procedure = "simplified", agencyCode = "410100", offenceCode = "overload.dimensions", title = "车货总高度超过 4 米（未超过 4.2 米）",
            party = new { kind = "person", name = "孙伟" }, actOn = "2026-10-09", acceptedOn = "2026-10-09", officerIds = officers,
        }));

        var decided = await CaseApi.ActAsync(client, id, "decide-on-spot", new { on = "2026-10-09", fineFen = 20_000 });
        decided["summary"]!["caseNumber"]!.GetValue<string>().ShouldStartWith("郑交执罚〔2026〕");
        CaseApi.StageOf(decided).ShouldBe("executing");
        await CaseApi.ActAsync(client, id, "record-payment", new { on = "2026-10-09", amountFen = 20_000 });
        await CaseApi.GenerateAsync(client, id, "on_spot_decision");
        await CaseApi.ActAsync(client, id, "file-on-spot-record", new { on = "2026-10-12" });
        await CaseApi.CompleteChecklistAsync(client, id);
        var closed = await CaseApi.ActAsync(client, id, "close", new { on = "2026-10-12" });

        CaseApi.StageOf(closed).ShouldBe("closed");
    }

    [Fact]
    public async Task SimplifiedCase_OverTheLimit_IsRefused()
    {
        var client = await factory.SignedInAsync("zhengzhou.field");
        var id = CaseApi.IdOf(await CaseApi.CreateAsync(client, new
        {
            procedure = "simplified", agencyCode = "410100", offenceCode = "overload.dimensions",
            party = new { kind = "person", name = "孙伟" }, actOn = "2026-10-09", acceptedOn = "2026-10-09", officerIds = await CaseApi.TwoOfficersAsync(client, "410100"),
        }));

        var response = await client.PostAsJsonAsync($"/api/v1/cases/{id}/actions/decide-on-spot", new { on = "2026-10-09", fineFen = 20_001 }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "cases.on_spot_limit_exceeded");
    }

    [Fact]
    public async Task Action_RetriedWithTheSameIdempotencyKey_HappensOnce()
    {
        var client = await factory.SignedInAsync("zhengzhou.case");
        var id = CaseApi.IdOf(await CaseApi.CreateAsync(client, OrdinaryCase(await CaseApi.TwoOfficersAsync(client, "410122"))));
        await CaseApi.ActAsync(client, id, "file", new { on = "2026-09-01", approvedBy = "张诚" });
        await CaseApi.ActAsync(client, id, "complete-investigation", new { on = "2026-09-02" });
        await CaseApi.ActAsync(client, id, "notify", new { on = "2026-09-03", proposedFineFen = 500_000 });

        JsonNode? last = null;
        for (var i = 0; i < 2; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{id}/actions/record-statement")
            {
                Content = JsonContent.Create(new { on = "2026-09-04", summary = "重复提交" }),
            };
            request.Headers.Add("Idempotency-Key", "terminal-42-statement");
            var response = await client.SendAsync(request, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            last = await response.JsonAsync();
        }

        last!["timeline"]!.AsArray().Count(e => e!["action"]!.GetValue<string>() == "record-statement").ShouldBe(1);
    }

    [Fact]
    public async Task Create_WithBadIdentifiers_ListsEveryBadField()
    {
        var client = await factory.SignedInAsync("zhengzhou.case");

        var response = await client.PostAsJsonAsync("/api/v1/cases", new
        {
            procedure = "ordinary", agencyCode = "410122", offenceCode = "unlicensed.freight",
            party = new { kind = "person", name = "某某", idNumber = "110105194912310021" },
            vehicle = new { plate = "豫I12345" },
        }, Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        problem["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).ShouldBe(["party.idNumber", "vehicle.plate"], ignoreOrder: true);
    }

    [Fact]
    public async Task Cases_OfAnotherCity_AreInvisible()
    {
        var zhengzhou = await factory.SignedInAsync("zhengzhou.case");
        var id = CaseApi.IdOf(await CaseApi.CreateAsync(zhengzhou, OrdinaryCase(await CaseApi.TwoOfficersAsync(zhengzhou, "410122"))));
        var nanyang = await factory.SignedInAsync("nanyang.case");

        (await nanyang.GetAsync($"/api/v1/cases/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await nanyang.PostAsJsonAsync($"/api/v1/cases/{id}/actions/file", new { approvedBy = "x" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await (await nanyang.GetAsync("/api/v1/cases?pageSize=200", Ct)).JsonAsync();
        list["items"]!.AsArray().ShouldNotContain(c => c!["id"]!.GetValue<string>() == id.ToString());
    }
}

/// <summary>Province legal settings: the holiday calendar upload and hearing thresholds.</summary>
public sealed class CaseSettingsTests(VanguardFactory factory) : IClassFixture<VanguardFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    [Fact]
    public async Task HolidayUpload_ForANewYear_IsUsedAndBadLinesAreNamed()
    {
        var admin = await factory.SignedInAsync("admin");
        var bad = new StringContent("2027-01-01 holiday 元旦\n2027-02-30 holiday 不存在的日子\n", System.Text.Encoding.UTF8, "text/plain");

        var refused = await admin.PutAsync("/api/v1/cases/settings/calendar/2027", bad, Ct);
        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        problem["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).ShouldContain("line 2");

        var good = new StringContent("# 2027 示例\n2027-10-01..2027-10-07 holiday 国庆节\n2027-09-26 workday 调休\n", System.Text.Encoding.UTF8, "text/plain");
        var accepted = await admin.PutAsync("/api/v1/cases/settings/calendar/2027", good, Ct);
        var calendar = await accepted.JsonAsync();
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK, calendar.ToJsonString());
        calendar["uploaded"]!.GetValue<bool>().ShouldBeTrue();
        calendar["days"]!.AsArray().Count.ShouldBe(8);
    }

    [Fact]
    public async Task HolidayUpload_ByACityAdmin_IsForbidden()
    {
        var city = await factory.SignedInAsync("zhengzhou.admin");

        var response = await city.PutAsync("/api/v1/cases/settings/calendar/2027", new StringContent("2027-01-01 holiday 元旦", System.Text.Encoding.UTF8, "text/plain"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task HearingThresholds_AreAProvinceSetting()
    {
        var admin = await factory.SignedInAsync("admin");

        var put = await admin.PutAsJsonAsync("/api/v1/cases/settings/hearing-thresholds", new { personFen = 500_000, organisationFen = 5_000_000 }, Ct);
        var read = await (await admin.GetAsync("/api/v1/cases/settings/hearing-thresholds", Ct)).JsonAsync();

        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        read["personFen"]!.GetValue<long>().ShouldBe(500_000);
        read["isDefault"]!.GetValue<bool>().ShouldBeFalse();
    }
}

/// <summary>Case numbers under concurrency: own platform so the sequence starts at 1.</summary>
public sealed class CaseNumberTests(VanguardFactory factory) : IClassFixture<VanguardFactory>
{
    [Fact]
    public async Task ParallelFilings_GetDistinctNumbersWithoutGaps()
    {
        var client = await factory.SignedInAsync("nanyang.case");
        var officers = await CaseApi.TwoOfficersAsync(client, "411302");
        var ids = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add(CaseApi.IdOf(await CaseApi.CreateAsync(client, new
            {
                procedure = "ordinary", agencyCode = "411302", offenceCode = "unlicensed.freight",
                party = new { kind = "organisation", name = "南阳某物流有限公司", idNumber = "91350100M000100Y43" }, actOn = "2026-09-01", acceptedOn = "2026-09-01", officerIds = officers,
            })));
        }

        var filings = ids.Select(async id =>
        {
            var own = await factory.SignedInAsync("nanyang.case");
            var response = await own.PostAsJsonAsync($"/api/v1/cases/{id}/actions/file", new { on = "2026-09-02", approvedBy = "局长" }, ApiClient.Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(ApiClient.Ct));
            return (await response.JsonAsync())["summary"]!["caseNumber"]!.GetValue<string>();
        });
        var numbers = await Task.WhenAll(filings);

        numbers.ShouldBeUnique();
        numbers.Order(StringComparer.Ordinal).ShouldBe(Enumerable.Range(1, 12).Select(n => $"宛城交执罚〔2026〕{n:D4}号"));
    }
}
