using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Surveillance.Data;

namespace Vanguard.Server.Modules.Surveillance.Demo;

/// <summary>
/// Demo data for the surveillance module: one empty watch-list 非法营运重点车辆 per demo city, so the command page has a
/// list to show and to promote suspects into. Nothing that needs devices: cameras, hotspots, rules and reads come from
/// <c>vanguard-sim anpr --scenario illegal-operation</c>. Idempotent: a city that has the list already is skipped.
/// </summary>
internal sealed class SurveillanceDemoSeeder(VanguardDbContext db, IAuditLog audit, TimeProvider clock)
{
    public const string ListName = "非法营运重点车辆";

    public const string ListDescription =
        "经研判模型发现或群众举报的涉嫌非法从事道路客运经营（无道路运输证揽客）的车辆；命中后就近派警核查。";

    /// <returns>How many lists were created (0 when every city has one).</returns>
    public async Task<int> SeedAsync(CancellationToken ct)
    {
        var cities = await db.Agencies.AsNoTracking()
            .Where(a => a.Level == AgencyLevel.City)
            .Select(a => new { a.Id, a.Code })
            .ToListAsync(ct);
        var withList = await db.Set<Watchlist>().IgnoreQueryFilters()
            .Where(w => w.Name == ListName)
            .Select(w => w.AgencyId)
            .ToListAsync(ct);

        var now = clock.GetUtcNow();
        var created = 0;
        foreach (var city in cities.Where(c => !withList.Contains(c.Id)).OrderBy(c => c.Code, StringComparer.Ordinal))
        {
            var list = new Watchlist
            {
                Id = Guid.CreateVersion7(), AgencyId = city.Id, Name = ListName, Description = ListDescription, IsActive = true,
                CreatedAt = now, CreatedBy = "system", UpdatedAt = now,
            };
            db.Set<Watchlist>().Add(list);
            audit.Record("surveillance.demo_seed", "watchlist", list.Id.ToString(), new { list.Name, agency = city.Code }, city.Id);
            created++;
        }

        if (created > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return created;
    }
}

internal static class SurveillanceDemo
{
    public static IServiceCollection AddSurveillanceDemo(this IServiceCollection services) => services.AddScoped<SurveillanceDemoSeeder>();

    /// <summary>Called by the start-up tasks after the demo province and its registry are seeded.</summary>
    public static Task SeedDemoSurveillanceAsync(this IServiceProvider scope, CancellationToken ct) =>
        scope.GetRequiredService<SurveillanceDemoSeeder>().SeedAsync(ct);
}
