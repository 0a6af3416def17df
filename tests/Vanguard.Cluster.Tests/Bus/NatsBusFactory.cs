using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NATS.Client.Core;
using NATS.Client.JetStream;
using Vanguard.Cluster.Tests.Infrastructure;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Offsite.Bus;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Cluster.Tests.Bus;

/// <summary>
/// A node with <c>Vanguard:Bus=Nats</c> on the test NATS server and PostgreSQL: a stream of its own (deleted afterwards),
/// a short ack wait, and <see cref="Workers"/> processing loops (0 = a node that only accepts and publishes). A second node
/// of the same platform is a factory <see cref="SiblingNodeFactory"/>: same database, same stream.
/// </summary>
public class NatsBusFactory : VanguardFactory
{
    private readonly NatsBusFactory? _sibling;

    public NatsBusFactory()
    {
        Stream = "VG_BUS_" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
    }

    /// <summary>Another node of <paramref name="sibling"/>'s platform: its database and stream.</summary>
    protected NatsBusFactory(NatsBusFactory sibling)
    {
        _sibling = sibling;
        Stream = sibling.Stream;
    }

    public string Stream { get; }

    public const int AckWaitSeconds = 2;

    protected virtual int Workers => 2;

    protected virtual string NatsUrl => ClusterServices.Nats;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings
    {
        get
        {
            List<KeyValuePair<string, string?>> settings =
            [
                new("Vanguard:Bus", "Nats"),
                new("Vanguard:Nats:Url", NatsUrl),
                new("Vanguard:Nats:Stream", Stream),
                new("Vanguard:Nats:AckWaitSeconds", AckWaitSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("Vanguard:Offsite:BusWorkers", Workers.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ];
            if (_sibling?.PostgresConnectionString is { } shared)
            {
                settings.Add(new("ConnectionStrings:Vanguard", shared));
            }

            return settings;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_sibling is null)
        {
            await using var nats = new NatsConnection(new NatsOpts { Url = ClusterServices.Nats });
            try
            {
                await new NatsJSContext(nats).DeleteStreamAsync(Stream);
            }
            catch (NatsJSApiException)
            {
                // Never created (the node could not reach NATS).
            }
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>A second node of a platform: the same database and stream, its own data directory.</summary>
public sealed class SiblingNodeFactory(NatsBusFactory sibling) : NatsBusFactory(sibling);

/// <summary>A node that only accepts and publishes: the test decides who takes its batches.</summary>
public sealed class FrontNodeFactory : NatsBusFactory
{
    protected override int Workers => 0;
}

/// <summary>The device API, watch-lists and stored rows, as the bus tests use them.</summary>
internal static class BusKit
{
    public static CancellationToken Ct => ApiClient.Ct;

    public static readonly DateTimeOffset Now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));

    public static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    /// <summary>A GA 36 plate no other test uses (digits only after the letter: never confusable with a demo entry's letters).</summary>
    public static string Plate() => "豫A" + Random.Shared.Next(10_000, 99_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<string> RegisterAsync(VanguardFactory factory, string code, string kind)
    {
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var until = DateOnly.FromDateTime(Now.DateTime).AddYears(1);
        var response = await admin.PostAsJsonAsync("/api/v1/devices", new
        {
            kind, code, name = "总线测试设备 " + code, agencyCode = "410122", accuracyClass = 5,
            certificate = new { number = "JD-" + code, validFrom = until.AddYears(-1).AddDays(-7).ToString("yyyy-MM-dd"), validUntil = until.ToString("yyyy-MM-dd") },
        }, Ct);
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToJsonString());
        return body["apiKey"]!.GetValue<string>();
    }

    /// <summary>A 6-axle combination (limit 49 000 kg) weighed at the given gross.</summary>
    public static object Wim(string recordId, int grossKg, string plate = "豫A12345")
    {
        var axle = grossKg / 6;
        return new
        {
            recordId, capturedAt = Now.AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm:sszzz"), lane = 1, plate, plateColor = "yellow", axleCount = 6,
            vehicleKind = "combination", axleWeightsKg = Enumerable.Repeat(axle, 5).Append(grossKg - (axle * 5)).ToArray(), grossWeightKg = grossKg, speedKmh = 62.5,
        };
    }

    public static object Read(string readId, string plate) =>
        new { readId, capturedAt = Now.AddSeconds(-30).ToString("O"), plate, plateColor = "blue", confidence = 0.95, direction = "in" };

    public static Task<HttpResponseMessage> PostAsync(VanguardFactory factory, string key, string kind, params object[] records) =>
        factory.AsDevice(key).PostAsJsonAsync(kind == "wim" ? "/api/v1/offsite/wim-records" : "/api/v1/offsite/anpr-reads", records, Ct);

    public static async Task<System.Text.Json.Nodes.JsonNode> PostOkAsync(VanguardFactory factory, string key, string kind, params object[] records)
    {
        var response = await PostAsync(factory, key, kind, records);
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        return body;
    }

    /// <summary>An approved entry (two people: the command centre proposes, the administrator approves) for <paramref name="plate"/>.</summary>
    public static async Task WatchAsync(VanguardFactory factory, string plate)
    {
        var command = await factory.SignedInAsync("zhengzhou.command");
        var approver = await factory.SignedInAsync("zhengzhou.admin");
        var list = await command.PostAsJsonAsync("/api/v1/surveillance/watchlists", new { name = Unique("总线测试名单"), description = "测试名单" }, Ct);
        var listBody = await list.JsonAsync();
        list.StatusCode.ShouldBe(HttpStatusCode.Created, listBody.ToJsonString());
        var entry = await command.PostAsJsonAsync("/api/v1/surveillance/watchlist", new
        {
            watchlistId = listBody["id"]!.GetValue<Guid>(), plate, plateColor = "blue", reason = "涉嫌非法营运，多次被群众举报",
            validUntil = DateTimeOffset.UtcNow.AddDays(10), fuzzyMatch = false, channels = new[] { "command" },
        }, Ct);
        var entryBody = await entry.JsonAsync();
        entry.StatusCode.ShouldBe(HttpStatusCode.Created, entryBody.ToJsonString());
        var approved = await approver.PostAsJsonAsync($"/api/v1/surveillance/watchlist/{entryBody["id"]!.GetValue<Guid>()}/approve", new { }, Ct);
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>Runs <paramref name="query"/> on the platform's database as the platform (no jurisdiction).</summary>
    public static async Task<T> QueryAsync<T>(VanguardFactory factory, Func<VanguardDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        return await query(scope.ServiceProvider.GetRequiredService<VanguardDbContext>());
    }

    public static Task<int> WimRowsAsync(VanguardFactory factory, string station, string recordId) =>
        QueryAsync(factory, async db =>
        {
            var device = await DeviceIdAsync(db, station);
            return await db.Set<Vanguard.Server.Modules.Offsite.Data.WimRecord>().CountAsync(r => r.DeviceId == device && r.RecordId == recordId, Ct);
        });

    public static Task<int> ReadRowsAsync(VanguardFactory factory, string camera, string readId) =>
        QueryAsync(factory, async db =>
        {
            var device = await DeviceIdAsync(db, camera);
            return await db.Set<Vanguard.Server.Modules.Offsite.Data.AnprRead>().CountAsync(r => r.DeviceId == device && r.ReadId == readId, Ct);
        });

    public static Task<int> AlertsAsync(VanguardFactory factory, string plate) =>
        QueryAsync(factory, db => db.Set<Vanguard.Server.Modules.Surveillance.Data.Alert>().CountAsync(a => a.Plate == plate, Ct));

    private static async Task<Guid> DeviceIdAsync(VanguardDbContext db, string code) =>
        await db.Set<Vanguard.Server.Modules.Organisation.Data.Device>().Where(d => d.Code == code).Select(d => d.Id).SingleAsync(Ct);

    /// <summary>Waits (at most 30 s) until <paramref name="condition"/> holds; false if it never did.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < until)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100, Ct);
        }

        return await condition();
    }

    /// <summary>Whether the shared consumer has nothing waiting and nothing in a node's hands: every batch processed.</summary>
    public static async Task<bool> DrainedAsync(string stream)
    {
        await using var nats = new NatsConnection(new NatsOpts { Url = ClusterServices.Nats });
        var consumer = await new NatsJSContext(nats).GetConsumerAsync(stream, NatsIngestStream.Durable, Ct);
        return consumer.Info.NumPending == 0 && consumer.Info.NumAckPending == 0;
    }
}
