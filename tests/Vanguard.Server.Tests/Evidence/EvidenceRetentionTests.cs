using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Vanguard.Server.Tests.Evidence.EvidenceApi;

namespace Vanguard.Server.Tests.Evidence;

/// <summary>The platform on a clock the test moves: the retention job sees months pass in a moment.</summary>
public sealed class FakeClockFactory : VanguardFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Vanguard:Evidence:ScheduleJobs", "false")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>Retention (≥ 6 months; permanent while linked; legal hold blocks deletion) and the daily job.</summary>
public sealed class EvidenceRetentionTests(FakeClockFactory factory) : IClassFixture<FakeClockFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    [Fact]
    public async Task RetentionJob_DeletesOnlyWhatIsDue()
    {
        var key = await DockKeyAsync(factory, "zhengzhou.admin", "410122");
        var dock = factory.AsDevice(key);
        var officerNo = await OfficerNoAsync(factory, "zhengzhou.admin", "410122");
        var now = factory.Clock.GetUtcNow();
        async Task<(Guid Id, string Sha)> UploadAsync(int seed, string category = "routine")
        {
            var content = RandomBytes(20_000, seed);
            var meta = Meta(content, officerNo, recordedFrom: factory.Clock.GetUtcNow().AddHours(-1));
            meta["category"] = category;
            return (await EvidenceApi.UploadAsync(dock, content, meta), Sha256(content));
        }

        var due = await UploadAsync(201);
        var linked = await UploadAsync(202);
        var held = await UploadAsync(203);
        var obstruction = await UploadAsync(204, "obstruction");
        var caseOfficer = await factory.SignedInAsync("zhengzhou.case");
        var officers = await Cases.CaseApi.TwoOfficersAsync(caseOfficer, "410122");
        var caseId = Cases.CaseApi.IdOf(await Cases.CaseApi.CreateAsync(caseOfficer, new
        {
            procedure = "ordinary", agencyCode = "410122", offenceCode = "unlicensed.freight", title = "擅自从事道路货物运输", source = 1,
            party = new { kind = "person", name = "赵国庆" }, actOn = "2026-09-01", acceptedOn = "2026-09-01", officerIds = officers,
        }));
        (await caseOfficer.PostAsJsonAsync($"/api/v1/evidence/{linked.Id}/links", new { caseId }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var admin = await factory.SignedInAsync("admin");
        (await admin.PostAsJsonAsync($"/api/v1/evidence/{held.Id}/retention", new { legalHold = true, reason = "当事人已申请行政复议" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ItemAsync(admin, obstruction.Id))["retentionClass"]!.GetValue<string>().ShouldBe("permanent");

        var early = await (await admin.PostAsync("/api/v1/evidence/jobs/retention", null, Ct)).JsonAsync();
        early["affected"]!.GetValue<int>().ShouldBe(0);

        factory.Clock.SetUtcNow(now.AddMonths(6).AddDays(2));
        var fresh = await UploadAsync(205);
        admin = await factory.SignedInAsync("admin");
        var run = await (await admin.PostAsync("/api/v1/evidence/jobs/retention", null, Ct)).JsonAsync();

        run["affected"]!.GetValue<int>().ShouldBe(1);
        var deleted = await ItemAsync(admin, due.Id);
        deleted["deletedAt"]!.GetValue<DateTimeOffset>().ShouldBe(factory.Clock.GetUtcNow(), TimeSpan.FromSeconds(1));
        File.Exists(BlobPath(factory, due.Sha)).ShouldBeFalse();
        await (await admin.GetAsync($"/api/v1/evidence/{due.Id}/content", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "evidence.deleted");
        var custody = await (await admin.GetAsync($"/api/v1/evidence/{due.Id}/custody", Ct)).JsonAsync();
        var deletion = custody.AsArray().Last()!;
        deletion["action"]!.GetValue<string>().ShouldBe("delete");
        deletion["actorKind"]!.GetValue<string>().ShouldBe("system");
        foreach (var (id, sha) in new[] { linked, held, obstruction, fresh })
        {
            (await ItemAsync(admin, id))["deletedAt"].ShouldBeNull();
            File.Exists(BlobPath(factory, sha)).ShouldBeTrue();
        }

        var refusedHold = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/evidence/{held.Id}") { Content = JsonContent.Create(new { reason = "清理" }) }, Ct);
        await refusedHold.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "evidence.legal_hold");
        var refusedFresh = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/evidence/{fresh.Id}") { Content = JsonContent.Create(new { reason = "清理" }) }, Ct);
        await refusedFresh.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "evidence.retention_not_due");
        var refusedLinked = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/evidence/{linked.Id}") { Content = JsonContent.Create(new { reason = "清理" }) }, Ct);
        await refusedLinked.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "evidence.linked_to_case");
    }

}

/// <summary>A legal hold blocks deletion only while it lasts (its own platform: it moves the clock a year on).</summary>
public sealed class LegalHoldTests(FakeClockFactory factory) : IClassFixture<FakeClockFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    [Fact]
    public async Task ReleasingALegalHold_LetsTheNextRunDeleteWhatIsDue()
    {
        var dock = factory.AsDevice(await DockKeyAsync(factory, "zhengzhou.admin", "410122"));
        var officerNo = await OfficerNoAsync(factory, "zhengzhou.admin", "410122", 1);
        var content = RandomBytes(10_000, 301);
        var id = await EvidenceApi.UploadAsync(dock, content, Meta(content, officerNo, recordedFrom: factory.Clock.GetUtcNow().AddHours(-1)));
        var admin = await factory.SignedInAsync("admin");
        (await admin.PostAsJsonAsync($"/api/v1/evidence/{id}/retention", new { legalHold = true, reason = "复议" }, Ct)).EnsureSuccessStatusCode();

        factory.Clock.Advance(TimeSpan.FromDays(400));
        admin = await factory.SignedInAsync("admin");
        await admin.PostAsync("/api/v1/evidence/jobs/retention", null, Ct);
        (await ItemAsync(admin, id))["deletedAt"].ShouldBeNull();

        (await admin.PostAsJsonAsync($"/api/v1/evidence/{id}/retention", new { legalHold = false, reason = "复议结束" }, Ct)).EnsureSuccessStatusCode();
        await admin.PostAsync("/api/v1/evidence/jobs/retention", null, Ct);

        (await ItemAsync(admin, id))["deletedAt"].ShouldNotBeNull();
        (await CustodyActionsAsync(admin, id)).ShouldBe(["upload", "legal_hold", "legal_hold", "delete"]);
    }
}
