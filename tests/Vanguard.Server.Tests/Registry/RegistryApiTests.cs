using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Vanguard.Domain.Identifiers;
using Vanguard.Server.Modules.Organisation;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Registry.Contracts;

namespace Vanguard.Server.Tests.Registry;

public sealed class RegistryApiTests(VanguardFactory factory) : IClassFixture<VanguardFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    private static async Task<string> CreatePersonAsync(HttpClient client, string? name = null)
    {
        var id = RegistryData.IdNumber(RegistryData.Next());
        var response = await client.PostAsJsonAsync("/api/v1/registry/persons", new { name = name ?? "赵铁柱", idNumber = id, phone = "13812345678", address = "河南省巩义市新兴路1号" }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return id;
    }

    private static async Task<string> CreateOrganisationAsync(HttpClient client)
    {
        var code = RegistryData.CreditCode(RegistryData.Next());
        var response = await client.PostAsJsonAsync("/api/v1/registry/organisations", new
        {
            name = "巩义市测试物流有限公司", creditCode = code, legalRepresentative = "钱多多", phone = "0371-64123456", operatingLicenceNo = "410381100001",
        }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return code;
    }

    [Fact]
    public async Task Person_ListMasksTheIdNumber_DetailShowsItInFull()
    {
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var id = await CreatePersonAsync(admin, "孙悟净");

        var list = await (await admin.GetAsync("/api/v1/registry/persons?q=孙悟净", Ct)).JsonAsync();
        var detail = await (await admin.GetAsync($"/api/v1/registry/persons/{id}", Ct)).JsonAsync();

        var item = list["items"]!.AsArray().Single()!;
        item["idNumber"]!.GetValue<string>().ShouldBe(ResidentIdNumber.Mask(id));
        item["phone"]!.GetValue<string>().ShouldBe("138****5678");
        list.ToJsonString().ShouldNotContain(id);
        detail["idNumber"]!.GetValue<string>().ShouldBe(id);
        detail["phone"]!.GetValue<string>().ShouldBe("13812345678");
        var byId = await (await admin.GetAsync($"/api/v1/registry/persons/{item["id"]!.GetValue<string>()}", Ct)).JsonAsync();
        byId["idNumber"]!.GetValue<string>().ShouldBe(id);
    }

    [Fact]
    public async Task DriverList_MasksAQualificationNumberThatIsTheIdNumber()
    {
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var id = await CreatePersonAsync(admin, "吴司机");
        var created = await admin.PostAsJsonAsync("/api/v1/registry/drivers", new
        {
            idNumber = id, qualificationNo = id, qualificationCategory = "道路货物运输驾驶员", validUntil = new DateOnly(2030, 1, 1),
        }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));

        var list = await (await admin.GetAsync("/api/v1/registry/drivers?q=吴司机", Ct)).JsonAsync();
        var detail = await (await admin.GetAsync(created.Headers.Location!, Ct)).JsonAsync();

        list.ToJsonString().ShouldNotContain(id);
        list["items"]!.AsArray().Single()!["qualificationNo"]!.GetValue<string>().ShouldBe(ResidentIdNumber.Mask(id));
        detail["qualificationNo"]!.GetValue<string>().ShouldBe(id);
        created.Headers.Location!.ToString().ShouldNotContain(id);
    }

    [Fact]
    public async Task Person_WithWrongCheckDigit_IsRefusedWithItsCode()
    {
        var admin = await factory.SignedInAsync("zhengzhou.admin");

        var response = await admin.PostAsJsonAsync("/api/v1/registry/persons", new
        {
            name = "", idNumber = RegistryData.WithWrongCheck(RegistryData.IdNumber(RegistryData.Next())), phone = "call me",
        }, Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var errors = problem["errors"]!.AsArray().Select(e => (e!["field"]!.GetValue<string>(), e["code"]!.GetValue<string>())).ToList();
        errors.ShouldBe([("name", "required"), ("idNumber", "registry.id_number_invalid"), ("phone", "registry.phone_invalid")], ignoreOrder: true);
    }

    [Fact]
    public async Task Vehicle_WithSeveralBadFields_ListsThemAll()
    {
        var admin = await factory.SignedInAsync("zhengzhou.admin");

        var response = await admin.PostAsJsonAsync("/api/v1/registry/vehicles", new
        {
            plate = "豫I12345", plateColor = "purple", vehicleTypeCode = "truck",
            ownerIdNumber = RegistryData.WithWrongCheck(RegistryData.IdNumber(RegistryData.Next())), axleCount = 1, registeredTotalMassKg = -5,
            transportCertificateNo = "410381000001",
        }, Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var errors = problem["errors"]!.AsArray().Select(e => (e!["field"]!.GetValue<string>(), e["code"]!.GetValue<string>())).ToList();
        errors.ShouldBe(
        [
            ("plate", "registry.plate_invalid"), ("plateColor", "registry.plate_color_invalid"), ("vehicleTypeCode", "registry.vehicle_type_invalid"),
            ("ownerIdNumber", "registry.id_number_invalid"), ("axleCount", "registry.axle_count_out_of_range"),
            ("registeredTotalMassKg", "registry.mass_out_of_range"), ("transportCertificateValidUntil", "required"),
        ], ignoreOrder: true);
    }

    [Fact]
    public async Task Duplicates_AreConflicts()
    {
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var id = await CreatePersonAsync(admin);
        var code = await CreateOrganisationAsync(admin);
        var plate = RegistryData.Plate(RegistryData.Next());
        var vehicle = new { plate, plateColor = "yellow", vehicleTypeCode = "H11", ownerCreditCode = code };
        (await admin.PostAsJsonAsync("/api/v1/registry/vehicles", vehicle, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var person = await admin.PostAsJsonAsync("/api/v1/registry/persons", new { name = "另一个人", idNumber = id.ToLowerInvariant() }, Ct);
        var organisation = await admin.PostAsJsonAsync("/api/v1/registry/organisations", new { name = "另一家公司", creditCode = code }, Ct);
        var sameVehicle = await admin.PostAsJsonAsync("/api/v1/registry/vehicles", vehicle with { plate = plate[..2] + "·" + plate[2..] }, Ct);

        await person.ShouldBeProblemAsync(HttpStatusCode.Conflict, "registry.person_exists");
        await organisation.ShouldBeProblemAsync(HttpStatusCode.Conflict, "registry.organisation_exists");
        await sameVehicle.ShouldBeProblemAsync(HttpStatusCode.Conflict, "registry.vehicle_exists");
    }

    [Fact]
    public async Task VehicleLookup_ShowsOwnerExpiredCertificateAndTheOwnersDrivers()
    {
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var code = await CreateOrganisationAsync(admin);
        var driverId = await CreatePersonAsync(admin, "周师傅");
        var plate = RegistryData.Plate(RegistryData.Next());
        var created = await admin.PostAsJsonAsync("/api/v1/registry/vehicles", new
        {
            plate, plateColor = "黄色", vehicleTypeCode = "Q11", ownerCreditCode = code, axleCount = 3, registeredTotalMassKg = 25_000,
            transportCertificateNo = "410381001234", transportCertificateValidUntil = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10),
        }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var driver = await admin.PostAsJsonAsync("/api/v1/registry/drivers", new
        {
            idNumber = driverId, qualificationNo = driverId, qualificationCategory = "道路货物运输驾驶员",
            validUntil = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(3), employerCreditCode = code,
        }, Ct);
        driver.StatusCode.ShouldBe(HttpStatusCode.Created, await driver.Content.ReadAsStringAsync(Ct));

        var response = await admin.GetAsync($"/api/v1/registry/vehicles/{Uri.EscapeDataString(plate)}?color=yellow", Ct);

        var detail = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, detail.ToJsonString());
        detail["vehicle"]!["vehicleTypeName"]!.GetValue<string>().ShouldBe("重型半挂牵引车");
        detail["vehicle"]!["certificateStatus"]!.GetValue<string>().ShouldBe("expired");
        detail["owner"]!["number"]!.GetValue<string>().ShouldBe(code);
        detail["owner"]!["kind"]!.GetValue<string>().ShouldBe("organisation");
        var drivers = detail["drivers"]!.AsArray();
        drivers.Count.ShouldBe(1);
        drivers[0]!["name"]!.GetValue<string>().ShouldBe("周师傅");
        drivers[0]!["idNumber"]!.GetValue<string>().ShouldBe(ResidentIdNumber.Mask(driverId));
        drivers[0]!["qualificationStatus"]!.GetValue<string>().ShouldBe("valid");
    }

    [Fact]
    public async Task VehicleLookup_OfAnUnknownPlate_IsNotFound()
    {
        var admin = await factory.SignedInAsync("zhengzhou.field");

        var response = await admin.GetAsync($"/api/v1/registry/vehicles/{Uri.EscapeDataString("豫P99999")}?color=yellow", Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "registry.vehicle_not_found");
    }

    [Fact]
    public async Task FieldOfficer_ReadsTheRegistry_ButCannotChangeIt()
    {
        var field = await factory.SignedInAsync("nanyang.field");

        var read = await field.GetAsync("/api/v1/registry/vehicles", Ct);
        var write = await field.PostAsJsonAsync("/api/v1/registry/persons", new { name = "某人", idNumber = RegistryData.IdNumber(RegistryData.Next()) }, Ct);

        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        write.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CaseOfficer_MayRegister()
    {
        var caseOfficer = await factory.SignedInAsync("xuchang.case");

        await CreatePersonAsync(caseOfficer);
    }

    [Fact]
    public async Task Registry_ContractFindsVehicleAndParty()
    {
        var admin = await factory.SignedInAsync("admin");
        var code = await CreateOrganisationAsync(admin);
        var plate = RegistryData.Plate(RegistryData.Next());
        (await admin.PostAsJsonAsync("/api/v1/registry/vehicles", new
        {
            plate, plateColor = "yellow", vehicleTypeCode = "H11", ownerCreditCode = code, transportCertificateNo = "410381007777",
            transportCertificateValidUntil = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1),
        }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        var registry = scope.ServiceProvider.GetRequiredService<IRegistry>();
        var vehicle = await registry.FindVehicleAsync(plate[..2] + "·" + plate[2..], "黄", Ct);
        var party = await registry.FindPartyAsync(code.ToLowerInvariant(), Ct);

        vehicle.ShouldNotBeNull();
        vehicle.TransportCertificate.Status.ShouldBe(CertificateStatus.Valid);
        vehicle.Owner.Number.ShouldBe(code);
        party.ShouldNotBeNull();
        party.Kind.ShouldBe(PartyKind.Organisation);
        (await registry.FindVehicleAsync(plate, "blue", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task DemoRegistry_IsSeededWithValidIdentifiersAndSomeExpiredCertificates()
    {
        var admin = await factory.SignedInAsync("admin");

        var persons = await (await admin.GetAsync("/api/v1/registry/persons?pageSize=200", Ct)).JsonAsync();
        var organisations = await (await admin.GetAsync("/api/v1/registry/organisations?pageSize=200", Ct)).JsonAsync();
        var vehicles = await (await admin.GetAsync("/api/v1/registry/vehicles?q=豫&pageSize=200", Ct)).JsonAsync();
        var expired = await (await admin.GetAsync("/api/v1/registry/vehicles?certificate=expired&pageSize=200", Ct)).JsonAsync();
        var drivers = await (await admin.GetAsync("/api/v1/registry/drivers?pageSize=200", Ct)).JsonAsync();

        persons["total"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(30);
        organisations["items"]!.AsArray().Select(o => o!["creditCode"]!.GetValue<string>()).Where(c => c.StartsWith("914", StringComparison.Ordinal))
            .ShouldAllBe(c => UnifiedSocialCreditCode.IsValid(c));
        organisations["total"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(10);
        vehicles["total"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(50);
        vehicles["items"]!.AsArray().Where(v => v!["vehicleTypeCode"]!.GetValue<string>() is "H11" or "Q11")
            .ShouldAllBe(v => v!["plateColor"]!.GetValue<string>() == "yellow" || v!["plateColor"]!.GetValue<string>() == "yellow-green");
        expired["items"]!.AsArray().Count.ShouldBeGreaterThan(3);
        drivers["total"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(20);

        var someone = persons["items"]!.AsArray().First(p => p!["idNumber"]!.GetValue<string>().StartsWith("4101", StringComparison.Ordinal))!;
        var search = await (await admin.GetAsync($"/api/v1/registry/drivers?q={Uri.EscapeDataString(someone["name"]!.GetValue<string>())}", Ct)).JsonAsync();
        search["total"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(0);
        var firstVehicle = vehicles["items"]!.AsArray()[0]!;
        var detail = await (await admin.GetAsync(
            $"/api/v1/registry/vehicles/{Uri.EscapeDataString(firstVehicle["plate"]!.GetValue<string>())}?color={firstVehicle["plateColor"]!.GetValue<string>()}", Ct)).JsonAsync();
        var ownerNumber = detail["owner"]!["number"]!.GetValue<string>();
        (ResidentIdNumber.IsValid(ownerNumber) || UnifiedSocialCreditCode.IsValid(ownerNumber)).ShouldBeTrue(ownerNumber);
    }
}
