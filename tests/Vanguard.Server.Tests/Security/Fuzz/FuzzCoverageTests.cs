using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Vanguard.Server.Tests.Security.Fuzz;

/// <summary>The fuzzer cannot forget an endpoint: every one that an anonymous caller or a device can reach is a target or a listed exclusion.</summary>
public sealed class FuzzCoverageTests(VanguardFactory factory) : IClassFixture<VanguardFactory>
{
    [Fact]
    public async Task EveryAnonymousOrDeviceEndpoint_IsFuzzedOrDeliberatelyExcluded()
    {
        var reachable = await EndpointCatalogue.ReachableAsync(factory.Services);
        var routes = RoutesByKey(factory.Services);

        var uncovered = reachable
            .Where(e => !FuzzTargets.Exclusions.Any(x => x.Matches(e)))
            .Where(e => !FuzzTargets.ExplicitKeys.Contains(e.Key) && !FuzzTargets.GenericCovers(e, routes.GetValueOrDefault(e.Key)))
            .ToList();

        uncovered.ShouldBeEmpty(
            "an anonymous or device endpoint that takes a body has no example in FuzzTargets.Explicit (or, if it should not be fuzzed, no reason in Exclusions)");
    }

    [Fact]
    public async Task EveryExplicitTarget_IsAnEndpointThatAnonymousCallersOrDevicesReach()
    {
        var reachable = (await EndpointCatalogue.ReachableAsync(factory.Services)).Select(e => e.Key).ToHashSet();

        FuzzTargets.ExplicitKeys.Where(k => !reachable.Contains(k)).ShouldBeEmpty("a target whose endpoint was renamed, removed or now needs a member of staff");
    }

    [Fact]
    public async Task TheCatalogue_FindsTheDeviceIngestAndThePublicEndpoints()
    {
        var reachable = (await EndpointCatalogue.ReachableAsync(factory.Services)).ToDictionary(e => e.Key);

        reachable["POST /api/v1/offsite/wim-records"].Reach.ShouldBe(Reach.Device);
        reachable["POST /api/v1/evidence/uploads/"].Reach.ShouldBe(Reach.Device);
        reachable["POST /api/v1/complaints/"].Reach.ShouldBe(Reach.Device);
        reachable["GET /api/v1/disclosure/decisions"].Reach.ShouldBe(Reach.Anonymous);
        reachable["POST /online/forms/lookup"].Reach.ShouldBe(Reach.Anonymous);
        reachable.ShouldNotContainKey("GET /api/v1/offsite/review-items");
        reachable.ShouldNotContainKey("POST /api/v1/devices");
    }

    internal static Dictionary<string, RouteEndpoint> RoutesByKey(IServiceProvider services)
    {
        var routes = new Dictionary<string, RouteEndpoint>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            foreach (var method in endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? ["*"])
            {
                routes.TryAdd($"{method} {pattern}", endpoint);
            }
        }

        return routes;
    }
}
