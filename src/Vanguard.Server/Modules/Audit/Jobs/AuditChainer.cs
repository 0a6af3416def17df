using Microsoft.EntityFrameworkCore;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Data;

namespace Vanguard.Server.Modules.Audit.Jobs;

/// <summary>
/// Links committed audit entries into the hash chain, in batches. Requests never wait for it and never contend
/// on a chain lock: they only insert rows. One chainer at a time works on the chain (a process lock here, plus a
/// PostgreSQL advisory lock across nodes; SQLite's write transaction is already exclusive).
/// </summary>
internal sealed class AuditChainer(IServiceScopeFactory scopes, ILogger<AuditChainer> logger) : BackgroundService
{
    private const int BatchSize = 2_000;
    private const long AdvisoryLockKey = 0x56_47_41_55_44; // "VGAUD"

    // Wake-ups are coalesced: at most one pass per interval under load. Every pass takes SQLite's write lock (and a
    // PostgreSQL advisory lock) for a batch, so one pass per save made writers queue behind the chainer; the chain
    // lag stays far below a second, and /audit/verify chains synchronously first anyway.
    private static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(100);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Notify()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
        }
    }

    /// <summary>Chains everything committed so far; returns how many entries it linked.</summary>
    public async Task<int> ChainPendingAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await using var db = SystemDb.Create(scope.ServiceProvider);
            var total = 0;
            while (true)
            {
                var linked = await ChainBatchAsync(db, ct);
                total += linked;
                if (linked < BatchSize)
                {
                    return total;
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task<int> ChainBatchAsync(VanguardDbContext db, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct);
        }

        var head = await db.AuditChainHeads.SingleOrDefaultAsync(h => h.Id == 1, ct);
        if (head is null)
        {
            head = new AuditChainHead { Id = 1 };
            db.AuditChainHeads.Add(head);
        }

        var batch = await db.AuditEntries.Where(e => e.Sequence == null).OrderBy(e => e.Id).Take(BatchSize).ToListAsync(ct);
        if (batch.Count == 0)
        {
            await tx.RollbackAsync(ct);
            return 0;
        }

        var sequence = head.LastSequence;
        var previous = head.LastHash;
        foreach (var entry in batch)
        {
            entry.Sequence = ++sequence;
            entry.PreviousHash = previous;
            entry.Hash = AuditHash.Compute(entry, previous);
            previous = entry.Hash;
        }

        head.LastSequence = sequence;
        head.LastHash = previous;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return batch.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var started = TimeProvider.System.GetTimestamp();
            try
            {
                await ChainPendingAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                logger.LogWarning(ex, "Audit chaining failed; retrying shortly");
            }

            try
            {
                var elapsed = TimeProvider.System.GetElapsedTime(started);
                if (elapsed < MinInterval)
                {
                    await Task.Delay(MinInterval - elapsed, stoppingToken);
                }

                // Entries written by other nodes arrive without a local signal: poll as well.
                await _wake.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override void Dispose()
    {
        _gate.Dispose();
        _wake.Dispose();
        base.Dispose();
    }
}
