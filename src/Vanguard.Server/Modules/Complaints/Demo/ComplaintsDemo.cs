using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vanguard.Domain.Complaints;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Complaints.Data;
using Vanguard.Server.Modules.Complaints.Features;
using Vanguard.Server.Modules.Evidence.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Terminal.Contracts;

namespace Vanguard.Server.Modules.Complaints.Demo;

/// <summary>
/// Five complaints for the demo province, one per stage worth showing: both musts missed (郑州, with its warnings), contacted
/// and waiting for the visit (中牟), closed with a satisfied visit (南阳), reopened after a dissatisfied one (许昌), and one
/// about an officer of the 中牟 team, on site and waiting for a reviewer from another team, whose terminal track and a scene photo
/// around the time of the event are in the trace. Times are relative to the start. Idempotent by a platform setting.
/// </summary>
internal sealed class ComplaintsDemoSeeder(
    VanguardDbContext db, IAgencyDirectory agencies, IOfficerDirectory officers, IOfficerTrack track, IOfficerClips clips, IAuditLog audit,
    TwoMustsTable sla, TimeProvider clock)
{
    public const string SeededKey = "demo.complaints.seeded";

    /// <summary>The demo province's own marker (Organisation's demo seeder writes it): no demo complaints on a real platform.</summary>
    private const string ProvinceSeededKey = "demo.seeded";

    /// <summary>A 4×3 blue PNG marked as demo data (its own content, so no test's or officer's photo is taken for it): the scene photo of the demo trace.</summary>
    private static readonly byte[] ScenePhoto = Convert.FromHexString(
        "89504E470D0A1A0A0000000D49484452000000040000000308020000003B9639910000002274455874436F6D6D656E740056616E67756172642064656D6F3A207363656E652070"
        + "686F746FC9E6FD500000001049444154789C6390CF3F01470C38390030E61009401A42090000000049454E44AE426082");

    public async Task<int> SeedAsync(CancellationToken ct)
    {
        var settings = await db.PlatformSettings.Select(s => s.Key).Where(k => k == SeededKey || k == ProvinceSeededKey).ToListAsync(ct);
        if (!settings.Contains(ProvinceSeededKey) || settings.Contains(SeededKey))
        {
            return 0;
        }

        var now = StoredTime.Of(clock.GetUtcNow());
        var created = new List<Complaint>();
        if (agencies.Current.FindByCode("410100") is { } zhengzhou)
        {
            // 1. Nobody phoned in 30 hours: both musts missed, both warned.
            var c = New("12328-DEMO-0001", "hotline", ComplaintType.Complaint, ComplaintDomain.UrbanPassenger, zhengzhou, "郑州东站东广场出租车上客区", 34.7606, 113.7781,
                now.AddHours(-31), now.AddHours(-30), "王建国", "13903710001", "豫A·T3K21 出租车驾驶员", "驾驶员拒载并辱骂乘客，要求依法处理。");
            Breach(c, Must.Contact, c.ContactDueAt.AddMinutes(1));
            Breach(c, Must.Onsite, c.OnsiteDueAt.AddMinutes(1));
            created.Add(c);

            // 5. About an officer of the 中牟 team, handled by the city: on site, waiting for a reviewer from another team (回避).
            var accused = agencies.Current.FindByCode("410122") is { } team
                ? (await officers.InAgencyAsync(team.Id, ct)).OrderBy(o => o.OfficerNo, StringComparer.Ordinal).LastOrDefault()
                : null;
            if (accused is not null)
            {
                var occurred = ChinaDay(now, -2).AddHours(10);
                var o = New("12328-DEMO-0005", "hotline", ComplaintType.Complaint, ComplaintDomain.RoadTransport, zhengzhou, "郑州市金水区农业路治超检查点",
                    34.7943, 113.6695, occurred, occurred.AddHours(5), "李秀兰", "13803710005", "治超检查点执法人员",
                    "执法人员检查时未出示执法证件，态度粗暴，要求核查。", accused.OfficerNo);
                (o.AccusedOfficerId, o.AccusedOfficerAgencyId, o.AccusedOfficerName) = (accused.Id, accused.AgencyId, accused.Name);
                Contact(o, o.AssignedAt.AddMinutes(40), "已联系投诉人，了解检查经过；已通知被投诉人所在单位。");
                Onsite(o, o.AssignedAt.AddHours(6), 34.7943, 113.6695, "到检查点调取执法记录，询问在场人员。");
                created.Add(o);
                // The officer's terminal track around the event (moving along 农业路) and a photo from the scene.
                var points = Enumerable.Range(0, 17)
                    .Select(i => new TrackPoint(occurred.AddMinutes(-80 + i * 10), 34.7943 + (i - 8) * 0.0004, 113.6695 + (i - 8) * 0.0011, 8))
                    .ToList();
                await track.AddDemoTrackAsync(accused.Id, points, ct);
                await clips.AddDemoRecordingAsync(accused.Id, occurred.AddMinutes(-10), occurred.AddMinutes(-10), "现场照片-农业路检查点.png", "image/png",
                    ScenePhoto, "terminal", ct);
            }
        }

        if (agencies.Current.FindByCode("410122") is { } zhongmou)
        {
            // 2. Phoned on time, the visit on site still to come.
            var c = New("12328-DEMO-0002", "hotline", ComplaintType.Suggestion, ComplaintDomain.HighwayAdministration, zhongmou, "S223 中牟段 K18 路面坑槽",
                34.6420, 114.0120, now.AddHours(-4), now.AddHours(-3), "张志刚", "13703710002", "公路养护单位", "路面坑槽多处，夜间行车危险，建议尽快修补并设置警示。");
            Contact(c, c.AssignedAt.AddMinutes(35), "已回电投诉人，约定今日到现场查看。");
            created.Add(c);
        }

        if (agencies.Current.FindByCode("411300") is { } nanyang)
        {
            // 3. Closed: handled, replied, the complainant satisfied.
            var c = New("12328-DEMO-0003", "staff", ComplaintType.Complaint, ComplaintDomain.RoadTransport, nanyang, "南阳汽车站进站口", 32.9990, 112.5280,
                now.AddDays(-6), now.AddDays(-6).AddHours(1), "赵春生", "13603770003", "南阳—方城 班线客车", "班线客车在站外揽客、超员。");
            Contact(c, c.AssignedAt.AddMinutes(50), "已联系投诉人核实车次。");
            Onsite(c, c.AssignedAt.AddHours(20), 32.9990, 112.5280, "现场检查该班次客车。");
            Step(c, ComplaintSteps.Result, c.AssignedAt.AddDays(2), "经查属实，已对承运企业立案调查并责令整改。", finding: ComplaintFinding.Substantiated);
            Step(c, ComplaintSteps.Reply, c.AssignedAt.AddDays(3), "经查属实，已依法处理，感谢您的监督。");
            Step(c, ComplaintSteps.ReturnVisit, c.AssignedAt.AddDays(4), "投诉人对处理结果表示满意。", Satisfactions.Satisfied);
            (c.Status, c.Satisfaction) = (ComplaintStatuses.Visited, Satisfactions.Satisfied);
            created.Add(c);
        }

        if (agencies.Current.FindByCode("411000") is { } xuchang)
        {
            // 4. Dissatisfied at the return visit: reopened for re-examination.
            var c = New("12328-DEMO-0004", "hotline", ComplaintType.Complaint, ComplaintDomain.RoadTransport, xuchang, "许昌市魏都区七一路货运市场",
                34.0260, 113.8250, now.AddDays(-9), now.AddDays(-9).AddHours(2), "孙丽娟", "13503740004", "许昌瑞通物流有限公司", "货车长期占道装卸，阻碍通行。");
            Contact(c, c.AssignedAt.AddMinutes(90), "已联系投诉人。");
            Onsite(c, c.AssignedAt.AddHours(23), 34.0260, 113.8250, "现场责令立即停止占道装卸。");
            Step(c, ComplaintSteps.Result, c.AssignedAt.AddDays(2), "已约谈企业负责人，责令规范装卸作业。", finding: ComplaintFinding.PartlySubstantiated);
            Step(c, ComplaintSteps.Reply, c.AssignedAt.AddDays(3), "已责令企业整改。");
            Step(c, ComplaintSteps.ReturnVisit, c.AssignedAt.AddDays(5), "投诉人称占道现象仍然存在。", Satisfactions.Dissatisfied);
            Step(c, ComplaintSteps.Reexamine, c.AssignedAt.AddDays(5).AddHours(1), "投诉人不满意，安排复核并组织夜间检查。");
            (c.Status, c.Satisfaction, c.Reexaminations) = (ComplaintStatuses.Reexamining, Satisfactions.Dissatisfied, 1);
            created.Add(c);
        }

        foreach (var c in created)
        {
            db.Add(c);
            audit.Record("complaints.demo_seed", "complaint", c.Id.ToString(), new { c.TicketNo, c.Status, agency = agencies.Current.Find(c.AgencyId)?.Code }, c.AgencyId);
        }

        db.PlatformSettings.Add(new PlatformSetting { Key = SeededKey, Value = now.ToString("O") });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node seeded them at the same moment (the setting and the ticket numbers are unique): theirs stand.
            return 0;
        }

        return created.Count;
    }

    /// <summary>Midnight (China) of the day <paramref name="days"/> from today, as UTC.</summary>
    private static DateTimeOffset ChinaDay(DateTimeOffset now, int days)
    {
        var china = now.ToOffset(LegalClock.ChinaOffset);
        return new DateTimeOffset(china.Date.AddDays(days), LegalClock.ChinaOffset).ToUniversalTime();
    }

    private Complaint New(
        string ticketNo, string source, string type, string domain, AgencyInfo agency, string place, double lat, double lon, DateTimeOffset occurredAt,
        DateTimeOffset assignedAt, string name, string phone, string accused, string description, string? officerNo = null)
    {
        var (contactDue, onsiteDue) = sla.DueTimes(type, assignedAt);
        var c = new Complaint
        {
            Id = Guid.CreateVersion7(), AgencyId = agency.Id, TicketNo = ticketNo, Source = source, Type = type, Domain = domain, Place = place,
            PlaceAgencyCode = agency.Code, Lat = lat, Lon = lon, OccurredAt = occurredAt, ComplainantName = name, ComplainantPhone = phone, Accused = accused,
            AccusedOfficerNo = officerNo, Description = description, Status = ComplaintStatuses.Assigned, ReceivedAt = assignedAt,
            ReceivedBy = source == "hotline" ? "12328 热线系统" : "窗口登记（演示）", AssignedAt = assignedAt, ContactDueAt = contactDue, OnsiteDueAt = onsiteDue,
            Version = 1,
        };
        Step(c, ComplaintSteps.Received, assignedAt, source == "hotline" ? "12328 热线转办" : "窗口/电话登记");
        Step(c, ComplaintSteps.Assigned, assignedAt, agency.Name);
        return c;
    }

    private void Contact(Complaint c, DateTimeOffset at, string note)
    {
        (c.ContactedAt, c.Status) = (at, ComplaintStatuses.Contacted);
        Step(c, ComplaintSteps.Contact, at, note);
    }

    private void Onsite(Complaint c, DateTimeOffset at, double lat, double lon, string note)
    {
        (c.OnsiteAt, c.Status) = (at, ComplaintStatuses.OnSite);
        Step(c, ComplaintSteps.Onsite, at, note, lat: lat, lon: lon);
    }

    private void Breach(Complaint c, string must, DateTimeOffset at) => ComplaintHandler.MarkBreach(db, c, must, at);

    private void Step(
        Complaint c, string kind, DateTimeOffset at, string note, string? satisfaction = null, double? lat = null, double? lon = null, string? finding = null)
    {
        if (finding is not null)
        {
            (c.Finding, c.FindingAt) = (finding, at);
        }

        db.Add(new ComplaintStep
        {
            Id = Guid.CreateVersion7(), ComplaintId = c.Id, AgencyId = c.AgencyId, Seq = c.StepCount++, Kind = kind, At = at, RecordedAt = at, ById = "demo",
            ByName = "值班员（演示）", Note = note, Lat = lat, Lon = lon, Satisfaction = satisfaction, Finding = finding,
        });
    }
}

internal static class ComplaintsDemo
{
    /// <summary>
    /// Called by the start-up tasks after the demo province is seeded, unless <c>Vanguard:Complaints:DemoComplaints=false</c>
    /// (tests that count complaints or warnings).
    /// </summary>
    public static Task SeedDemoComplaintsAsync(this IServiceProvider scope, CancellationToken ct) =>
        scope.GetRequiredService<IOptions<ComplaintsOptions>>().Value.DemoComplaints
            ? scope.GetRequiredService<ComplaintsDemoSeeder>().SeedAsync(ct)
            : Task.CompletedTask;
}
