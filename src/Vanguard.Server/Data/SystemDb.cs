using Microsoft.Extensions.Options;
using Vanguard.Server.Hosting;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Data;

/// <summary>Opens a context that acts as the platform itself (no jurisdiction filter): for jobs, seeding and tools.</summary>
internal static class SystemDb
{
    public static VanguardDbContext Create(IServiceProvider services)
    {
        var provider = services.GetRequiredService<IOptions<VanguardOptions>>().Value.Database.Provider;
        return provider switch
        {
            DatabaseProvider.Sqlite => ActivatorUtilities.CreateInstance<SqliteVanguardDbContext>(services, FixedJurisdiction.System),
            DatabaseProvider.Postgres => ActivatorUtilities.CreateInstance<PostgresVanguardDbContext>(services, FixedJurisdiction.System),
        };
    }
}
