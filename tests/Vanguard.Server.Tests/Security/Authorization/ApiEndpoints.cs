using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Vanguard.Server.Tests.Security.Authorization;

/// <summary>An endpoint of the API as the router knows it, with who its authorization metadata lets through.</summary>
public sealed record ApiEndpoint(string Key, string Method, string Pattern, Who Who, string Policies);

internal static class ApiEndpoints
{
    /// <summary>What the matrix covers: the JSON API, the SignalR hubs and the online portal's form posts. The web UI's pages
    /// call the same handlers in-process under the same DbContext filter and are not endpoints a client can aim ids at.</summary>
    private static bool IsCovered(string pattern) =>
        pattern.StartsWith("/api/", StringComparison.Ordinal)
        || pattern.StartsWith("/hubs/", StringComparison.Ordinal)
        || pattern.StartsWith("/online/forms/", StringComparison.Ordinal);

    public static async Task<IReadOnlyList<ApiEndpoint>> ReadAsync(IServiceProvider services)
    {
        var policies = services.GetRequiredService<IAuthorizationPolicyProvider>();
        var authorization = services.GetRequiredService<IAuthorizationService>();
        var found = new List<ApiEndpoint>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            if (!IsCovered(pattern))
            {
                continue;
            }

            var data = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
            var policy = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
                ? null
                : await AuthorizationPolicy.CombineAsync(policies, data, endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
            var who = Who.Nobody;
            foreach (var caller in Callers.Each)
            {
                if (policy is null || (await authorization.AuthorizeAsync(Callers.Principal(caller), policy)).Succeeded)
                {
                    who |= caller;
                }
            }

            var names = policy is null ? "(none)" : string.Join(",", data.Select(d => d.Policy ?? d.Roles ?? "signed-in"));
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
            {
                found.Add(new ApiEndpoint($"{method} {pattern}", method, pattern, who, names));
            }
        }

        return found.OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal).ToList();
    }
}
