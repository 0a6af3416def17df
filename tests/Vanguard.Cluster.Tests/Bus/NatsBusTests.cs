using System.Net;
using Microsoft.EntityFrameworkCore;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using Vanguard.Cluster.Tests.Infrastructure;
using Vanguard.Server.Modules.Offsite.Data;
using static Vanguard.Cluster.Tests.Bus.BusKit;

namespace Vanguard.Cluster.Tests.Bus;

/// <summary>Device batches through NATS JetStream (<c>Vanguard:Bus=Nats</c>): answered once stored in the stream, processed by the node's consumer.</summary>
public sealed class NatsBusTests(NatsBusFactory factory) : IClassFixture<NatsBusFactory>
{
    [Fact]
    public async Task WimBatch_IsQueued_ThenStoredOnce_AndAResendIsADuplicate()
    {
        var station = Unique("BUS-WIM-");
        var key = await RegisterAsync(factory, station, "wim-station");

        var first = await PostOkAsync(factory, key, "wim", Wim("w1", 40_000), Wim("w2", 42_000), Wim("w3", 30_000, plate: "豫I12345"), Wim("w1", 40_000));

        // Accepted means queued; the checks and their codes are the same as without the bus.
        (first["accepted"]!.GetValue<int>(), first["queued"]!.GetValue<int>(), first["duplicates"]!.GetValue<int>()).ShouldBe((2, 2, 1));
        first["rejected"]!.AsArray().Select(r => (r!["index"]!.GetValue<int>(), r["code"]!.GetValue<string>())).ShouldBe([(2, "offsite.plate_invalid")]);
        (await EventuallyAsync(async () => await WimRowsAsync(factory, station, "w1") == 1 && await WimRowsAsync(factory, station, "w2") == 1)).ShouldBeTrue();

        // The very same batch again is JetStream's duplicate; w2 with a new w4 is a new message whose w2 the database refuses.
        var same = await PostOkAsync(factory, key, "wim", Wim("w1", 40_000), Wim("w2", 42_000), Wim("w3", 30_000, plate: "豫I12345"), Wim("w1", 40_000));
        var resend = await PostOkAsync(factory, key, "wim", Wim("w2", 42_000), Wim("w4", 43_000));

        same["queued"]!.GetValue<int>().ShouldBe(2);
        resend["queued"]!.GetValue<int>().ShouldBe(2);
        (await EventuallyAsync(async () => await WimRowsAsync(factory, station, "w4") == 1 && await DrainedAsync(factory.Stream))).ShouldBeTrue();
        (await WimRowsAsync(factory, station, "w1"), await WimRowsAsync(factory, station, "w2"), await WimRowsAsync(factory, station, "w4")).ShouldBe((1, 1, 1));
    }

    [Fact]
    public async Task OverloadedRecord_ThroughTheBus_BecomesAReviewItem()
    {
        var station = Unique("BUS-WIM-");
        var key = await RegisterAsync(factory, station, "wim-station");

        await PostOkAsync(factory, key, "wim", Wim("o1", 60_000, plate: "豫A77701"), Wim("o2", 40_000, plate: "豫A77702"));

        (await EventuallyAsync(async () => await WimRowsAsync(factory, station, "o2") == 1)).ShouldBeTrue();
        var items = await QueryAsync(factory, db => db.Set<ReviewItem>().Where(i => i.StationCode == station).Select(i => i.Plate).ToListAsync(Ct));
        items.ShouldBe(["豫A77701"]);
        var staff = await factory.SignedInAsync("zhengzhou.case");
        var record = await (await staff.GetAsync($"/api/v1/offsite/wim-records/{station}/o1", Ct)).JsonAsync();
        record["verdict"]!.GetValue<string>().ShouldBe("overloaded");
        record["reviewItemId"].ShouldNotBeNull();
    }

    [Fact]
    public async Task PlateReads_AreStoredOnce_AndAWatchedPlateRaisesOneAlert()
    {
        var camera = Unique("BUS-ANPR-");
        var key = await RegisterAsync(factory, camera, "anpr-camera");
        var watched = Plate();
        await WatchAsync(factory, watched);

        var answer = await PostOkAsync(factory, key, "anpr", Read("r1", watched), Read("r2", Plate()));
        await PostOkAsync(factory, key, "anpr", Read("r1", watched), Read("r3", Plate()));   // r1 resent with a new read

        answer["queued"]!.GetValue<int>().ShouldBe(2);
        (await EventuallyAsync(async () => await ReadRowsAsync(factory, camera, "r3") == 1 && await AlertsAsync(factory, watched) >= 1
            && await DrainedAsync(factory.Stream))).ShouldBeTrue();
        (await ReadRowsAsync(factory, camera, "r1"), await ReadRowsAsync(factory, camera, "r2")).ShouldBe((1, 1));
        (await AlertsAsync(factory, watched)).ShouldBe(1);
    }

    [Fact]
    public async Task UnreadableMessage_IsDeadLettered_AndDoesNotBlockTheBatchesBehindIt()
    {
        var camera = Unique("BUS-ANPR-");
        var key = await RegisterAsync(factory, camera, "anpr-camera");
        await using var nats = new NatsConnection(new NatsOpts { Url = ClusterServices.Nats });
        var js = new NatsJSContext(nats);

        await js.PublishAsync($"{factory.Stream}.batch.anpr", "{ not a batch"u8.ToArray(), cancellationToken: Ct);
        await PostOkAsync(factory, key, "anpr", Read("p1", Plate()));

        (await EventuallyAsync(async () => await ReadRowsAsync(factory, camera, "p1") == 1 && await DrainedAsync(factory.Stream))).ShouldBeTrue();
        var stream = await js.GetStreamAsync(factory.Stream, cancellationToken: Ct);
        var dead = await stream.GetAsync(new StreamMsgGetRequest { LastBySubj = $"{factory.Stream}.dead.unknown" }, Ct);
        System.Text.Encoding.UTF8.GetString(dead.Message.Data.Span).ShouldBe("{ not a batch");
    }

    [Fact]
    public async Task Health_ShowsTheBusReady()
    {
        var response = await factory.CreateClient().GetAsync("/health", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe("Healthy");
    }
}

/// <summary>NATS cannot be reached: the device is told to resend (503 with Retry-After), and nothing is stored.</summary>
public sealed class NatsBusUnavailableTests(NatsBusUnavailableTests.DownFactory factory) : IClassFixture<NatsBusUnavailableTests.DownFactory>
{
    public sealed class DownFactory : NatsBusFactory
    {
        // Port 1 on loopback: nothing listens, the connection is refused.
        protected override string NatsUrl => "nats://127.0.0.1:1";
    }

    [Fact]
    public async Task Batch_IsRefusedWith503AndRetryAfter_AndNothingIsStored()
    {
        var station = Unique("BUS-DOWN-");
        var key = await RegisterAsync(factory, station, "wim-station");
        var camera = Unique("BUS-DOWN-");
        var cameraKey = await RegisterAsync(factory, camera, "anpr-camera");

        var wim = await PostAsync(factory, key, "wim", Wim("d1", 40_000));
        var anpr = await PostAsync(factory, cameraKey, "anpr", Read("d2", Plate()));

        await wim.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "offsite.bus_unavailable");
        await anpr.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "offsite.bus_unavailable");
        wim.Headers.RetryAfter.ShouldNotBeNull();
        (await WimRowsAsync(factory, station, "d1"), await ReadRowsAsync(factory, camera, "d2")).ShouldBe((0, 0));
    }

    [Fact]
    public async Task Health_ShowsTheBusDegraded()
    {
        var response = await factory.CreateClient().GetAsync("/health", Ct);

        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe("Degraded");
    }
}
