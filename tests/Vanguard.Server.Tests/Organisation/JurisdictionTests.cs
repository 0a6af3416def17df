using System.Net;
using System.Net.Http.Json;

namespace Vanguard.Server.Tests.Organisation;

/// <summary>A user sees and changes only their agency's subtree; the province sees all.</summary>
public sealed class JurisdictionTests(VanguardFactory factory) : IClassFixture<VanguardFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    private async Task<HttpClient> CountyUserAsync(string countyCode, string username)
    {
        var city = await factory.SignedInAsync("zhengzhou.admin");
        var created = await city.PostAsJsonAsync("/api/v1/officers", new
        {
            agencyCode = countyCode,
            officerNo = "T" + username.GetHashCode(StringComparison.Ordinal).ToString("X8", System.Globalization.CultureInfo.InvariantCulture),
            name = "测试队员",
            account = new { username, password = VanguardFactory.Password, roles = new[] { "agency-admin" } },
        }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        return await factory.SignedInAsync(username);
    }

    [Fact]
    public async Task ProvinceAdmin_SeesTheWholeTree()
    {
        var admin = await factory.SignedInAsync("admin");

        var tree = (await (await admin.GetAsync("/api/v1/agencies", Ct)).JsonAsync()).AsArray();

        tree.Count.ShouldBe(1);
        tree[0]!["code"]!.GetValue<string>().ShouldBe("410000");
        tree[0]!["children"]!.AsArray().Select(c => c!["code"]!.GetValue<string>()).ShouldBe(["410100", "411000", "411300"], ignoreOrder: true);
    }

    [Fact]
    public async Task CityUser_SeesOnlyTheirCity()
    {
        var nanyang = await factory.SignedInAsync("nanyang.case");

        var tree = (await (await nanyang.GetAsync("/api/v1/agencies", Ct)).JsonAsync()).AsArray();

        tree.Count.ShouldBe(1);
        tree[0]!["code"]!.GetValue<string>().ShouldBe("411300");
        (await nanyang.GetAsync("/api/v1/agencies/410100", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await nanyang.GetAsync("/api/v1/agencies/410000", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await nanyang.GetAsync("/api/v1/agencies/411302", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CountyUser_CannotReadSiblingCountyData()
    {
        var zhongmou = await CountyUserAsync("410122", "zhongmou.admin");

        var sibling = await zhongmou.GetAsync("/api/v1/agencies/410184", Ct);
        var own = await zhongmou.GetAsync("/api/v1/agencies/410122", Ct);
        var officers = await (await zhongmou.GetAsync("/api/v1/officers?pageSize=200", Ct)).JsonAsync();

        await sibling.ShouldBeProblemAsync(HttpStatusCode.NotFound, "agencies.not_found");
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        officers["items"]!.AsArray().ShouldAllBe(o => o!["agencyCode"]!.GetValue<string>().StartsWith("410122", StringComparison.Ordinal));
        officers["total"]!.GetValue<int>().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task CountyAdmin_CannotRegisterADeviceInASiblingCounty()
    {
        var zhongmou = await CountyUserAsync("410122", "zhongmou.admin2");

        var response = await zhongmou.PostAsJsonAsync("/api/v1/devices", new
        {
            kind = "wim-station", code = "WIM-410184-X", name = "新郑称重点", agencyCode = "410184",
        }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "agencies.not_found");
    }

    [Fact]
    public async Task CountyAdmin_CannotSeeOrRevokeASiblingCountysDevice()
    {
        var admin = await factory.SignedInAsync("admin");
        (await admin.PostAsJsonAsync("/api/v1/devices", new
        {
            kind = "anpr-camera", code = "ANPR-410184-01", name = "新郑卡口", agencyCode = "410184",
        }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var zhongmou = await CountyUserAsync("410122", "zhongmou.admin3");

        (await zhongmou.GetAsync("/api/v1/devices/ANPR-410184-01", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await zhongmou.DeleteAsync("/api/v1/devices/ANPR-410184-01/key", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await (await zhongmou.GetAsync("/api/v1/devices", Ct)).JsonAsync();
        list["items"]!.AsArray().ShouldNotContain(d => d!["code"]!.GetValue<string>() == "ANPR-410184-01");
        (await admin.GetAsync("/api/v1/devices/ANPR-410184-01", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AgencyAdmin_CannotGrantProvinceAdmin()
    {
        var city = await factory.SignedInAsync("xuchang.admin");

        var response = await city.PostAsJsonAsync("/api/v1/officers", new
        {
            agencyCode = "411000", officerNo = "X9001", name = "越权测试",
            account = new { username = "xuchang.sneaky", password = VanguardFactory.Password, roles = new[] { "province-admin" } },
        }, Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        problem["errors"]!.AsArray().ShouldContain(e => e!["code"]!.GetValue<string>() == "not_grantable");
    }

    [Fact]
    public async Task FieldOfficer_CannotRegisterDevices()
    {
        var field = await factory.SignedInAsync("zhengzhou.field");

        var response = await field.PostAsJsonAsync("/api/v1/devices", new { kind = "body-camera", code = "BC-1", name = "记录仪", agencyCode = "410100" }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }
}
