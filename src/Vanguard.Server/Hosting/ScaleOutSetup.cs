using Microsoft.AspNetCore.DataProtection;
using StackExchange.Redis;
using Vanguard.Server.Common.Jobs;
using Vanguard.Server.Data;

namespace Vanguard.Server.Hosting;

/// <summary>
/// What identical nodes behind a load balancer must share (architecture.md, "One application, many nodes"). With
/// <c>Vanguard:Redis:Configuration</c> set: SignalR messages go through Redis, so an alert raised on node A reaches a screen
/// connected to node B; and the data-protection key ring lives in Redis, so a cookie, an antiforgery token, a bearer token or a
/// protected webhook secret made by one node is read by every other. Without it (one node): SignalR in process, keys in
/// <c>&lt;DataDirectory&gt;/keys</c>. Either way scheduled jobs claim each slot in the database (ADR 0014).
/// Blazor Server circuits live in one node's memory: the load balancer must still keep a browser on its node (sticky
/// sessions, docs/deploy.md); the backplane only carries hub messages between nodes.
/// </summary>
public static class ScaleOutSetup
{
    public const string DefaultChannelPrefix = "vanguard";

    public static WebApplicationBuilder AddVanguardScaleOut(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(VanguardOptions.Section).Get<VanguardOptions>() ?? new VanguardOptions();
        var services = builder.Services;
        var signalR = services.AddSignalR();
        var keys = services.AddDataProtection().SetApplicationName("Vanguard");
        services.AddJobClaims();
        if (options.Redis.Configuration is not { Length: > 0 } redis)
        {
            keys.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(DataDirectory.Resolve(builder.Configuration), "keys")));
            return builder;
        }

        // The prefix keeps installations (and test runs) that share one Redis apart, for messages and keys alike.
        var prefix = options.Redis.ChannelPrefix is { Length: > 0 } configured ? configured : DefaultChannelPrefix;
        signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = RedisChannel.Literal(prefix));
        // Connected on first use of the key ring, not here: a node whose Redis is late to start fails its first request, not its build.
        // The keys are stored as the file system stored them, unencrypted: Redis must be private to the nodes (password, own network).
        var connection = new Lazy<ConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(redis));
        keys.PersistKeysToStackExchangeRedis(() => connection.Value.GetDatabase(), $"{prefix}:dataprotection-keys");
        return builder;
    }
}
