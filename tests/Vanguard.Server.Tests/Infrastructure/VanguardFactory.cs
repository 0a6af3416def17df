using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Vanguard.Server.Tests.Infrastructure;

/// <summary>
/// A whole platform per test class, on the database the test run was given: SQLite in a temporary data directory by
/// default, or a fresh PostgreSQL database when <c>VANGUARD_TEST_POSTGRES</c> holds a server connection string
/// (the test script sets it for the second pass). Demo data is seeded, so the demo accounts exist.
/// </summary>
public class VanguardFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Demo#2022";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "vanguard-tests", Guid.NewGuid().ToString("N"));
    private string? _postgresDatabase;

    public static string? PostgresServer => Environment.GetEnvironmentVariable("VANGUARD_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    public static string ProviderName => PostgresServer is null ? "Sqlite" : "Postgres";

    /// <summary>Extra settings a test class needs (tighter rate limits, say).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    public string? PostgresConnectionString { get; private set; }

    public string DataDirectory => _dataDirectory;

    public async ValueTask InitializeAsync()
    {
        if (PostgresServer is { } server)
        {
            _postgresDatabase = "vg_test_" + Guid.NewGuid().ToString("N")[..16];
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_postgresDatabase}", connection);
            await create.ExecuteNonQueryAsync();
            PostgresConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = _postgresDatabase }.ToString();
        }

        // Build and start the host now: migrations and demo seeding happen here, not inside the first test.
        _ = Services;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Vanguard:DataDirectory", _dataDirectory);
        builder.UseSetting("Vanguard:Demo", "true");
        builder.UseSetting("Vanguard:Demo:Activity", "false");  // the current month's demo decisions would change other tests' counts
        builder.UseSetting("Vanguard:RateLimits:LoginPerMinute", "100000");
        builder.UseSetting("Vanguard:RateLimits:PublicPerMinute", "100000");
        builder.UseSetting("Vanguard:RateLimits:DevicePerSecond", "100000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning");
        builder.UseSetting("Logging:LogLevel:Vanguard.Demo", "Error");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        if (PostgresConnectionString is { } postgres)
        {
            builder.UseSetting("Vanguard:Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Vanguard", postgres);
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_postgresDatabase is not null && PostgresServer is { } server)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pooled SQLite connection; the OS cleans the temp folder.
        }

        GC.SuppressFinalize(this);
    }
}
