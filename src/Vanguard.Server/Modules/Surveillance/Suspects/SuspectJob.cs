using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Surveillance.Data;
using Vanguard.Server.Common;

namespace Vanguard.Server.Modules.Surveillance.Suspects;

/// <summary>
/// Runs every enabled suspect rule once per <c>SuspectRunMinutes</c>, as the platform (all jurisdictions). Each node may
/// run the job: a rule is claimed by moving its <c>LastRunAt</c> from the value just read (a conditional update), so one
/// node runs it per period. Each rule runs in its own scope; one failing rule does not stop the others.
/// </summary>
internal sealed class SuspectJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SurveillanceOptions> options, ILogger<SuspectJob> logger)
    : BackgroundService
{
    private TimeSpan Period => TimeSpan.FromMinutes(Math.Max(1, options.Value.SuspectRunMinutes));

    /// <summary>Runs the enabled rules not run within the period; returns how many ran. Public so tests and tools need not wait.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        List<(Guid Id, DateTimeOffset? LastRunAt)> due;
        await using (var scope = scopes.CreateAsyncScope())
        await using (var db = SystemDb.Create(scope.ServiceProvider))
        {
            var cutoff = clock.GetUtcNow() - Period;
            due = (await db.Set<SuspectRule>().AsNoTracking()
                    .Where(r => r.Enabled && (r.LastRunAt == null || r.LastRunAt <= cutoff))
                    .Select(r => new { r.Id, r.LastRunAt })
                    .ToListAsync(ct))
                .Select(r => (r.Id, r.LastRunAt)).ToList();
        }

        var ran = 0;
        foreach (var (id, lastRunAt) in due)
        {
            try
            {
                if (await RunOneAsync(id, lastRunAt, ct))
                {
                    ran++;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // One bad rule must not keep the others from running (nor stop the host).
                logger.LogError(ex, "Suspect rule {RuleId} failed; it runs again next period", id);
            }
        }

        return ran;
    }

    private async Task<bool> RunOneAsync(Guid id, DateTimeOffset? lastRunAt, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        var db = scope.ServiceProvider.GetRequiredService<VanguardDbContext>();
        var claimedAt = StoredTime.Of(clock.GetUtcNow());
        var claimed = await db.Set<SuspectRule>()
            .Where(r => r.Id == id && r.Enabled && (lastRunAt == null ? r.LastRunAt == null : r.LastRunAt == lastRunAt))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LastRunAt, claimedAt), ct);
        if (claimed == 0)
        {
            return false;
        }

        var rule = await db.Set<SuspectRule>().SingleAsync(r => r.Id == id, ct);
        var result = await scope.ServiceProvider.GetRequiredService<SuspectDetector>().RunAsync(rule, ct);
        if (logger.IsEnabled(LogLevel.Information) && result.Created > 0)
        {
            logger.LogInformation("Suspect rule {RuleId}: {Found} found, {Created} new, {Updated} refreshed", id, result.Found, result.Created, result.Updated);
        }

        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A period first: a node that restarts does not re-run what another node ran a minute ago, and startup stays light.
                await Task.Delay(Period, clock, stoppingToken);
                await RunDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Any failure: an exception escaping ExecuteAsync would stop the whole host (StopHost).
                logger.LogError(ex, "Suspect rules job failed; retrying next period");
            }
        }
    }
}
