using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vanguard.Domain.Common;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Supervision.Data;
using Vanguard.Server.Modules.Supervision.Features;

namespace Vanguard.Server.Tests.Supervision;

/// <summary>"八六四" inspections: a breach produces the accountability records of the 四必究 rules, each handled with a measure.</summary>
public sealed class InspectionTests(SupervisionFactory factory) : IClassFixture<SupervisionFactory>
{
    private static string[] Levels(System.Text.Json.Nodes.JsonNode body) =>
        body["accountability"]!.AsArray().Select(a => a!["level"]!.GetValue<string>()).ToArray();

    [Fact]
    public async Task Inspection_WithABreach_HoldsTheOfficerAndTheStationHeadAccountable()
    {
        var officer = await factory.OfficerAsync("410122");
        var admin = await factory.SignedInAsync("zhengzhou.admin");

        var body = await SupervisionFactory.RecordAsync(admin, SupervisionFactory.Inspection(
            officer.Id, inspectedOn: "2025-04-02", items: [("b3", "breach"), ("b4", "compliant"), ("y1", "compliant")]));

        body["inspection"]!["breaches"]!.GetValue<int>().ShouldBe(1);
        body["inspection"]!["officerName"]!.GetValue<string>().ShouldBe(officer.Name);
        body["items"]!.AsArray().Count.ShouldBe(14);
        body["items"]!.AsArray().Count(i => i!["result"]!.GetValue<string>() == "unchecked").ShouldBe(11);
        Levels(body).ShouldBe(["officer", "station_head"]);
        var records = body["accountability"]!.AsArray();
        records[0]!["holder"]!.GetValue<string>().ShouldContain(officer.Name);
        records[1]!["holder"]!.GetValue<string>().ShouldStartWith("中牟县交通运输综合行政执法大队大队长");
        records.ShouldAllBe(r => r!["status"]!.GetValue<string>() == "pending");

        var id = body["inspection"]!["id"]!.GetValue<Guid>();
        var listed = await (await admin.GetAsync($"/api/v1/supervision/accountability?inspectionId={id}&status=pending", ApiClient.Ct)).JsonAsync();
        listed["total"]!.GetValue<int>().ShouldBe(2);
        var audited = await factory.WithDbAsync(db =>
            db.AuditEntries.CountAsync(a => a.Action == "supervision.inspection_recorded" && a.TargetId == id.ToString(), ApiClient.Ct));
        audited.ShouldBe(1);
    }

    [Fact]
    public async Task Inspection_WithoutABreach_HoldsNobodyAccountable()
    {
        var officer = await factory.OfficerAsync("410122", 1);
        var admin = await factory.SignedInAsync("zhengzhou.admin");

        var body = await SupervisionFactory.RecordAsync(admin, SupervisionFactory.Inspection(officer.Id, inspectedOn: "2025-04-03", items: [("b1", "compliant")]));

        body["accountability"]!.AsArray().ShouldBeEmpty();
        body["inspection"]!["breaches"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task TheThirdPersonTimeOfTheYear_HoldsTheAgencyHead_AndASeriousBreachTheAuthority()
    {
        // 新郑市大队 in 2024: two officers and its station; a clean inspection in between does not count.
        var first = await factory.OfficerAsync("410184");
        var second = await factory.OfficerAsync("410184", 1);
        var admin = await factory.SignedInAsync("zhengzhou.admin");

        var one = await SupervisionFactory.RecordAsync(admin, SupervisionFactory.Inspection(first.Id, inspectedOn: "2024-02-01", items: [("b2", "breach")]));
        await SupervisionFactory.RecordAsync(admin, SupervisionFactory.Inspection(second.Id, inspectedOn: "2024-02-02", items: [("b2", "compliant")]));
        var two = await SupervisionFactory.RecordAsync(admin, SupervisionFactory.Inspection(second.Id, inspectedOn: "2024-03-01", items: [("y5", "breach")]));
        var three = await SupervisionFactory.RecordAsync(admin, SupervisionFactory.Inspection(
            agencyCode: "410184-01", inspectedOn: "2024-06-30", serious: true, items: [("y2", "breach"), ("b7", "breach")]));
        var four = await SupervisionFactory.RecordAsync(admin, SupervisionFactory.Inspection(first.Id, inspectedOn: "2024-07-01", items: [("b6", "breach")]));
        // Another year starts its own count.
        var nextYear = await SupervisionFactory.RecordAsync(admin, SupervisionFactory.Inspection(first.Id, inspectedOn: "2025-01-02", items: [("b6", "breach")]));

        Levels(one).ShouldBe(["officer", "station_head"]);
        Levels(two).ShouldBe(["officer", "station_head"]);
        Levels(three).ShouldBe(["station_head", "agency_head", "authority"]);
        three["personTimesInYear"]!.GetValue<int>().ShouldBe(3);
        var holders = three["accountability"]!.AsArray().Select(a => a!["holder"]!.GetValue<string>()).ToList();
        holders[0].ShouldStartWith("新郑市交通运输综合行政执法超限检测站站长");
        holders[1].ShouldStartWith("新郑市交通运输综合行政执法大队负责人");
        holders[2].ShouldBe("新郑市交通运输局");
        Levels(four).ShouldBe(["officer", "station_head"]);
        Levels(nextYear).ShouldBe(["officer", "station_head"]);
    }

    [Fact]
    public async Task TheAgencyHead_HeldAlreadyThisYear_IsNotHeldTwice()
    {
        // As if another inspection of 中原 had been counted as its 3rd person-time of 2022 at the same moment.
        var officer = await factory.OfficerAsync("410102", 2);
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        await SupervisionFactory.RecordAsync(admin, SupervisionFactory.Inspection(officer.Id, inspectedOn: "2022-03-01", items: [("b1", "breach")]));
        await SupervisionFactory.RecordAsync(admin, SupervisionFactory.Inspection(officer.Id, inspectedOn: "2022-03-02", items: [("b1", "breach")]));
        var agencyId = await factory.WithDbAsync(async db =>
        {
            var agency = await db.Agencies.SingleAsync(a => a.Code == "410102", ApiClient.Ct);
            db.Add(new AccountabilityRecord
            {
                Id = Guid.CreateVersion7(), InspectionId = Guid.CreateVersion7(), AgencyId = agency.Id, Level = "agency_head", Holder = "中原区大队负责人",
                HolderAgencyId = agency.Id, Year = 2022, Status = "pending", CreatedAt = DateTimeOffset.UtcNow, Version = 1,
            });
            await db.SaveChangesAsync(ApiClient.Ct);
            return agency.Id;
        });

        var third = await SupervisionFactory.RecordAsync(admin, SupervisionFactory.Inspection(officer.Id, inspectedOn: "2022-03-03", items: [("b1", "breach")]));

        Levels(third).ShouldBe(["officer", "station_head"]);
        third["personTimesInYear"]!.GetValue<int>().ShouldBe(3);
        var heads = await factory.WithDbAsync(db => db.Set<AccountabilityRecord>()
            .CountAsync(a => a.Level == "agency_head" && a.HolderAgencyId == agencyId && a.Year == 2022, ApiClient.Ct));
        heads.ShouldBe(1);
    }

    [Fact]
    public async Task Measure_HandlesTheRecordOnce_AndIsAudited()
    {
        var officer = await factory.OfficerAsync("410102");
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var body = await SupervisionFactory.RecordAsync(admin, SupervisionFactory.Inspection(officer.Id, inspectedOn: "2025-05-06", items: [("b4", "breach")]));
        var record = body["accountability"]![0]!;
        var url = $"/api/v1/supervision/accountability/{record["id"]}/measure";

        var response = await admin.PostAsJsonAsync(url, new { measure = "criticism", note = "已谈话提醒", version = record["version"]!.GetValue<int>() }, ApiClient.Ct);

        var handled = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, handled.ToJsonString());
        handled["status"]!.GetValue<string>().ShouldBe("handled");
        handled["measureName"]!.GetValue<string>().ShouldBe("批评教育");
        var again = await admin.PostAsJsonAsync(url, new { measure = "notice" }, ApiClient.Ct);
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "supervision.already_handled");
        var audited = await factory.WithDbAsync(db =>
            db.AuditEntries.CountAsync(a => a.Action == "supervision.accountability_handled" && a.TargetId == record["id"]!.GetValue<string>(), ApiClient.Ct));
        audited.ShouldBe(1);
    }

    [Fact]
    public async Task ABreachWithoutAFinding_IsRefused()
    {
        var officer = await factory.OfficerAsync("410102", 1);
        var admin = await factory.SignedInAsync("zhengzhou.admin");

        var response = await SupervisionFactory.PostAsync(admin, new
        {
            officerId = officer.Id, inspectedOn = "2025-05-07", place = "检查点", items = new[] { new { code = "b3", result = "breach" } },
        });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        problem["errors"]!.ToJsonString().ShouldContain("items[0].finding");
    }

    [Fact]
    public async Task AFindingsClip_MustBeARecordingInTheInspectorsJurisdiction()
    {
        // Years of their own (2021): a breach counts towards the agency's person-times of the year, which other tests assert.
        var officer = await factory.OfficerAsync("410184", 2);
        var clip = await factory.ClipAsync(officer.Id, "inspection-clip-zhongmou");
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        object WithClip(Guid officerId, string on, Guid clipId) => new
        {
            officerId, inspectedOn = on, place = "中牟县治超检查点",
            items = new object[]
            {
                new { code = "b1", result = "compliant" },
                new { code = "b5", result = "breach", finding = "执法时未全程记录", clipId },
            },
        };

        var unknown = await SupervisionFactory.PostAsync(admin, WithClip(officer.Id, "2021-09-01", Guid.NewGuid()));
        var elsewhere = await SupervisionFactory.PostAsync(await factory.SignedInAsync("nanyang.admin"),
            WithClip((await factory.OfficerAsync("411302", 1)).Id, "2021-09-01", clip));
        var body = await SupervisionFactory.RecordAsync(admin, WithClip(officer.Id, "2021-09-02", clip));

        (await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed"))["errors"]!.ToJsonString().ShouldContain("items[1].clipId");
        (await elsewhere.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed"))["errors"]!.ToJsonString().ShouldContain("items[1].clipId");
        body["items"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == "b5")!["clipId"]!.GetValue<Guid>().ShouldBe(clip);
        var stored = await factory.WithDbAsync(db => db.Set<InspectionItem>().CountAsync(i => i.ClipId != null && i.ClipId != clip, ApiClient.Ct));
        stored.ShouldBe(0);
    }

    [Fact]
    public async Task TheSameIdempotencyKeyTwice_RecordsOneInspection_AndAnswersTheSame()
    {
        var officer = await factory.OfficerAsync("410184", 3);
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var inspection = SupervisionFactory.Inspection(officer.Id, inspectedOn: "2021-10-11", items: [("y3", "breach")]);
        var key = Guid.NewGuid().ToString("N");

        var first = await SupervisionFactory.PostAsync(admin, inspection, key);
        var firstBody = await SupervisionFactory.CreatedAsync(first);
        var again = await SupervisionFactory.PostAsync(admin, inspection, key);
        var againBody = await again.JsonAsync();
        var reused = await SupervisionFactory.PostAsync(admin, SupervisionFactory.Inspection(officer.Id, inspectedOn: "2021-10-12", items: [("y3", "breach")]), key);
        var keyless = await admin.PostAsJsonAsync("/api/v1/supervision/inspections", inspection, ApiClient.Ct);

        again.StatusCode.ShouldBe(HttpStatusCode.OK, againBody.ToJsonString());
        again.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        againBody.ToJsonString().ShouldBe(firstBody.ToJsonString());
        await reused.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency.key_reused");
        await keyless.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "idempotency.key_required");
        var (inspections, records) = await factory.WithDbAsync(async db => (
            await db.Set<Inspection>().CountAsync(i => i.OfficerId == officer.Id, ApiClient.Ct),
            await db.Set<AccountabilityRecord>().CountAsync(a => a.OfficerId == officer.Id, ApiClient.Ct)));
        inspections.ShouldBe(1);
        records.ShouldBe(1);
    }

    [Fact]
    public async Task ThePagesSave_WithTheFormsKeyTwice_RecordsOneInspection()
    {
        var officer = await factory.OfficerAsync("410102", 3);
        var request = new CreateInspectionRequest(officer.Id, null, new DateOnly(2021, 10, 13), "中牟县治超检查点", false, null,
            [new InspectionItemRequest("b8", "breach", "违规收取费用", null, null)]);
        var key = Guid.NewGuid().ToString("N");

        async Task<Result<InspectionView>> SaveAsync(CreateInspectionRequest r)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
            return await scope.ServiceProvider.GetRequiredService<InspectionHandler>().CreateOnceAsync(r, key, ApiClient.Ct);
        }

        var first = await SaveAsync(request);
        var second = await SaveAsync(request);
        var changed = await SaveAsync(request with { Place = "另一个检查点" });

        first.IsSuccess.ShouldBeTrue();
        second.IsSuccess.ShouldBeTrue();
        second.Value.Inspection.Id.ShouldBe(first.Value.Inspection.Id);
        second.Value.Accountability.Select(a => a.Id).ShouldBe(first.Value.Accountability.Select(a => a.Id));
        changed.Error!.Code.ShouldBe("idempotency.key_reused");
        var (inspections, records) = await factory.WithDbAsync(async db => (
            await db.Set<Inspection>().CountAsync(i => i.OfficerId == officer.Id, ApiClient.Ct),
            await db.Set<AccountabilityRecord>().CountAsync(a => a.OfficerId == officer.Id, ApiClient.Ct)));
        inspections.ShouldBe(1);
        records.ShouldBe(1);
    }

    [Fact]
    public async Task AnOfficerOfAnotherCity_IsNotFound()
    {
        var officer = await factory.OfficerAsync("410122", 2);
        var nanyang = await factory.SignedInAsync("nanyang.admin");

        var response = await SupervisionFactory.PostAsync(nanyang,
            SupervisionFactory.Inspection(officer.Id, inspectedOn: "2025-05-08", items: [("b1", "breach")]));

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "supervision.officer_not_found");
    }

    [Theory]
    [InlineData("zhengzhou.field")]
    [InlineData("zhengzhou.legal")]
    public async Task OnlyAdministrators_RecordInspections(string username)
    {
        var officer = await factory.OfficerAsync("410122", 3);
        var client = await factory.SignedInAsync(username);

        var response = await SupervisionFactory.PostAsync(client,
            SupervisionFactory.Inspection(officer.Id, inspectedOn: "2025-05-09", items: [("b1", "breach")]));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AFieldOfficer_CannotReadInspections()
    {
        var field = await factory.SignedInAsync("zhengzhou.field");

        (await field.GetAsync("/api/v1/supervision/inspections", ApiClient.Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await field.GetAsync("/api/v1/supervision/accountability", ApiClient.Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
