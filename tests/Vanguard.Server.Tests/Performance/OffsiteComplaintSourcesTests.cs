using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Vanguard.Domain.Complaints;
using Vanguard.Domain.Performance;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Complaints.Data;
using Vanguard.Server.Modules.Complaints.Jobs;
using Vanguard.Server.Modules.Offsite.Data;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Performance.Contracts;
using Vanguard.Server.Modules.Surveillance.Alerts;
using Vanguard.Server.Modules.Surveillance.Data;

namespace Vanguard.Server.Tests.Performance;

/// <summary>
/// The platform on a clock the test moves (as <c>ComplaintsFactory</c>), the monthly scoring job off and the complaints' breach job
/// driven by nobody (the sources judge the timers themselves).
/// </summary>
public sealed class SourcesFactory : VanguardFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    // Complaints of the current month are counted here: the demo complaints would be counted too.
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [new("Vanguard:Performance:JobEnabled", "false"), new("Vanguard:Complaints:DemoComplaints", "false")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationFactory is not null
                && d.ImplementationFactory.Method.ReturnType == typeof(BreachJob)));
        });
    }
}

/// <summary>
/// The data sources of Offsite (5-day review, repeat offenders, overload rate) and Complaints (two musts), and the evaluator's
/// description of every source's records: each source in a month of its own, with failing and passing records, through the run's drill-down.
/// </summary>
public sealed class OffsiteComplaintSourcesTests(SourcesFactory factory) : IClassFixture<SourcesFactory>
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static CancellationToken Ct => ApiClient.Ct;

    [Fact]
    public async Task ReviewedWithin5Days_LateAndOverduePendingReviewsFail_OverTheSubtree()
    {
        var weidu = Agency("411002");
        var yuzhou = Agency("411081");
        var captured = new DateTimeOffset(2025, 3, 10, 9, 0, 0, China);
        var due = new DateOnly(2025, 3, 17);
        var onDueDay = await ReviewAsync(weidu, "豫K5D001", captured, due, ReviewStatus.Confirmed, new DateTimeOffset(2025, 3, 17, 23, 30, 0, China));
        var dayLate = await ReviewAsync(weidu, "豫K5D002", captured.AddMinutes(1), due, ReviewStatus.Invalidated, new DateTimeOffset(2025, 3, 18, 8, 0, 0, China));
        var neverReviewed = await ReviewAsync(weidu, "豫K5D003", captured.AddMinutes(2), due, ReviewStatus.Pending, null);
        await ReviewAsync(yuzhou, "豫K5D004", captured, due, ReviewStatus.Confirmed, new DateTimeOffset(2025, 3, 11, 10, 0, 0, China));
        await ReviewAsync(weidu, "豫K5D005", new DateTimeOffset(2025, 4, 1, 0, 0, 0, China), new DateOnly(2025, 4, 8), ReviewStatus.Pending, null);
        var admin = await factory.SignedInAsync("admin");

        var number = await ComputeAsync(admin, "2025-03");

        var mine = await IndicatorAsync(admin, "2025-03", number, "411002", "offsite_review_5_days");
        mine["noData"]!.GetValue<bool>().ShouldBeFalse();
        mine["total"]!.GetValue<int>().ShouldBe(3, "April's capture is not March's");
        mine["failures"]!.GetValue<int>().ShouldBe(2, "reviewed the day after the due day, and never reviewed");
        Refs(mine).ShouldBe([$"weighing:{dayLate}", $"weighing:{neverReviewed}"]);
        (await IndicatorAsync(admin, "2025-03", number, "411081", "offsite_review_5_days"))["failures"]!.GetValue<int>().ShouldBe(0);
        var city = await IndicatorAsync(admin, "2025-03", number, "411000", "offsite_review_5_days");
        city["total"]!.GetValue<int>().ShouldBe(4);
        city["failures"]!.GetValue<int>().ShouldBe(2);
        Refs(city).ShouldNotContain($"weighing:{onDueDay}");
    }

    [Fact]
    public async Task ReviewedWithin5Days_APendingReviewFailsOnlyOnceItsDueDayIsOver_ByTheClock()
    {
        var agency = Agency("410122");
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().ToOffset(China).DateTime);
        var id = await ReviewAsync(agency, "豫A5C001", factory.Clock.GetUtcNow(), today.AddDays(2), ReviewStatus.Pending, null);
        var month = ScoringMonth.Of(factory.Clock.GetUtcNow());

        (await ReadAsync(SourceKeys.OffsiteReviewedWithin5Days, month, "410122")).Measurement.ShouldBe(new Measurement(0, 1), "not due yet");
        factory.Clock.Advance(TimeSpan.FromDays(3));
        var late = await ReadAsync(SourceKeys.OffsiteReviewedWithin5Days, month, "410122");
        late.Measurement.ShouldBe(new Measurement(1, 1), "still pending after its due day");
        late.RecordRefs.ShouldBe([$"weighing:{id}"]);
    }

    [Fact]
    public async Task RepeatOffenders_AVehicleAlreadyConfirmedBefore_CountsOncePerVehicle_WithItsFirstRepeatWeighing()
    {
        var weidu = Agency("411002");
        var yuzhou = Agency("411081");
        DateTimeOffset On(int month, int day) => new(2025, month, day, 10, 0, 0, China);
        // 豫K7R001: a case in June; back at 魏都 twice and at 禹州 once in July.
        await ReviewAsync(yuzhou, "豫K7R001", On(6, 10), new DateOnly(2025, 6, 17), ReviewStatus.Confirmed, On(6, 11));
        var firstRepeat = await ReviewAsync(weidu, "豫K7R001", On(7, 5), new DateOnly(2025, 7, 11), ReviewStatus.Pending, null);
        await ReviewAsync(weidu, "豫K7R001", On(7, 20), new DateOnly(2025, 7, 25), ReviewStatus.Confirmed, On(7, 21));
        var yuzhouRepeat = await ReviewAsync(yuzhou, "豫K7R001", On(7, 10), new DateOnly(2025, 7, 17), ReviewStatus.Confirmed, On(7, 11));
        // 豫K7R002: June's record was invalidated; 豫K7R003: June's is still pending. Neither was dealt with.
        await ReviewAsync(weidu, "豫K7R002", On(6, 3), new DateOnly(2025, 6, 10), ReviewStatus.Invalidated, On(6, 4));
        await ReviewAsync(weidu, "豫K7R002", On(7, 3), new DateOnly(2025, 7, 10), ReviewStatus.Pending, null);
        await ReviewAsync(weidu, "豫K7R003", On(6, 3), new DateOnly(2025, 6, 10), ReviewStatus.Pending, null);
        await ReviewAsync(weidu, "豫K7R003", On(7, 3), new DateOnly(2025, 7, 10), ReviewStatus.Confirmed, On(7, 4));
        // 豫K7R004: a case before, but July's weighing was invalidated (cloned plate): no offence of the vehicle.
        await ReviewAsync(weidu, "豫K7R004", On(5, 3), new DateOnly(2025, 5, 9), ReviewStatus.Confirmed, On(5, 4));
        await ReviewAsync(weidu, "豫K7R004", On(7, 8), new DateOnly(2025, 7, 15), ReviewStatus.Invalidated, On(7, 9));
        // 豫K7R005: its first case in July, back at 禹州 later that month.
        await ReviewAsync(yuzhou, "豫K7R005", On(7, 2), new DateOnly(2025, 7, 9), ReviewStatus.Confirmed, On(7, 3));
        var withinMonth = await ReviewAsync(yuzhou, "豫K7R005", On(7, 25), new DateOnly(2025, 7, 31), ReviewStatus.Pending, null);
        // 豫K7R006: weighed on 3 and 5 July, the first confirmed only on 8 July: nothing had been dealt with when it came back.
        await ReviewAsync(yuzhou, "豫K7R006", On(7, 3), new DateOnly(2025, 7, 10), ReviewStatus.Confirmed, On(7, 8));
        await ReviewAsync(yuzhou, "豫K7R006", On(7, 5), new DateOnly(2025, 7, 11), ReviewStatus.Pending, null);
        var admin = await factory.SignedInAsync("admin");

        var number = await ComputeAsync(admin, "2025-07");

        var mine = await IndicatorAsync(admin, "2025-07", number, "411002", "repeat_offenders");
        mine["total"]!.GetValue<int>().ShouldBe(3, "豫K7R001, 002 and 003 were overloaded there in July; 004's only July record was invalidated");
        mine["failures"]!.GetValue<int>().ShouldBe(1, "豫K7R001 once, though it came back twice");
        mine["deducted"]!.GetValue<decimal>().ShouldBe(1m);
        Refs(mine).ShouldBe([$"weighing:{firstRepeat}"]);
        var theirs = await IndicatorAsync(admin, "2025-07", number, "411081", "repeat_offenders");
        theirs["total"]!.GetValue<int>().ShouldBe(3);
        theirs["failures"]!.GetValue<int>().ShouldBe(2, "豫K7R006 came back before its first case was confirmed");
        Refs(theirs).ShouldBe(new[] { yuzhouRepeat, withinMonth }.Order().Select(id => $"weighing:{id}"));
        var city = await IndicatorAsync(admin, "2025-07", number, "411000", "repeat_offenders");
        city["total"]!.GetValue<int>().ShouldBe(5);
        city["failures"]!.GetValue<int>().ShouldBe(2, "豫K7R001 counts once in the city, at its first repeat (魏都, 5 July)");
        Refs(city).ShouldBe(new[] { firstRepeat, withinMonth }.Order().Select(id => $"weighing:{id}"));
    }

    [Fact]
    public async Task TwoMusts_LateOrMissingMustsFail_AndAMissingOneOnlyOnceOverdue_ByTheClock()
    {
        // A fresh sign-in after each move of the clock: a bearer token lives an hour of the (fake) clock.
        var handler = await factory.SignedInAsync("zhengzhou.command");
        var onTime = await FileAsync(handler, "13800000001");
        var lateContact = await FileAsync(handler, "13800000002");
        var noOnsite = await FileAsync(handler, "13800000003");
        var month = ScoringMonth.Of(factory.Clock.GetUtcNow());
        factory.Clock.Advance(TimeSpan.FromMinutes(30));
        handler = await factory.SignedInAsync("zhengzhou.command");
        await StepAsync(handler, onTime, "contact", new { note = "已电话联系投诉人和驾驶员" });
        await StepAsync(handler, noOnsite, "contact", new { note = "已电话联系投诉人" });
        factory.Clock.Advance(TimeSpan.FromMinutes(30));
        handler = await factory.SignedInAsync("zhengzhou.command");
        await StepAsync(handler, onTime, "onsite", new { lat = 34.72, lon = 113.98, note = "已到白沙收费站" });
        factory.Clock.Advance(TimeSpan.FromHours(2));
        handler = await factory.SignedInAsync("zhengzhou.command");
        await StepAsync(handler, lateContact, "contact", new { note = "超时后联系" });
        await StepAsync(handler, lateContact, "onsite", new { lat = 34.72, lon = 113.98 });

        var early = await ReadAsync(SourceKeys.ComplaintsTwoMustsOnTime, month, "410122");
        early.Measurement.ShouldBe(new Measurement(1, 3), "on site is not due for the third yet");
        early.RecordRefs.ShouldBe([$"complaint:{lateContact}"]);
        factory.Clock.Advance(TimeSpan.FromHours(22));
        var late = await ReadAsync(SourceKeys.ComplaintsTwoMustsOnTime, month, "410122");
        late.Measurement.ShouldBe(new Measurement(2, 3));
        late.RecordRefs.ShouldBe(new[] { lateContact, noOnsite }.Order().Select(id => $"complaint:{id}"));
        (await ReadAsync(SourceKeys.ComplaintsTwoMustsOnTime, month, "410100")).Measurement.ShouldBe(new Measurement(2, 3), "the city over its county");
        (await ReadAsync(SourceKeys.ComplaintsTwoMustsOnTime, month, "411000")).Measurement.ShouldBe(new Measurement(0, 0));

        var facts = (await DescribeAsync(SourceKeys.ComplaintsTwoMustsOnTime, [$"complaint:{lateContact}", "complaint:" + Guid.NewGuid()])).ShouldHaveSingleItem();
        facts.Kind.ShouldBe("投诉举报");
        Fact(facts, "类型").ShouldBe("投诉举报");
        Fact(facts, "首次联系").ShouldBe("超时完成");
        Fact(facts, "到达现场").ShouldBe("按时");
        Fact(facts, "办理阶段").ShouldBe("已到场");
        var text = JsonSerializer.Serialize(facts);
        foreach (var personal in new[] { "赵六", "13800000002", "8000000002", "豫A12345", "辱骂", "白沙收费站" })
        {
            text.ShouldNotContain(personal, Case.Sensitive, "no name, phone, accused, description or place text");
        }
    }

    [Fact]
    public async Task TwoMusts_InAPastMonth_DrillDownNamesTheComplaints()
    {
        var xuchang = Agency("411000");
        var received = new DateTimeOffset(2025, 9, 8, 9, 0, 0, China);
        await ComplaintAsync(xuchang, received, contactedAfter: TimeSpan.FromHours(1), onsiteAfter: TimeSpan.FromHours(20));
        var missed = await ComplaintAsync(xuchang, received.AddMinutes(5), contactedAfter: TimeSpan.FromHours(1), onsiteAfter: null);
        await ComplaintAsync(xuchang, new DateTimeOffset(2025, 10, 1, 0, 0, 0, China), contactedAfter: null, onsiteAfter: null);
        var admin = await factory.SignedInAsync("admin");

        var number = await ComputeAsync(admin, "2025-09");

        var two = await IndicatorAsync(admin, "2025-09", number, "411000", "complaint_two_musts");
        two["total"]!.GetValue<int>().ShouldBe(2);
        two["failures"]!.GetValue<int>().ShouldBe(1);
        two["deducted"]!.GetValue<decimal>().ShouldBe(7m, "50 % is below the 80 % floor");
        Refs(two).ShouldBe([$"complaint:{missed}"]);
        (await IndicatorAsync(admin, "2025-09", number, "411300", "complaint_two_musts"))["total"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task TwoMusts_ABreachWarnedBeforeAReassignment_StaysMissed()
    {
        var xuchang = Agency("411000");
        var received = new DateTimeOffset(2025, 11, 6, 9, 0, 0, China);
        // Reassigned after missing the first call: the new timers were met, but the warning written before stays.
        var reassigned = await ComplaintAsync(xuchang, received, contactedAfter: TimeSpan.FromHours(1), onsiteAfter: TimeSpan.FromHours(20));
        await ComplaintAsync(xuchang, received.AddMinutes(1), contactedAfter: TimeSpan.FromHours(1), onsiteAfter: TimeSpan.FromHours(20));
        await WithDbAsync(async db =>
        {
            db.Add(new ComplaintWarning
            {
                Id = Guid.CreateVersion7(), ComplaintId = reassigned, AgencyId = Agency("411002"), Must = "contact",
                DueAt = received.AddHours(-1).ToUniversalTime(), BreachedAt = received.ToUniversalTime(),
            });
            await db.SaveChangesAsync(Ct);
            return 0;
        });
        var admin = await factory.SignedInAsync("admin");

        var number = await ComputeAsync(admin, "2025-11");

        var two = await IndicatorAsync(admin, "2025-11", number, "411000", "complaint_two_musts");
        two["total"]!.GetValue<int>().ShouldBe(2);
        two["failures"]!.GetValue<int>().ShouldBe(1);
        Refs(two).ShouldBe([$"complaint:{reassigned}"]);
    }

    [Fact]
    public async Task Upheld_CountsFoundTrueComplaintsAboutOfficers_AgainstTheOfficersAgency_InTheMonthOfTheFinding()
    {
        var nanyang = Agency("411300");
        var xuchang = Agency("411000");
        var found = new DateTimeOffset(2025, 7, 10, 10, 0, 0, China);
        // Handled by 许昌, about a 南阳 officer: the officer's agency answers for the conduct.
        var upheld = await FoundAsync(xuchang, nanyang, ComplaintFinding.Substantiated, found);
        var partly = await FoundAsync(nanyang, nanyang, ComplaintFinding.PartlySubstantiated, found.AddDays(3));
        await FoundAsync(nanyang, nanyang, ComplaintFinding.Unsubstantiated, found.AddDays(4));
        await FoundAsync(nanyang, null, ComplaintFinding.Substantiated, found.AddDays(5)); // about an operator, not an officer
        await FoundAsync(nanyang, nanyang, ComplaintFinding.Substantiated, new DateTimeOffset(2025, 8, 1, 0, 0, 0, China)); // next month
        var admin = await factory.SignedInAsync("admin");

        var number = await ComputeAsync(admin, "2025-07");

        var conduct = await IndicatorAsync(admin, "2025-07", number, "411300", "complaints_upheld");
        conduct["total"]!.GetValue<int>().ShouldBe(3);
        conduct["failures"]!.GetValue<int>().ShouldBe(2);
        conduct["deducted"]!.GetValue<decimal>().ShouldBe(4m, "2 points each");
        Refs(conduct).ShouldBe(new[] { upheld, partly }.Order().Select(id => $"complaint:{id}"));
        (await IndicatorAsync(admin, "2025-07", number, "411000", "complaints_upheld"))["failures"]!.GetValue<int>().ShouldBe(0);

        var facts = (await DescribeAsync(SourceKeys.ComplaintsUpheld, [$"complaint:{partly}"])).ShouldHaveSingleItem();
        Fact(facts, "调查结论").ShouldBe("部分属实");
        Fact(facts, "涉及执法人员").ShouldBe("是");
        JsonSerializer.Serialize(facts).ShouldNotContain("钱七");
    }

    private Task<Guid> FoundAsync(Guid agencyId, Guid? officerAgencyId, string finding, DateTimeOffset foundAt) => WithDbAsync(async db =>
    {
        var at = foundAt.ToUniversalTime();
        var complaint = new Complaint
        {
            Id = Guid.CreateVersion7(), AgencyId = agencyId, Source = "hotline", Type = "complaint", Domain = "road_transport", Place = "南阳东站",
            OccurredAt = at.AddDays(-3), ComplainantName = "钱七", ComplainantPhone = "13700000007", Accused = "执法人员", Description = "态度粗暴。",
            AccusedOfficerId = officerAgencyId is null ? null : Guid.NewGuid(), AccusedOfficerAgencyId = officerAgencyId,
            Status = ComplaintStatuses.Handled, ReceivedAt = at.AddDays(-2), ReceivedBy = "测试", AssignedAt = at.AddDays(-2),
            ContactDueAt = at.AddDays(-2).AddHours(2), OnsiteDueAt = at.AddDays(-1), ContactedAt = at.AddDays(-2).AddHours(1), OnsiteAt = at.AddDays(-1).AddHours(-1),
            Finding = finding, FindingAt = at,
        };
        db.Add(complaint);
        await db.SaveChangesAsync(Ct);
        return complaint.Id;
    });

    [Fact]
    public async Task Describe_Weighings_MaskThePlate_AndSayTheStationAndReview()
    {
        var station = await StationAsync("411002");
        var captured = new DateTimeOffset(2025, 2, 14, 15, 30, 0, China);
        var id = await ReviewAsync(Agency("411002"), "豫K9W345", captured, new DateOnly(2025, 2, 21), ReviewStatus.Invalidated,
            new DateTimeOffset(2025, 2, 24, 9, 0, 0, China), station.Id, "cloned_plate");

        foreach (var key in new[] { SourceKeys.OffsiteReviewedWithin5Days, SourceKeys.RepeatOffenders, SourceKeys.StationOverloadRate })
        {
            var facts = (await DescribeAsync(key, [$"weighing:{id}", "weighing:999999999", "alert:" + Guid.NewGuid()])).ShouldHaveSingleItem();
            facts.RecordRef.ShouldBe($"weighing:{id}");
            facts.At.ShouldBe(captured);
            Fact(facts, "检测时间").ShouldBe("2025-02-14 15:30");
            Fact(facts, "检测站").ShouldBe($"{station.Code} 许昌魏都治超检测站");
            Fact(facts, "车辆").ShouldBe("豫K·***45（黄色号牌）");
            Fact(facts, "判定").ShouldBe("超限 3.00 吨（6.12%）");
            Fact(facts, "审核状态").ShouldBe("已作废（套牌）");
            Fact(facts, "审核期限").ShouldBe("2025-02-21");
            JsonSerializer.Serialize(facts).ShouldNotContain("9W345");
        }
    }

    [Fact]
    public async Task Describe_DispatchedAlerts_MaskThePlate_AndLeaveOutTheOfficerAndNote()
    {
        var raised = new DateTimeOffset(2025, 5, 6, 8, 0, 0, China);
        var id = await AlertAsync(Agency("411000"), raised);

        var facts = (await DescribeAsync(SourceKeys.DispatchHitRate, [$"alert:{id}", "alert:not-a-guid"])).ShouldHaveSingleItem();

        facts.Kind.ShouldBe("布控预警");
        facts.At.ShouldBe(raised);
        Fact(facts, "卡口").ShouldBe("许昌东站出站口卡口");
        Fact(facts, "车辆").ShouldBe("豫K·***78（蓝色号牌）");
        Fact(facts, "处置结果").ShouldBe("误报");
        Fact(facts, "核实命中").ShouldBe("否");
        var text = JsonSerializer.Serialize(facts);
        foreach (var personal in new[] { "豫KQ5678", "王五", "13912345678" })
        {
            text.ShouldNotContain(personal);
        }
    }

    private Guid Agency(string code) => factory.Services.GetRequiredService<IAgencyDirectory>().Current.FindByCode(code)!.Id;

    private static IReadOnlyList<string> Refs(JsonNode indicator) => indicator["recordRefs"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();

    private static string Fact(RecordFacts facts, string label) => facts.Facts.Single(f => f.Key == label).Value;

    private static async Task<int> ComputeAsync(HttpClient admin, string month) =>
        (await PerformanceKit.ComputeAsync(admin, month))["number"]!.GetValue<int>();

    private static async Task<JsonNode> IndicatorAsync(HttpClient client, string month, int number, string agencyCode, string indicator) =>
        (await PerformanceKit.OkAsync(await client.GetAsync($"/api/v1/performance/runs/{month}/{number}/agencies/{agencyCode}", Ct)))["indicators"]!
        .AsArray().Single(i => i!["code"]!.GetValue<string>() == indicator)!;

    private async Task<SourceReading> ReadAsync(string key, ScoringMonth month, string agencyCode)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        var tree = scope.ServiceProvider.GetRequiredService<IAgencyDirectory>().Current;
        var agency = tree.FindByCode(agencyCode)!;
        var source = scope.ServiceProvider.GetServices<IIndicatorSource>().Last(s => s.Key == key);
        var readings = await source.ComputeAsync([new ScoredAgency(agency.Id, tree.Subtree(agency.Id))], month, Ct);
        return readings.GetValueOrDefault(agency.Id) ?? new SourceReading(new Measurement(0, 0), []);
    }

    private async Task<RecordFacts[]> DescribeAsync(string key, IReadOnlyList<string> refs)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        var source = scope.ServiceProvider.GetServices<IIndicatorSource>().Last(s => s.Key == key);
        return [.. await source.DescribeAsync(refs, Ct)];
    }

    private async Task<T> WithDbAsync<T>(Func<VanguardDbContext, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        return await work(scope.ServiceProvider.GetRequiredService<VanguardDbContext>());
    }

    /// <summary>An overloaded 6-axle weighing (52 t against 49 t) and its review item.</summary>
    private Task<long> ReviewAsync(
        Guid agencyId, string plate, DateTimeOffset captured, DateOnly due, ReviewStatus status, DateTimeOffset? reviewedAt, Guid? stationId = null,
        string? invalidReason = null) => WithDbAsync(async db =>
    {
        var deviceId = stationId ?? Guid.NewGuid();
        var record = new WimRecord
        {
            DeviceId = deviceId, AgencyId = agencyId, RecordId = Guid.NewGuid().ToString("N"), CapturedAtMs = captured.ToUnixTimeMilliseconds(),
            CapturedOffsetMinutes = 480, ReceivedAtMs = captured.ToUnixTimeMilliseconds(), Plate = plate, PlateColor = "yellow", AxleCount = 6,
            VehicleKind = "combination", AxleWeightsKg = "7000,9000,9000,9000,9000,9000", GrossWeightKg = 52_000, Verdict = 1, LimitKg = 49_000,
            OverKg = 3_000, OverBasisPoints = 612, PenaltyKind = "fine", PenaltyFen = 50_000, EvidenceUsable = true,
        };
        db.Add(record);
        await db.SaveChangesAsync(Ct);
        db.Add(new ReviewItem
        {
            Id = Guid.CreateVersion7(), WimRecordId = record.Id, DeviceId = deviceId, StationCode = "T-" + record.Id, AgencyId = agencyId, Plate = plate,
            PlateColor = "yellow", CapturedAtMs = record.CapturedAtMs, OverKg = 3_000, PenaltyFen = 50_000, Status = status, ReviewDueOn = due,
            ReviewedBy = reviewedAt is null ? null : "测试审核员", ReviewedAt = reviewedAt?.ToUniversalTime(), InvalidReason = invalidReason,
            CaseId = status == ReviewStatus.Confirmed ? Guid.NewGuid() : null, CreatedAt = captured.ToUniversalTime(),
        });
        await db.SaveChangesAsync(Ct);
        return record.Id;
    });

    private async Task<DeviceInfo> StationAsync(string agencyCode)
    {
        var admin = await factory.SignedInAsync("admin");
        var code = "wim-" + Guid.NewGuid().ToString("N")[..8];
        var response = await admin.PostAsJsonAsync("/api/v1/devices", new
        {
            kind = "wim-station", code, name = "许昌魏都治超检测站", agencyCode, accuracyClass = 5,
            certificate = new { number = "JD-" + code, validFrom = "2025-01-01", validUntil = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd") },
        }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IDeviceDirectory>().FindAsync(code, Ct))!;
    }

    private static async Task<Guid> FileAsync(HttpClient client, string phone)
    {
        var body = await PerformanceKit.OkAsync(await client.PostAsJsonAsync("/api/v1/complaints",
            Complaints.ComplaintsFactory.Ticket(phone: phone, name: "赵六", placeAgency: "410122"), Ct), HttpStatusCode.Created);
        return body["id"]!.GetValue<Guid>();
    }

    private static async Task StepAsync(HttpClient client, Guid id, string step, object body) =>
        await PerformanceKit.OkAsync(await client.PostAsJsonAsync($"/api/v1/complaints/{id}/{step}", body, Ct));

    /// <summary>A complaint (type complaint: 2 h / 24 h) received at the given time, with the musts done after the given delays.</summary>
    private Task<Guid> ComplaintAsync(Guid agencyId, DateTimeOffset receivedAt, TimeSpan? contactedAfter, TimeSpan? onsiteAfter) => WithDbAsync(async db =>
    {
        var received = receivedAt.ToUniversalTime();
        var complaint = new Complaint
        {
            Id = Guid.CreateVersion7(), AgencyId = agencyId, Source = "staff", Type = "complaint", Domain = "road_transport", Place = "许昌东站",
            OccurredAt = received.AddHours(-1), ComplainantName = "钱七", ComplainantPhone = "13700000007", Accused = "出租车", Description = "绕路。",
            Status = onsiteAfter is null ? (contactedAfter is null ? ComplaintStatuses.Assigned : ComplaintStatuses.Contacted) : ComplaintStatuses.OnSite,
            ReceivedAt = received, ReceivedBy = "测试", AssignedAt = received, ContactDueAt = received.AddHours(2), OnsiteDueAt = received.AddHours(24),
            ContactedAt = received + contactedAfter, OnsiteAt = received + onsiteAfter,
        };
        db.Add(complaint);
        await db.SaveChangesAsync(Ct);
        return complaint.Id;
    });

    private Task<Guid> AlertAsync(Guid agencyId, DateTimeOffset raised) => WithDbAsync(async db =>
    {
        var raisedAt = raised.ToUniversalTime();
        var alert = new Alert
        {
            Id = Guid.CreateVersion7(), AgencyId = agencyId, WatchlistId = Guid.NewGuid(), EntryId = Guid.NewGuid(), ReadId = 1, DeviceId = Guid.NewGuid(),
            DeviceName = "许昌东站出站口卡口", Plate = "豫KQ5678", PlateColor = "blue", EntryPlate = "豫KQ5678", MatchKind = MatchKinds.Exact, ConfidencePermille = 950,
            CapturedAt = raisedAt, ReadReceivedAt = raisedAt, RaisedAt = raisedAt, LastSeenAt = raisedAt, UpdatedAt = raisedAt, Status = AlertStatuses.Closed,
            TaskId = Guid.NewGuid(), OfficerId = Guid.NewGuid(), OfficerName = "王五", DispatchedAt = raisedAt.AddMinutes(2), Outcome = AlertOutcomes.FalseHit,
            OutcomeNote = "车主王五 13912345678 称车辆已过户", ClosedAt = raisedAt.AddHours(1),
        };
        db.Add(alert);
        await db.SaveChangesAsync(Ct);
        return alert.Id;
    });
}
