using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Vanguard.Cluster.Tests.Infrastructure;

namespace Vanguard.Cluster.Tests.Nodes;

/// <summary>
/// One node on the default in-process bus, SIGKILLed while four senders (two of a weigh-in-motion station, two of a plate
/// camera) post batches, then restarted on the same data: every batch a sender had an answer for is stored, each record
/// once; the batches without an answer, sent again, complete the set without duplicates; acknowledged batches sent again
/// are all duplicates; the audit chain still verifies (issue 11, item 7).
/// </summary>
public sealed class CrashTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sqlite_NodeKilledDuringIngest_AndRestarted_KeepsEveryAcknowledgedRecordExactlyOnce()
    {
        var data = NewDataDirectory();
        var run = await CrashAndRecoverAsync(data, new Dictionary<string, string>());

        await using (var db = new SqliteConnection($"Data Source={Path.Combine(data, "vanguard.db")};Mode=ReadOnly;Pooling=False"))
        {
            await db.OpenAsync(Ct);
            await run.ShouldBeStoredExactlyOnceAsync(db);
            await using var check = db.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            ((string?)await check.ExecuteScalarAsync(Ct)).ShouldBe("ok");
        }

        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task Postgres_NodeKilledDuringIngest_AndRestarted_KeepsEveryAcknowledgedRecordExactlyOnce()
    {
        var data = NewDataDirectory();
        await using var database = await FreshPostgresDatabase.CreateAsync("crash");
        var run = await CrashAndRecoverAsync(data, new Dictionary<string, string>
        {
            ["Vanguard:Database:Provider"] = "Postgres",
            ["ConnectionStrings:Vanguard"] = database.ConnectionString,
        });

        await using (var db = new NpgsqlConnection(database.ConnectionString))
        {
            await db.OpenAsync(Ct);
            await run.ShouldBeStoredExactlyOnceAsync(db);
        }

        Directory.Delete(data, recursive: true);
    }

    private static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "vanguard-cluster", "crash-" + Guid.NewGuid().ToString("N"));

    /// <summary>Start, ingest, SIGKILL, restart, resend; returns with the node stopped (SIGTERM), so the files can be read.</summary>
    private static async Task<CrashRun> CrashAndRecoverAsync(string data, IReadOnlyDictionary<string, string> settings)
    {
        var output = TestContext.Current.TestOutputHelper;
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var run = new CrashRun("WIM-CR-" + suffix, "CAM-CR-" + suffix);
        List<DeviceSender> senders;
        await using (var node = await NodeProcess.StartAsync(data, settings, ct: Ct))
        {
            using var admin = await NodeApi.SignedInAsync(node.BaseAddress, "zhengzhou.admin");
            var stationKey = await NodeApi.RegisterDeviceAsync(admin, "wim-station", run.StationCode);
            var cameraKey = await NodeApi.RegisterDeviceAsync(admin, "anpr-camera", run.CameraCode);
            senders =
            [
                new("w1", "/api/v1/offsite/wim-records", stationKey, CrashRun.WeighingBatch, NodeApi.Weighing),
                new("w2", "/api/v1/offsite/wim-records", stationKey, CrashRun.WeighingBatch, NodeApi.Weighing),
                new("a1", "/api/v1/offsite/anpr-reads", cameraKey, 200, (id, n) => NodeApi.PlateRead(id, n)),
                new("a2", "/api/v1/offsite/anpr-reads", cameraKey, 200, (id, n) => NodeApi.PlateRead(id, n)),
            ];
            run.Senders.AddRange(senders);

            var killed = false;
            var sending = senders.Select(s => Task.Run(() => s.RunAsync(node.BaseAddress, () => Volatile.Read(ref killed), 100_000, Ct), Ct)).ToList();
            try
            {
                // Mid-ingest: a dozen batches answered and at least two on the wire.
                await Eventually.HoldsAsync(
                    () => Task.FromResult(senders.Sum(s => s.Acknowledged.Count) >= 12 && senders.Sum(s => s.InFlight) >= 2),
                    TimeSpan.FromSeconds(120),
                    () => $"acknowledged {senders.Sum(s => s.Acknowledged.Count)}, in flight {senders.Sum(s => s.InFlight)}\n{node.Log}",
                    pollMs: 10,
                    Ct);
            }
            finally
            {
                node.Kill();
                Volatile.Write(ref killed, true);
            }

            await Task.WhenAll(sending);
        }

        var unanswered = senders.Sum(s => s.Unanswered.Count);
        var acknowledgedBeforeKill = senders.ToDictionary(s => s, s => s.Acknowledged.ToList());
        unanswered.ShouldBeGreaterThan(0, "the kill came between batches: no batch was left without an answer");

        await using (var node = await NodeProcess.StartAsync(data, settings, ct: Ct))
        {
            // Each sender sends again what it had no answer for (some of it was committed before the kill: duplicates)...
            var resent = await Task.WhenAll(senders.Select(s => s.ResendUnansweredAsync(node.BaseAddress, Ct)));
            var committedUnanswered = resent.SelectMany(a => a).Sum(a => a.Duplicates);
            // ...and, as a device that lost answers on its side would, its last two acknowledged batches: nothing new.
            foreach (var sender in senders)
            {
                var again = await sender.ResendAsync(node.BaseAddress, acknowledgedBeforeKill[sender].TakeLast(2), Ct);
                again.ShouldAllBe(a => a.Accepted == 0, $"{sender.Name}: an acknowledged batch sent again was stored again");
            }

            // The restarted node takes new data as before.
            await Task.WhenAll(senders.Select(s => s.RunAsync(node.BaseAddress, () => false, 1, Ct)));
            senders.Sum(s => s.Unanswered.Count).ShouldBe(0);

            var audit = await NodeApi.VerifyAuditAsync(node.BaseAddress);
            audit["ok"]!.GetValue<bool>().ShouldBeTrue(audit.ToJsonString());

            output?.WriteLine(
                $"{acknowledgedBeforeKill.Values.Sum(b => b.Count)} batches acknowledged before the SIGKILL, {unanswered} without an answer " +
                $"({committedUnanswered} of their records had been committed and came back as duplicates); audit chain of {audit["entries"]} entries verifies.");
            await node.StopAsync();
        }

        return run;
    }

    private sealed class CrashRun(string stationCode, string cameraCode)
    {
        public const int WeighingBatch = 100;

        public string StationCode => stationCode;

        public string CameraCode => cameraCode;

        public List<DeviceSender> Senders { get; } = [];

        public async Task ShouldBeStoredExactlyOnceAsync(DbConnection db)
        {
            var weighingIds = Senders.Where(s => s.Name.StartsWith('w')).SelectMany(s => s.AllRecordIds).ToHashSet();
            var readIds = Senders.Where(s => s.Name.StartsWith('a')).SelectMany(s => s.AllRecordIds).ToHashSet();
            StoredRecords.ShouldHoldExactlyOnce(await StoredRecords.CountsAsync(db, StoredRecords.Weighings, StationCode, Ct), weighingIds, "weighings");
            StoredRecords.ShouldHoldExactlyOnce(await StoredRecords.CountsAsync(db, StoredRecords.PlateReads, CameraCode, Ct), readIds, "plate reads");

            // Every tenth weighing is overloaded and makes one review item, written in the weighing's transaction.
            var overloaded = weighingIds.Count(id => int.Parse(id[(id.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture) % 10 == 0);
            var items = await StoredRecords.ScalarAsync(db, """SELECT COUNT(*) FROM offsite_review_items WHERE "StationCode" = @code""", StationCode, Ct);
            var distinct = await StoredRecords.ScalarAsync(db, """SELECT COUNT(DISTINCT "WimRecordId") FROM offsite_review_items WHERE "StationCode" = @code""", StationCode, Ct);
            items.ShouldBe(overloaded, "review items of the station");
            distinct.ShouldBe(items, "review items per weighing");
        }
    }
}
