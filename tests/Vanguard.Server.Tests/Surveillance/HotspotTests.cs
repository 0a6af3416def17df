using System.Net;
using System.Net.Http.Json;

namespace Vanguard.Server.Tests.Surveillance;

/// <summary>热点区域: plate cameras of the caller's jurisdiction, a known kind, changes by version, audited.</summary>
public sealed class HotspotTests(SurveillanceFactory factory) : IClassFixture<SurveillanceFactory>
{
    private const string Api = "/api/v1/surveillance/hotspots";

    private static CancellationToken Ct => ApiClient.Ct;

    [Fact]
    public async Task Hotspot_IsMadeOfCamerasInJurisdiction_AndChangedByVersion()
    {
        await factory.RegisterCameraAsync("ANPR-HS-01");
        await factory.RegisterCameraAsync("ANPR-HS-02");
        var command = await factory.SignedInAsync("zhengzhou.command");

        var created = await command.PostAsJsonAsync(Api, new { name = "郑州站西广场", kind = "railway_station", deviceCodes = new[] { "ANPR-HS-01" }, lat = 34.75, lon = 113.65 }, Ct);
        var view = await created.JsonAsync();
        created.StatusCode.ShouldBe(HttpStatusCode.Created, view.ToJsonString());
        var id = view["id"]!.GetValue<string>();
        view["devices"]!.AsArray().Select(d => d!["code"]!.GetValue<string>()).ShouldBe(["ANPR-HS-01"]);
        view["devices"]![0]!["name"]!.GetValue<string>().ShouldBe("卡口 ANPR-HS-01");
        view["agencyCode"]!.GetValue<string>().ShouldBe("410100");

        var stale = await command.PatchAsJsonAsync($"{Api}/{id}", new { deviceCodes = new[] { "ANPR-HS-01", "ANPR-HS-02" }, version = 7 }, Ct);
        var patched = await command.PatchAsJsonAsync($"{Api}/{id}", new { deviceCodes = new[] { "ANPR-HS-01", "ANPR-HS-02" }, version = view["version"]!.GetValue<int>() }, Ct);

        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict, "surveillance.concurrent_update");
        var after = await patched.JsonAsync();
        patched.StatusCode.ShouldBe(HttpStatusCode.OK, after.ToJsonString());
        after["devices"]!.AsArray().Select(d => d!["code"]!.GetValue<string>()).ShouldBe(["ANPR-HS-01", "ANPR-HS-02"]);
        after["name"]!.GetValue<string>().ShouldBe("郑州站西广场");
        after["version"]!.GetValue<int>().ShouldBe(view["version"]!.GetValue<int>() + 1);
        var list = await (await command.GetAsync(Api, Ct)).JsonAsync();
        list.AsArray().ShouldContain(h => h!["id"]!.GetValue<string>() == id);
        var nanyang = await (await (await factory.SignedInAsync("nanyang.command")).GetAsync(Api, Ct)).JsonAsync();
        nanyang.AsArray().ShouldNotContain(h => h!["id"]!.GetValue<string>() == id);
        (await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.AuditEntries, a => a.TargetId == id && a.Action.StartsWith("surveillance.hotspot_"), Ct))).ShouldBe(2);
    }

    [Fact]
    public async Task Hotspot_WithAnotherCitysCamera_AWeighingStation_OrAnUnknownKind_IsRefused()
    {
        await factory.RegisterCameraAsync("ANPR-HS-10", agencyCode: "411302");
        await factory.RegisterCameraAsync("WIM-HS-11", kind: "wim-station");
        var command = await factory.SignedInAsync("zhengzhou.command");

        var foreign = await command.PostAsJsonAsync(Api, new { name = "南阳站", kind = "railway_station", deviceCodes = new[] { "ANPR-HS-10" } }, Ct);
        var weighing = await command.PostAsJsonAsync(Api, new { name = "治超站", kind = "highway_exit", deviceCodes = new[] { "WIM-HS-11", "NO-SUCH" } }, Ct);
        var kind = await command.PostAsJsonAsync(Api, new { name = "未知", kind = "harbour", deviceCodes = Array.Empty<string>() }, Ct);
        var agency = await command.PostAsJsonAsync(Api, new { name = "他市", kind = "other", deviceCodes = new[] { "ANPR-HS-10" }, agencyCode = "411300" }, Ct);
        var field = await (await factory.SignedInAsync("zhengzhou.field")).GetAsync(Api, Ct);

        var problem = await foreign.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        problem["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("unknown_camera");
        (await weighing.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed"))["errors"]!.AsArray().Count.ShouldBe(2);
        (await kind.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed"))["errors"]!.AsArray()
            .Select(e => e!["field"]!.GetValue<string>()).ShouldBe(["kind", "deviceCodes"], ignoreOrder: true);
        await agency.ShouldBeProblemAsync(HttpStatusCode.NotFound, "agencies.not_found");
        field.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
