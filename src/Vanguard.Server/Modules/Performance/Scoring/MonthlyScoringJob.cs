using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vanguard.Server.Common.Jobs;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Performance.Contracts;
using Vanguard.Server.Modules.Performance.Data;

namespace Vanguard.Server.Modules.Performance.Scoring;

/// <summary>
/// Scores the month just ended once its records have had time to close (China time): from day <c>JobDayOfMonth</c> (default 15)
/// every <c>JobCheckMinutes</c> it looks whether last month has any run, and computes version 1 if not. Scored on the 1st, the month's
/// last reviews (5 working days) and complaints (24 h on site) would still be running and could not yet fail. It never publishes: the province reviews and publishes. Two nodes racing are settled by the
/// unique (month, number) index: the loser's insert fails and it finds the run next time.
/// </summary>
internal sealed class MonthlyScoringJob(IServiceScopeFactory scopes, JobClaims claims, TimeProvider clock, IOptions<PerformanceOptions> options, ILogger<MonthlyScoringJob> logger)
    : BackgroundService
{
    /// <summary>Computes last month if it has no run yet; true when it did. Public so tests need not wait.</summary>
    public async Task<bool> RunDueAsync(CancellationToken ct)
    {
        if (!IsDue(clock.GetUtcNow(), options.Value.JobDayOfMonth))
        {
            return false;
        }

        var month = ScoringMonth.Of(clock.GetUtcNow()).Previous();
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        var db = scope.ServiceProvider.GetRequiredService<VanguardDbContext>();
        if (await db.Set<ScoringRun>().AnyAsync(r => r.Month == month.ToString(), ct))
        {
            return false;
        }

        var result = await scope.ServiceProvider.GetRequiredService<ScoringHandler>().ComputeMonthAsync(month, "每月自动评分", ct);
        if (!result.IsSuccess)
        {
            logger.LogWarning("Monthly scoring of {Month} skipped: {Code}", month, result.Error!.Code);
            return false;
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Monthly scoring of {Month}: version {Number} computed for {Agencies} agencies", month.ToString(), result.Value.Number, result.Value.Agencies);
        }
        return true;
    }

    /// <summary>Whether last month may be scored now: from <paramref name="dayOfMonth"/> of this month on (China date).</summary>
    public static bool IsDue(DateTimeOffset now, int dayOfMonth) => now.ToOffset(TimeSpan.FromHours(8)).Day >= dayOfMonth;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => options.Value.JobEnabled
        ? claims.RunEachPeriodAsync("performance.monthly-scoring", TimeSpan.FromMinutes(Math.Max(1, options.Value.JobCheckMinutes)), RunDueAsync, stoppingToken)
        : Task.CompletedTask;
}
