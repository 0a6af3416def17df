using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Disclosure.Data;
using Vanguard.Server.Modules.Disclosure.Publication;
using Vanguard.Domain.Performance;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Performance.Contracts;
using Vanguard.Server.Tests.Cases;

namespace Vanguard.Server.Tests.Disclosure;

/// <summary>
/// 双公示 through the API and the job: publication by the 7th working day (over 中秋/国庆 2026 and a weekend), masking of every
/// personal field in the public JSON and HTML, withdrawal on a corrected review and by hand, the indicator source, permissions.
/// Each test has a month of its own (2026-01 … 2026-09) and parties of its own.
/// </summary>
public sealed class DisclosureTests(DisclosureFactory factory) : IClassFixture<DisclosureFactory>
{
    private const string County = "410122";

    private static CancellationToken Ct => ApiClient.Ct;

    [Fact]
    public async Task Job_PublishesByTheSeventhWorkingDay_CountedOverHolidaysAndAWeekend_AndLateAfterIt()
    {
        factory.Today("2026-09-24");
        var client = await factory.SignedInAsync("zhengzhou.case");
        var onTime = await DisclosureKit.DecidedAsync(client, County, new("褚按时", "410122198808080012", "豫A9J101"), "2026-09-24");
        var minor = await DisclosureKit.DecidedAsync(client, County, new("卫轻微", "410122199002140025", "豫A9J102"), "2026-09-24", outcome: "no-penalty-minor");

        // 9-24 is a Thursday: 中秋 9-25..27 and 国庆 10-01..07 are out, Saturday 10-10 is a 调休 working day, Sunday 10-11 is not.
        factory.Today("2026-10-12");
        (await factory.PublishAsync()).Published.ShouldBeGreaterThanOrEqualTo(1);
        client = await factory.SignedInAsync("zhengzhou.case");
        var late = await DisclosureKit.DecidedAsync(client, County, new("蒋迟录", "410122197506010030", "豫A9J103"), "2026-09-24");
        factory.Today("2026-10-13");
        await factory.PublishAsync();
        (await factory.PublishAsync()).Published.ShouldBe(0, "a second run publishes nothing twice");

        var legal = await factory.SignedInAsync("zhengzhou.legal");
        var queue = await DisclosureKit.QueueAsync(legal, "2026-09");
        var row = DisclosureKit.Row(queue, onTime.Id);
        row["dueOn"]!.GetValue<string>().ShouldBe("2026-10-12");
        row["status"]!.GetValue<string>().ShouldBe("published");
        DisclosureKit.Row(queue, late.Id)["status"]!.GetValue<string>().ShouldBe("published_late");
        DisclosureKit.Row(queue, minor.Id)["status"]!.GetValue<string>().ShouldBe("exempt", "不予处罚 is not published");
        queue["required"]!.GetValue<int>().ShouldBe(2);
        queue["late"]!.GetValue<int>().ShouldBe(1);

        var anonymous = factory.CreateClient();
        var list = await (await anonymous.GetAsync("/api/v1/disclosure/decisions?month=2026-09&pageSize=200", Ct)).JsonAsync();
        var numbers = list["items"]!.AsArray().Select(i => i!["documentNumber"]!.GetValue<string>()).ToList();
        numbers.ShouldContain(onTime.CaseNumber);
        numbers.ShouldContain(late.CaseNumber);
        numbers.ShouldNotContain(minor.CaseNumber);
    }

    [Fact]
    public async Task PublicJsonAndHtml_ShowOnlyTheMaskedParty()
    {
        factory.Today("2026-07-15");
        var party = new TestParty("司马德昭", "410122198203100041", "豫A8M321", "13711112222", "河南省郑州市中牟县官渡镇学府路 18 号");
        var facts = $"当事人{party.Name}（身份证号 {party.IdNumber}，电话 {party.Phone}，住{party.Address}）驾驶{party.Plate}货车，车货总高度 4.3 米；"
            + $"另查，{party.Name}的联系人电话 13622223333。";
        var client = await factory.SignedInAsync("zhengzhou.case");
        var decided = await DisclosureKit.DecidedAsync(client, County, party, "2026-07-15", facts: facts);
        await factory.PublishAsync();

        var anonymous = factory.CreateClient();
        var listResponse = await anonymous.GetAsync($"/api/v1/disclosure/decisions?q={Uri.EscapeDataString(decided.CaseNumber)}", Ct);
        listResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var listText = await listResponse.Content.ReadAsStringAsync(Ct);
        var list = await listResponse.JsonAsync();
        var item = list["items"]!.AsArray().ShouldHaveSingleItem()!;
        item["partyName"]!.GetValue<string>().ShouldBe("司***");
        var id = item["id"]!.GetValue<string>();
        var detailText = await (await anonymous.GetAsync($"/api/v1/disclosure/decisions/{id}", Ct)).Content.ReadAsStringAsync(Ct);
        var detail = System.Text.Json.Nodes.JsonNode.Parse(detailText)!;
        detail["partyIdNumber"]!.GetValue<string>().ShouldBe("410122********0041");
        detail["vehiclePlate"]!.GetValue<string>().ShouldBe("豫A·***21");
        detail["partyAddress"]!.GetValue<string>().ShouldBe("河南省郑州市中牟县");
        detail["facts"]!.GetValue<string>().ShouldBe(
            "2026年7月5日，司***驾驶豫A·***21号车辆，车货外廓尺寸超限，违反了《超限运输车辆行驶公路管理规定》第三条第一款第（一）至（三）项的规定。",
            "the officer's free text is never published: the facts are generated from the masked fields");
        detail["penalty"]!.GetValue<string>().ShouldBe("罚款 1,000 元");

        var listHtml = await (await anonymous.GetAsync($"/disclosure?q={Uri.EscapeDataString(decided.CaseNumber)}", Ct)).Content.ReadAsStringAsync(Ct);
        listHtml.ShouldContain(decided.CaseNumber);
        var detailHtml = await (await anonymous.GetAsync($"/disclosure/{id}", Ct)).Content.ReadAsStringAsync(Ct);
        detailHtml.ShouldContain("豫A·***21");
        foreach (var text in new[] { listText, detailText, listHtml, detailHtml })
        {
            foreach (var secret in new[] { party.Name, party.IdNumber, party.Phone, "学府路", party.Plate, "豫A·8M321", "13622223333", "德昭" })
            {
                text.ShouldNotContain(secret);
            }
        }
    }

    [Fact]
    public async Task OrganisationFacts_NamingOtherPeople_NeverReachThePublic()
    {
        factory.Today("2026-11-16");
        var company = new TestParty("郑州远畅公示物流有限公司", "91350100M000100Y43", "豫A6N452", "037162001122", "河南省郑州市中牟县物流园区纬三路 9 号");
        var facts = "经查，郑州远畅公示物流有限公司所属豫A6N452货车由驾驶人欧阳明辉（身份证号 410122820310004，住中牟县白沙镇杏花村 5 组，"
            + "电话 0371-62345678）驾驶，牵引豫A5678挂半挂车、豫 A 5679 挂各一辆；证人慕容秋实在场。";
        var client = await factory.SignedInAsync("zhengzhou.case");
        var decided = await DisclosureKit.DecidedAsync(client, County, company, "2026-11-16", facts: facts, kind: "organisation");
        await factory.PublishAsync();

        var anonymous = factory.CreateClient();
        var list = await (await anonymous.GetAsync($"/api/v1/disclosure/decisions?q={Uri.EscapeDataString(decided.CaseNumber)}", Ct)).JsonAsync();
        var id = list["items"]!.AsArray().ShouldHaveSingleItem()!["id"]!.GetValue<string>();
        var detailText = await (await anonymous.GetAsync($"/api/v1/disclosure/decisions/{id}", Ct)).Content.ReadAsStringAsync(Ct);
        var detail = System.Text.Json.Nodes.JsonNode.Parse(detailText)!;
        detail["partyName"]!.GetValue<string>().ShouldBe(company.Name);
        detail["vehiclePlate"]!.GetValue<string>().ShouldBe("豫A6N452", "an organisation's vehicle is published in full");
        detail["facts"]!.GetValue<string>().ShouldBe(
            "2026年11月6日，郑州远畅公示物流有限公司所属豫A6N452号车辆，车货外廓尺寸超限，违反了《超限运输车辆行驶公路管理规定》第三条第一款第（一）至（三）项的规定。");
        var detailHtml = await (await anonymous.GetAsync($"/disclosure/{id}", Ct)).Content.ReadAsStringAsync(Ct);
        detailHtml.ShouldContain(company.Name);
        foreach (var text in new[] { detailText, detailHtml })
        {
            foreach (var secret in new[] { "欧阳", "明辉", "410122820310004", "杏花村", "白沙镇", "62345678", "5678挂", "5679", "慕容", "秋实" })
            {
                text.ShouldNotContain(secret);
            }
        }
    }

    [Fact]
    public async Task AnEntryStoredWithTheOfficersText_GetsTheGeneratedFacts_OnTheDailySweep()
    {
        factory.Today("2026-12-01");
        var client = await factory.SignedInAsync("zhengzhou.case");
        var decided = await DisclosureKit.DecidedAsync(client, County, new("端木旧文", "410122197707070013", "豫A6N453"), "2026-12-01");
        await factory.PublishAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // As the publisher stored it before the facts were generated: the officer's text, scrubbed of the party only.
            scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
            var db = scope.ServiceProvider.GetRequiredService<VanguardDbContext>();
            var entry = await db.Set<DisclosureEntry>().SingleAsync(e => e.CaseId == decided.Id, Ct);
            entry.Facts = "当事人端***驾驶豫A·***53货车，同车人公孙旧证在场。";
            await db.SaveChangesAsync(Ct);
        }

        factory.Today("2026-12-02");
        await factory.PublishAsync();

        var anonymous = factory.CreateClient();
        var id = await EntryIdAsync(anonymous, decided.CaseNumber);
        var detail = await (await anonymous.GetAsync($"/api/v1/disclosure/decisions/{id}", Ct)).Content.ReadAsStringAsync(Ct);
        detail.ShouldNotContain("公孙");
        System.Text.Json.Nodes.JsonNode.Parse(detail)!["facts"]!.GetValue<string>().ShouldStartWith("2026年11月21日，端***驾驶豫A·***53号车辆，车货外廓尺寸超限");
    }

    [Fact]
    public async Task Withdrawal_OnACorrectedReview_IsAutomatic_AndByHandNeedsTheRoleAndANote()
    {
        factory.Today("2026-06-10");
        var client = await factory.SignedInAsync("zhengzhou.case");
        var revoked = await DisclosureKit.DecidedAsync(client, County, new("韩复议", "41012219930720005X", "豫A9J104"), "2026-06-08");
        var byHand = await DisclosureKit.DecidedAsync(client, County, new("杨手撤", "41012219850505006X", "豫A9J105"), "2026-06-08");
        await factory.PublishAsync();
        var anonymous = factory.CreateClient();
        var revokedEntry = await EntryIdAsync(anonymous, revoked.CaseNumber);
        var byHandEntry = await EntryIdAsync(anonymous, byHand.CaseNumber);

        factory.Today("2026-08-20");
        var legal = await factory.SignedInAsync("zhengzhou.legal");
        await CaseApi.ActAsync(legal, revoked.Id, "record-review-outcome",
            new { on = "2026-08-18", kind = "review", outcome = "revoked", organ = "郑州市人民政府", documentNumber = "郑政复决〔2026〕88号" });
        (await factory.PublishAsync()).Withdrawn.ShouldBeGreaterThanOrEqualTo(1);
        await (await anonymous.GetAsync($"/api/v1/disclosure/decisions/{revokedEntry}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "disclosure.not_found");
        var row = DisclosureKit.Row(await DisclosureKit.QueueAsync(legal, "2026-06"), revoked.Id);
        row["status"]!.GetValue<string>().ShouldBe("withdrawn");
        row["withdrawalNote"]!.GetValue<string>().ShouldStartWith("经行政复议撤销原行政处罚决定（郑州市人民政府，郑政复决〔2026〕88号");
        row["withdrawnBy"]!.GetValue<string>().ShouldBe("system");

        var field = await factory.SignedInAsync("zhengzhou.field");
        (await field.PostAsJsonAsync($"/api/v1/disclosure/entries/{byHandEntry}/withdraw", new { note = "涉及商业秘密" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await field.GetAsync("/api/v1/disclosure/queue", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await anonymous.GetAsync("/api/v1/disclosure/queue", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var problem = await (await legal.PostAsJsonAsync($"/api/v1/disclosure/entries/{byHandEntry}/withdraw", new { note = " " }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        problem["errors"]!.AsArray().Single()!["field"]!.GetValue<string>().ShouldBe("note");
        (await anonymous.GetAsync($"/api/v1/disclosure/decisions/{byHandEntry}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "a refused withdrawal changes nothing");

        var withdrawn = await (await legal.PostAsJsonAsync($"/api/v1/disclosure/entries/{byHandEntry}/withdraw",
            new { note = "涉及商业秘密（政府信息公开条例第十五条）" }, Ct)).JsonAsync();
        withdrawn["status"]!.GetValue<string>().ShouldBe("withdrawn", withdrawn.ToJsonString());
        withdrawn["withdrawalNote"]!.GetValue<string>().ShouldBe("涉及商业秘密（政府信息公开条例第十五条）");
        await (await anonymous.GetAsync($"/api/v1/disclosure/decisions/{byHandEntry}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "disclosure.not_found");
        var list = await (await anonymous.GetAsync("/api/v1/disclosure/decisions?month=2026-06&pageSize=200", Ct)).JsonAsync();
        list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ShouldNotContain(byHandEntry);
        await (await legal.PostAsJsonAsync($"/api/v1/disclosure/entries/{byHandEntry}/withdraw", new { note = "再次撤回" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "disclosure.already_withdrawn");
        var nanyang = await factory.SignedInAsync("nanyang.legal");
        await (await nanyang.PostAsJsonAsync($"/api/v1/disclosure/entries/{revokedEntry}/withdraw", new { note = "外市" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "disclosure.entry_not_found");
    }

    [Fact]
    public async Task IndicatorSource_CountsLateAndMissingPublications_NotTheOnesNotYetDue()
    {
        factory.Today("2026-04-03");
        var client = await factory.SignedInAsync("zhengzhou.case");
        var onTime = await DisclosureKit.DecidedAsync(client, County, new("朱按期", "410122197304040143", "豫A9J106"), "2026-04-01");
        await factory.PublishAsync();
        factory.Today("2026-04-20");
        client = await factory.SignedInAsync("zhengzhou.case");
        var missing = await DisclosureKit.DecidedAsync(client, County, new("秦漏公", "410122197001010115", "豫A9J107"), "2026-04-20");
        factory.Today("2026-04-30");
        client = await factory.SignedInAsync("zhengzhou.case");
        var notDue = await DisclosureKit.DecidedAsync(client, County, new("许未到", "410122197102020128", "豫A9J108"), "2026-04-30");
        await DisclosureKit.DecidedAsync(client, County, new("何免罚", "410122197203030130", "豫A9J109"), "2026-04-30", outcome: "no-penalty-minor");

        // 4-20 (Monday) is due 4-29; 4-30 (Thursday) is due 5-13 (劳动节 5-01..05 out, Saturday 5-09 in). Today 5-06.
        factory.Today("2026-05-06");
        var reading = await ReadAsync("2026-04");
        reading.Measurement.ShouldBe(new Measurement(1, 3), "the decision not to punish is not counted; the one due 5-13 is not late yet");
        reading.RecordRefs.ShouldBe([$"case:{missing.Id}"]);

        var facts = await DescribeAsync([$"case:{missing.Id}", $"case:{onTime.Id}", "case:nope", $"case:{Guid.NewGuid()}"]);
        facts.Select(f => f.RecordRef).ShouldBe([$"case:{missing.Id}", $"case:{onTime.Id}"]);
        var text = string.Join("|", facts[0].Facts.Select(f => f.Key + "=" + f.Value));
        text.ShouldContain("公示期限=2026-04-29");
        text.ShouldContain("是否按期=逾期未公示");
        string.Join("|", facts[1].Facts.Select(f => f.Key + "=" + f.Value)).ShouldContain("是否按期=按期");
        foreach (var secret in new[] { "秦漏公", "410122197001010115", "豫A9J107", missing.CaseNumber })
        {
            text.ShouldNotContain(secret);
        }

        _ = notDue;
    }

    [Fact]
    public async Task DetectionSites_ArePublic_WithTheirVerificationStatus()
    {
        factory.Today("2026-05-20");
        var admin = await factory.SignedInAsync("admin");
        foreach (var device in new object[]
        {
            new { kind = "wim-station", code = "WIM-DSC-1", name = "G107 中牟公示检测点", agencyCode = County, location = "G107 K712+300", accuracyClass = 5,
                certificate = new { number = "JD-DSC-1", validFrom = "2026-01-01", validUntil = "2026-12-31" } },
            new { kind = "wim-station", code = "WIM-DSC-2", name = "S223 过期检测点", agencyCode = County, location = "S223 K15", accuracyClass = 5,
                certificate = new { number = "JD-DSC-2", validFrom = "2025-01-01", validUntil = "2025-12-31" } },
            new { kind = "anpr-camera", code = "CAM-DSC-3", name = "郑州东站卡口", agencyCode = "410100", location = "郑州东站东广场", accuracyClass = (int?)null,
                certificate = (object?)null },
        })
        {
            (await admin.PostAsJsonAsync("/api/v1/devices", device, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var sites = await (await factory.CreateClient().GetAsync("/api/v1/disclosure/sites", Ct)).JsonAsync();
        string Status(string code) => sites.AsArray().Single(s => s!["code"]!.GetValue<string>() == code)!["verification"]!.GetValue<string>();
        Status("WIM-DSC-1").ShouldBe("valid");
        Status("WIM-DSC-2").ShouldBe("expired");
        Status("CAM-DSC-3").ShouldBe("not_required");
        var html = await (await factory.CreateClient().GetAsync("/disclosure/sites", Ct)).Content.ReadAsStringAsync(Ct);
        html.ShouldContain("G107 中牟公示检测点");
        html.ShouldContain("检定过期");
    }

    [Fact]
    public async Task AnEntryPastItsPublicationPeriod_LeavesThePublicList()
    {
        factory.Today("2026-02-10");
        var client = await factory.SignedInAsync("zhengzhou.case");
        var decided = await DisclosureKit.DecidedAsync(client, County, new("曹到期", "410122197405050156", "豫A9J112"), "2026-02-10");
        await factory.PublishAsync();
        var anonymous = factory.CreateClient();
        var id = await EntryIdAsync(anonymous, decided.CaseNumber);
        var detail = await (await anonymous.GetAsync($"/api/v1/disclosure/decisions/{id}", Ct)).JsonAsync();
        detail["expiresOn"]!.GetValue<string>().ShouldBe("2028-02-10", "a natural person: 24 months from publication");

        factory.Today("2028-02-10");
        (await anonymous.GetAsync($"/api/v1/disclosure/decisions/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "the last day is still shown");
        factory.Today("2028-02-11");
        await (await anonymous.GetAsync($"/api/v1/disclosure/decisions/{id}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "disclosure.not_found");
        var list = await (await anonymous.GetAsync($"/api/v1/disclosure/decisions?q={Uri.EscapeDataString(decided.CaseNumber)}", Ct)).JsonAsync();
        list["total"]!.GetValue<int>().ShouldBe(0);
        var legal = await factory.SignedInAsync("zhengzhou.legal");
        DisclosureKit.Row(await DisclosureKit.QueueAsync(legal, "2026-02"), decided.Id)["status"]!.GetValue<string>().ShouldBe("expired");
    }

    [Fact]
    public async Task Withholding_BeforePublication_KeepsTheDecisionOffTheListAndOutOfTheRate()
    {
        factory.Today("2026-01-05");
        var client = await factory.SignedInAsync("zhengzhou.case");
        var secret = await DisclosureKit.DecidedAsync(client, County, new("孔保密", "410122196208080183", "豫A9J113"), "2026-01-05");
        var minor = await DisclosureKit.DecidedAsync(client, County, new("严轻微", "410122196309090196", "豫A9J114"), "2026-01-05", outcome: "no-penalty-minor");

        var field = await factory.SignedInAsync("zhengzhou.field");
        (await field.PostAsJsonAsync($"/api/v1/disclosure/queue/{secret.Id}/withhold", new { note = "涉及商业秘密" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var legal = await factory.SignedInAsync("zhengzhou.legal");
        await (await legal.PostAsJsonAsync($"/api/v1/disclosure/queue/{secret.Id}/withhold", new { note = "" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        await (await legal.PostAsJsonAsync($"/api/v1/disclosure/queue/{minor.Id}/withhold", new { note = "涉及商业秘密" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "disclosure.not_publishable");
        var withheld = await (await legal.PostAsJsonAsync($"/api/v1/disclosure/queue/{secret.Id}/withhold",
            new { note = "涉及第三方商业秘密（政府信息公开条例第十五条）" }, Ct)).JsonAsync();
        withheld["status"]!.GetValue<string>().ShouldBe("withheld", withheld.ToJsonString());
        await (await legal.PostAsJsonAsync($"/api/v1/disclosure/queue/{secret.Id}/withhold", new { note = "再次" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "disclosure.already_published");

        await factory.PublishAsync();
        var list = await (await factory.CreateClient().GetAsync($"/api/v1/disclosure/decisions?q={Uri.EscapeDataString(secret.CaseNumber)}", Ct)).JsonAsync();
        list["total"]!.GetValue<int>().ShouldBe(0);
        var queue = await DisclosureKit.QueueAsync(legal, "2026-01");
        DisclosureKit.Row(queue, secret.Id)["status"]!.GetValue<string>().ShouldBe("withheld");
        queue["required"]!.GetValue<int>().ShouldBe(0);

        factory.Today("2026-02-02");
        (await ReadAsync("2026-01")).Measurement.ShouldBe(new Measurement(0, 0), "a decision lawfully withheld is not counted");
    }

    [Fact]
    public async Task TwoNodesPublishingAtOnce_WriteOneEntryPerDecision()
    {
        factory.Today("2026-03-10");
        var client = await factory.SignedInAsync("zhengzhou.case");
        var first = await DisclosureKit.DecidedAsync(client, County, new("吕并发", "410122196006060168", "豫A9J110"), "2026-03-09");
        var second = await DisclosureKit.DecidedAsync(client, County, new("施并发", "410122196107070170", "豫A9J111"), "2026-03-09");

        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
            return await scope.ServiceProvider.GetRequiredService<DisclosurePublisher>().RunAsync(fullSweep: true, Ct);
        }));
        runs.Sum(r => r.Published).ShouldBe(2, "each decision is published by one of the two");

        await using var check = factory.Services.CreateAsyncScope();
        check.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        var entries = await check.ServiceProvider.GetRequiredService<VanguardDbContext>().Set<DisclosureEntry>()
            .Where(e => e.CaseId == first.Id || e.CaseId == second.Id).ToListAsync(Ct);
        entries.Count.ShouldBe(2);
        entries.Select(e => e.PartyName).ShouldBe(["吕**", "施**"], ignoreOrder: true);
    }

    private static async Task<string> EntryIdAsync(HttpClient anonymous, string caseNumber)
    {
        var list = await (await anonymous.GetAsync($"/api/v1/disclosure/decisions?q={Uri.EscapeDataString(caseNumber)}", Ct)).JsonAsync();
        return list["items"]!.AsArray().ShouldHaveSingleItem()!["id"]!.GetValue<string>();
    }

    private async Task<SourceReading> ReadAsync(string month)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        var tree = scope.ServiceProvider.GetRequiredService<IAgencyDirectory>().Current;
        var county = tree.FindByCode(County)!;
        var source = scope.ServiceProvider.GetServices<IIndicatorSource>().Last(s => s.Key == SourceKeys.DecisionsDisclosedWithin7WorkingDays);
        var readings = await source.ComputeAsync([new ScoredAgency(county.Id, tree.Subtree(county.Id))], ScoringMonth.Parse(month)!, Ct);
        return readings[county.Id];
    }

    private async Task<IReadOnlyList<RecordFacts>> DescribeAsync(IReadOnlyList<string> refs)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        return await scope.ServiceProvider.GetServices<IIndicatorSource>().Last(s => s.Key == SourceKeys.DecisionsDisclosedWithin7WorkingDays)
            .DescribeAsync(refs, Ct);
    }
}
