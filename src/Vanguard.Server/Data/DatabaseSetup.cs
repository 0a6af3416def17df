using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Vanguard.Server.Hosting;

namespace Vanguard.Server.Data;

/// <summary>SQLite in the data directory by default; PostgreSQL when configured. Same model, own migrations each.</summary>
public static class DatabaseSetup
{
    public static WebApplicationBuilder AddVanguardDatabase(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(VanguardOptions.Section).Get<VanguardOptions>() ?? new VanguardOptions();
        switch (options.Database.Provider)
        {
            case DatabaseProvider.Sqlite:
                var dataDirectory = DataDirectory.Resolve(builder.Configuration);
                var connection = new SqliteConnectionStringBuilder
                {
                    DataSource = Path.Combine(dataDirectory, "vanguard.db"),
                    DefaultTimeout = 30,
                    Pooling = true,
                }.ToString();
                // FULL is SQLite's default: only a different choice costs a statement per connection open.
                var synchronous = options.Database.SqliteSynchronous;
                // One write queue per database: see SqliteWriteGate (Microsoft.Data.Sqlite sleeps 150 ms on SQLITE_BUSY).
                builder.Services.AddSingleton<SqliteWriteGate>();
                builder.Services.AddDbContext<VanguardDbContext, SqliteVanguardDbContext>((services, o) =>
                {
                    o.UseSqlite(connection);
                    var gate = services.GetRequiredService<SqliteWriteGate>();
                    o.AddInterceptors(new SqliteWriteGateTransactions(gate), new SqliteWriteGateCommands(gate), new SqliteWriteGateConnections(gate));
                    if (synchronous != SqliteSynchronous.Full)
                    {
                        o.AddInterceptors(new SqlitePragmas(synchronous));
                    }
                });
                break;
            case DatabaseProvider.Postgres:
                var postgres = builder.Configuration.GetConnectionString("Vanguard")
                    ?? throw new InvalidOperationException("Vanguard:Database:Provider is Postgres but ConnectionStrings:Vanguard is not set.");
                builder.Services.AddDbContext<VanguardDbContext, PostgresVanguardDbContext>(o => o.UseNpgsql(postgres));
                break;
        }

        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    /// <summary>Applies pending migrations; SQLite also gets WAL so readers never wait for the writer.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        // Context options are scoped services: resolve them from a scope, never from the root (Development validates this).
        await using var scope = services.CreateAsyncScope();
        await using var db = SystemDb.Create(scope.ServiceProvider);
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}

/// <summary>Per-connection SQLite settings (a pragma lasts for the connection, so it is set each time one opens).</summary>
internal sealed class SqlitePragmas(SqliteSynchronous synchronous) : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    private readonly string _sql = synchronous == SqliteSynchronous.Normal ? "PRAGMA synchronous=NORMAL;" : "PRAGMA synchronous=FULL;";

    public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData) =>
        Apply(connection);

    public override Task ConnectionOpenedAsync(
        System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(System.Data.Common.DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>The data directory: <c>Vanguard:DataDirectory</c>, default <c>./data</c>, created on first use.</summary>
public static class DataDirectory
{
    public static string Resolve(IConfiguration configuration)
    {
        var path = Path.GetFullPath(configuration["Vanguard:DataDirectory"] is { Length: > 0 } configured ? configured : "data");
        Directory.CreateDirectory(path);
        return path;
    }
}

internal sealed class DatabaseHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = SystemDb.Create(services);
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
    }
}

internal static class OptionsCheck
{
    public static IServiceCollection AddVanguardOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<VanguardOptions>().Bind(configuration.GetSection(VanguardOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
