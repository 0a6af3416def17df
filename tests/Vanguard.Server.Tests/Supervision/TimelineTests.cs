using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Vanguard.Server.Modules.Evidence.Data;
using Vanguard.Server.Modules.Terminal.Data;

namespace Vanguard.Server.Tests.Supervision;

/// <summary>执法人员全过程轨迹: each officer's timeline holds that officer's own audited actions, positions and recordings, and nobody else's.</summary>
public sealed class TimelineTests(SupervisionFactory factory) : IClassFixture<SupervisionFactory>
{
    private Task SeedAsync(Guid officerId, Guid agencyId, DateTimeOffset at, double lat, string tag) => factory.WithDbAsync(async db =>
    {
        foreach (var minutes in new[] { 0, 5, 10 })
        {
            db.Add(new PositionPoint { OfficerId = officerId, AgencyId = agencyId, At = at.AddMinutes(minutes), Lat = lat, Lon = 113.65, AccuracyM = 8, ReceivedAt = at });
        }

        db.Add(new EvidenceItem
        {
            Id = Guid.CreateVersion7(), AgencyId = agencyId, Sha256 = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + new string('0', 32),
            Length = 1024, FileName = $"{tag}.mp4", ContentType = "video/mp4", OfficerId = officerId, OfficerNo = "X", OfficerName = "X", DeviceSerial = "DSJ-" + tag,
            UploadedByKind = "device", UploadedById = "dock", UploadedByName = "dock", RecordedFrom = at, RecordedTo = at.AddMinutes(15),
            UploadedAt = at.AddHours(1), Category = "routine", RetentionClass = "standard", MediaStatus = MediaStatus.Pending,
        });
        return await db.SaveChangesAsync(ApiClient.Ct);
    });

    private static async Task OnAndOffDutyAsync(HttpClient officer)
    {
        foreach (var onDuty in new[] { true, false })
        {
            var response = await officer.PostAsJsonAsync("/api/v1/terminal/duty", new { onDuty }, ApiClient.Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(ApiClient.Ct));
        }
    }

    [Fact]
    public async Task Timeline_HoldsExactlyTheOfficersOwnActionsPositionsAndClips()
    {
        var field = await factory.AccountAsync("zhengzhou.field");
        var caseOfficer = await factory.AccountAsync("zhengzhou.case");
        var since = DateTimeOffset.UtcNow;
        await OnAndOffDutyAsync(await factory.SignedInAsync("zhengzhou.field"));
        await OnAndOffDutyAsync(await factory.SignedInAsync("zhengzhou.case"));
        var at = DateTimeOffset.UtcNow.AddDays(-2);
        await SeedAsync(field.OfficerId, field.AgencyId, at, 34.71, "field-clip");
        await SeedAsync(caseOfficer.OfficerId, caseOfficer.AgencyId, at.AddMinutes(1), 34.81, "case-clip");
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        (await admin.GetAsync("/api/v1/audit/verify", ApiClient.Ct)).StatusCode.ShouldBe(HttpStatusCode.OK); // links what is committed
        var reading = DateTimeOffset.UtcNow;

        foreach (var (me, other, lat, clip) in new[] { (field, caseOfficer, 34.71, "field-clip.mp4"), (caseOfficer, field, 34.81, "case-clip.mp4") })
        {
            var response = await admin.GetAsync($"/api/v1/supervision/officers/{me.OfficerId}/timeline?pageSize=200", ApiClient.Ct);
            var body = await response.JsonAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
            var lines = body["lines"]!["items"]!.AsArray();

            var sequences = lines.Where(l => l!["sequence"] is not null).Select(l => l!["sequence"]!.GetValue<long>()).Order().ToList();
            var own = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.ActorId == me.AccountId && a.Sequence != null)
                .Select(a => new { a.Sequence, a.At }).ToListAsync(ApiClient.Ct));
            var expected = own.Where(a => a.At >= DateTimeOffset.UtcNow.AddDays(-7)).Select(a => a.Sequence!.Value).Order().ToList();
            sequences.ShouldBe(expected);
            var others = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.ActorId == other.AccountId && a.Sequence != null)
                .Select(a => a.Sequence!.Value).ToListAsync(ApiClient.Ct));
            sequences.Intersect(others).ShouldBeEmpty();
            lines.Count(l => l!["action"]?.GetValue<string>() == "terminal.duty_on" && l["at"]!.GetValue<DateTimeOffset>() >= since).ShouldBe(1);
            lines.Where(l => l!["sequence"] is not null).ShouldAllBe(l => l!["hashVerifies"]!.GetValue<bool>());
            lines.Single(l => l!["action"]?.GetValue<string>() == "terminal.duty_on" && l["at"]!.GetValue<DateTimeOffset>() >= since)!["what"]!
                .GetValue<string>().ShouldBe("上岗（签到）");

            body["positions"]!.AsArray().Select(p => p!["lat"]!.GetValue<double>()).Distinct().ShouldBe([lat]);
            lines.Where(l => l!["kind"]!.GetValue<string>() == "clip").Select(l => l!["what"]!.GetValue<string>()).ShouldBe([$"执法记录：{clip}"]);
            lines.Count(l => l!["kind"]!.GetValue<string>() == "position").ShouldBe(1);
            body["summary"]!["clips"]!.GetValue<int>().ShouldBe(1);
            body["summary"]!["positions"]!.GetValue<int>().ShouldBe(3);
            body["summary"]!["dutyHours"].ShouldNotBeNull(); // the exact hours: DutyHoursTests, on a clock the test moves
            body["summary"]!["unverified"]!.GetValue<int>().ShouldBe(0);
        }

        var audited = await factory.WithDbAsync(db =>
            db.AuditEntries.CountAsync(a => a.Action == "supervision.officer_trace" && a.TargetId == field.OfficerId.ToString() && a.At >= reading, ApiClient.Ct));
        audited.ShouldBe(1);
    }

    [Fact]
    public async Task Timeline_FilteredByKind_HoldsThatKindOnly()
    {
        var field = await factory.AccountAsync("zhengzhou.field");
        await OnAndOffDutyAsync(await factory.SignedInAsync("zhengzhou.field"));
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        (await admin.GetAsync("/api/v1/audit/verify", ApiClient.Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var body = await (await admin.GetAsync($"/api/v1/supervision/officers/{field.OfficerId}/timeline?kind=duty", ApiClient.Ct)).JsonAsync();

        var lines = body["lines"]!["items"]!.AsArray();
        lines.Count.ShouldBeGreaterThanOrEqualTo(2);
        lines.ShouldAllBe(l => l!["kind"]!.GetValue<string>() == "duty");
    }

    [Fact]
    public async Task Timeline_OfAnOfficerOfAnotherCity_IsNotFound()
    {
        var field = await factory.AccountAsync("zhengzhou.field");
        var nanyang = await factory.SignedInAsync("nanyang.admin");

        var response = await nanyang.GetAsync($"/api/v1/supervision/officers/{field.OfficerId}/timeline", ApiClient.Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "supervision.officer_not_found");
    }

    [Theory]
    [InlineData("zhengzhou.field")]
    [InlineData("zhengzhou.case")]
    [InlineData("zhengzhou.command")]
    public async Task Timeline_IsNotForOfficersOrCommandStaff(string username)
    {
        var field = await factory.AccountAsync("zhengzhou.field");
        var client = await factory.SignedInAsync(username);

        var response = await client.GetAsync($"/api/v1/supervision/officers/{field.OfficerId}/timeline", ApiClient.Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Timeline_OverMoreThan31Days_IsRefused()
    {
        var field = await factory.AccountAsync("zhengzhou.field");
        var admin = await factory.SignedInAsync("zhengzhou.admin");

        var response = await admin.GetAsync(
            $"/api/v1/supervision/officers/{field.OfficerId}/timeline?from=2026-01-01T00:00:00Z&to=2026-02-02T00:00:00Z", ApiClient.Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
    }
}
