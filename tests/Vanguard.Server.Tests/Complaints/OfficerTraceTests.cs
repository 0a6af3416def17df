using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Vanguard.Server.Modules.Evidence.Data;
using Vanguard.Server.Modules.Terminal.Data;

namespace Vanguard.Server.Tests.Complaints;

/// <summary>A complaint about an officer links to that officer's terminal positions and recordings within 2 h of the event.</summary>
public sealed class OfficerTraceTests(ComplaintsFactory factory) : IClassFixture<ComplaintsFactory>
{
    private Task<(Guid Id, Guid AgencyId, string OfficerNo, string Name)> OfficerOfAsync(string agencyCode, int skip) => factory.WithDbAsync(async db =>
    {
        var agency = await db.Agencies.SingleAsync(a => a.Code == agencyCode, ApiClient.Ct);
        var o = await db.Officers.Where(x => x.AgencyId == agency.Id && x.Active).OrderBy(x => x.OfficerNo).Skip(skip).FirstAsync(ApiClient.Ct);
        return (o.Id, o.AgencyId, o.OfficerNo, o.Name);
    });

    /// <summary>A complaint about the officer, at its own time days back (positions are unique per officer and time).</summary>
    private async Task<(string Url, DateTimeOffset OccurredAt)> FiledAsync(string? officerNo, int daysBack)
    {
        var occurredAt = new DateTimeOffset(DateTimeOffset.UtcNow.AddDays(-daysBack).Date.AddHours(10), TimeSpan.Zero);
        var hotline = await factory.HotlineAsync();
        var body = await ComplaintsFactory.CreatedAsync(await hotline.PostAsJsonAsync("/api/v1/complaints", new
        {
            type = "complaint",
            domain = "road_transport",
            place = new { text = "郑州市金水区农业路治超检查点", agencyCode = "410100" },
            occurredAt,
            complainant = new { name = "王五", phone = "13700001111" },
            accused = new { party = "检查点执法人员", officerNo },
            description = "执法人员态度粗暴，未出示证件。",
            agencyCode = "410100",
        }, ApiClient.Ct));
        return ($"/api/v1/complaints/{body["id"]}", occurredAt);
    }

    private Task SeedAsync(Guid officerId, Guid agencyId, DateTimeOffset occurredAt, string tag) => factory.WithDbAsync(async db =>
    {
        foreach (var (minutes, lat) in new[] { (-150, 34.70), (-60, 34.71), (90, 34.72), (130, 34.73) })
        {
            db.Add(new PositionPoint
            {
                OfficerId = officerId, AgencyId = agencyId, At = occurredAt.AddMinutes(minutes), Lat = lat, Lon = 113.65, AccuracyM = 8,
                ReceivedAt = occurredAt.AddMinutes(minutes),
            });
        }

        // One clip across the event, one that ended three hours before it.
        foreach (var (from, name) in new[] { (-20, $"{tag}-in.mp4"), (-200, $"{tag}-out.mp4") })
        {
            db.Add(new EvidenceItem
            {
                Id = Guid.CreateVersion7(), AgencyId = agencyId, Sha256 = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + new string('0', 32),
                Length = 1024, FileName = name, ContentType = "video/mp4", OfficerId = officerId, OfficerNo = "X", OfficerName = "X", DeviceSerial = "DSJ-" + tag,
                UploadedByKind = "device", UploadedById = "dock", UploadedByName = "dock", RecordedFrom = occurredAt.AddMinutes(from),
                RecordedTo = occurredAt.AddMinutes(from + 15), UploadedAt = occurredAt.AddHours(5), Category = "routine", RetentionClass = "standard",
                MediaStatus = MediaStatus.Pending,
            });
        }

        return await db.SaveChangesAsync(ApiClient.Ct);
    });

    [Fact]
    public async Task Trace_ListsThePositionsAndClipsWithinTwoHours_AndIsAudited()
    {
        var (officerId, agencyId, officerNo, _) = await OfficerOfAsync("410100", 0);
        var (url, occurredAt) = await FiledAsync(officerNo, 20);
        await SeedAsync(officerId, agencyId, occurredAt, "T1");
        var command = await factory.SignedInAsync("zhengzhou.command");

        var response = await command.GetAsync(url + "/officer-trace", ApiClient.Ct);

        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        body["officer"]!["id"]!.GetValue<Guid>().ShouldBe(officerId);
        body["positions"]!.AsArray().Select(p => p!["lat"]!.GetValue<double>()).ShouldBe([34.71, 34.72]);
        var clips = body["clips"]!.AsArray();
        clips.Count.ShouldBe(1);
        clips[0]!["fileName"]!.GetValue<string>().ShouldBe("T1-in.mp4");
        clips[0]!["url"]!.GetValue<string>().ShouldBe($"/evidence/{clips[0]!["evidenceId"]}");
        var id = url[(url.LastIndexOf('/') + 1)..];
        var audited = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "complaints.officer_trace" && a.TargetId == id, ApiClient.Ct));
        audited.ShouldBe(1);
    }

    [Fact]
    public async Task Trace_IsNotForFieldOfficers()
    {
        var (_, _, officerNo, _) = await OfficerOfAsync("410100", 1);
        var (url, _) = await FiledAsync(officerNo, 21);
        var field = await factory.SignedInAsync("zhengzhou.field");

        var response = await field.GetAsync(url + "/officer-trace", ApiClient.Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "complaints.trace_forbidden");
    }

    [Fact]
    public async Task Trace_OutsideTheJurisdiction_IsNotFound()
    {
        var (_, _, officerNo, _) = await OfficerOfAsync("410100", 2);
        var (url, _) = await FiledAsync(officerNo, 22);
        var other = await factory.SignedInAsync("nanyang.command");

        var response = await other.GetAsync(url + "/officer-trace", ApiClient.Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "complaints.not_found");
    }

    [Fact]
    public async Task Trace_OfAComplaintNamingNoOfficer_IsRefused()
    {
        var (url, _) = await FiledAsync("NO-SUCH-OFFICER-T", 23);
        var command = await factory.SignedInAsync("zhengzhou.command");

        var response = await command.GetAsync(url + "/officer-trace", ApiClient.Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "complaints.not_about_officer");
    }
}
