using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Vanguard.Server.Data;
using Vanguard.Server.Hosting;

namespace Vanguard.Server.Common.Jobs;

/// <summary>
/// Runs each slot of a scheduled job on one node of the cluster (ADR 0014). A slot is the time a run is due — for a periodic job
/// the start of its period, counted from the Unix epoch, so every node's timer names the same slot however far apart they fire.
/// The node whose insert of (job, slot) into <c>job_runs</c> takes effect runs it; the others skip it. At most one node starts a
/// slot; a node that dies mid-run leaves its slot taken, and the next slot runs as usual. The work stays idempotent by its own
/// unique keys, as it was on one node.
/// </summary>
internal sealed class JobClaims(IServiceScopeFactory scopes, TimeProvider clock, IOptions<VanguardOptions> options, ILogger<JobClaims> logger)
{
    /// <summary>How long claims are kept: a week shows which node ran what; a 5-second job leaves about 120 000 rows in it.</summary>
    public static readonly TimeSpan KeepRuns = TimeSpan.FromDays(7);

    private readonly ConcurrentDictionary<string, bool> _announced = new();

    /// <summary>This node's name in <c>job_runs</c> and the logs.</summary>
    public string Node { get; } = options.Value.NodeName is { Length: > 0 } name
        ? name[..Math.Min(name.Length, 128)]
        : $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>The slot <paramref name="now"/> falls in: the start of its period (whole minutes, hours and days of UTC).</summary>
    public static DateTimeOffset SlotOf(DateTimeOffset now, TimeSpan period)
    {
        var sinceEpoch = now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return new DateTimeOffset(now.UtcTicks - (sinceEpoch % period.Ticks), TimeSpan.Zero);
    }

    public static string SlotKey(DateTimeOffset slot) => slot.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>True when this node's row for (job, slot) was inserted: the slot is this node's to run.</summary>
    public async Task<bool> TryClaimAsync(string job, DateTimeOffset slot, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = SystemDb.Create(scope.ServiceProvider);
        var key = SlotKey(slot);
        // INSERT … ON CONFLICT DO NOTHING (SQLite and PostgreSQL alike), not SaveChanges catching the unique violation: the loser
        // of every slot would log a failed command at Error level. The time goes through the model's own conversion (SQLite keeps
        // DateTimeOffset as a sortable long), so the row reads back as EF wrote it.
        var startedAt = StoredTime.Now(clock);
        var mapping = db.Model.FindEntityType(typeof(JobRun))!.FindProperty(nameof(JobRun.StartedAt))!.GetTypeMapping();
        var stored = mapping.Converter?.ConvertToProvider(startedAt) ?? startedAt;
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO job_runs ("Job", "Slot", "Node", "StartedAt") VALUES ({job}, {key}, {Node}, {stored}) ON CONFLICT DO NOTHING""", ct);
        return inserted == 1;
    }

    public async Task FinishAsync(string job, DateTimeOffset slot, string outcome, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = SystemDb.Create(scope.ServiceProvider);
        var key = SlotKey(slot);
        var finishedAt = StoredTime.Now(clock);
        await db.Set<JobRun>().Where(r => r.Job == job && r.Slot == key && r.Node == Node)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.FinishedAt, finishedAt).SetProperty(r => r.Outcome, outcome), ct);
    }

    /// <summary>Runs <paramref name="work"/> for the slot if this node claims it; false when another node had it (or the claim failed).</summary>
    public async Task<bool> RunSlotAsync(string job, DateTimeOffset slot, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        bool claimed;
        try
        {
            claimed = await TryClaimAsync(job, slot, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The database busy or away: this slot is skipped here, and another node (or the next slot) runs the job.
            logger.LogWarning(e, "Job {Job}: slot {Slot} could not be claimed; the next slot is tried", job, SlotKey(slot));
            return false;
        }

        if (!claimed)
        {
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("Job {Job}: slot {Slot} was claimed by another node", job, SlotKey(slot));
            }

            return false;
        }

        // Which node runs which job, in the log once per job and node start (each slot's node is in job_runs).
        if (_announced.TryAdd(job, true) && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Job {Job}: slot {Slot} claimed by node {Node}", job, SlotKey(slot), Node);
        }
        else if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("Job {Job}: slot {Slot} claimed by node {Node}", job, SlotKey(slot), Node);
        }

        string outcome;
        try
        {
            await work(ct);
            outcome = "ok";
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await FinishQuietlyAsync(job, slot, "stopped");
            throw;
        }
        catch (Exception e)
        {
            // Any failure: an exception escaping a BackgroundService stops the whole host (StopHost). The next slot runs again.
            logger.LogError(e, "Job {Job}: slot {Slot} failed on node {Node}; the next slot runs again", job, SlotKey(slot), Node);
            outcome = $"failed: {e.GetType().Name}";
        }

        await FinishQuietlyAsync(job, slot, outcome);
        return true;
    }

    /// <summary>
    /// A periodic job's loop: after <paramref name="firstDelay"/>, the current slot (unless another node ran it already), then each
    /// slot at its start. A run longer than its period skips the slots it overran rather than running them back to back.
    /// </summary>
    public async Task RunEachPeriodAsync(string job, TimeSpan period, Func<CancellationToken, Task> work, CancellationToken stoppingToken, TimeSpan firstDelay = default)
    {
        period = period < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : period;
        try
        {
            if (firstDelay > TimeSpan.Zero)
            {
                await Task.Delay(firstDelay, clock, stoppingToken);
            }

            var slot = SlotOf(clock.GetUtcNow(), period);
            while (!stoppingToken.IsCancellationRequested)
            {
                await RunSlotAsync(job, slot, work, stoppingToken);
                // The next slot after now, and never this one again should the timer have fired a little early — unless
                // the clock went back by more than a period (set by hand; a test's clock): then follow it rather than
                // wait out the gap (a wait of months is also more than Task.Delay takes, and that stopped the host).
                var next = SlotOf(clock.GetUtcNow(), period) + period;
                slot = next > slot || slot - next > period ? next : slot + period;
                await WaitUntilAsync(slot, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
    }

    /// <summary>Waits until the clock reads <paramref name="time"/>, in steps Task.Delay accepts (under 49 days each).</summary>
    public async Task WaitUntilAsync(DateTimeOffset time, CancellationToken ct)
    {
        for (var wait = time - clock.GetUtcNow(); wait > TimeSpan.Zero; wait = time - clock.GetUtcNow())
        {
            await Task.Delay(wait < LongestDelay ? wait : LongestDelay, clock, ct);
        }
    }

    private static readonly TimeSpan LongestDelay = TimeSpan.FromDays(7);

    /// <summary>Deletes claims older than <see cref="KeepRuns"/>; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = SystemDb.Create(scope.ServiceProvider);
        var before = StoredTime.Now(clock) - KeepRuns;
        return await db.Set<JobRun>().Where(r => r.StartedAt < before).ExecuteDeleteAsync(ct);
    }

    private async Task FinishQuietlyAsync(string job, DateTimeOffset slot, string outcome)
    {
        // Recorded even while the host stops (its token is cancelled by then), but never holds the shutdown for long.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await FinishAsync(job, slot, outcome, timeout.Token);
        }
        catch (Exception e)
        {
            // The slot ran (or failed) all the same; only its record stays open.
            logger.LogWarning(e, "Job {Job}: the end of slot {Slot} could not be recorded", job, SlotKey(slot));
        }
    }
}

/// <summary>Deletes old claims once a day, itself a claimed job.</summary>
internal sealed class JobRunPurge(JobClaims claims) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        claims.RunEachPeriodAsync("jobs.purge", TimeSpan.FromDays(1), claims.PurgeAsync, stoppingToken, firstDelay: TimeSpan.FromMinutes(5));
}

public static class JobClaimsSetup
{
    public static IServiceCollection AddJobClaims(this IServiceCollection services)
    {
        services.TryAddSingleton<JobClaims>();
        services.AddHostedService<JobRunPurge>();
        return services;
    }
}
