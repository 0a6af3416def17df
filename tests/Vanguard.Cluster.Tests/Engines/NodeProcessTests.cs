using System.Net;
using Vanguard.Cluster.Tests.Infrastructure;

namespace Vanguard.Cluster.Tests.Engines;

/// <summary>The built server starts as a process on an empty data directory (SQLite, demo data) and serves its API.</summary>
public sealed class NodeProcessTests
{
    [Fact]
    public async Task A_node_starts_on_an_empty_data_directory_and_stops_on_SIGTERM()
    {
        var ct = TestContext.Current.CancellationToken;
        var data = Path.Combine(Path.GetTempPath(), "vanguard-cluster", Guid.NewGuid().ToString("N"));
        await using var node = await NodeProcess.StartAsync(data, ct: ct);
        using var client = node.CreateClient();
        using var openApi = await client.GetAsync("/openapi/v1.json", ct);
        openApi.StatusCode.ShouldBe(HttpStatusCode.OK, node.Log);
        File.Exists(Path.Combine(data, "vanguard.db")).ShouldBeTrue();

        await node.StopAsync();
        node.HasExited.ShouldBeTrue();
        Directory.Delete(data, recursive: true);
    }
}
