using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vanguard.Domain.Performance;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Evidence.Data;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Performance.Contracts;
using Vanguard.Server.Tests.Cases;

namespace Vanguard.Server.Tests.Performance;

/// <summary>The platform with every real data source (no fake): the monthly job is off so that no run appears behind a test's back.</summary>
public sealed class CaseSourcesFactory : VanguardFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Vanguard:Performance:JobEnabled", "false")];
}

/// <summary>
/// The sources of 案件按期办结率, 现场执法音像记录率, 复议诉讼纠错 and 审计链完整: each in a month of its own (2023), with failing and
/// passing records, the deduction drilled down to its records, and what an evaluator sees of them (no party).
/// </summary>
public sealed class CaseSourcesTests(CaseSourcesFactory factory) : IClassFixture<CaseSourcesFactory>
{
    private const string County = "410122";

    private static CancellationToken Ct => ApiClient.Ct;

    [Fact]
    public async Task DecidedWithinLimit_CountsFiledCasesDecidedInTheMonth_LateOnesDrillDown()
    {
        var client = await factory.SignedInAsync("zhengzhou.case");
        var officers = await CaseApi.TwoOfficersAsync(client, County);
        // Filed 2022-11-01: the 90 days of art. 60 ended 2023-01-30; decided 2023-03-10 → late.
        var late = await DecidedOrdinaryAsync(client, officers, "钱晚决", "410105198001010017", "豫A7L001", filedOn: "2022-11-01", decidedOn: "2023-03-10");
        var inTime = await DecidedOrdinaryAsync(client, officers, "孙按期", "410105198001010033", "豫A7L002", filedOn: "2023-01-10", decidedOn: "2023-03-10");
        await DecidedOnSpotAsync(client, officers, "周当场", "2023-03-13");

        var reading = await ReadAsync(SourceKeys.CasesDecidedWithinLimit, "2023-03", County);
        reading.Measurement.ShouldBe(new Measurement(1, 2), "the on-the-spot decision has no art. 60 period");
        reading.RecordRefs.ShouldBe([$"case:{late}"]);

        var admin = await factory.SignedInAsync("admin");
        var number = (await PerformanceKit.ComputeAsync(admin, "2023-03"))["number"]!.GetValue<int>();
        var drill = await PerformanceKit.OkAsync(await admin.GetAsync($"/api/v1/performance/runs/2023-03/{number}/agencies/{County}", Ct));
        var indicator = Indicator(drill, "cases_within_limit");
        indicator["noData"]!.GetValue<bool>().ShouldBeFalse();
        indicator["deducted"]!.GetValue<decimal>().ShouldBe(10m, "50 % in time is below the 80 % floor");
        indicator["recordRefs"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe([$"case:{late}"]);

        var facts = await DescribeAsync(SourceKeys.CasesDecidedWithinLimit, [$"case:{late}", $"case:{inTime}", "case:not-a-guid", $"case:{Guid.NewGuid()}"]);
        facts.Select(f => f.RecordRef).ShouldBe([$"case:{late}", $"case:{inTime}"], "unknown records are left out");
        var text = Text(facts[0]);
        text.ShouldContain("超期 39 日");
        text.ShouldContain("立案日期=2022-11-01");
        text.ShouldContain("中牟");
        text.ShouldContain("罚款 1,000 元");
        foreach (var secret in new[] { "钱晚决", "410105198001010017", "13900000000", "豫A7L001", "河南省郑州市" })
        {
            text.ShouldNotContain(secret);
        }
    }

    [Fact]
    public async Task OnsiteWithBodycam_FailsOnSpotCasesWithoutAVideoClip()
    {
        var client = await factory.SignedInAsync("zhengzhou.case");
        var officers = await CaseApi.TwoOfficersAsync(client, County);
        var linkedVideo = await DecidedOnSpotAsync(client, officers, "吴视频", "2023-04-03");
        var filedClip = await DecidedOnSpotAsync(client, officers, "郑卷宗", "2023-04-04");
        var photoOnly = await DecidedOnSpotAsync(client, officers, "王照片", "2023-04-05");
        var nothing = await DecidedOnSpotAsync(client, officers, "冯空白", "2023-04-06");
        await DecidedOrdinaryAsync(client, officers, "陈普通", "41010519800101005X", "豫A7L003", filedOn: "2023-03-01", decidedOn: "2023-04-07");

        await LinkAsync(linkedVideo, await EvidenceAsync("video/mp4"));
        var clip = await EvidenceAsync("video/mp4");
        (await client.PostAsJsonAsync($"/api/v1/cases/{filedClip}/file-items", new { code = "bodycam_clip", description = "执法记录仪音像记录", reference = $"evidence:{clip}" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        await LinkAsync(photoOnly, await EvidenceAsync("image/jpeg"));

        var reading = await ReadAsync(SourceKeys.OnsiteCasesWithBodycam, "2023-04", County);
        reading.Measurement.ShouldBe(new Measurement(2, 4), "the ordinary case is not an on-site case");
        reading.RecordRefs.ShouldBe([$"case:{photoOnly}", $"case:{nothing}"], "a photo is not an audio-visual record");

        var admin = await factory.SignedInAsync("admin");
        var number = (await PerformanceKit.ComputeAsync(admin, "2023-04"))["number"]!.GetValue<int>();
        var indicator = Indicator(await PerformanceKit.OkAsync(await admin.GetAsync($"/api/v1/performance/runs/2023-04/{number}/agencies/410100", Ct)), "onsite_bodycam");
        indicator["failures"]!.GetValue<int>().ShouldBe(2);
        indicator["total"]!.GetValue<int>().ShouldBe(4);
        indicator["recordRefs"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe([$"case:{photoOnly}", $"case:{nothing}"]);

        var facts = await DescribeAsync(SourceKeys.OnsiteCasesWithBodycam, [$"case:{photoOnly}"]);
        var text = Text(facts.ShouldHaveSingleItem());
        text.ShouldContain("简易程序");
        text.ShouldNotContain("王照片");
    }

    [Fact]
    public async Task Reversals_AreRecordedOnDecidedCases_AndTheNotUpheldOnesCount()
    {
        var client = await factory.SignedInAsync("zhengzhou.case");
        var officers = await CaseApi.TwoOfficersAsync(client, County);
        var revoked = await DecidedOrdinaryAsync(client, officers, "褚撤销", "410105198001010076", "豫A7L004", filedOn: "2023-01-03", decidedOn: "2023-02-06");
        var upheld = await DecidedOrdinaryAsync(client, officers, "卫维持", "410105198001010092", "豫A7L005", filedOn: "2023-01-03", decidedOn: "2023-02-07");
        var changed = await DecidedOrdinaryAsync(client, officers, "蒋变更", "410105198001010113", "豫A7L006", filedOn: "2023-01-03", decidedOn: "2023-02-08");

        await (await client.PostAsJsonAsync($"/api/v1/cases/{revoked}/actions/record-review-outcome",
                new { on = "2023-05-10", kind = "review", outcome = "revoked", organ = "郑州市人民政府", documentNumber = "郑政复决〔2023〕15号" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "cases.review_outcome_role");
        client = await factory.SignedInAsync("zhengzhou.legal");
        var timeline = await CaseApi.ActAsync(client, revoked, "record-review-outcome",
            new { on = "2023-05-10", kind = "review", outcome = "revoked", organ = "郑州市人民政府", documentNumber = "郑政复决〔2023〕15号" });
        timeline["timeline"]!.AsArray().Last()!["description"]!.GetValue<string>().ShouldStartWith("行政复议结果：撤销原行政处罚决定（郑州市人民政府");
        await CaseApi.ActAsync(client, upheld, "record-review-outcome",
            new { on = "2023-05-12", kind = "lawsuit", outcome = "upheld", organ = "中牟县人民法院", documentNumber = "(2023)豫0122行初9号" });
        await CaseApi.ActAsync(client, changed, "record-review-outcome",
            new { on = "2023-05-03", kind = "review", outcome = "upheld", organ = "郑州市人民政府", documentNumber = "郑政复决〔2023〕11号" });
        await CaseApi.ActAsync(client, changed, "record-review-outcome",
            new { on = "2023-05-20", kind = "lawsuit", outcome = "changed", organ = "中牟县人民法院", documentNumber = "(2023)豫0122行初12号" });

        await (await client.PostAsJsonAsync($"/api/v1/cases/{changed}/actions/record-review-outcome",
                new { on = "2023-05-20", kind = "lawsuit", outcome = "changed", organ = "中牟县人民法院", documentNumber = "(2023)豫0122行初12号" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "cases.review_outcome_exists");
        await (await client.PostAsJsonAsync($"/api/v1/cases/{revoked}/actions/record-review-outcome",
                new { on = "2023-02-01", kind = "review", outcome = "revoked", organ = "郑州市人民政府", documentNumber = "郑政复决〔2023〕1号" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "cases.review_before_decision");
        var invalid = await (await client.PostAsJsonAsync($"/api/v1/cases/{revoked}/actions/record-review-outcome", new { on = "2023-05-10", kind = "appeal", outcome = "void" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        PerformanceKit.Fields(invalid).ShouldBe(["kind:invalid", "outcome:invalid", "organ:required", "documentNumber:required"], ignoreOrder: true);
        var lead = CaseApi.IdOf(await CaseApi.CreateAsync(client, OrdinaryCase(officers, "韩未决", "41010519800101013X", "豫A7L007", "2023-05-01")));
        await (await client.PostAsJsonAsync($"/api/v1/cases/{lead}/actions/record-review-outcome",
                new { on = "2023-05-10", kind = "review", outcome = "revoked", organ = "郑州市人民政府", documentNumber = "郑政复决〔2023〕16号" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "cases.invalid_transition");

        var reading = await ReadAsync(SourceKeys.CasesReversed, "2023-05", County);
        reading.Measurement.ShouldBe(new Measurement(2, 3), "three cases reviewed in May, two corrected (the second once, by its lawsuit)");
        reading.RecordRefs.ShouldBe([$"case:{revoked}", $"case:{changed}"]);

        var admin = await factory.SignedInAsync("admin");
        var number = (await PerformanceKit.ComputeAsync(admin, "2023-05"))["number"]!.GetValue<int>();
        var indicator = Indicator(await PerformanceKit.OkAsync(await admin.GetAsync($"/api/v1/performance/runs/2023-05/{number}/agencies/{County}", Ct)), "case_reversal");
        indicator["deducted"]!.GetValue<decimal>().ShouldBe(4m, "2 points each");
        indicator["recordRefs"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe([$"case:{revoked}", $"case:{changed}"]);

        var text = Text((await DescribeAsync(SourceKeys.CasesReversed, [$"case:{changed}"])).ShouldHaveSingleItem());
        text.ShouldContain("行政诉讼=2023-05-20 变更原行政处罚决定（中牟县人民法院）");
        text.ShouldNotContain("行初12号", customMessage: "a judgment's number is public with the party's name");
        text.ShouldContain("行政复议=2023-05-03 维持原行政处罚决定");
        text.ShouldNotContain("蒋变更");
        text.ShouldNotContain("豫A7L006");
    }

    [Fact]
    public async Task AuditChain_ABreakCountsAgainstAgenciesWithEntriesAtOrAfterIt_NotBefore()
    {
        var nanyang = await factory.SignedInAsync("nanyang.case");
        var xuchang = await factory.SignedInAsync("xuchang.case");
        var zhengzhou = await factory.SignedInAsync("zhengzhou.case");
        var admin = await factory.SignedInAsync("admin");
        var month = ScoringMonth.Of(DateTimeOffset.UtcNow);

        var before = await LeadAsync(nanyang, "411302", "杨之前");
        var tampered = await LeadAsync(xuchang, "411081", "朱篡改");
        (await PerformanceKit.OkAsync(await admin.GetAsync("/api/v1/audit/verify", Ct)))["ok"]!.GetValue<bool>().ShouldBeTrue();
        var intact = await ReadAllAsync(SourceKeys.AuditChainIntact, month, "411300", "411000");
        intact["411300"].Measurement.ShouldBe(new Measurement(0, 1));
        intact["411000"].Measurement.ShouldBe(new Measurement(0, 1));

        long sequence;
        string actorName;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
            var db = scope.ServiceProvider.GetRequiredService<VanguardDbContext>();
            var entry = await db.AuditEntries.SingleAsync(e => e.TargetType == "case" && e.TargetId == tampered.ToString() && e.Action == "cases.accept", Ct);
            entry.Action = "cases.drop";
            await db.SaveChangesAsync(Ct);
            sequence = entry.Sequence!.Value;
            actorName = entry.ActorName;
        }

        await LeadAsync(zhengzhou, County, "秦之后");
        (await PerformanceKit.OkAsync(await admin.GetAsync("/api/v1/audit/verify", Ct)))["brokenAt"]!.GetValue<long>().ShouldBe(sequence);

        var broken = await ReadAllAsync(SourceKeys.AuditChainIntact, month, "411300", "411000", "410100");
        broken["411300"].Measurement.ShouldBe(new Measurement(0, 1), "Nanyang's entries all come before the break");
        broken["411000"].Measurement.ShouldBe(new Measurement(1, 1));
        broken["411000"].RecordRefs.ShouldBe([$"audit:{sequence}"]);
        broken["410100"].Measurement.ShouldBe(new Measurement(1, 1), "its entry after the break can no longer be shown intact");
        broken["410100"].RecordRefs.ShouldBe([$"audit:{sequence}"]);
        (await ReadAllAsync(SourceKeys.AuditChainIntact, new ScoringMonth(2023, 6), "411000"))["411000"].Measurement.ShouldBe(new Measurement(0, 0));

        var facts = (await DescribeAsync(SourceKeys.AuditChainIntact, [$"audit:{sequence}", "audit:999999999"])).ToList();
        facts.Select(f => f.RecordRef).ShouldBe([$"audit:{sequence}", "audit:999999999"]);
        var text = Text(facts[0]);
        text.ShouldContain("哈希或链接不符");
        text.ShouldContain("操作=cases.drop");
        text.ShouldNotContain(actorName);
        text.ShouldNotContain(tampered.ToString());
        Text(facts[1]).ShouldContain("缺失");
        before.ShouldNotBe(tampered);
    }

    private static object OrdinaryCase(Guid[] officers, string party, string idNumber, string plate, string on) => new
    {
        procedure = "ordinary",
        agencyCode = County,
        offenceCode = "overload.dimensions",
        title = $"{party}车货总高度超限案",
        party = new { kind = "person", name = party, idNumber, address = "河南省郑州市中牟县", phone = "13900000000" },
        vehicle = new { plate, color = "yellow" },
        actOn = on,
        acceptedOn = on,
        facts = $"当事人{party}驾驶{plate}货车，车货总高度超过 4 米。",
        officerIds = officers,
    };

    private static async Task<Guid> DecidedOrdinaryAsync(HttpClient client, Guid[] officers, string party, string idNumber, string plate, string filedOn, string decidedOn)
    {
        var id = CaseApi.IdOf(await CaseApi.CreateAsync(client, OrdinaryCase(officers, party, idNumber, plate, filedOn)));
        var filed = DateOnly.Parse(filedOn, System.Globalization.CultureInfo.InvariantCulture);
        string Day(int days) => filed.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await CaseApi.ActAsync(client, id, "file", new { on = filedOn, approvedBy = "张诚" });
        await CaseApi.ActAsync(client, id, "complete-investigation", new { on = Day(1) });
        await CaseApi.ActAsync(client, id, "notify", new { on = Day(2), proposedFineFen = 100_000 });
        await CaseApi.ActAsync(client, id, "waive-rights", new { on = Day(2), statement = true, hearing = true });
        await CaseApi.ActAsync(client, id, "decide", new { on = decidedOn, outcome = "penalty", fineFen = 100_000 });
        return id;
    }

    private static async Task<Guid> DecidedOnSpotAsync(HttpClient client, Guid[] officers, string party, string on)
    {
        var id = CaseApi.IdOf(await CaseApi.CreateAsync(client, new
        {
            procedure = "simplified", agencyCode = County, offenceCode = "overload.dimensions", title = "车货总高度超过 4 米（未超过 4.2 米）",
            party = new { kind = "person", name = party }, actOn = on, acceptedOn = on, officerIds = officers,
        }));
        await CaseApi.ActAsync(client, id, "decide-on-spot", new { on, fineFen = 10_000 });
        return id;
    }

    private static async Task<Guid> LeadAsync(HttpClient client, string agencyCode, string party) =>
        CaseApi.IdOf(await CaseApi.CreateAsync(client, new
        {
            procedure = "ordinary", agencyCode, offenceCode = "overload.dimensions", party = new { kind = "person", name = party },
        }));

    private async Task<Guid> EvidenceAsync(string contentType)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        var db = scope.ServiceProvider.GetRequiredService<VanguardDbContext>();
        var agency = scope.ServiceProvider.GetRequiredService<IAgencyDirectory>().Current.FindByCode(County)!.Id;
        var at = new DateTimeOffset(2023, 4, 3, 1, 0, 0, TimeSpan.Zero);
        var item = new EvidenceItem
        {
            Id = Guid.CreateVersion7(), AgencyId = agency, Sha256 = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), Length = 1_000,
            FileName = contentType.StartsWith("video/", StringComparison.Ordinal) ? "clip.mp4" : "photo.jpg", ContentType = contentType,
            OfficerId = Guid.NewGuid(), OfficerNo = "41012201", OfficerName = "测试执法员", DeviceSerial = "REC-SRC-A", UploadedByKind = "person",
            UploadedById = "test", UploadedByName = "测试", RecordedFrom = at, RecordedTo = at.AddMinutes(5), UploadedAt = at.AddHours(1),
            Category = "routine", RetentionClass = "standard", MediaStatus = MediaStatus.Available,
        };
        db.Add(item);
        await db.SaveChangesAsync(Ct);
        return item.Id;
    }

    private async Task LinkAsync(Guid caseId, Guid evidenceId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        var db = scope.ServiceProvider.GetRequiredService<VanguardDbContext>();
        db.Add(new EvidenceCaseLink { EvidenceId = evidenceId, CaseId = caseId, LinkedAt = DateTimeOffset.UtcNow, LinkedBy = "测试" });
        await db.SaveChangesAsync(Ct);
    }

    private async Task<SourceReading> ReadAsync(string key, string month, string agencyCode) =>
        (await ReadAllAsync(key, ScoringMonth.Parse(month)!, agencyCode))[agencyCode];

    /// <summary>The source's reading of the agencies (each over its subtree), as the scoring run asks for it, in a system scope.</summary>
    private async Task<Dictionary<string, SourceReading>> ReadAllAsync(string key, ScoringMonth month, params string[] agencyCodes)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        var tree = scope.ServiceProvider.GetRequiredService<IAgencyDirectory>().Current;
        var agencies = agencyCodes.Select(c => tree.FindByCode(c)!).Select(a => new ScoredAgency(a.Id, tree.Subtree(a.Id))).ToList();
        var source = scope.ServiceProvider.GetServices<IIndicatorSource>().Last(s => s.Key == key);
        var readings = await source.ComputeAsync(agencies, month, Ct);
        return agencyCodes.ToDictionary(c => c, c => readings.GetValueOrDefault(tree.FindByCode(c)!.Id) ?? new SourceReading(new Measurement(0, 0), []));
    }

    private async Task<IReadOnlyList<RecordFacts>> DescribeAsync(string key, IReadOnlyList<string> refs)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        return await scope.ServiceProvider.GetServices<IIndicatorSource>().Last(s => s.Key == key).DescribeAsync(refs, Ct);
    }

    private static string Text(RecordFacts facts) => facts.Kind + "|" + string.Join("|", facts.Facts.Select(f => f.Key + "=" + f.Value));

    private static JsonNode Indicator(JsonNode drill, string code) => drill["indicators"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == code)!;
}
