using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Vanguard.Server.Tests.Security;

/// <summary>
/// A device key opens the device endpoints and nothing else: every page that needs a signed-in user refuses it (the home
/// page and the "coming soon" page asked only for "someone authenticated", which a device is — found by the fuzzer).
/// </summary>
public sealed partial class StaffPagesTests(VanguardFactory factory) : IClassFixture<VanguardFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    [Fact]
    public async Task EveryPageThatNeedsASignedInUser_RefusesADeviceKey_AndOpensForStaff()
    {
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var created = await admin.PostAsJsonAsync("/api/v1/devices", new
        {
            kind = "anpr-camera", code = "CAM-PAGES-" + Guid.NewGuid().ToString("N")[..6], name = "页面权限测试卡口", agencyCode = "410100",
        }, Ct);
        var device = await created.JsonAsync();
        created.StatusCode.ShouldBe(HttpStatusCode.Created, device.ToJsonString());
        var asDevice = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        asDevice.DefaultRequestHeaders.Add("X-Device-Key", device["apiKey"]!.GetValue<string>());

        var pages = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0)
            .Select(e => Path(e.RoutePattern.RawText!))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        pages.ShouldContain("/");
        pages.Count.ShouldBeGreaterThan(20, "the staff pages are found");

        var opened = new List<string>();
        foreach (var page in pages)
        {
            using var response = await asDevice.GetAsync(page, Ct);
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                opened.Add($"{page} → {(int)response.StatusCode}");
            }
        }

        opened.ShouldBeEmpty("a device key must not open a staff page");
        (await admin.GetAsync("/", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "the home page still opens for staff (bearer)");
    }

    /// <summary>A route with its parameters filled in: a GUID where the route asks for one, a word elsewhere.</summary>
    private static string Path(string route) => "/" + Parameter().Replace(route.TrimStart('/'), m =>
        m.Value.Contains(":guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString() : "x");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
