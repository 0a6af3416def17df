using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Offsite.Data;

namespace Vanguard.Server.Tests.Offsite;

/// <summary>非现场执法 over HTTP: ingest, judgement, review, cases, notices, retention.</summary>
public sealed class OffsiteTests(VanguardFactory factory) : IClassFixture<VanguardFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));

    private async Task<string> RegisterAsync(string code, string kind = "wim-station", DateOnly? certificateUntil = null, string agencyCode = "410122")
    {
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var until = certificateUntil ?? DateOnly.FromDateTime(Now.DateTime).AddYears(1);
        var response = await admin.PostAsJsonAsync("/api/v1/devices", new
        {
            kind, code, name = "G107 中牟动态称重检测点", agencyCode, accuracyClass = 5,
            certificate = new { number = "JD-" + code, validFrom = until.AddYears(-1).AddDays(-7).ToString("yyyy-MM-dd"), validUntil = until.ToString("yyyy-MM-dd") },
        }, Ct);
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToJsonString());
        return body["apiKey"]!.GetValue<string>();
    }

    /// <summary>A 6-axle combination (limit 49 000 kg) weighed at the given gross.</summary>
    private static object Wim(string recordId, int grossKg, string plate = "豫A12345", DateTimeOffset? capturedAt = null)
    {
        var axle = grossKg / 6;
        var axles = Enumerable.Repeat(axle, 5).Append(grossKg - (axle * 5)).ToArray();
        return new
        {
            recordId, capturedAt = (capturedAt ?? Now.AddMinutes(-5)).ToString("yyyy-MM-ddTHH:mm:sszzz"), lane = 1, plate, plateColor = "yellow", axleCount = 6,
            vehicleKind = "combination", axleWeightsKg = axles, grossWeightKg = grossKg, speedKmh = 62.5,
            images = new[] { new { kind = "plate", sha256 = new string('a', 64), contentType = "image/jpeg" } },
        };
    }

    private async Task<JsonNode> PostWimAsync(string key, params object[] records)
    {
        var response = await factory.AsDevice(key).PostAsJsonAsync("/api/v1/offsite/wim-records", records, Ct);
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        return body;
    }

    [Fact]
    public async Task Batch_WithGoodDuplicateAndBadRecords_AcceptsTheGoodAndNamesTheBad()
    {
        var key = await RegisterAsync("WIM-T-01");
        var first = await PostWimAsync(key, Wim("r1", 40_000), Wim("r2", 45_000));

        var second = await PostWimAsync(
            key,
            Wim("r2", 45_000),                                       // resend → duplicate
            Wim("r3", 30_000, plate: "豫I12345"),                    // GA 36: no I
            Wim("r4", 30_000, capturedAt: Now.AddHours(2)),           // future
            new { recordId = "r5", capturedAt = Now.ToString("O"), lane = 1, plate = "豫A54321", plateColor = "yellow", axleCount = 2, vehicleKind = "truck",
                axleWeightsKg = new[] { 1_000, 1_000 }, grossWeightKg = 18_000 },           // axles do not add up
            Wim("r6", 41_000));

        first["accepted"]!.GetValue<int>().ShouldBe(2);
        second["accepted"]!.GetValue<int>().ShouldBe(1);
        second["duplicates"]!.GetValue<int>().ShouldBe(1);
        var rejected = second["rejected"]!.AsArray();
        rejected.Select(r => (r!["index"]!.GetValue<int>(), r["code"]!.GetValue<string>())).ShouldBe(
            [(1, "offsite.plate_invalid"), (2, "offsite.captured_in_future"), (3, "offsite.weights_inconsistent")]);
        rejected[0]!["recordId"]!.GetValue<string>().ShouldBe("r3");
    }

    [Fact]
    public async Task Record_IsJudgedWithTheStationsTolerance()
    {
        var key = await RegisterAsync("WIM-T-02");
        // Class 5: floor(55 000 × 0.95) = 52 250 → 3 250 kg over 49 000 → 3 full tonnes → 1 500 yuan.
        await PostWimAsync(key, Wim("j1", 55_000));
        var staff = await factory.SignedInAsync("zhengzhou.case");

        var record = await (await staff.GetAsync("/api/v1/offsite/wim-records/WIM-T-02/j1", Ct)).JsonAsync();

        record["verdict"]!.GetValue<string>().ShouldBe("overloaded");
        record["limitKg"]!.GetValue<int>().ShouldBe(49_000);
        record["toleranceKg"]!.GetValue<int>().ShouldBe(2_750);
        record["adjustedKg"]!.GetValue<int>().ShouldBe(52_250);
        record["overKg"]!.GetValue<int>().ShouldBe(3_250);
        record["penalty"]!["kind"]!.GetValue<string>().ShouldBe("fine");
        record["penalty"]!["amountYuan"]!.GetValue<long>().ShouldBe(1_500);
        record["evidenceUsable"]!.GetValue<bool>().ShouldBeTrue();
        record["reviewItemId"].ShouldNotBeNull();
    }

    [Fact]
    public async Task ConfirmedOverload_BecomesAnOffsiteCaseWithItsEvidence_AndQueuesTheOwnersNotice()
    {
        var key = await RegisterAsync("WIM-T-03");
        await PostWimAsync(key, Wim("c1", 60_000, plate: "豫A77777"));
        var reviewer = await factory.SignedInAsync("zhengzhou.case");
        var record = await (await reviewer.GetAsync("/api/v1/offsite/wim-records/WIM-T-03/c1", Ct)).JsonAsync();
        var itemId = record["reviewItemId"]!.GetValue<string>();

        var confirm = await reviewer.PostAsJsonAsync($"/api/v1/offsite/review-items/{itemId}/confirm", new { note = "图像清晰，号牌一致" }, Ct);
        var item = await confirm.JsonAsync();

        confirm.StatusCode.ShouldBe(HttpStatusCode.OK, item.ToJsonString());
        item["status"]!.GetValue<string>().ShouldBe("confirmed");
        item["caseNumber"]!.GetValue<string>().ShouldStartWith("中牟交执罚");
        var caseId = item["caseId"]!.GetValue<string>();
        var detail = await (await reviewer.GetAsync($"/api/v1/cases/{caseId}", Ct)).JsonAsync();
        detail["summary"]!["procedure"]!.GetValue<string>().ShouldBe("offsite");
        detail["summary"]!["stage"]!.GetValue<string>().ShouldBe("review");
        detail["summary"]!["caseNumber"]!.GetValue<string>().ShouldStartWith("中牟交执罚");
        detail["state"]!["evidenceReviewed"]!.GetValue<bool>().ShouldBeTrue();
        var files = detail["fileItems"]!.AsArray().Select(f => f!["code"]!.GetValue<string>()).ToList();
        files.ShouldContain("weighing_record");
        files.ShouldContain("device_certificate");
        files.ShouldContain("vehicle_photos");
        detail["facts"]!.GetValue<string>().ShouldContain("豫A77777");
        // 60 000 × 0.95 = 57 000 → 8 000 kg over → 4 000 yuan, as the discretion standard proposes.
        detail["proposal"]!["amountFen"]!.GetValue<long>().ShouldBe(400_000);

        // The owner's notice is sent by the scheduled sender (every 5 s) or by this manual run, whichever comes first.
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var run = await admin.PostAsync("/api/v1/offsite/jobs/notifications", null, Ct);
        run.StatusCode.ShouldBe(HttpStatusCode.OK);
        OffsiteNotification? notice = null;
        for (var deadline = DateTime.UtcNow.AddSeconds(15); DateTime.UtcNow < deadline; await Task.Delay(100, Ct))
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VanguardDbContext>();
            notice = await db.Set<OffsiteNotification>().IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(n => n.CaseId == Guid.Parse(caseId), Ct);
            if (notice?.Status == "sent")
            {
                break;
            }
        }

        notice.ShouldNotBeNull();
        notice.Status.ShouldBe("sent");
        notice.Plate.ShouldBe("豫A77777");

        var again = await reviewer.PostAsJsonAsync($"/api/v1/offsite/review-items/{itemId}/confirm", new { }, Ct);
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "offsite.already_reviewed");
    }

    [Fact]
    public async Task InvalidatedRecord_RecordsTheReason_AndNeedsAKnownCode()
    {
        var key = await RegisterAsync("WIM-T-04");
        await PostWimAsync(key, Wim("i1", 60_000, plate: "豫A66666"));
        var reviewer = await factory.SignedInAsync("zhengzhou.case");
        var itemId = (await (await reviewer.GetAsync("/api/v1/offsite/wim-records/WIM-T-04/i1", Ct)).JsonAsync())["reviewItemId"]!.GetValue<string>();

        var bad = await reviewer.PostAsJsonAsync($"/api/v1/offsite/review-items/{itemId}/invalidate", new { reason = "because" }, Ct);
        var good = await reviewer.PostAsJsonAsync($"/api/v1/offsite/review-items/{itemId}/invalidate", new { reason = "emergency_vehicle", note = "救援车辆" }, Ct);

        await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var item = await good.JsonAsync();
        item["status"]!.GetValue<string>().ShouldBe("invalidated");
        item["invalidReason"]!.GetValue<string>().ShouldBe("emergency_vehicle");
        item["caseId"].ShouldBeNull();
    }

    [Fact]
    public async Task StationWithAnExpiredCertificate_IsJudgedButItsEvidenceIsUnusable()
    {
        var key = await RegisterAsync("WIM-T-05", certificateUntil: DateOnly.FromDateTime(Now.DateTime).AddDays(-1));
        await PostWimAsync(key, Wim("x1", 60_000));
        var staff = await factory.SignedInAsync("zhengzhou.case");

        var record = await (await staff.GetAsync("/api/v1/offsite/wim-records/WIM-T-05/x1", Ct)).JsonAsync();
        var stations = (await (await staff.GetAsync("/api/v1/offsite/stations", Ct)).JsonAsync()).AsArray();

        record["verdict"]!.GetValue<string>().ShouldBe("overloaded");
        record["evidenceUsable"]!.GetValue<bool>().ShouldBeFalse();
        record["reviewItemId"].ShouldBeNull();
        stations.Single(s => s!["code"]!.GetValue<string>() == "WIM-T-05")!["certificateExpired"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task CertificateEdit_ByPatch_ChangesWhatLaterRecordsAreJudgedBy()
    {
        await RegisterAsync("WIM-T-06");
        var admin = await factory.SignedInAsync("zhengzhou.admin");

        var patched = await admin.PatchAsJsonAsync("/api/v1/devices/WIM-T-06", new { accuracyClass = 2, certificate = new { number = "JD-NEW", validFrom = "2026-01-01", validUntil = "2027-12-31" } }, Ct);
        var badClass = await admin.PatchAsJsonAsync("/api/v1/devices/WIM-T-06", new { accuracyClass = 3 }, Ct);

        var view = await patched.JsonAsync();
        patched.StatusCode.ShouldBe(HttpStatusCode.OK, view.ToJsonString());
        view["accuracyClass"]!.GetValue<decimal>().ShouldBe(2m);
        view["certificate"]!["number"]!.GetValue<string>().ShouldBe("JD-NEW");
        await badClass.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
    }

    [Fact]
    public async Task WrongKindOfDevice_CannotSendWeighings()
    {
        var camera = await RegisterAsync("ANPR-T-07", "anpr-camera");

        var response = await factory.AsDevice(camera).PostAsJsonAsync("/api/v1/offsite/wim-records", new[] { Wim("w1", 30_000) }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "offsite.wrong_device_kind");
    }

    [Fact]
    public async Task PlateReads_AreIdempotent_AndOldUnmatchedOnesAreDeleted()
    {
        var camera = await RegisterAsync("ANPR-T-08", "anpr-camera");
        object Read(string id, DateTimeOffset at) => new { readId = id, capturedAt = at.ToString("O"), plate = "豫A88888", plateColor = "blue", confidence = 0.97, direction = "in" };
        var client = factory.AsDevice(camera);

        var first = await (await client.PostAsJsonAsync("/api/v1/offsite/anpr-reads", new[] { Read("a1", Now.AddDays(-100)), Read("a2", Now) }, Ct)).JsonAsync();
        var resend = await (await client.PostAsJsonAsync("/api/v1/offsite/anpr-reads", new[] { Read("a2", Now) }, Ct)).JsonAsync();
        var admin = await factory.SignedInAsync("admin");
        var purge = await (await admin.PostAsync("/api/v1/offsite/jobs/anpr-retention", null, Ct)).JsonAsync();

        first["accepted"]!.GetValue<int>().ShouldBe(2);
        resend["duplicates"]!.GetValue<int>().ShouldBe(1);
        purge["deleted"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task InlinePhoto_IsServedToStaffByItsHash_AndOnlyByAWellFormedOne()
    {
        var key = await RegisterAsync("WIM-T-09");
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];
        var sha = Convert.ToHexStringLower(SHA256.HashData(png));
        var record = new
        {
            recordId = "p1", capturedAt = Now.AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm:sszzz"), lane = 1, plate = "豫A55555", plateColor = "yellow", axleCount = 2,
            vehicleKind = "truck", axleWeightsKg = new[] { 6_000, 9_000 }, grossWeightKg = 15_000, speedKmh = 60,
            images = new[] { new { kind = "front", sha256 = sha, contentType = "text/html", base64 = Convert.ToBase64String(png) } },
        };
        await PostWimAsync(key, record);
        var staff = await factory.SignedInAsync("zhengzhou.field");

        const string weighing = "/api/v1/offsite/wim-records/WIM-T-09/p1/images/";
        var photo = await staff.GetAsync(weighing + sha, Ct);
        var upper = await staff.GetAsync(weighing + sha.ToUpperInvariant(), Ct);
        var missing = await staff.GetAsync(weighing + new string('b', 64), Ct);
        var otherWeighing = await staff.GetAsync($"/api/v1/offsite/wim-records/WIM-T-09/p2/images/{sha}", Ct);
        var otherCity = await (await factory.SignedInAsync("nanyang.case")).GetAsync(weighing + sha, Ct);
        var anonymous = await factory.CreateClient().GetAsync(weighing + sha, Ct);

        photo.StatusCode.ShouldBe(HttpStatusCode.OK);
        // Served as what the bytes are, never as the type the device claimed.
        photo.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        photo.Headers.GetValues("X-Content-Type-Options").ShouldContain("nosniff");
        (await photo.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(png);
        await upper.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        await missing.ShouldBeProblemAsync(HttpStatusCode.NotFound, "offsite.image_not_found");
        // The photo is reached through a weighing the caller may see, never by its hash alone.
        await otherWeighing.ShouldBeProblemAsync(HttpStatusCode.NotFound, "offsite.image_not_found");
        await otherCity.ShouldBeProblemAsync(HttpStatusCode.NotFound, "offsite.image_not_found");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ReviewSummary_CountsPendingItemsAndThosePastTheirReviewDate()
    {
        // Certificate valid from 65 days ago, so a weighing 30 days old is evidence and gets a review item.
        var key = await RegisterAsync("WIM-T-10", certificateUntil: DateOnly.FromDateTime(Now.DateTime).AddDays(300));
        // Captured 30 days ago: far beyond 5 working days, whatever the holidays.
        await PostWimAsync(key, Wim("s1", 60_000, plate: "豫A10001", capturedAt: Now.AddDays(-30)), Wim("s2", 60_000, plate: "豫A10002"));
        var reviewer = await factory.SignedInAsync("zhengzhou.case");

        var summary = await (await reviewer.GetAsync("/api/v1/offsite/review-summary", Ct)).JsonAsync();
        var pending = await (await reviewer.GetAsync("/api/v1/offsite/review-items?status=pending&pageSize=200", Ct)).JsonAsync();

        var items = pending["items"]!.AsArray();
        summary["pending"]!.GetValue<int>().ShouldBe(pending["total"]!.GetValue<int>());
        summary["overdue"]!.GetValue<int>().ShouldBe(items.Count(i => i!["reviewOverdue"]!.GetValue<bool>()));
        items.Single(i => i!["plate"]!.GetValue<string>() == "豫A10001")!["reviewOverdue"]!.GetValue<bool>().ShouldBeTrue();
        items.Single(i => i!["plate"]!.GetValue<string>() == "豫A10002")!["reviewOverdue"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Theory]
    [InlineData(49_000, null, "compliant", "none")]
    [InlineData(50_000, null, "overloaded", "warning")]
    [InlineData(50_001, null, "overloaded", "fine")]
    [InlineData(50_000, 2.0, "compliant", "none")] // floor(50 000 × 0.98) = 49 000 exactly
    public async Task Calculator_IsPublicAndJudgesLikeTheStations(int grossKg, double? accuracyClass, string verdict, string penalty)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/rules/overload", new
        {
            axleCount = 6, vehicleKind = "combination", grossWeightKg = grossKg, accuracyClass = accuracyClass is { } c ? (decimal?)c : null,
        }, Ct);

        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        body["verdict"]!.GetValue<string>().ShouldBe(verdict);
        body["penalty"]!["kind"]!.GetValue<string>().ShouldBe(penalty);
    }
}
