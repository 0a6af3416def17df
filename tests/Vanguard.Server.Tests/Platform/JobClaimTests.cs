using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Vanguard.Server.Common.Jobs;
using Vanguard.Server.Data;
using Vanguard.Server.Hosting;

namespace Vanguard.Server.Tests.Platform;

/// <summary>
/// Scheduled jobs across nodes (ADR 0014): a slot of a job is claimed by one node only — the row (job, slot) in <c>job_runs</c>
/// that the first insert makes — whatever the timing of the nodes' timers.
/// </summary>
public sealed class JobClaimTests(VanguardFactory factory) : IClassFixture<VanguardFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    /// <summary>A "node": the claims service as another process would have it, on this platform's database.</summary>
    private static JobClaims Node(IServiceProvider services, string name) => new(
        services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System,
        Options.Create(new VanguardOptions { NodeName = name }), NullLogger<JobClaims>.Instance);

    private static string UniqueJob() => "test." + Guid.NewGuid().ToString("N");

    private async Task<List<JobRun>> RunsAsync(string job)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VanguardDbContext>();
        return await db.Set<JobRun>().AsNoTracking().Where(r => r.Job == job).ToListAsync(Ct);
    }

    /// <summary>
    /// The clock set back by months between two slots (by hand; a test's settable clock did it): the loop follows the clock
    /// instead of waiting for the old next slot — that wait was more than Task.Delay takes, its exception stopped the
    /// whole host, and a CI run's disclosure tests found their server disposed.
    /// </summary>
    [Fact]
    public async Task ALoopWhoseClockGoesBackMonths_FollowsIt_AndKeepsRunning()
    {
        var clock = new ShiftableClock();
        var node = new JobClaims(factory.Services.GetRequiredService<IServiceScopeFactory>(), clock,
            Options.Create(new VanguardOptions { NodeName = "node-back" }), NullLogger<JobClaims>.Instance);
        var runs = 0;
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var loop = node.RunEachPeriodAsync(UniqueJob(), TimeSpan.FromSeconds(1), _ =>
        {
            if (Interlocked.Increment(ref runs) == 1)
            {
                clock.Shift = TimeSpan.FromDays(-180);
            }
            else
            {
                second.TrySetResult();
            }

            return Task.CompletedTask;
        }, stop.Token);

        var first = await Task.WhenAny(second.Task, loop, Task.Delay(TimeSpan.FromSeconds(30), Ct));
        first.ShouldBe(second.Task, loop.IsFaulted ? loop.Exception!.ToString() : "no run after the clock went back");
        await stop.CancelAsync();
        await loop;
    }

    private sealed class ShiftableClock : TimeProvider
    {
        public TimeSpan Shift { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Shift;
    }

    [Fact]
    public async Task SameSlot_ClaimedAtOnceByTwoNodes_ExactlyOneWins_AndTheRowNamesIt()
    {
        var a = Node(factory.Services, "node-a");
        var b = Node(factory.Services, "node-b");
        var job = UniqueJob();
        var start = JobClaims.SlotOf(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));

        var winners = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var slot = start.AddMinutes(i);
            using var go = new ManualResetEventSlim();
            var claimA = Task.Run(() => { go.Wait(Ct); return a.TryClaimAsync(job, slot, Ct); }, Ct);
            var claimB = Task.Run(() => { go.Wait(Ct); return b.TryClaimAsync(job, slot, Ct); }, Ct);
            go.Set();
            var results = await Task.WhenAll(claimA, claimB);
            results.Count(won => won).ShouldBe(1, $"slot {i}");
            winners.Add(results[0] ? "node-a" : "node-b");
        }

        var runs = (await RunsAsync(job)).OrderBy(r => r.Slot, StringComparer.Ordinal).ToList();
        runs.Count.ShouldBe(20);
        runs.Select(r => r.Node).ShouldBe(winners);
        runs[0].Slot.ShouldBe(JobClaims.SlotKey(start));
    }

    [Fact]
    public async Task DifferentSlots_AreBothClaimed_AndASlotIsNeverClaimedTwice()
    {
        var a = Node(factory.Services, "node-a");
        var b = Node(factory.Services, "node-b");
        var job = UniqueJob();
        var slot = JobClaims.SlotOf(DateTimeOffset.UtcNow, TimeSpan.FromHours(1));

        var first = await a.TryClaimAsync(job, slot, Ct);
        var next = await b.TryClaimAsync(job, slot.AddHours(1), Ct);
        var again = await b.TryClaimAsync(job, slot, Ct);
        var otherJob = await b.TryClaimAsync(UniqueJob(), slot, Ct);

        first.ShouldBeTrue();
        next.ShouldBeTrue();
        again.ShouldBeFalse();
        otherJob.ShouldBeTrue();
        (await RunsAsync(job)).Select(r => r.Node).Order().ShouldBe(["node-a", "node-b"]);
    }

    [Fact]
    public void SlotOf_IsTheStartOfThePeriod_SoTimersFiringSecondsApartNameTheSameSlot()
    {
        var period = TimeSpan.FromMinutes(15);

        var early = JobClaims.SlotOf(DateTimeOffset.Parse("2026-11-27T20:15:00.004+08:00", System.Globalization.CultureInfo.InvariantCulture), period);
        var late = JobClaims.SlotOf(DateTimeOffset.Parse("2026-11-27T12:29:58Z", System.Globalization.CultureInfo.InvariantCulture), period);

        JobClaims.SlotKey(early).ShouldBe("2026-11-27T12:15:00Z");
        JobClaims.SlotKey(late).ShouldBe("2026-11-27T12:15:00Z");
        JobClaims.SlotKey(JobClaims.SlotOf(early.AddMinutes(15), period)).ShouldBe("2026-11-27T12:30:00Z");
    }

    [Fact]
    public async Task RunSlot_RecordsTheOutcome_AndAFailureLeavesTheSlotDone()
    {
        var a = Node(factory.Services, "node-a");
        var b = Node(factory.Services, "node-b");
        var job = UniqueJob();
        var slot = JobClaims.SlotOf(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));

        var failed = await a.RunSlotAsync(job, slot, _ => throw new InvalidOperationException("boom"), Ct);
        var retried = await b.RunSlotAsync(job, slot, _ => Task.CompletedTask, Ct);
        var next = await b.RunSlotAsync(job, slot.AddMinutes(5), _ => Task.CompletedTask, Ct);

        failed.ShouldBeTrue();
        retried.ShouldBeFalse();
        next.ShouldBeTrue();
        var runs = (await RunsAsync(job)).OrderBy(r => r.Slot, StringComparer.Ordinal).ToList();
        runs.Select(r => $"{r.Node} {r.Outcome}").ShouldBe(["node-a failed: InvalidOperationException", "node-b ok"]);
        runs.ShouldAllBe(r => r.FinishedAt != null && r.FinishedAt >= r.StartedAt);
    }

    [Fact]
    public async Task Purge_DeletesClaimsOlderThanAWeek_Only()
    {
        var job = UniqueJob();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VanguardDbContext>();
            var now = DateTimeOffset.UtcNow;
            db.AddRange(
                new JobRun { Job = job, Slot = "old", Node = "node-a", StartedAt = now.AddDays(-8) },
                new JobRun { Job = job, Slot = "recent", Node = "node-a", StartedAt = now.AddDays(-6) });
            await db.SaveChangesAsync(Ct);
        }

        await factory.Services.GetRequiredService<JobClaims>().PurgeAsync(Ct);

        (await RunsAsync(job)).Select(r => r.Slot).ShouldBe(["recent"]);
    }

    /// <summary>
    /// Two whole platforms on one database — on PostgreSQL a second factory on the first one's database; on SQLite (one file, one
    /// process) two scopes of one factory — race the same slot many times: the work runs once per slot.
    /// </summary>
    [Fact]
    public async Task TwoPlatformsOnOneDatabase_RacingTheSameSlot_RunItOnce()
    {
        await using var second = factory.PostgresConnectionString is { } shared ? new SecondNodeFactory(shared) : null;
        if (second is not null)
        {
            await second.InitializeAsync();
        }

        await using var scopeA = factory.Services.CreateAsyncScope();
        await using var scopeB = (second ?? factory).Services.CreateAsyncScope();
        var a = Node(scopeA.ServiceProvider, "platform-a");
        var b = Node(scopeB.ServiceProvider, "platform-b");
        var job = UniqueJob();
        var start = JobClaims.SlotOf(DateTimeOffset.UtcNow, TimeSpan.FromSeconds(5));
        var runs = 0;

        for (var i = 0; i < 10; i++)
        {
            var slot = start.AddSeconds(5 * i);
            using var go = new ManualResetEventSlim();
            Task<bool> Race(JobClaims node) => Task.Run(() =>
            {
                go.Wait(Ct);
                return node.RunSlotAsync(job, slot, async ct =>
                {
                    Interlocked.Increment(ref runs);
                    await Task.Delay(10, ct);
                }, Ct);
            }, Ct);
            var raceA = Race(a);
            var raceB = Race(b);
            go.Set();
            (await Task.WhenAll(raceA, raceB)).Count(ran => ran).ShouldBe(1, $"slot {i}");
        }

        runs.ShouldBe(10);
        var rows = await RunsAsync(job);
        rows.Count.ShouldBe(10);
        rows.ShouldAllBe(r => r.Outcome == "ok");
    }

    /// <summary>Another node of the same installation: its own data directory and node name, the first factory's PostgreSQL database.</summary>
    private sealed class SecondNodeFactory(string connectionString) : VanguardFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            [new("ConnectionStrings:Vanguard", connectionString), new("Vanguard:NodeName", "platform-b")];
    }
}
