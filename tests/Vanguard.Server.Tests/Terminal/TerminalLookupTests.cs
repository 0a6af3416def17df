using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vanguard.Domain.Identifiers;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Organisation;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Registry.Data;
using Vanguard.Server.Modules.Terminal.Data;

namespace Vanguard.Server.Tests.Terminal;

/// <summary>查询 on the terminal: identifiers checked before any query, a purpose required, every look-up audited.</summary>
public sealed class TerminalLookupTests(VanguardFactory factory) : IClassFixture<VanguardFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    private const string Purpose = "G107 中牟段路面检查";

    private static string Q(string text) => Uri.EscapeDataString(text);

    private async Task<T> WithDbAsync<T>(Func<VanguardDbContext, Task<T>> read)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        return await read(scope.ServiceProvider.GetRequiredService<VanguardDbContext>());
    }

    private async Task<int> AuditCountAsync(string action, string targetId) =>
        await WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == action && a.TargetId == targetId, Ct));

    [Fact]
    public async Task Vehicle_IsFoundWithItsOpenCasesAndOverloadHistory_AndTheLookUpIsAudited()
    {
        var vehicle = await WithDbAsync(db => db.RegistryVehicles.AsNoTracking()
            .Where(v => v.PlateColor == PlateColor.Yellow && v.OwnerOrganisationId != null && v.Plate.StartsWith("豫A"))
            .OrderBy(v => v.Plate).FirstAsync(Ct));
        var caseNumber = await OverloadCaseAsync(vehicle.Plate);
        var field = await factory.SignedInAsync("zhengzhou.field");

        // Spelt as a camera prints it, with the Chinese colour name: the look-up normalises both.
        var response = await field.GetAsync(
            $"/api/v1/terminal/lookup/vehicle?plate={Q(vehicle.Plate[..2] + "·" + vehicle.Plate[2..])}&plateColor={Q("黄")}&purpose={Q(Purpose)}", Ct);
        var body = await response.JsonAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        body["vehicle"]!["plate"]!.GetValue<string>().ShouldBe(vehicle.Plate);
        body["vehicle"]!["owner"]!["kind"]!.GetValue<string>().ShouldBe("organisation");
        var open = body["openCases"]!.AsArray().Single(c => c!["caseNumber"]?.GetValue<string>() == caseNumber)!;
        open["stage"]!.GetValue<string>().ShouldBe("review");
        open["title"]!.GetValue<string>().ShouldContain("超限");
        var history = body["overloadHistory"]!.AsArray();
        history.Count.ShouldBe(1);
        history[0]!["stationName"]!.GetValue<string>().ShouldBe("G107 中牟动态称重检测点");
        history[0]!["overloadPercent"]!.GetValue<decimal>().ShouldBeGreaterThan(10m);
        history[0]!["caseNumber"]!.GetValue<string>().ShouldBe(caseNumber);
        body.AsObject().ContainsKey("watchlist").ShouldBeTrue();
        body["watchlist"]!.AsArray().ShouldBeEmpty();
        (await AuditCountAsync("terminal.lookup_vehicle", vehicle.Id.ToString())).ShouldBe(1);
        var kept = await WithDbAsync(db => db.Set<LookupRecord>().AsNoTracking().SingleAsync(r => r.TargetId == vehicle.Id.ToString(), Ct));
        kept.Purpose.ShouldBe(Purpose);
        kept.Kind.ShouldBe("vehicle");
        kept.Query.ShouldBe($"{vehicle.Plate}/yellow");
    }

    [Fact]
    public async Task Vehicle_UnknownToTheRegistry_Is404_AndStillAudited()
    {
        var field = await factory.SignedInAsync("nanyang.field");
        var before = await AuditCountAsync("terminal.lookup_vehicle", "none");

        var response = await field.GetAsync($"/api/v1/terminal/lookup/vehicle?plate={Q("豫RZZZZZ")}&plateColor=yellow&purpose={Q(Purpose)}", Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "terminal.not_found");
        (await AuditCountAsync("terminal.lookup_vehicle", "none")).ShouldBe(before + 1);
    }

    [Fact]
    public async Task Vehicle_WithBadPlateOrColourOrNoPurpose_ListsEveryBadField()
    {
        var field = await factory.SignedInAsync("nanyang.field");

        var response = await field.GetAsync($"/api/v1/terminal/lookup/vehicle?plate={Q("豫I12345")}&plateColor=pink", Ct);
        var shortPurpose = await field.GetAsync($"/api/v1/terminal/lookup/vehicle?plate={Q("豫R12345")}&plateColor=yellow&purpose=x", Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        problem["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).ShouldBe(["plate", "plateColor", "purpose"], ignoreOrder: true);
        var shortProblem = await shortPurpose.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        shortProblem["errors"]![0]!["field"]!.GetValue<string>().ShouldBe("purpose");
        shortProblem["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("length");
    }

    [Fact]
    public async Task Driver_WithAWrongCheckDigit_IsRefusedBeforeAnyQuery_NamingTheExpectedCharacter()
    {
        var idNumber = await WithDbAsync(db => db.RegistryDrivers.AsNoTracking()
            .Join(db.RegistryPersons, d => d.PersonId, p => p.Id, (d, p) => p.IdNumber).OrderBy(n => n).FirstAsync(Ct));
        var expected = idNumber[17];
        var wrong = idNumber[..17] + (expected == '0' ? '1' : '0');
        var field = await factory.SignedInAsync("zhengzhou.field");
        var auditsBefore = await WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "terminal.lookup_driver", Ct));

        var bad = await field.GetAsync($"/api/v1/terminal/lookup/driver?idNumber={wrong}&purpose={Q(Purpose)}", Ct);

        var problem = await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var error = problem["errors"]!.AsArray().Single()!;
        error["field"]!.GetValue<string>().ShouldBe("idNumber");
        error["code"]!.GetValue<string>().ShouldBe("check_digit");
        error["message"]!.GetValue<string>().ShouldContain($"“{expected}”");
        (await WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "terminal.lookup_driver", Ct))).ShouldBe(auditsBefore);
        // The same typo given as 从业资格证号 (usually the ID number) gets the same GB 11643 check.
        var asQualification = await field.GetAsync($"/api/v1/terminal/lookup/driver?qualificationNo={wrong}&purpose={Q(Purpose)}", Ct);
        var qualificationError = (await asQualification.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed"))["errors"]!.AsArray().Single()!;
        qualificationError["field"]!.GetValue<string>().ShouldBe("qualificationNo");
        qualificationError["code"]!.GetValue<string>().ShouldBe("check_digit");

        var good = await field.GetAsync($"/api/v1/terminal/lookup/driver?idNumber={idNumber}&purpose={Q(Purpose)}", Ct);
        var body = await good.JsonAsync();
        good.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        body["drivers"]!.AsArray().ShouldNotBeEmpty();
        body["drivers"]![0]!["person"]!["number"]!.GetValue<string>().ShouldBe(idNumber);
        (await WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "terminal.lookup_driver", Ct))).ShouldBe(auditsBefore + 1);
    }

    [Fact]
    public async Task Enterprise_WithAWrongCheckDigit_IsRefused_AndAGoodCodeListsItsVehicles()
    {
        var organisation = await WithDbAsync(db => db.RegistryOrganisations.AsNoTracking().OrderBy(o => o.CreditCode).FirstAsync(Ct));
        var vehicles = await WithDbAsync(db => db.RegistryVehicles.CountAsync(v => v.OwnerOrganisationId == organisation.Id, Ct));
        var code = organisation.CreditCode;
        var wrong = code[..17] + (code[17] == '0' ? '1' : '0');
        var field = await factory.SignedInAsync("xuchang.field");

        var bad = await field.GetAsync($"/api/v1/terminal/lookup/enterprise?creditCode={wrong}&purpose={Q(Purpose)}", Ct);
        var noPurpose = await field.GetAsync($"/api/v1/terminal/lookup/enterprise?creditCode={code}", Ct);
        var good = await field.GetAsync($"/api/v1/terminal/lookup/enterprise?creditCode={code.ToLowerInvariant()}&purpose={Q(Purpose)}", Ct);

        var problem = await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        problem["errors"]![0]!["field"]!.GetValue<string>().ShouldBe("creditCode");
        problem["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("check_digit");
        (await noPurpose.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed"))["errors"]![0]!["field"]!.GetValue<string>().ShouldBe("purpose");
        var body = await good.JsonAsync();
        good.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        body["party"]!["name"]!.GetValue<string>().ShouldBe(organisation.Name);
        body["vehicles"]!.AsArray().Count.ShouldBe(vehicles);
        vehicles.ShouldBeGreaterThan(0);
        body["vehicles"]![0]!["plate"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        (await AuditCountAsync("terminal.lookup_enterprise", organisation.Id.ToString())).ShouldBe(1);
    }

    [Fact]
    public async Task LookUp_WithoutCredentials_Is401()
    {
        var response = await factory.CreateClient().GetAsync($"/api/v1/terminal/lookup/vehicle?plate={Q("豫A12345")}&plateColor=yellow&purpose={Q(Purpose)}", Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    /// <summary>An overloaded weighing of the plate at a 中牟 station, confirmed into an off-site case; returns its case number.</summary>
    private async Task<string> OverloadCaseAsync(string plate)
    {
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var until = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1);
        var register = await admin.PostAsJsonAsync("/api/v1/devices", new
        {
            kind = "wim-station", code = "WIM-TERM-01", name = "G107 中牟动态称重检测点", agencyCode = "410122", accuracyClass = 5,
            certificate = new { number = "JD-WIM-TERM-01", validFrom = until.AddYears(-1).AddDays(-7).ToString("yyyy-MM-dd"), validUntil = until.ToString("yyyy-MM-dd") },
        }, Ct);
        var key = (await register.JsonAsync())["apiKey"]!.GetValue<string>();
        var capturedAt = DateTimeOffset.UtcNow.AddMinutes(-10).ToOffset(TimeSpan.FromHours(8));
        var ingest = await factory.AsDevice(key).PostAsJsonAsync("/api/v1/offsite/wim-records", new[]
        {
            new
            {
                recordId = "t1", capturedAt = capturedAt.ToString("yyyy-MM-ddTHH:mm:sszzz"), lane = 1, plate, plateColor = "yellow", axleCount = 6,
                vehicleKind = "combination", axleWeightsKg = new[] { 10_000, 10_000, 10_000, 10_000, 10_000, 10_000 }, grossWeightKg = 60_000, speedKmh = 60.0,
                images = new[] { new { kind = "plate", sha256 = new string('b', 64), contentType = "image/jpeg" } },
            },
        }, Ct);
        ingest.StatusCode.ShouldBe(HttpStatusCode.OK, await ingest.Content.ReadAsStringAsync(Ct));
        var reviewer = await factory.SignedInAsync("zhengzhou.case");
        var record = await (await reviewer.GetAsync("/api/v1/offsite/wim-records/WIM-TERM-01/t1", Ct)).JsonAsync();
        var confirm = await reviewer.PostAsJsonAsync($"/api/v1/offsite/review-items/{record["reviewItemId"]}/confirm", new { note = "号牌清晰" }, Ct);
        var item = await confirm.JsonAsync();
        confirm.StatusCode.ShouldBe(HttpStatusCode.OK, item.ToJsonString());
        return item["caseNumber"]!.GetValue<string>();
    }
}
