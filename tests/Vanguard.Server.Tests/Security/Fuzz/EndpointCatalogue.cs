using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Tests.Security.Fuzz;

/// <summary>Who can call an endpoint without being a member of staff: anyone, or a device with its key.</summary>
[Flags]
public enum Reach
{
    None = 0,
    Anonymous = 1,
    Device = 2,
}

/// <summary>One route and method as the running application maps it, e.g. <c>POST /api/v1/offsite/wim-records</c>.</summary>
public sealed record MappedEndpoint(string Method, string Pattern, Reach Reach)
{
    public string Key => $"{Method} {Pattern}";

    public override string ToString() => $"{Key} ({Reach})";
}

/// <summary>
/// Every endpoint of the running application from its <see cref="EndpointDataSource"/>, with who may call it: the policy
/// the endpoint would enforce is evaluated for an anonymous caller and for a device of every kind, so a new endpoint
/// (or a policy that starts to let devices in) shows up here without anyone listing it by hand.
/// </summary>
internal static class EndpointCatalogue
{
    public static async Task<IReadOnlyList<MappedEndpoint>> ReachableAsync(IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var policies = services.GetRequiredService<IAuthorizationPolicyProvider>();
        var authorization = services.GetRequiredService<IAuthorizationService>();
        var mapped = new List<MappedEndpoint>();
        foreach (var endpoint in endpoints)
        {
            var reach = await ReachOfAsync(endpoint, policies, authorization);
            if (reach == Reach.None)
            {
                continue;
            }

            var pattern = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"];
            mapped.AddRange(methods.Select(m => new MappedEndpoint(m, pattern, reach)));
        }

        return mapped.DistinctBy(m => m.Key).OrderBy(m => m.Key, StringComparer.Ordinal).ToList();
    }

    private static async Task<Reach> ReachOfAsync(RouteEndpoint endpoint, IAuthorizationPolicyProvider policies, IAuthorizationService authorization)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return Reach.Anonymous;
        }

        var policy = await AuthorizationPolicy.CombineAsync(
            policies, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
        if (policy is null)
        {
            // No authorization metadata and no fallback policy: the platform lets anyone in.
            return Reach.Anonymous;
        }

        foreach (var kind in DeviceKind.All)
        {
            if ((await authorization.AuthorizeAsync(Device(kind), policy)).Succeeded)
            {
                return Reach.Device;
            }
        }

        return Reach.None;
    }

    /// <summary>A device as <c>DeviceKeyAuthenticationHandler</c> signs it in.</summary>
    private static ClaimsPrincipal Device(string kind) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, "FUZZ-" + kind),
            new Claim(ClaimTypes.Name, "FUZZ-" + kind),
            new Claim(ClaimTypes.Role, Role.Device),
            new Claim(VanguardClaims.ActorKind, "device"),
            new Claim(VanguardClaims.DeviceKind, kind),
            new Claim(VanguardClaims.AgencyId, Guid.Empty.ToString()),
        ],
        "DeviceKey"));
}
