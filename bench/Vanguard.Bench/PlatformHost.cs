using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Vanguard.Bench;

/// <summary>The database a benchmark host runs on: SQLite by default, PostgreSQL when the run was given a server.</summary>
internal sealed record DatabaseTarget(string Name, string? PostgresServer)
{
    public const string PostgresVariable = "VANGUARD_BENCH_POSTGRES";

    public static DatabaseTarget Sqlite { get; } = new("SQLite", null);

    public static IReadOnlyList<DatabaseTarget> FromEnvironment() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server
            ? [Sqlite, new DatabaseTarget("PostgreSQL", server)]
            : [Sqlite];
}

/// <summary>
/// The whole platform in this process on a fresh, empty database (no demo data), configured as deployed
/// (Production environment, the same migrations, the audit chainer running as a hosted service).
/// </summary>
internal sealed class PlatformHost : WebApplicationFactory<Program>
{
    private readonly DatabaseTarget _target;
    private readonly string _dataDirectory;
    private readonly bool _kestrel;
    private string? _postgresDatabase;
    private string? _postgresConnection;

    private PlatformHost(DatabaseTarget target, bool kestrel, string? dataDirectory)
    {
        _target = target;
        _dataDirectory = dataDirectory ?? Paths.NewScratchDirectory("platform");
        _kestrel = kestrel;
    }

    /// <summary>Builds and starts a host; with <paramref name="kestrel"/> it listens on a real loopback port.</summary>
    /// <param name="dataDirectory">An existing SQLite data directory to open (e.g. a copy of <see cref="SeededDatabase"/>); null: a fresh one.</param>
    public static async Task<PlatformHost> StartAsync(DatabaseTarget target, bool kestrel, CancellationToken ct, string? dataDirectory = null)
    {
        var host = new PlatformHost(target, kestrel, dataDirectory);
        if (target.PostgresServer is { } server)
        {
            host._postgresDatabase = "vg_bench_" + Guid.NewGuid().ToString("N")[..16];
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {host._postgresDatabase}", connection);
            await create.ExecuteNonQueryAsync(ct);
            host._postgresConnection = new NpgsqlConnectionStringBuilder(server) { Database = host._postgresDatabase }.ToString();
        }

        if (kestrel)
        {
            // The address comes from the urls setting below (the host's own default would be port 5080).
            host.UseKestrel();
            host.StartServer();
        }
        else
        {
            // Touching Services builds and starts the host: migrations run here, not inside the timed loop.
            _ = host.Services;
        }

        return host;
    }

    public string DataDirectory => _dataDirectory;

    /// <summary>The loopback address Kestrel listens on (only for a host started with Kestrel).</summary>
    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // The factory looks for its manifest in the working directory, and for a *.sln (not .slnx) above it; say it.
        builder.UseContentRoot(Path.Combine(Paths.RepositoryRoot, "src", "Vanguard.Server"));
        builder.UseSetting("Vanguard:DataDirectory", _dataDirectory);
        builder.UseSetting("Vanguard:Demo", "false");
        builder.UseSetting("Vanguard:RateLimits:LoginPerMinute", "100000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        // On a fresh database the migrator's first look at __EFMigrationsHistory fails by design and EF logs it as an error.
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Critical");
        // A refused save is reported by the bench itself, once, instead of three stack traces from EF's logger.
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Update", "Critical");
        if (_postgresConnection is { } postgres)
        {
            builder.UseSetting("Vanguard:Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Vanguard", postgres);
        }

        if (_kestrel)
        {
            builder.UseSetting("urls", "http://127.0.0.1:0");
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_postgresDatabase is not null && _target.PostgresServer is { } server)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        GC.SuppressFinalize(this);
    }
}
