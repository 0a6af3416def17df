using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vanguard.Domain.Evidence;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Evidence.Data;
using Vanguard.Server.Modules.Evidence.Features;
using Vanguard.Server.Modules.Evidence.Storage;
using Vanguard.Server.Modules.Evidence.Tus;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Evidence.Jobs;

/// <summary>
/// The evidence module's scheduled work, each run in a DI scope of its own acting as the platform itself, never two runs
/// of one job at once on this node. Callable on demand (<c>POST /api/v1/evidence/jobs/{retention|integrity}</c>).
/// </summary>
internal sealed class EvidenceJobs(IServiceScopeFactory scopes, TimeProvider clock, ILogger<EvidenceJobs> logger) : IDisposable
{
    public const string Retention = "retention";
    public const string Integrity = "integrity";

    private readonly SemaphoreSlim _retention = new(1, 1);
    private readonly SemaphoreSlim _integrity = new(1, 1);

    public void Dispose()
    {
        _retention.Dispose();
        _integrity.Dispose();
    }

    public Task<JobRun> RunAsync(string job, CancellationToken ct) => job switch
    {
        Retention => RunAsync(_retention, RetainAsync, ct),
        Integrity => RunAsync(_integrity, VerifyAsync, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(job), job, "unknown job"),
    };

    /// <summary>Integrity of the items not verified within <paramref name="olderThan"/> only (the scheduled pass).</summary>
    public Task<JobRun> RunIntegrityAsync(TimeSpan olderThan, CancellationToken ct) =>
        RunAsync(_integrity, (sp, notes, c) => VerifyAsync(sp, notes, olderThan, c), ct);

    private async Task<JobRun> RunAsync(SemaphoreSlim gate, Func<IServiceProvider, List<string>, CancellationToken, Task<(int, int)>> work, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
            var started = clock.GetUtcNow();
            var notes = new List<string>();
            var (examined, affected) = await work(scope.ServiceProvider, notes, ct);
            var name = ReferenceEquals(gate, _retention) ? Retention : Integrity;
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Evidence {Job} job: examined {Examined}, affected {Affected}", name, examined, affected);
            }
            return new JobRun(name, started, clock.GetUtcNow(), examined, affected, notes);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Deletes what is due (records each deletion), and clears unfinished uploads that expired.</summary>
    private async Task<(int, int)> RetainAsync(IServiceProvider services, List<string> notes, CancellationToken ct)
    {
        var db = services.GetRequiredService<VanguardDbContext>();
        var custody = services.GetRequiredService<CustodyLog>();
        var deletion = services.GetRequiredService<EvidenceDeletion>();
        var now = clock.GetUtcNow();
        var due = await db.Set<EvidenceItem>()
            .Where(e => e.DeletedAt == null && !e.LegalHold && e.RetentionClass == RetentionClass.Standard && e.RetainUntil != null && e.RetainUntil <= now)
            .Where(e => !db.Set<EvidenceCaseLink>().Any(l => l.EvidenceId == e.Id))
            .OrderBy(e => e.RetainUntil).Take(10_000).ToListAsync(ct);
        var deleted = 0;
        foreach (var item in due)
        {
            var verdict = EvidenceRetention.Decide(item.RetentionClass, item.RetainUntil, linkedToCase: false, item.LegalHold, now);
            if (verdict != RetentionVerdict.Delete)
            {
                continue;
            }

            try
            {
                await deletion.DeleteAsync(db, custody, item,
                    $"保存期限届满（{item.RetainUntil:yyyy-MM-dd}），按规定删除 / retention period ended {item.RetainUntil:yyyy-MM-dd}", ct);
                deleted++;
                notes.Add($"deleted {item.Id} ({item.Sha256[..12]}…, due {item.RetainUntil:yyyy-MM-dd})");
            }
            catch (DbUpdateConcurrencyException)
            {
                // Changed meanwhile (a legal hold, say): the next run decides again.
                db.ChangeTracker.Clear();
                notes.Add($"skipped {item.Id}: changed during the run");
            }
        }

        var staging = services.GetRequiredService<UploadStaging>();
        var expired = await db.Set<EvidenceUpload>().Where(u => u.Status == UploadStatus.Active && u.ExpiresAt <= now).ToListAsync(ct);
        foreach (var upload in expired)
        {
            staging.Forget(upload.Id, deleteFile: true);
            upload.Status = UploadStatus.Terminated;
            upload.UpdatedAt = now;
        }

        if (expired.Count > 0)
        {
            await db.SaveChangesAsync(ct);
            notes.Add($"removed {expired.Count} expired unfinished upload(s)");
        }

        return (due.Count, deleted);
    }

    private Task<(int, int)> VerifyAsync(IServiceProvider services, List<string> notes, CancellationToken ct) =>
        VerifyAsync(services, notes, TimeSpan.Zero, ct);

    /// <summary>Re-hashes blobs; a mismatch or a missing blob raises a finding, a log warning and a custody line.</summary>
    private async Task<(int, int)> VerifyAsync(IServiceProvider services, List<string> notes, TimeSpan olderThan, CancellationToken ct)
    {
        var db = services.GetRequiredService<VanguardDbContext>();
        var store = services.GetRequiredService<IEvidenceStore>();
        var custody = services.GetRequiredService<CustodyLog>();
        var now = clock.GetUtcNow();
        var cutoff = now - olderThan;
        var ids = await db.Set<EvidenceItem>()
            .Where(e => e.DeletedAt == null && (olderThan == TimeSpan.Zero || e.LastVerifiedAt == null || e.LastVerifiedAt <= cutoff))
            .OrderBy(e => e.LastVerifiedAt).Select(e => e.Id).ToListAsync(ct);
        var hashes = new Dictionary<string, string?>(StringComparer.Ordinal);
        var problems = 0;
        foreach (var id in ids)
        {
            db.ChangeTracker.Clear();
            var item = await db.Set<EvidenceItem>().SingleAsync(e => e.Id == id, ct);
            if (!hashes.TryGetValue(item.Sha256, out var actual))
            {
                actual = await HashOfBlobAsync(store, item.Sha256, ct);
                hashes[item.Sha256] = actual;
            }

            var open = await db.Set<IntegrityFinding>().Where(f => f.EvidenceId == item.Id && f.ResolvedAt == null).ToListAsync(ct);
            if (actual == item.Sha256)
            {
                item.LastVerifiedAt = now;
                foreach (var finding in open)
                {
                    finding.ResolvedAt = now;
                }

                await db.SaveChangesAsync(ct);
                continue;
            }

            problems++;
            var kind = actual is null ? "missing" : "mismatch";
            logger.LogWarning(
                "Evidence integrity: item {EvidenceId} blob {Sha256} is {Kind} (actual {Actual})", item.Id, item.Sha256, kind, actual ?? "-");
            notes.Add($"{kind}: {item.Id} expected {item.Sha256[..12]}… actual {(actual is null ? "-" : actual[..12] + "…")}");
            if (open.Any(f => f.Kind == kind && f.ActualSha256 == actual))
            {
                continue;
            }

            db.Add(new IntegrityFinding
            {
                EvidenceId = item.Id, AgencyId = item.AgencyId, DetectedAt = now, Kind = kind, ExpectedSha256 = item.Sha256, ActualSha256 = actual,
            });
            custody.Record(item, "integrity", actual is null
                ? "存储中的证据文件缺失 / the file is missing from storage"
                : $"文件内容与 SHA-256 不符，实际为 {actual} / the file no longer matches its SHA-256; it hashes to {actual}");
            await db.SaveChangesAsync(ct);
        }

        return (ids.Count, problems);
    }

    private static async Task<string?> HashOfBlobAsync(IEvidenceStore store, string sha256, CancellationToken ct)
    {
        await using var stream = await store.OpenReadAsync(sha256, ct);
        if (stream is null)
        {
            return null;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, ct)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

/// <summary>
/// Runs retention daily at <see cref="EvidenceOptions.RetentionHour"/> (China time) and integrity every hour (each pass verifies
/// what was not verified within <see cref="EvidenceOptions.IntegrityIntervalHours"/>), each slot on one node of the cluster
/// (ADR 0014); waits on the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class EvidenceScheduler(EvidenceJobs jobs, Common.Jobs.JobClaims claims, TimeProvider clock, IOptions<EvidenceOptions> options)
    : BackgroundService
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ScheduleJobs)
        {
            return Task.CompletedTask;
        }

        var interval = TimeSpan.FromHours(options.Value.IntegrityIntervalHours);
        return Task.WhenAll(
            RetentionAsync(stoppingToken),
            claims.RunEachPeriodAsync("evidence.integrity", TimeSpan.FromHours(1), ct => jobs.RunIntegrityAsync(interval, ct), stoppingToken,
                firstDelay: TimeSpan.FromMinutes(10)));
    }

    /// <summary>The slot is the day's retention time itself, which every node computes alike.</summary>
    private async Task RetentionAsync(CancellationToken stoppingToken)
    {
        try
        {
            var due = NextRetention(clock.GetUtcNow());
            while (!stoppingToken.IsCancellationRequested)
            {
                await claims.WaitUntilAsync(due, stoppingToken);
                await claims.RunSlotAsync("evidence.retention", due, ct => jobs.RunAsync(EvidenceJobs.Retention, ct), stoppingToken);
                var now = clock.GetUtcNow();
                // A clock set back by more than a day is followed, not waited out.
                due = NextRetention(now > due || due - now > TimeSpan.FromDays(1) ? now : due);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
    }

    private DateTimeOffset NextRetention(DateTimeOffset now)
    {
        var local = now.ToOffset(China);
        var today = new DateTimeOffset(local.Year, local.Month, local.Day, options.Value.RetentionHour, 0, 0, China);
        return today > local ? today : today.AddDays(1);
    }
}
