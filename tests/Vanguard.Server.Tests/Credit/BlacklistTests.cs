using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Vanguard.Server.Modules.Credit.Data;
using Vanguard.Server.Tests.Cases;
using Vanguard.Server.Tests.Registry;

namespace Vanguard.Server.Tests.Credit;

/// <summary>
/// 严重违法失信超限超载 (公路安全保护条例 art. 66): credit events from decisions, the listing at the 4th overload violation in 12 months
/// and not at the 3rd, the driver, enterprise (> 10 %) and source rules, a corrected decision lifting a listing, credit repair,
/// the public list masked, and who may do what.
/// </summary>
public sealed class BlacklistTests(CreditFactory factory) : IClassFixture<CreditFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    [Fact]
    public async Task Vehicle_IsProposedAtTheFourthOverloadIn12Months_NotAtTheThird_AndA13MonthOldOneDoesNotCount()
    {
        var client = await factory.SignedInAsync("zhengzhou.case");
        var officers = await CaseApi.TwoOfficersAsync(client, CreditFactory.County);
        var (plate, id) = CreditFactory.NewSubject();
        var today = factory.Today;
        await CreditFactory.OverloadAsync(client, officers, today.AddMonths(-13), plate, id, "冯旧账");
        await CreditFactory.OverloadAsync(client, officers, today.AddDays(-60), plate, id, "冯旧账");
        await CreditFactory.OverloadAsync(client, officers, today.AddDays(-40), plate, id, "冯旧账");
        await CreditFactory.OverloadAsync(client, officers, today.AddDays(-20), plate, id, "冯旧账");

        var run = await factory.RunJobAsync();
        run.EventsWritten.ShouldBeGreaterThanOrEqualTo(8, "a vehicle and a party event per decision");
        var record = await CreditFactory.OkAsync(await client.GetAsync($"/api/v1/credit/vehicles/{Uri.EscapeDataString(plate)}?color=yellow", Ct));
        record["overloadViolations12Months"]!.GetValue<int>().ShouldBe(3);
        record["events"]!.AsArray().Count.ShouldBe(4, "the 13-month-old decision is on the record, but more than 12 months before the others");
        record["entries"]!.AsArray().ShouldBeEmpty("three violations in 12 months are not more than three");
        (await CreditFactory.EntriesAsync(client, plate)).ShouldBeEmpty();

        var fourth = await CreditFactory.OverloadAsync(client, officers, today.AddDays(-1), plate, id, "冯旧账");
        (await factory.RunJobAsync()).EntriesChanged.ShouldBeGreaterThanOrEqualTo(2);

        var entries = await CreditFactory.EntriesAsync(client, plate);
        var vehicle = entries.ShouldHaveSingleItem();
        vehicle["rule"]!.GetValue<string>().ShouldBe("vehicle_overload");
        vehicle["status"]!.GetValue<string>().ShouldBe("proposed");
        vehicle["countedCases"]!.GetValue<int>().ShouldBe(4);
        var detail = await CreditFactory.OkAsync(await client.GetAsync($"/api/v1/credit/blacklist/{vehicle["id"]}", Ct));
        detail["counted"]!.AsArray().Select(c => c!["caseId"]!.GetValue<Guid>()).ShouldContain(fourth);
        detail["reason"]!.GetValue<string>().ShouldContain("违法超限运输 4 次");

        var person = await CreditFactory.PersonAsync(client, id);
        var driver = person["entries"]!.AsArray().ShouldHaveSingleItem()!;
        driver["rule"]!.GetValue<string>().ShouldBe("driver_overload", "the natural-person party of an overload decision drove the truck");

        (await factory.RunJobAsync()).EventsWritten.ShouldBe(0, "a second run writes nothing twice");
        (await CreditFactory.EntriesAsync(client, plate)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task RecordedDriverAndSource_AreListedAtTheirFourthCase_FourthCaseOnly()
    {
        var client = await factory.SignedInAsync("zhengzhou.case");
        var officers = await CaseApi.TwoOfficersAsync(client, CreditFactory.County);
        var n = RegistryData.Next();
        var driver = RegistryData.IdNumber(n);
        var source = RegistryData.CreditCode(n);
        var today = factory.Today;
        var cases = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var (plate, owner) = CreditFactory.NewSubject();
            cases.Add(await CreditFactory.OverloadAsync(client, officers, today.AddDays(-40 + (i * 10)), plate, owner, "承运人" + i));
        }

        var field = await factory.SignedInAsync("zhengzhou.field");
        (await field.PostAsJsonAsync($"/api/v1/credit/cases/{cases[0]}/overload-parties", new { driverIdNumber = driver }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await (await client.PostAsJsonAsync($"/api/v1/credit/cases/{cases[0]}/overload-parties",
                new { driverIdNumber = RegistryData.WithWrongCheck(driver), sourceCreditCode = "91410381XXXXXXXX00" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        await (await client.PostAsJsonAsync($"/api/v1/credit/cases/{Guid.NewGuid()}/overload-parties", new { driverIdNumber = driver }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "credit.case_not_found");

        for (var i = 0; i < 3; i++)
        {
            await CreditFactory.PostOkAsync(client, $"/api/v1/credit/cases/{cases[i]}/overload-parties",
                new { driverIdNumber = driver, driverName = "褚驾驶", sourceCreditCode = source, sourceName = "中牟县测试砂石料场" });
        }

        await factory.RunJobAsync();
        (await CreditFactory.PersonAsync(client, driver))["entries"]!.AsArray().ShouldBeEmpty();
        var unit = await CreditFactory.OkAsync(await client.GetAsync($"/api/v1/credit/enterprises/{source}", Ct));
        unit["entries"]!.AsArray().ShouldBeEmpty();
        unit["events"]!.AsArray().Count.ShouldBe(3);
        unit["events"]![0]!["role"]!.GetValue<string>().ShouldBe("source");

        await CreditFactory.PostOkAsync(client, $"/api/v1/credit/cases/{cases[3]}/overload-parties",
            new { driverIdNumber = driver, driverName = "褚驾驶", sourceCreditCode = source, sourceName = "中牟县测试砂石料场" });
        await factory.RunJobAsync();

        var person = await CreditFactory.PersonAsync(client, driver);
        person["entries"]!.AsArray().ShouldHaveSingleItem()!["rule"]!.GetValue<string>().ShouldBe("driver_overload");
        person["overloadViolations12Months"]!.GetValue<int>().ShouldBe(4);
        unit = await CreditFactory.OkAsync(await client.GetAsync($"/api/v1/credit/enterprises/{source}", Ct));
        unit["entries"]!.AsArray().ShouldHaveSingleItem()!["rule"]!.GetValue<string>().ShouldBe("source_overload");

        var dashboard = await CreditFactory.OkAsync(await client.GetAsync("/api/v1/credit/sources?top=100", Ct));
        var row = dashboard["sources"]!.AsArray().Single(s => s!["creditCode"]!.GetValue<string>() == source)!;
        row["trucks"]!.GetValue<int>().ShouldBe(4);
        row["status"]!.GetValue<string>().ShouldBe("proposed");
    }

    [Fact]
    public async Task Enterprise_IsProposedWhenMoreThanTenPercentOfItsVehiclesViolated()
    {
        var admin = await factory.SignedInAsync("admin");
        var client = await factory.SignedInAsync("zhengzhou.case");
        var officers = await CaseApi.TwoOfficersAsync(client, CreditFactory.County);
        var code = RegistryData.CreditCode(RegistryData.Next());
        (await admin.PostAsJsonAsync("/api/v1/registry/organisations", new { name = "巩义市十车运输有限公司", creditCode = code }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var plates = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            var plate = RegistryData.Plate(RegistryData.Next());
            var created = await admin.PostAsJsonAsync("/api/v1/registry/vehicles", new { plate, plateColor = "yellow", vehicleTypeCode = "H11", ownerCreditCode = code }, Ct);
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
            plates.Add(plate);
        }

        var (_, driverA) = CreditFactory.NewSubject();
        await CreditFactory.OverloadAsync(client, officers, factory.Today.AddDays(-20), plates[0], driverA, "韩一车");
        await factory.RunJobAsync();
        var enterprise = await CreditFactory.OkAsync(await client.GetAsync($"/api/v1/credit/enterprises/{code}", Ct));
        enterprise["events"]!.AsArray().ShouldHaveSingleItem()!["role"]!.GetValue<string>().ShouldBe("owner");
        enterprise["entries"]!.AsArray().ShouldBeEmpty("1 of 10 vehicles is 10 %, not more");

        var (_, driverB) = CreditFactory.NewSubject();
        await CreditFactory.OverloadAsync(client, officers, factory.Today.AddDays(-10), plates[1], driverB, "韩二车");
        await factory.RunJobAsync();
        enterprise = await CreditFactory.OkAsync(await client.GetAsync($"/api/v1/credit/enterprises/{code}", Ct));
        var entry = enterprise["entries"]!.AsArray().ShouldHaveSingleItem()!;
        entry["rule"]!.GetValue<string>().ShouldBe("enterprise_overload_rate");
        entry["countedCases"]!.GetValue<int>().ShouldBe(2);

        var dashboard = await CreditFactory.OkAsync(await client.GetAsync("/api/v1/credit/sources?top=100", Ct));
        var row = dashboard["enterprises"]!.AsArray().Single(s => s!["creditCode"]!.GetValue<string>() == code)!;
        (row["fleet"]!.GetValue<int>(), row["violating"]!.GetValue<int>(), row["ratePercent"]!.GetValue<decimal>(), row["overLine"]!.GetValue<bool>())
            .ShouldBe((10, 2, 20.0m, true));
    }

    [Fact]
    public async Task CorrectedDecision_LiftsTheListingItRestsOn_WithTheReason()
    {
        var client = await factory.SignedInAsync("zhengzhou.case");
        var officers = await CaseApi.TwoOfficersAsync(client, CreditFactory.County);
        var (plate, id) = CreditFactory.NewSubject();
        var cases = new List<Guid>();
        foreach (var days in new[] { 90, 60, 30, 5 })
        {
            cases.Add(await CreditFactory.OverloadAsync(client, officers, factory.Today.AddDays(-days), plate, id, "蒋纠错"));
        }

        await factory.RunJobAsync();
        var entryId = (await CreditFactory.EntriesAsync(client, plate)).ShouldHaveSingleItem()["id"]!.GetValue<Guid>();
        var nanyang = await factory.SignedInAsync("nanyang.admin");
        await (await nanyang.PostAsJsonAsync($"/api/v1/credit/blacklist/{entryId}/confirm", new { note = "确认列入" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "credit.outside_jurisdiction");
        var admin = await factory.SignedInAsync("admin");
        await CreditFactory.PostOkAsync(admin, $"/api/v1/credit/blacklist/{entryId}/confirm", new { note = "经告知当事人未提出异议，确认列入。" });

        var legal = await factory.SignedInAsync("zhengzhou.legal");
        await CaseApi.ActAsync(legal, cases[1], "record-review-outcome",
            new { on = factory.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), kind = "review", outcome = "revoked", organ = "郑州市人民政府", documentNumber = "郑政复决〔2026〕88号" });
        await factory.RunJobAsync();

        var detail = await CreditFactory.OkAsync(await client.GetAsync($"/api/v1/credit/blacklist/{entryId}", Ct));
        detail["summary"]!["status"]!.GetValue<string>().ShouldBe("delisted");
        detail["delistKind"]!.GetValue<string>().ShouldBe("corrected");
        detail["delistReason"]!.GetValue<string>().ShouldContain("行政复议");
        detail["counted"]!.AsArray().Single(c => c!["caseId"]!.GetValue<Guid>() == cases[1])!["voided"]!.GetValue<bool>().ShouldBeTrue();
        var record = await CreditFactory.OkAsync(await client.GetAsync($"/api/v1/credit/vehicles/{Uri.EscapeDataString(plate)}?color=yellow", Ct));
        record["overloadViolations12Months"]!.GetValue<int>().ShouldBe(3);

        await CreditFactory.OverloadAsync(client, officers, factory.Today, plate, id, "蒋纠错");
        await factory.RunJobAsync();
        (await CreditFactory.EntriesAsync(client, plate)).Count(e => e["status"]!.GetValue<string>() == "proposed")
            .ShouldBe(1, "after a correction the remaining decisions count again, with a new 4th");
    }

    [Fact]
    public async Task TerminalLookup_ShowsABlacklistedVehicleAndItsOverloadCount()
    {
        var admin = await factory.SignedInAsync("admin");
        var client = await factory.SignedInAsync("zhengzhou.case");
        var officers = await CaseApi.TwoOfficersAsync(client, CreditFactory.County);
        var (plate, id) = CreditFactory.NewSubject();
        (await admin.PostAsJsonAsync("/api/v1/registry/persons", new { name = "杨终端", idNumber = id }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await admin.PostAsJsonAsync("/api/v1/registry/vehicles", new { plate, plateColor = "yellow", vehicleTypeCode = "H11", ownerIdNumber = id }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var field = await factory.SignedInAsync("zhengzhou.field");
        var lookup = $"/api/v1/terminal/lookup/vehicle?plate={Uri.EscapeDataString(plate)}&plateColor=yellow&purpose={Uri.EscapeDataString("G107 路面检查")}";

        var clean = await CreditFactory.OkAsync(await field.GetAsync(lookup, Ct));
        (clean["credit"]!["blacklisted"]!.GetValue<bool>(), clean["credit"]!["overloadViolations12Months"]!.GetValue<int>()).ShouldBe((false, 0));

        foreach (var days in new[] { 70, 50, 30, 3 })
        {
            await CreditFactory.OverloadAsync(client, officers, factory.Today.AddDays(-days), plate, id, "杨终端");
        }

        await factory.RunJobAsync();
        var proposed = await CreditFactory.OkAsync(await field.GetAsync(lookup, Ct));
        (proposed["credit"]!["blacklisted"]!.GetValue<bool>(), proposed["credit"]!["proposed"]!.GetValue<bool>()).ShouldBe((false, true));
        var entryId = (await CreditFactory.EntriesAsync(client, plate)).ShouldHaveSingleItem()["id"]!.GetValue<Guid>();
        await CreditFactory.PostOkAsync(admin, $"/api/v1/credit/blacklist/{entryId}/confirm", new { note = "确认列入" });

        var listed = await CreditFactory.OkAsync(await field.GetAsync(lookup, Ct));
        listed["credit"]!["blacklisted"]!.GetValue<bool>().ShouldBeTrue();
        listed["credit"]!["overloadViolations12Months"]!.GetValue<int>().ShouldBe(4);
        listed["credit"]!["expiresOn"]!.GetValue<string>().ShouldBe(factory.Today.AddMonths(36).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task OrdinaryDecision_CountsOnlyOnceServed()
    {
        var client = await factory.SignedInAsync("zhengzhou.case");
        var officers = await CaseApi.TwoOfficersAsync(client, CreditFactory.County);
        var (plate, id) = CreditFactory.NewSubject();
        var today = factory.Today;
        var caseId = CaseApi.IdOf(await CaseApi.CreateAsync(client, new
        {
            procedure = "ordinary", agencyCode = CreditFactory.County, offenceCode = "overload.dimensions", title = "车货总高度超过 4 米（未超过 4.2 米）",
            source = 1, party = new { kind = "person", name = "钱送达", idNumber = id }, vehicle = new { plate, color = "yellow" },
            actOn = Day(today.AddDays(-10)), acceptedOn = Day(today.AddDays(-10)), facts = "车货总高度超过 4 米。", officerIds = officers,
        }));
        await CaseApi.ActAsync(client, caseId, "file", new { on = Day(today.AddDays(-10)), approvedBy = "张诚" });
        await CaseApi.ActAsync(client, caseId, "complete-investigation", new { on = Day(today.AddDays(-9)) });
        await CaseApi.ActAsync(client, caseId, "notify", new { on = Day(today.AddDays(-8)), proposedFineFen = 10_000 });
        await CaseApi.ActAsync(client, caseId, "waive-rights", new { on = Day(today.AddDays(-8)), statement = true, hearing = true });
        await CaseApi.ActAsync(client, caseId, "decide", new { on = Day(today.AddDays(-7)), outcome = "penalty", fineFen = 10_000 });

        await factory.RunJobAsync();
        (await CreditFactory.VehicleAsync(client, plate))["events"]!.AsArray().ShouldBeEmpty("a decision not yet served has not taken effect (行政处罚法 art. 61)");

        await CaseApi.ActAsync(client, caseId, "serve", new { on = Day(today.AddDays(-6)), method = "direct" });
        await factory.RunJobAsync();
        (await CreditFactory.VehicleAsync(client, plate))["events"]!.AsArray().ShouldHaveSingleItem()!["caseId"]!.GetValue<Guid>().ShouldBe(caseId);
    }

    [Fact]
    public async Task ChangedDecision_KeepsItsEvents_RevokedAndConfirmedIllegalVoidThem()
    {
        var client = await factory.SignedInAsync("zhengzhou.case");
        var officers = await CaseApi.TwoOfficersAsync(client, CreditFactory.County);
        var legal = await factory.SignedInAsync("zhengzhou.legal");
        var results = new[] { "changed", "revoked", "confirmed_illegal", "upheld" };
        var subjects = new List<string>();
        var cases = new List<Guid>();
        foreach (var _ in results)
        {
            var (plate, id) = CreditFactory.NewSubject();
            subjects.Add(plate);
            cases.Add(await CreditFactory.OverloadAsync(client, officers, factory.Today.AddDays(-30), plate, id, "孔复议"));
        }

        await factory.RunJobAsync();
        for (var i = 0; i < results.Length; i++)
        {
            await CaseApi.ActAsync(legal, cases[i], "record-review-outcome",
                new { on = Day(factory.Today), kind = "review", outcome = results[i], organ = "郑州市人民政府", documentNumber = $"郑政复决〔2026〕{900 + i}号" });
        }

        await factory.RunJobAsync();
        var voided = new List<bool>();
        foreach (var plate in subjects)
        {
            voided.Add((await CreditFactory.VehicleAsync(client, plate))["events"]!.AsArray().ShouldHaveSingleItem()!["voided"]!.GetValue<bool>());
        }

        voided.ShouldBe([false, true, true, false], "变更 and 维持 keep the finding of the violation; 撤销 and 确认违法 take it away");
    }

    [Fact]
    public async Task Repair_DecidedTwiceOrOnAStaleVersion_IsAConflict()
    {
        var client = await factory.SignedInAsync("zhengzhou.case");
        var officers = await CaseApi.TwoOfficersAsync(client, CreditFactory.County);
        var (plate, id) = CreditFactory.NewSubject();
        foreach (var days in new[] { 80, 60, 40, 20 })
        {
            await CreditFactory.OverloadAsync(client, officers, factory.Today.AddDays(-days), plate, id, "沈并发");
        }

        await factory.RunJobAsync();
        var entryId = (await CreditFactory.EntriesAsync(client, plate)).ShouldHaveSingleItem()["id"]!.GetValue<Guid>();
        var admin = await factory.SignedInAsync("admin");
        await CreditFactory.PostOkAsync(admin, $"/api/v1/credit/blacklist/{entryId}/confirm", new { note = "确认列入" });
        // The application itself waits a year (CreditRepairTests); here it is put in directly, as if made then.
        var repairId = Guid.CreateVersion7();
        await factory.WithDbAsync(async db =>
        {
            db.Add(new RepairApplication
            {
                Id = repairId, EntryId = entryId, Status = RepairStatus.Pending, Commitment = "承诺", Rectification = "整改", AppliedAt = DateTimeOffset.UtcNow,
                AppliedBy = "测试",
            });
            return await db.SaveChangesAsync(Ct);
        });

        // Two managers read the pending application; the first saves, the second's save is refused by the token.
        var lost = await factory.WithDbAsync(async first => await factory.WithDbAsync(async second =>
        {
            var a = await first.Set<RepairApplication>().SingleAsync(r => r.Id == repairId, Ct);
            var b = await second.Set<RepairApplication>().SingleAsync(r => r.Id == repairId, Ct);
            (a.Status, a.Version) = (RepairStatus.Rejected, a.Version + 1);
            (b.Status, b.Version) = (RepairStatus.Approved, b.Version + 1);
            await first.SaveChangesAsync(Ct);
            return await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Ct));
        }));
        lost.ShouldNotBeNull();
        await factory.WithDbAsync(async db =>
        {
            var r = await db.Set<RepairApplication>().SingleAsync(x => x.Id == repairId, Ct);
            (r.Status, r.Version) = (RepairStatus.Pending, 0);
            return await db.SaveChangesAsync(Ct);
        });

        await (await admin.PostAsJsonAsync($"/api/v1/credit/repairs/{repairId}/decide", new { approve = true, note = "准予", version = 7 }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "credit.concurrent_update");
        var decided = await CreditFactory.OkAsync(await admin.PostAsJsonAsync($"/api/v1/credit/repairs/{repairId}/decide", new { approve = true, note = "准予", version = 0 }, Ct));
        (decided["status"]!.GetValue<string>(), decided["version"]!.GetValue<int>()).ShouldBe(("approved", 1));
        await (await admin.PostAsJsonAsync($"/api/v1/credit/repairs/{repairId}/decide", new { approve = false, note = "不予" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "credit.repair_decided");
    }

    [Fact]
    public async Task PersonLookup_IsAPostWithARequiredPurpose_NotAnIdNumberInThePath()
    {
        var client = await factory.SignedInAsync("zhengzhou.case");
        var (_, id) = CreditFactory.NewSubject();
        await (await client.PostAsJsonAsync("/api/v1/credit/persons/lookup", new { idNumber = id }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        (await client.GetAsync($"/api/v1/credit/persons/{id}", Ct)).IsSuccessStatusCode.ShouldBeFalse();
        var record = await CreditFactory.PersonAsync(client, id);
        record["events"]!.AsArray().ShouldBeEmpty();
    }
}
