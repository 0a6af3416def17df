using System.Text;

namespace Vanguard.Server.Tests.Security.Authorization;

/// <summary>
/// Every endpoint of the API is in <see cref="AuthorizationMatrix"/>, and its row says exactly who the endpoint's
/// authorization metadata lets through: a new endpoint, or a changed policy, fails here until the matrix says who may call it.
/// </summary>
public sealed class EndpointClassificationTests(VanguardFactory factory) : IClassFixture<VanguardFactory>
{
    [Fact]
    public async Task EveryEndpoint_IsClassifiedInTheMatrix_AsItsPolicyAllows()
    {
        var endpoints = await ApiEndpoints.ReadAsync(factory.Services);
        var problems = new StringBuilder();
        foreach (var endpoint in endpoints)
        {
            if (!AuthorizationMatrix.Rows.TryGetValue(endpoint.Key, out var row))
            {
                problems.AppendLine($"not in the matrix ({endpoint.Policies}): {AuthorizationMatrix.Suggest(endpoint)}");
            }
            else if (row.Who != endpoint.Who)
            {
                problems.AppendLine($"{endpoint.Key}: the matrix says {Callers.Describe(row.Who)}, its policy ({endpoint.Policies}) lets through {Callers.Describe(endpoint.Who)}");
            }
        }

        foreach (var stale in AuthorizationMatrix.Rows.Keys.Except(endpoints.Select(e => e.Key)))
        {
            problems.AppendLine($"in the matrix but no longer an endpoint: {stale}");
        }

        endpoints.Count.ShouldBeGreaterThan(150);
        problems.ToString().ShouldBeEmpty();
    }
}
