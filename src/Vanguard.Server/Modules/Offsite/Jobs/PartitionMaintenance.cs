using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vanguard.Server.Common;
using Vanguard.Server.Common.Jobs;
using Vanguard.Server.Data;

namespace Vanguard.Server.Modules.Offsite.Jobs;

/// <summary>
/// PostgreSQL only: keeps a partition ready for this China month and the next <see cref="MonthsAhead"/> in both detection
/// tables (migration <c>PartitionDetectionsByMonth</c>, docs/partitioning.md), so a month's rows never pile up in the
/// DEFAULT partition. Rows already in DEFAULT for a month being created (a device clock ahead, or a long outage of this
/// job) are moved into the new partition in the same transaction; ATTACH refuses otherwise. A claimed job (one node per
/// 6-hour slot); idempotent, and safe even if two nodes ran it at once: each step holds a transaction-scoped advisory lock
/// and looks again before creating.
/// </summary>
internal sealed class PartitionMaintenance(IServiceScopeFactory scopes, JobClaims claims, TimeProvider clock, ILogger<PartitionMaintenance> logger)
    : BackgroundService
{
    public const int MonthsAhead = 3;

    // Three months ahead at every run: a failed slot (database away) leaves months of margin until the next one.
    private static readonly TimeSpan Period = TimeSpan.FromHours(6);

    // (table, the device's own id of a record): the per-partition unique index that keeps ingest idempotent.
    private static readonly (string Table, string DeviceKey)[] Tables = [("offsite_wim_records", "RecordId"), ("offsite_anpr_reads", "ReadId")];

    // Any constant both nodes agree on: "partitions" in ASCII.
    private const long AdvisoryLock = 0x706172746974696F;

    /// <summary>Creates the missing partitions; returns their names (none on SQLite, or when all exist).</summary>
    public async Task<IReadOnlyList<string>> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = SystemDb.Create(scope.ServiceProvider);
        if (!db.Database.IsNpgsql())
        {
            return [];
        }

        var created = new List<string>();
        var today = LegalClock.DayOf(clock.GetUtcNow());
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        foreach (var (table, deviceKey) in Tables)
        {
            for (var ahead = 0; ahead <= MonthsAhead; ahead++)
            {
                var month = thisMonth.AddMonths(ahead);
                if (await EnsureMonthAsync(db, table, deviceKey, month, ct) is { } name)
                {
                    created.Add(name);
                }
            }
        }

        if (created.Count > 0 && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Created detection partitions {Partitions}", string.Join(", ", created));
        }

        return created;
    }

    public static string PartitionName(string table, DateOnly month) => $"{table}_{month:yyyy_MM}";

    private static async Task<string?> EnsureMonthAsync(VanguardDbContext db, string table, string deviceKey, DateOnly month, CancellationToken ct)
    {
        var name = PartitionName(table, month);
        var from = LegalClock.StartOf(month).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var to = LegalClock.StartOf(month.AddMonths(1)).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLock})", ct);
        var state = await db.Database.SqlQueryRaw<string>(
            "SELECT CASE WHEN to_regclass({0}) IS NOT NULL THEN 'exists' " +
            "WHEN (SELECT relkind FROM pg_class WHERE oid = to_regclass({1})) = 'p' THEN 'missing' ELSE 'unpartitioned' END AS \"Value\"",
            name, table).SingleAsync(ct);
        if (state != "missing")
        {
            // 'unpartitioned': a database the migration has not converted; nothing to maintain.
            return null;
        }

        // Table and column names are constants of this class, the bounds are numbers: nothing here comes from a caller.
#pragma warning disable EF1002
        await db.Database.ExecuteSqlRawAsync(
            $"""
            CREATE TABLE {name} (LIKE {table} INCLUDING DEFAULTS);
            WITH moved AS (DELETE FROM {table}_default WHERE "CapturedAtMs" >= {from} AND "CapturedAtMs" < {to} RETURNING *)
            INSERT INTO {name} SELECT * FROM moved;
            CREATE UNIQUE INDEX "UX_{name}_DeviceId_{deviceKey}" ON {name} ("DeviceId", "{deviceKey}");
            ALTER TABLE {table} ATTACH PARTITION {name} FOR VALUES FROM ({from}) TO ({to});
            """,
            ct);
#pragma warning restore EF1002
        await tx.CommitAsync(ct);
        return name;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        claims.RunEachPeriodAsync("offsite.partitions", Period, RunOnceAsync, stoppingToken);
}
