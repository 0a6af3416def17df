using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Data;

/// <summary>The SQLite flavour (default, zero set-up). Migrations: <c>Data/Migrations/Sqlite</c>.</summary>
public sealed class SqliteVanguardDbContext(DbContextOptions<SqliteVanguardDbContext> options, IJurisdiction jurisdiction)
    : VanguardDbContext(options, jurisdiction)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset values in SQL; store UTC ticks + offset as one sortable long.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>The PostgreSQL flavour (province scale). Migrations: <c>Data/Migrations/Postgres</c>.</summary>
public sealed class PostgresVanguardDbContext(DbContextOptions<PostgresVanguardDbContext> options, IJurisdiction jurisdiction)
    : VanguardDbContext(options, jurisdiction);

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without starting the host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteVanguardDbContext>
{
    public SqliteVanguardDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteVanguardDbContext>().UseSqlite("Data Source=design.db").Options, FixedJurisdiction.System);
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresVanguardDbContext>
{
    public PostgresVanguardDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresVanguardDbContext>().UseNpgsql("Host=localhost;Database=vanguard_design").Options, FixedJurisdiction.System);
}
