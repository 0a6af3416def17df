using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vanguard.Domain.Complaints;
using Vanguard.Server.Common.Jobs;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Complaints.Data;
using Vanguard.Server.Modules.Complaints.Features;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Common;

namespace Vanguard.Server.Modules.Complaints.Jobs;

/// <summary>Marks musts not done by their due time and writes one warning row for each (两个必须超时预警).</summary>
internal sealed class BreachScanner(VanguardDbContext db, TimeProvider clock)
{
    /// <summary>Returns how many warnings were written. A concurrent scan on another node loses on the unique index and writes nothing.</summary>
    public async Task<int> ScanAsync(CancellationToken ct)
    {
        var now = StoredTime.Of(clock.GetUtcNow());
        var late = await db.Set<Complaint>()
            .Where(c => (c.ContactedAt == null && c.ContactBreachedAt == null && c.ContactDueAt < now)
                || (c.OnsiteAt == null && c.OnsiteBreachedAt == null && c.OnsiteDueAt < now))
            .OrderBy(c => c.ContactDueAt).Take(500)
            .ToListAsync(ct);
        var written = 0;
        foreach (var c in late)
        {
            if (c.ContactedAt is null && c.ContactBreachedAt is null && c.ContactDueAt < now)
            {
                ComplaintHandler.MarkBreach(db, c, Must.Contact, now);
                written++;
            }

            if (c.OnsiteAt is null && c.OnsiteBreachedAt is null && c.OnsiteDueAt < now)
            {
                ComplaintHandler.MarkBreach(db, c, Must.Onsite, now);
                written++;
            }
        }

        if (written > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return written;
    }
}

/// <summary>Runs the <see cref="BreachScanner"/> every <c>BreachScanSeconds</c> as the platform (all jurisdictions).</summary>
internal sealed class BreachJob(IServiceScopeFactory scopes, JobClaims claims, IOptions<ComplaintsOptions> options, ILogger<BreachJob> logger)
    : BackgroundService
{
    /// <summary>One scan now; public so tests and tools need not wait for the timer.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        var written = await scope.ServiceProvider.GetRequiredService<BreachScanner>().ScanAsync(ct);
        if (written > 0 && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Complaints: {Count} two-musts breaches recorded", written);
        }

        return written;
    }

    /// <summary>The first scan a period after start, as on one node; then one scan per period across the nodes.</summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(options.Value.BreachScanSeconds);
        return claims.RunEachPeriodAsync("complaints.breaches", period, RunOnceAsync, stoppingToken, firstDelay: period);
    }
}
