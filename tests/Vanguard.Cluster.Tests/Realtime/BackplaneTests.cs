using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Vanguard.Cluster.Tests.Infrastructure;

namespace Vanguard.Cluster.Tests.Realtime;

/// <summary>
/// Two nodes of one installation — two whole platforms in this process on one PostgreSQL database and one Redis, each with its
/// own data directory — behave as one (issue 11, item 3): a task dispatched through node A reaches the officer's terminal
/// connected to node B, and what node A signs (a bearer token, any protected payload) node B reads.
/// </summary>
public sealed class BackplaneTests(BackplaneTests.TwoNodes nodes) : IClassFixture<BackplaneTests.TwoNodes>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_task_dispatched_through_node_A_reaches_the_terminal_connected_to_node_B()
    {
        var officerId = await OfficerIdAsync(nodes.A, "nanyang.field");
        var token = await TokenAsync(nodes.B, "nanyang.field");
        var serverB = nodes.B.Server;
        await using var terminal = new HubConnectionBuilder()
            .WithUrl(new Uri(serverB.BaseAddress, "/hubs/terminal"), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => serverB.CreateHandler();
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        var assigned = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        terminal.On<JsonElement>("taskAssigned", task => assigned.TrySetResult(task));
        await terminal.StartAsync(Ct);

        var command = await nodes.A.SignedInAsync("nanyang.command");
        using var response = await command.PostAsJsonAsync(
            "/api/v1/terminal/tasks", new { officerId, kind = "watchlist_hit", title = "布控车辆经过 G312 南阳段（跨节点推送）" }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        var created = await response.JsonAsync();

        // A deadline for the push to arrive, not a measured time: Redis on loopback delivers in milliseconds.
        var received = await assigned.Task.WaitAsync(TimeSpan.FromSeconds(20), Ct);
        received.GetProperty("id").GetString().ShouldBe(created["id"]!.GetValue<string>());
        received.GetProperty("status").GetString().ShouldBe("dispatched");
    }

    [Fact]
    public async Task A_bearer_token_issued_by_node_A_is_accepted_by_node_B()
    {
        var token = await TokenAsync(nodes.A, "zhengzhou.case");
        using var clientB = nodes.B.CreateClient();
        clientB.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var me = await clientB.GetAsync("/api/v1/me", Ct);

        me.StatusCode.ShouldBe(HttpStatusCode.OK, await me.Content.ReadAsStringAsync(Ct));
        (await me.JsonAsync())["username"]!.GetValue<string>().ShouldBe("zhengzhou.case");
    }

    [Fact]
    public void What_node_A_protects_node_B_unprotects()
    {
        const string purpose = "Vanguard.Cluster.Tests";
        var secret = "一个节点加密、另一个节点解密 " + Guid.NewGuid();

        var protectedByA = nodes.A.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose).Protect(secret);
        var readByB = nodes.B.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose).Unprotect(protectedByA);

        readByB.ShouldBe(secret);
    }

    /// <summary>The control: another installation on the same Redis (another prefix) has its own key ring and refuses A's token.</summary>
    [Fact]
    public async Task A_node_of_another_installation_on_the_same_Redis_refuses_node_As_token()
    {
        var token = await TokenAsync(nodes.A, "zhengzhou.case");
        await using var other = new NodeFactory("vg-other-" + Guid.NewGuid().ToString("N")[..12], "other-node", nodes.A.PostgresConnectionString);
        await other.InitializeAsync();
        using var client = other.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var me = await client.GetAsync("/api/v1/me", Ct);

        me.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static async Task<string> TokenAsync(VanguardFactory node, string username)
    {
        using var response = await node.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { username, password = VanguardFactory.Password }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await response.JsonAsync())["accessToken"]!.GetValue<string>();
    }

    /// <summary>The officer id of a demo account, read from the command map after they went on duty and sent a position.</summary>
    private static async Task<Guid> OfficerIdAsync(VanguardFactory node, string username)
    {
        var field = await node.SignedInAsync(username);
        var officerNo = (await (await field.GetAsync("/api/v1/me", Ct)).JsonAsync())["officer"]!["officerNo"]!.GetValue<string>();
        (await field.PostAsJsonAsync("/api/v1/terminal/duty", new { onDuty = true }, Ct)).EnsureSuccessStatusCode();
        var point = new { at = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz"), lat = 32.99, lon = 112.53, accuracyM = 8.5 };
        (await field.PostAsJsonAsync("/api/v1/terminal/positions", new { points = new[] { point } }, Ct)).EnsureSuccessStatusCode();
        var admin = await node.SignedInAsync("admin");
        var map = (await (await admin.GetAsync("/api/v1/terminal/officers/positions", Ct)).JsonAsync()).AsArray();
        return Guid.Parse(map.Single(o => o!["officerNo"]!.GetValue<string>() == officerNo)!["officerId"]!.GetValue<string>());
    }

    /// <summary>A node of an installation: the engines of the test script, a Redis prefix of the installation, and optionally another node's database.</summary>
    public sealed class NodeFactory(string redisPrefix, string nodeName, string? sharedDatabase = null) : VanguardFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [
            new("Vanguard:Redis:Configuration", ClusterServices.Redis),
            new("Vanguard:Redis:ChannelPrefix", redisPrefix),
            new("Vanguard:NodeName", nodeName),
            .. sharedDatabase is null ? [] : new[] { new KeyValuePair<string, string?>("ConnectionStrings:Vanguard", sharedDatabase) },
        ];
    }

    /// <summary>Node A starts first (migrates and seeds the database), then node B on A's database; both on one Redis prefix of their own.</summary>
    public sealed class TwoNodes : IAsyncLifetime
    {
        private readonly string _prefix = "vg-test-" + Guid.NewGuid().ToString("N")[..12];

        public NodeFactory A { get; private set; } = null!;

        public NodeFactory B { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            _ = ClusterServices.Postgres; // fails with how to get the engines when the test script did not start them
            A = new NodeFactory(_prefix, "node-a");
            await A.InitializeAsync();
            A.PostgresConnectionString.ShouldNotBeNull("two nodes share one PostgreSQL database");
            B = new NodeFactory(_prefix, "node-b", A.PostgresConnectionString);
            await B.InitializeAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await B.DisposeAsync();
            await A.DisposeAsync();
        }
    }
}
