using Microsoft.EntityFrameworkCore;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Complaints.Demo;
using Vanguard.Server.Modules.Credit.Demo;
using Vanguard.Server.Modules.Disclosure.Demo;
using Vanguard.Server.Modules.Organisation;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Organisation.Demo;
using Vanguard.Server.Modules.Performance;
using Vanguard.Server.Modules.Registry;
using Vanguard.Server.Modules.Supervision.Demo;
using Vanguard.Server.Modules.Surveillance.Demo;
using Vanguard.Server.Modules.Warnings.Demo;

namespace Vanguard.Server.Hosting;

/// <summary>What happens before the platform takes requests: migrate, then seed the demo province if asked to.</summary>
internal static class StartupTasks
{
    public static async Task PrepareAsync(WebApplication app, CancellationToken ct)
    {
        DataDirectoryCheck.ExitUnlessWritable(app.Configuration);  // read-only or full: a message naming the directory, exit 74
        await DatabaseSetup.MigrateAsync(app.Services, ct);

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        await scope.ServiceProvider.SeedPerformanceCatalogueAsync(ct);  // the default indicator catalogue, demo or not
        var db = scope.ServiceProvider.GetRequiredService<VanguardDbContext>();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        var demo = DemoSettings.From(app.Configuration);
        var seeded = await seeder.IsSeededAsync(ct);
        // Demo is the default only for an empty database: a real platform never gets demo data by accident.
        var wanted = demo.Enabled ?? (!seeded && !await db.Agencies.AnyAsync(ct));
        if (wanted && !seeded)
        {
            await seeder.SeedAsync(demo.Password, ct);
            seeded = true;
        }

        if (seeded && demo.Enabled != false)
        {
            await scope.ServiceProvider.SeedDemoRegistryAsync(ct);
            await scope.ServiceProvider.SeedDemoSurveillanceAsync(ct);
            await scope.ServiceProvider.SeedDemoComplaintsAsync(ct);
        }

        if (seeded && demo.Enabled != false && demo.Activity)
        {
            await scope.ServiceProvider.GetRequiredService<DisclosureDemoSeeder>().SeedAsync(ct);   // decisions published, one withdrawn
            await scope.ServiceProvider.GetRequiredService<CreditDemoSeeder>().SeedAsync(ct);       // five overloads of one truck → proposals
            await scope.ServiceProvider.GetRequiredService<WarningsDemoSeeder>().SeedAsync(ct);     // on-the-spot decisions without a clip
            await scope.ServiceProvider.GetRequiredService<SupervisionDemoSeeder>().SeedAsync(ct);  // "八六四" inspections
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Vanguard.Demo");
        if (seeded && demo.Enabled != false)
        {
            logger.LogWarning(
                "Demo data is loaded. Demo logins (password {Password}): {Logins}",
                demo.Password,
                string.Join(", ", DemoSeeder.Logins));
        }
    }
}
