using System.ComponentModel.DataAnnotations;

namespace Vanguard.Server.Hosting;

/// <summary>The <c>Vanguard</c> configuration section.</summary>
public sealed class VanguardOptions
{
    public const string Section = "Vanguard";

    /// <summary>Where the SQLite database, data-protection keys and evidence live (default <c>./data</c>).</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    public DatabaseOptions Database { get; set; } = new();

    public ProvinceOptions Province { get; set; } = new();

    public RateLimitOptions RateLimits { get; set; } = new();

    public AuthOptions Auth { get; set; } = new();

    /// <summary>Reverse proxies whose <c>X-Forwarded-For</c>/<c>-Proto</c> are believed; none by default.</summary>
    public ProxyOptions Proxy { get; set; } = new();

    /// <summary>
    /// How device records travel from the endpoint that accepts them to judging and matching: in this process (default,
    /// one node), or through a NATS JetStream stream whose durable consumers all nodes share (<c>Vanguard:Bus=Nats</c>).
    /// </summary>
    public IngestBusKind Bus { get; set; } = IngestBusKind.InProcess;

    /// <summary>The NATS server(s) when <see cref="Bus"/> is <see cref="IngestBusKind.Nats"/>.</summary>
    public NatsOptions Nats { get; set; } = new();

    /// <summary>Redis, when several nodes run: SignalR's backplane and the shared data-protection key ring.</summary>
    public RedisOptions Redis { get; set; } = new();

    /// <summary>This node's name in logs, job claims and the bus (default: host name and process id).</summary>
    public string? NodeName { get; set; }
}

public enum IngestBusKind
{
    InProcess,
    Nats,
}

public sealed class NatsOptions
{
    /// <summary>e.g. <c>nats://10.0.0.5:4222,nats://10.0.0.6:4222</c>.</summary>
    public string Url { get; set; } = "nats://127.0.0.1:4222";

    /// <summary>The JetStream stream that holds accepted device batches until a node has processed them.</summary>
    public string Stream { get; set; } = "VANGUARD_INGEST";

    /// <summary>Stream replicas (3 in a three-server NATS cluster; 1 on a single server).</summary>
    public int Replicas { get; set; } = 1;

    /// <summary>How long a node may hold a batch before JetStream gives it to another node (the node died mid-way).</summary>
    [Range(1, 3600)]
    public int AckWaitSeconds { get; set; } = 30;
}

public sealed class RedisOptions
{
    /// <summary>A StackExchange.Redis configuration string (e.g. <c>10.0.0.7:6379,password=…</c>); empty = one node, no Redis.</summary>
    public string? Configuration { get; set; }

    /// <summary>
    /// Prefix of the SignalR channels and of the data-protection key (<c>&lt;prefix&gt;:dataprotection-keys</c>), so several
    /// installations can share one Redis (default <c>vanguard</c>).
    /// </summary>
    [RegularExpression("^[A-Za-z0-9_.-]{1,64}$")]
    public string ChannelPrefix { get; set; } = "vanguard";
}

/// <summary>
/// <c>Vanguard:Demo</c> is both a switch (<c>Vanguard:Demo=true</c>) and a section (<c>Vanguard:Demo:Password</c>),
/// which the options binder cannot express, so it is read by hand.
/// </summary>
/// <param name="Activity">
/// <c>Vanguard:Demo:Activity</c> (default true): the demo's current-month activity — on-the-spot decisions that the disclosure, credit and
/// warning pages show, and "八六四" inspections. The tests turn it off, since it changes the month's counts other tests make; each module's
/// demo test runs its seeder itself.
/// </param>
public sealed record DemoSettings(bool? Enabled, string Password, bool Activity = true)
{
    public const string DefaultPassword = "Demo#2022";

    public static DemoSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Vanguard:Demo");
        bool? enabled = bool.TryParse(section.Value, out var on) ? on : null;
        var password = section["Password"];
        var activity = !bool.TryParse(section["Activity"], out var act) || act;
        return new DemoSettings(enabled, string.IsNullOrEmpty(password) ? DefaultPassword : password, activity);
    }
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// SQLite's <c>PRAGMA synchronous</c> in WAL mode (ADR 0009): <c>Full</c> (default) survives a power cut with every
    /// acknowledged commit; <c>Normal</c> may lose the last commits on a power cut (never the file) and writes several
    /// times faster.
    /// </summary>
    public SqliteSynchronous SqliteSynchronous { get; set; } = SqliteSynchronous.Full;
}

public enum SqliteSynchronous
{
    Full,
    Normal,
}

/// <summary>The root agency created with the first administrator when no demo data is seeded.</summary>
public sealed class ProvinceOptions
{
    public string Code { get; set; } = "410000";

    public string Name { get; set; } = "河南省交通运输综合行政执法局";
}

public sealed class RateLimitOptions
{
    /// <summary>Login and token requests per client address per minute.</summary>
    [Range(1, 1_000_000)]
    public int LoginPerMinute { get; set; } = 30;

    /// <summary>
    /// Requests to the public doors (disclosure, blacklist query, complaint form, overload calculator) per client address per minute:
    /// a bucket of its own, so citizens reading the disclosure behind one NAT never use up the staff's sign-ins.
    /// </summary>
    [Range(1, 1_000_000)]
    public int PublicPerMinute { get; set; } = 120;

    /// <summary>Requests per device key per second (burst and refill).</summary>
    [Range(1, 1_000_000)]
    public int DevicePerSecond { get; set; } = 50;
}

public sealed class AuthOptions
{
    /// <summary>Failed passwords in a row before an account is locked.</summary>
    [Range(1, 100)]
    public int MaxFailedAttempts { get; set; } = 5;

    [Range(1, 1440)]
    public int LockoutMinutes { get; set; } = 15;

    [Range(1, 1440)]
    public int AccessTokenMinutes { get; set; } = 60;
}

/// <summary>
/// <c>Vanguard:Proxy</c>: the reverse proxies in front of the platform. Only a request arriving from one of these
/// addresses or networks has its <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> applied (the client address the
/// portal records, HTTPS for secure cookies). Empty (the default) = no proxy trusted, the headers are ignored.
/// </summary>
public sealed class ProxyOptions
{
    /// <summary>Proxy addresses, e.g. <c>10.0.0.5</c> (an entry may hold several, comma-separated).</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR form, e.g. <c>10.0.0.0/24</c> (an entry may hold several, comma-separated).</summary>
    public List<string> KnownNetworks { get; set; } = [];
}
