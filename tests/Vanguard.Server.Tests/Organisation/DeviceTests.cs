using System.Net;
using System.Net.Http.Json;

namespace Vanguard.Server.Tests.Organisation;

public sealed class DeviceTests(VanguardFactory factory) : IClassFixture<VanguardFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    private async Task<string> RegisterAsync(string code, string kind = "wim-station", string agencyCode = "410122")
    {
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var response = await admin.PostAsJsonAsync("/api/v1/devices", new
        {
            kind, code, name = "中牟动态称重检测点", agencyCode, serialNumber = "SN-" + code, location = "G107 K712+300", latitude = 34.72, longitude = 113.98,
        }, Ct);
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToJsonString());
        body["device"]!["code"]!.GetValue<string>().ShouldBe(code);
        body["device"]!["keyActive"]!.GetValue<bool>().ShouldBeTrue();
        return body["apiKey"]!.GetValue<string>();
    }

    [Fact]
    public async Task Register_ReturnsAKeyThatAuthenticatesTheDevice()
    {
        var key = await RegisterAsync("WIM-410122-001");

        var response = await factory.AsDevice(key).GetAsync("/api/v1/devices/me", Ct);

        var me = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        me["code"]!.GetValue<string>().ShouldBe("WIM-410122-001");
        me["kind"]!.GetValue<string>().ShouldBe("wim-station");
        me["agencyCode"]!.GetValue<string>().ShouldBe("410122");
    }

    [Fact]
    public async Task Key_IsNotShownAgainWhenTheDeviceIsRead()
    {
        var key = await RegisterAsync("WIM-410122-002");
        var admin = await factory.SignedInAsync("zhengzhou.admin");

        var text = await admin.GetStringAsync("/api/v1/devices/WIM-410122-002", Ct);

        text.ShouldNotContain(key);
        text.ShouldContain(key[..12]);
    }

    [Fact]
    public async Task RevokedKey_NoLongerAuthenticates()
    {
        var key = await RegisterAsync("ANPR-410122-003", "anpr-camera");
        var admin = await factory.SignedInAsync("zhengzhou.admin");

        var revoke = await admin.DeleteAsync("/api/v1/devices/ANPR-410122-003/key", Ct);
        var after = await factory.AsDevice(key).GetAsync("/api/v1/devices/me", Ct);

        revoke.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await after.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task NewKey_ReplacesTheOldOne()
    {
        var oldKey = await RegisterAsync("DOCK-410122-004", "dock-station");
        var admin = await factory.SignedInAsync("zhengzhou.admin");

        var issued = await (await admin.PostAsync("/api/v1/devices/DOCK-410122-004/key", null, Ct)).JsonAsync();
        var newKey = issued["apiKey"]!.GetValue<string>();

        newKey.ShouldNotBe(oldKey);
        (await factory.AsDevice(oldKey).GetAsync("/api/v1/devices/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await factory.AsDevice(newKey).GetAsync("/api/v1/devices/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task UnknownKey_Is401()
    {
        var response = await factory.AsDevice("vgk_made-up").GetAsync("/api/v1/devices/me", Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task DeviceKey_DoesNotOpenStaffEndpoints()
    {
        var key = await RegisterAsync("BC-410122-005", "body-camera");

        var response = await factory.AsDevice(key).GetAsync("/api/v1/agencies", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Register_WithDuplicateCode_IsConflict()
    {
        await RegisterAsync("HT-410122-006", "handheld-terminal");
        var admin = await factory.SignedInAsync("zhengzhou.admin");

        var again = await admin.PostAsJsonAsync("/api/v1/devices", new { kind = "handheld-terminal", code = "HT-410122-006", name = "终端", agencyCode = "410122" }, Ct);

        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "devices.code_taken");
    }

    [Fact]
    public async Task Register_WithSeveralBadFields_ListsThemAll()
    {
        var admin = await factory.SignedInAsync("zhengzhou.admin");

        var response = await admin.PostAsJsonAsync("/api/v1/devices", new { kind = "toaster", code = "bad code!", latitude = 123.0 }, Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var fields = problem["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).Distinct().ToList();
        fields.ShouldBe(["kind", "code", "name", "agencyCode", "latitude"], ignoreOrder: true);
    }

    [Fact]
    public async Task Register_WithMalformedJson_IsAProblemNotACrash()
    {
        var admin = await factory.SignedInAsync("zhengzhou.admin");

        var response = await admin.PostAsync("/api/v1/devices", new StringContent("{\"kind\": ", System.Text.Encoding.UTF8, "application/json"), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.malformed");
    }

    [Fact]
    public async Task List_FiltersByKindAndSearches()
    {
        await RegisterAsync("WIM-410122-007");
        await RegisterAsync("ANPR-410122-008", "anpr-camera");
        var admin = await factory.SignedInAsync("zhengzhou.admin");

        var page = await (await admin.GetAsync("/api/v1/devices?kind=anpr-camera&q=410122-008&pageSize=5", Ct)).JsonAsync();

        page["items"]!.AsArray().Select(d => d!["code"]!.GetValue<string>()).ShouldBe(["ANPR-410122-008"]);
        page["pageSize"]!.GetValue<int>().ShouldBe(5);
    }
}
