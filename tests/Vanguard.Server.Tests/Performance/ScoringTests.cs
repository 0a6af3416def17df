using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Offsite.Data;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Surveillance.Alerts;
using Vanguard.Server.Modules.Surveillance.Data;

namespace Vanguard.Server.Tests.Performance;

/// <summary>月度评分: versions, publication, drill-down to records, reproducibility, the public board and its export.</summary>
public sealed class ScoringTests(PerformanceFactory factory) : IClassFixture<PerformanceFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    [Fact]
    public async Task Run_DeductionKeepsItsRecords_AndDrillsDownWithinJurisdiction()
    {
        factory.Reverse("411000", "case:0192-a", "case:0192-b");
        var admin = await factory.SignedInAsync("admin");

        var run = await PerformanceKit.ComputeAsync(admin, "2025-01");
        var number = run["number"]!.GetValue<int>();
        run["status"]!.GetValue<string>().ShouldBe("computed");
        run["agencies"]!.GetValue<int>().ShouldBe(12, "3 cities and 9 counties are scored");

        var drill = await PerformanceKit.OkAsync(await (await factory.SignedInAsync("xuchang.admin"))
            .GetAsync($"/api/v1/performance/runs/2025-01/{number}/agencies/411000", Ct));
        drill["score"]!.GetValue<decimal>().ShouldBe(96m, "2 reversed cases at 2 points each");
        var reversal = drill["indicators"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == "case_reversal")!;
        reversal["deducted"]!.GetValue<decimal>().ShouldBe(4m);
        reversal["recordRefs"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["case:0192-a", "case:0192-b"]);
        var incidents = drill["indicators"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == "negative_incidents")!;
        incidents["noData"]!.GetValue<bool>().ShouldBeFalse("the inspections measure it: none with a breach that month");
        incidents["points"]!.GetValue<decimal>().ShouldBe(4m);

        await (await (await factory.SignedInAsync("nanyang.admin")).GetAsync($"/api/v1/performance/runs/2025-01/{number}/agencies/411000", Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "performance.score_not_found");
        await (await factory.CreateClient().GetAsync($"/api/v1/performance/runs/2025-01/{number}/agencies/411000", Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task Recompute_SameData_GivesANewVersionWithTheSameScores()
    {
        factory.Reverse("411300", "case:r1");
        factory.Reverse("410102", "case:r2", "case:r3", "case:r4");
        var admin = await factory.SignedInAsync("admin");

        var first = await PerformanceKit.ComputeAsync(admin, "2025-02");
        var second = await PerformanceKit.ComputeAsync(admin, "2025-02");

        second["number"]!.GetValue<int>().ShouldBe(first["number"]!.GetValue<int>() + 1);
        foreach (var code in new[] { "411300", "410102", "410100", "411000" })
        {
            var a = await Drill(admin, "2025-02", first["number"]!.GetValue<int>(), code);
            var b = await Drill(admin, "2025-02", second["number"]!.GetValue<int>(), code);
            b["score"]!.GetValue<decimal>().ShouldBe(a["score"]!.GetValue<decimal>());
            b["rank"]!.GetValue<int>().ShouldBe(a["rank"]!.GetValue<int>());
            b["indicators"]!.ToJsonString().ShouldBe(a["indicators"]!.ToJsonString());
        }

        (await Drill(admin, "2025-02", first["number"]!.GetValue<int>(), "410102"))["score"]!.GetValue<decimal>().ShouldBe(94m);
    }

    [Fact]
    public async Task Publish_FreezesTheRunAndSupersedesThePreviousOne()
    {
        var admin = await factory.SignedInAsync("admin");
        var first = (await PerformanceKit.ComputeAsync(admin, "2025-03"))["number"]!.GetValue<int>();
        var second = (await PerformanceKit.ComputeAsync(admin, "2025-03"))["number"]!.GetValue<int>();

        await PerformanceKit.PublishAsync(admin, "2025-03", first);
        await PerformanceKit.PublishAsync(admin, "2025-03", second);

        var runs = await PerformanceKit.OkAsync(await admin.GetAsync("/api/v1/performance/runs?month=2025-03", Ct));
        runs.AsArray().Single(r => r!["number"]!.GetValue<int>() == first)!["status"]!.GetValue<string>().ShouldBe("superseded");
        runs.AsArray().Single(r => r!["number"]!.GetValue<int>() == second)!["status"]!.GetValue<string>().ShouldBe("published");
        await (await admin.PostAsync($"/api/v1/performance/runs/2025-03/{first}/publish", null, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "performance.run_frozen");
        var board = await PerformanceKit.OkAsync(await factory.CreateClient().GetAsync("/api/v1/performance/scores?month=2025-03", Ct));
        board["runNumber"]!.GetValue<int>().ShouldBe(second);
    }

    [Fact]
    public async Task Compute_BadOrUnfinishedMonth_IsRefused()
    {
        var admin = await factory.SignedInAsync("admin");
        var thisMonth = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM");

        await (await admin.PostAsJsonAsync("/api/v1/performance/runs", new { month = thisMonth }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "performance.month_not_over");
        await (await admin.PostAsJsonAsync("/api/v1/performance/runs", new { month = "2025-13" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        await (await (await factory.SignedInAsync("xuchang.admin")).PostAsJsonAsync("/api/v1/performance/runs", new { month = "2025-01" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await factory.CreateClient().GetAsync("/api/v1/performance/scores?month=2025/01", Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        await (await factory.CreateClient().GetAsync("/api/v1/performance/scores?month=2024-01", Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "performance.nothing_published");
    }

    [Fact]
    public async Task Board_IsPublic_RanksWithinALevel_ShowsTheTrend_AndNoRecordsOrPeople()
    {
        // Months of 2024: no other test of the class publishes a run in the trend's six-month window.
        var admin = await factory.SignedInAsync("admin");
        factory.Reverse("411000", "case:trend-1");
        await PerformanceKit.PublishAsync(admin, "2024-05", (await PerformanceKit.ComputeAsync(admin, "2024-05"))["number"]!.GetValue<int>());
        factory.Reverse("411000", "case:secret-ref-1", "case:secret-ref-2", "case:secret-ref-3");
        await PerformanceKit.PublishAsync(admin, "2024-06", (await PerformanceKit.ComputeAsync(admin, "2024-06"))["number"]!.GetValue<int>());

        var response = await factory.CreateClient().GetAsync("/api/v1/performance/scores?month=2024-06", Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var board = await PerformanceKit.OkAsync(response);

        var xuchang = PerformanceKit.Row(board, "411000");
        xuchang["score"]!.GetValue<decimal>().ShouldBe(94m);
        xuchang["rank"]!.GetValue<int>().ShouldBe(3, "last of the three cities; counties are ranked apart");
        xuchang["levelName"]!.GetValue<string>().ShouldBe("市级");
        xuchang["trend"]!.AsArray().Select(t => t!["month"]!.GetValue<string>() + ":" + t["score"]!.GetValue<decimal>().ToString("0.##", System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(["2024-05:98", "2024-06:94"]);
        PerformanceKit.Row(board, "411002")["rank"]!.GetValue<int>().ShouldBe(1);
        text.ShouldNotContain("secret-ref");
        text.ShouldNotContain("recordRefs");
        text.ShouldNotContain("管理员", Case.Sensitive, "no person who computed or published");
        board["indicators"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == "negative_incidents")!["measured"]!.GetValue<bool>().ShouldBeTrue();

        var page = await factory.CreateClient().GetAsync("/performance?month=2024-06", Ct);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync(Ct);
        html.ShouldContain("许昌市交通运输综合行政执法支队");
        html.ShouldContain("复议诉讼纠错 −6");
        html.ShouldNotContain("暂无数据", Case.Sensitive, "every indicator of the default catalogue is measured since issue #10");
        html.ShouldNotContain("secret-ref");

        var excel = await factory.CreateClient().GetAsync("/api/v1/performance/scores.xlsx?month=2024-06", Ct);
        excel.StatusCode.ShouldBe(HttpStatusCode.OK);
        excel.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var bytes = await excel.Content.ReadAsByteArrayAsync(Ct);
        bytes.Take(2).ShouldBe("PK"u8.ToArray(), "an .xlsx is a zip");
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.Count.ShouldBe(12);
        var row = rows.Single(r => (string?)r["单位编码"] == "411000");
        Convert.ToDecimal(row["得分"]).ShouldBe(94m);
        Convert.ToDecimal(row["负面舆情和违纪事件扣分（满分4）"]).ShouldBe(0m, "measured by the inspections: none with a breach that month");
    }

    [Fact]
    public async Task DispatchHitRate_IsMeasuredFromSurveillanceAlerts_WithTheMissesAsRecords()
    {
        var xuchang = factory.Services.GetRequiredService<IAgencyDirectory>().Current.FindByCode("411000")!.Id;
        var chinaMidnight = new DateTimeOffset(2025, 4, 30, 16, 0, 0, TimeSpan.Zero); // 2025-05-01 00:00 in China
        await AlertAsync(xuchang, chinaMidnight.AddDays(-3), dispatched: true, AlertOutcomes.Seized);
        var falseHit = await AlertAsync(xuchang, chinaMidnight.AddMinutes(-1), dispatched: true, AlertOutcomes.FalseHit);
        await AlertAsync(xuchang, chinaMidnight.AddDays(-2), dispatched: false, AlertOutcomes.FalseHit);
        await AlertAsync(xuchang, chinaMidnight, dispatched: true, AlertOutcomes.NotFound);
        var admin = await factory.SignedInAsync("admin");

        var number = (await PerformanceKit.ComputeAsync(admin, "2025-04"))["number"]!.GetValue<int>();

        var hitRate = (await Drill(admin, "2025-04", number, "411000"))["indicators"]!.AsArray()
            .Single(i => i!["code"]!.GetValue<string>() == "dispatch_hit_rate")!;
        hitRate["noData"]!.GetValue<bool>().ShouldBeFalse();
        hitRate["total"]!.GetValue<int>().ShouldBe(2, "dispatched and closed in April (China time) only");
        hitRate["failures"]!.GetValue<int>().ShouldBe(1);
        hitRate["deducted"]!.GetValue<decimal>().ShouldBe(2.5m, "50 % against a target of 60 % and a floor of 20 %");
        hitRate["recordRefs"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe([$"alert:{falseHit}"]);
        var nanyang = (await Drill(admin, "2025-04", number, "411300"))["indicators"]!.AsArray()
            .Single(i => i!["code"]!.GetValue<string>() == "dispatch_hit_rate")!;
        nanyang["total"]!.GetValue<int>().ShouldBe(0);
        nanyang["deducted"]!.GetValue<decimal>().ShouldBe(0m);
    }

    [Theory]
    [InlineData("2026-11-14T15:59:59Z", 15, false)] // 14 Nov 23:59 in China
    [InlineData("2026-11-14T16:00:00Z", 15, true)] // 15 Nov 00:00 in China
    [InlineData("2026-12-01T00:00:00Z", 1, true)]
    public void MonthlyJob_ScoresLastMonthFromItsDayOfTheMonth_ChinaDate(string now, int day, bool due) =>
        Vanguard.Server.Modules.Performance.Scoring.MonthlyScoringJob.IsDue(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), day)
            .ShouldBe(due);

    [Fact]
    public async Task MonthlyJob_ComputesLastMonthOnce_AndDoesNotPublish()
    {
        var job = factory.Services.GetRequiredService<Vanguard.Server.Modules.Performance.Scoring.MonthlyScoringJob>();
        var lastMonth = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddMonths(-1).ToString("yyyy-MM");

        (await job.RunDueAsync(Ct)).ShouldBeTrue();
        (await job.RunDueAsync(Ct)).ShouldBeFalse("last month has a run already");

        var runs = await PerformanceKit.OkAsync(await (await factory.SignedInAsync("admin")).GetAsync($"/api/v1/performance/runs?month={lastMonth}", Ct));
        var run = runs.AsArray().ShouldHaveSingleItem()!;
        run["status"]!.GetValue<string>().ShouldBe("computed");
        run["reason"]!.GetValue<string>().ShouldBe("每月自动评分");
    }

    [Fact]
    public async Task StationOverloadRate_IsMeasuredFromWeighings_OverTheSubtree()
    {
        var tree = factory.Services.GetRequiredService<IAgencyDirectory>().Current;
        var weidu = tree.FindByCode("411002")!.Id;
        var yuzhou = tree.FindByCode("411081")!.Id;
        var october = new DateTimeOffset(2025, 10, 15, 10, 0, 0, TimeSpan.FromHours(8));
        var overloaded = await WeighingsAsync(weidu, october, count: 1, verdict: 1);
        await WeighingsAsync(weidu, october, count: 19, verdict: 0);
        await WeighingsAsync(yuzhou, october, count: 30, verdict: 0);
        await WeighingsAsync(yuzhou, october.AddMonths(1), count: 5, verdict: 1);
        var admin = await factory.SignedInAsync("admin");

        var number = (await PerformanceKit.ComputeAsync(admin, "2025-10"))["number"]!.GetValue<int>();

        var weiduRate = await OverloadAsync(admin, number, "411002");
        weiduRate["failures"]!.GetValue<int>().ShouldBe(1);
        weiduRate["total"]!.GetValue<int>().ShouldBe(20);
        weiduRate["deducted"]!.GetValue<decimal>().ShouldBe(10m, "5 % is over the 2 % threshold");
        weiduRate["recordRefs"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe([$"weighing:{overloaded[0]}"]);
        var yuzhouRate = await OverloadAsync(admin, number, "411081");
        yuzhouRate["total"]!.GetValue<int>().ShouldBe(30, "November's weighings are not October's");
        yuzhouRate["deducted"]!.GetValue<decimal>().ShouldBe(0m);
        var city = await OverloadAsync(admin, number, "411000");
        city["failures"]!.GetValue<int>().ShouldBe(1);
        city["total"]!.GetValue<int>().ShouldBe(50, "a city is scored over its counties");
        city["deducted"]!.GetValue<decimal>().ShouldBe(0m, "2 % is not over the threshold");
    }

    private static async Task<JsonNode> OverloadAsync(HttpClient admin, int number, string code) =>
        (await Drill(admin, "2025-10", number, code))["indicators"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == "station_overload_rate")!;

    private async Task<List<long>> WeighingsAsync(Guid agencyId, DateTimeOffset at, int count, int verdict)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        var db = scope.ServiceProvider.GetRequiredService<VanguardDbContext>();
        var rows = Enumerable.Range(0, count).Select(i => new WimRecord
        {
            DeviceId = Guid.NewGuid(), AgencyId = agencyId, RecordId = Guid.NewGuid().ToString("N"), CapturedAtMs = at.AddMinutes(i).ToUnixTimeMilliseconds(),
            CapturedOffsetMinutes = 480, ReceivedAtMs = at.AddMinutes(i).ToUnixTimeMilliseconds(), Plate = "豫K12345", PlateColor = "yellow", AxleCount = 6,
            VehicleKind = "combination", AxleWeightsKg = "7000,9000,9000,9000,9000,9000", GrossWeightKg = 52_000, Verdict = verdict, LimitKg = 49_000,
            PenaltyKind = verdict == 1 ? "fine" : "none", EvidenceUsable = true,
        }).ToList();
        db.AddRange(rows);
        await db.SaveChangesAsync(Ct);
        return rows.Select(r => r.Id).ToList();
    }

    private async Task<Guid> AlertAsync(Guid agencyId, DateTimeOffset raisedAt, bool dispatched, string outcome)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        var db = scope.ServiceProvider.GetRequiredService<VanguardDbContext>();
        var alert = new Alert
        {
            Id = Guid.CreateVersion7(), AgencyId = agencyId, WatchlistId = Guid.NewGuid(), EntryId = Guid.NewGuid(), ReadId = 1, DeviceId = Guid.NewGuid(),
            DeviceName = "许昌东站出站口卡口", Plate = "豫K12345", PlateColor = "blue", EntryPlate = "豫K12345", MatchKind = MatchKinds.Exact, ConfidencePermille = 950,
            CapturedAt = raisedAt, ReadReceivedAt = raisedAt, RaisedAt = raisedAt, LastSeenAt = raisedAt, UpdatedAt = raisedAt,
            Status = AlertStatuses.Closed, TaskId = dispatched ? Guid.NewGuid() : null, Outcome = outcome, ClosedAt = raisedAt.AddHours(1),
        };
        db.Add(alert);
        await db.SaveChangesAsync(Ct);
        return alert.Id;
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> Drill(HttpClient client, string month, int number, string code) =>
        await PerformanceKit.OkAsync(await client.GetAsync($"/api/v1/performance/runs/{month}/{number}/agencies/{code}", Ct));
}
