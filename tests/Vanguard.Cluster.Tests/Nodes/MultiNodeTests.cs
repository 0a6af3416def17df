using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using NATS.Client.Core;
using NATS.Client.JetStream;
using Npgsql;
using Vanguard.Cluster.Tests.Infrastructure;

namespace Vanguard.Cluster.Tests.Nodes;

/// <summary>
/// Two nodes over one PostgreSQL database, one NATS JetStream stream and Redis (issue 11, item 6): cameras send plate reads
/// to both; node A, which takes the watch-listed reads, is SIGKILLed during ingest and its camera fails over to B, as
/// behind a load balancer. Afterwards every acknowledged read is stored once, every watch-listed read raised one alert, and
/// a command-centre screen connected to B saw each alert raised — including those A judged before it died (Redis
/// backplane) and those of batches A held when it died (JetStream redelivery to B).
/// </summary>
public sealed class MultiNodeTests
{
    private const int WatchlistedReads = 8;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NodeKilledDuringIngest_EveryAcknowledgedReadIsStoredOnce_AndEveryAlertReachesTheScreenOnTheOtherNode()
    {
        var output = TestContext.Current.TestOutputHelper;
        var unique = Guid.NewGuid().ToString("N")[..10];
        var stream = "VG_NODES_" + unique.ToUpperInvariant();
        await using var database = await FreshPostgresDatabase.CreateAsync("nodes");
        var dataA = Path.Combine(Path.GetTempPath(), "vanguard-cluster", "node-a-" + unique);
        var dataB = Path.Combine(Path.GetTempPath(), "vanguard-cluster", "node-b-" + unique);
        Dictionary<string, string> Settings(string node) => new()
        {
            ["Vanguard:NodeName"] = node,
            ["Vanguard:Database:Provider"] = "Postgres",
            ["ConnectionStrings:Vanguard"] = database.ConnectionString,
            ["Vanguard:Bus"] = "Nats",
            ["Vanguard:Nats:Url"] = ClusterServices.Nats,
            ["Vanguard:Nats:Stream"] = stream,
            ["Vanguard:Nats:Replicas"] = "1",
            ["Vanguard:Nats:AckWaitSeconds"] = "3",
            ["Vanguard:Redis:Configuration"] = ClusterServices.Redis,
            ["Vanguard:Redis:ChannelPrefix"] = "vg-nodes-" + unique,
            ["Vanguard:Surveillance:IndexSyncSeconds"] = "1",
        };

        try
        {
            // A first: it migrates the empty database and seeds the demo province; B then starts on a ready database.
            await using var a = await NodeProcess.StartAsync(dataA, Settings("A"), ct: Ct);
            var series = Random.Shared.Next(100, 1000);
            var plates = Enumerable.Range(0, WatchlistedReads).Select(i => $"豫AW{series}{i}").ToList();
            var probe = $"豫AW{series}9";
            await WatchAsync(a.BaseAddress, [.. plates, probe]);
            using var admin = await NodeApi.SignedInAsync(a.BaseAddress, "zhengzhou.admin");
            var codeA = "CAM-NA-" + unique[..6].ToUpperInvariant();
            var codeB = "CAM-NB-" + unique[..6].ToUpperInvariant();
            var keyA = await NodeApi.RegisterDeviceAsync(admin, "anpr-camera", codeA);
            var keyB = await NodeApi.RegisterDeviceAsync(admin, "anpr-camera", codeB);
            var keyProbe = await NodeApi.RegisterDeviceAsync(admin, "anpr-camera", "CAM-NP-" + unique[..6].ToUpperInvariant());

            await using var b = await NodeProcess.StartAsync(dataB, Settings("B"), ct: Ct);
            var (screen, raised, events) = await ScreenAsync(b.BaseAddress, "zhengzhou.command");
            await using var _ = screen;

            // SignalR answers the handshake before the hub has joined the screen to its groups (a Redis subscription here), so
            // an alert raised at that moment on another node can pass it by. A probe camera's reads on A, until the screen on B
            // shows one, make sure the path is open before the traffic starts.
            using (var probeCamera = new HttpClient { BaseAddress = a.BaseAddress })
            {
                probeCamera.DefaultRequestHeaders.Add("X-Device-Key", keyProbe);
                var attempt = 0;
                await Eventually.HoldsAsync(
                    async () =>
                    {
                        if (events.ContainsKey(probe))
                        {
                            return true;
                        }

                        if (attempt++ % 20 == 0)
                        {
                            using var sent = await probeCamera.PostAsJsonAsync("/api/v1/offsite/anpr-reads", new[] { NodeApi.PlateRead("probe-" + attempt, 0, probe) }, Ct);
                            sent.StatusCode.ShouldBe(HttpStatusCode.OK, await sent.Content.ReadAsStringAsync(Ct));
                        }

                        return false;
                    },
                    TimeSpan.FromSeconds(60),
                    () => $"no alert of the probe camera on A reached the screen on B\n--- A ---\n{a.Log}\n--- B ---\n{b.Log}",
                    Ct);
            }

            // Camera A's batches 2–9 each carry one watch-listed read; camera B sends background traffic to B throughout.
            var senderA = new DeviceSender("na", "/api/v1/offsite/anpr-reads", keyA, 100, (id, n) => NodeApi.PlateRead(id, n));
            var senderB = new DeviceSender("nb", "/api/v1/offsite/anpr-reads", keyB, 100, (id, n) => NodeApi.PlateRead(id, n));
            for (var i = 0; i < plates.Count; i++)
            {
                var plate = plates[i];
                senderA.Extra[i + 2] = id => NodeApi.PlateRead(id, 0, plate);
            }

            var killed = false;
            var stopB = false;
            var toB = Task.Run(() => senderB.RunAsync(b.BaseAddress, () => Volatile.Read(ref stopB), 100_000, Ct), Ct);
            var toA = Task.Run(() => senderA.RunAsync(a.BaseAddress, () => Volatile.Read(ref killed), 100_000, Ct), Ct);
            Stopwatch sinceKill;
            try
            {
                await Eventually.HoldsAsync(
                    () => Task.FromResult(senderA.Acknowledged.Count >= 5 && senderA.InFlight >= 1 && senderB.Acknowledged.Count >= 2),
                    TimeSpan.FromSeconds(120),
                    () => $"A acknowledged {senderA.Acknowledged.Count}, B {senderB.Acknowledged.Count}\n--- A ---\n{a.Log}\n--- B ---\n{b.Log}",
                    pollMs: 10,
                    Ct);
            }
            finally
            {
                a.Kill();
                sinceKill = Stopwatch.StartNew();
                Volatile.Write(ref killed, true);
            }

            await toA;
            var acknowledgedByA = senderA.Acknowledged.ToList();
            senderA.Unanswered.Count.ShouldBeGreaterThan(0, "A died between batches: no batch was left without an answer");

            // Camera A fails over to B: what had no answer, then the rest of its batches (the remaining watch-listed reads),
            // then its last two batches that A did answer, as a camera that lost those answers would.
            await senderA.ResendUnansweredAsync(b.BaseAddress, Ct);
            await senderA.RunAsync(b.BaseAddress, () => senderA.Acknowledged.Count >= plates.Count + 4, 100, Ct);
            await senderA.ResendAsync(b.BaseAddress, acknowledgedByA.TakeLast(2), Ct);
            Volatile.Write(ref stopB, true);
            await toB;
            senderA.Unanswered.Count.ShouldBe(0);
            senderB.Unanswered.Count.ShouldBe(0);

            await using var db = new NpgsqlConnection(database.ConnectionString);
            await db.OpenAsync(Ct);
            var sentA = senderA.AllRecordIds;
            var sentB = senderB.AllRecordIds;
            var seen = "";
            await Eventually.HoldsAsync(
                async () =>
                {
                    var drainedNow = await BusDrainedAsync(stream);
                    var storedA = (await StoredRecords.CountsAsync(db, StoredRecords.PlateReads, codeA, Ct)).Count;
                    var storedB = (await StoredRecords.CountsAsync(db, StoredRecords.PlateReads, codeB, Ct)).Count;
                    var inDb = await AlertsAsync(db, plates);
                    seen = $"bus drained {drainedNow}; stored {storedA}/{sentA.Count} of camera A, {storedB}/{sentB.Count} of camera B; " +
                        $"alerts stored for {string.Join(", ", inDb.Keys.Order())}; on the screen {string.Join(", ", raised.Keys.Order())}";
                    return drainedNow && storedA >= sentA.Count && storedB >= sentB.Count && inDb.Count == plates.Count && plates.All(raised.ContainsKey);
                },
                TimeSpan.FromSeconds(120),
                () => $"{seen} (watch-listed: {string.Join(", ", plates)})\n--- B ---\n{b.Log}",
                Ct);
            var drained = sinceKill.Elapsed;

            StoredRecords.ShouldHoldExactlyOnce(await StoredRecords.CountsAsync(db, StoredRecords.PlateReads, codeA, Ct), sentA, "camera A (A, then B)");
            StoredRecords.ShouldHoldExactlyOnce(await StoredRecords.CountsAsync(db, StoredRecords.PlateReads, codeB, Ct), sentB, "camera B (B)");
            var alerts = await AlertsAsync(db, plates);
            plates.ShouldAllBe(p => alerts[p] == 1, "alerts per watch-listed read: " + string.Join(", ", alerts.Select(x => $"{x.Key}×{x.Value}")));
            plates.ShouldAllBe(p => raised[p] == 1, "alertRaised per plate on the screen: " + string.Join(", ", raised.Select(x => $"{x.Key}×{x.Value}")));
            output?.WriteLine(
                $"A answered {acknowledgedByA.Count} batches before the SIGKILL; camera A then sent {senderA.Acknowledged.Count - acknowledgedByA.Count} to B, " +
                $"camera B {senderB.Acknowledged.Count}; {sentA.Count + sentB.Count} reads stored once, {plates.Count} alerts raised once and seen on B; " +
                $"bus drained and all stored {drained.TotalSeconds:F1} s after the kill (AckWait 3 s).");
        }
        finally
        {
            await DeleteStreamAsync(stream);
            foreach (var data in new[] { dataA, dataB })
            {
                try
                {
                    Directory.Delete(data, recursive: true);
                }
                catch (DirectoryNotFoundException)
                {
                }
            }
        }
    }

    /// <summary>A list of 郑州 (410100) made by its command operator, one entry per plate, each approved by the city's administrator.</summary>
    private static async Task WatchAsync(Uri node, IReadOnlyList<string> plates)
    {
        using var command = await NodeApi.SignedInAsync(node, "zhengzhou.command");
        using var admin = await NodeApi.SignedInAsync(node, "zhengzhou.admin");
        var list = await NodeApi.OkAsync(
            await command.PostAsJsonAsync("/api/v1/surveillance/watchlists", new { name = "多节点测试名单", description = "多节点测试" }, Ct), HttpStatusCode.Created);
        foreach (var plate in plates)
        {
            var entry = await NodeApi.OkAsync(await command.PostAsJsonAsync("/api/v1/surveillance/watchlist", new
            {
                watchlistId = list["id"]!.GetValue<Guid>(), plate, plateColor = "blue", reason = "涉嫌非法营运，多次被群众举报",
                validUntil = DateTimeOffset.UtcNow.AddDays(30), channels = new[] { "command" },
            }, Ct), HttpStatusCode.Created);
            await NodeApi.OkAsync(await admin.PostAsJsonAsync($"/api/v1/surveillance/watchlist/{entry["id"]!.GetValue<Guid>()}/approve", new { }, Ct));
        }
    }

    /// <summary>A command-centre screen on <paramref name="node"/>: counts the <c>alertRaised</c> events, and all events, per plate.</summary>
    private static async Task<(HubConnection Connection, ConcurrentDictionary<string, int> Raised, ConcurrentDictionary<string, int> Events)> ScreenAsync(
        Uri node, string username)
    {
        var token = await NodeApi.TokenAsync(node, username);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(node, "/hubs/command"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        var raised = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var events = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        connection.On<JsonElement>("alertRaised", alert =>
        {
            raised.AddOrUpdate(alert.GetProperty("plate").GetString()!, 1, (_, n) => n + 1);
            events.AddOrUpdate(alert.GetProperty("plate").GetString()!, 1, (_, n) => n + 1);
        });
        connection.On<JsonElement>("alertChanged", alert => events.AddOrUpdate(alert.GetProperty("plate").GetString()!, 1, (_, n) => n + 1));
        // A connection that never completes its handshake fails the test instead of hanging the run.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        limit.CancelAfter(TimeSpan.FromSeconds(30));
        await connection.StartAsync(limit.Token);
        return (connection, raised, events);
    }

    private static async Task<Dictionary<string, int>> AlertsAsync(NpgsqlConnection db, IReadOnlyList<string> plates)
    {
        await using var command = new NpgsqlCommand("""SELECT "Plate", COUNT(*)::int FROM surveillance_alerts WHERE "Plate" = ANY(@plates) GROUP BY "Plate" """, db);
        command.Parameters.AddWithValue("plates", plates.ToArray());
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            counts[reader.GetString(0)] = reader.GetInt32(1);
        }

        return counts;
    }

    /// <summary>Every consumer of the stream has nothing pending and nothing delivered but unacknowledged.</summary>
    private static async Task<bool> BusDrainedAsync(string stream)
    {
        await using var nats = new NatsConnection(new NatsOpts { Url = ClusterServices.Nats });
        var js = new NatsJSContext(nats);
        var consumers = 0;
        await foreach (var consumer in js.ListConsumersAsync(stream, Ct))
        {
            consumers++;
            if (consumer.Info.NumPending > 0 || consumer.Info.NumAckPending > 0)
            {
                return false;
            }
        }

        return consumers > 0;
    }

    private static async Task DeleteStreamAsync(string stream)
    {
        try
        {
            await using var nats = new NatsConnection(new NatsOpts { Url = ClusterServices.Nats });
            await new NatsJSContext(nats).DeleteStreamAsync(stream, CancellationToken.None);
        }
        catch (NatsJSApiException)
        {
            // Never created (the nodes failed before they made it).
        }
    }
}
