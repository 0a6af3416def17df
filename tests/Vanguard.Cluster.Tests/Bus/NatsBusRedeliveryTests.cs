using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using NATS.Client.Core;
using NATS.Client.JetStream;
using Vanguard.Cluster.Tests.Infrastructure;
using Vanguard.Domain.Identifiers;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Offsite.Bus;
using Vanguard.Server.Modules.Offsite.Data;
using Vanguard.Server.Modules.Offsite.Ingest;
using Vanguard.Server.Modules.Organisation.Contracts;
using static Vanguard.Cluster.Tests.Bus.BusKit;

namespace Vanguard.Cluster.Tests.Bus;

/// <summary>
/// A node takes batches from the shared consumer and dies before it acknowledges them — one after its commit, one before.
/// The fixture is a node that only publishes; the dying node is this test's own fetch, which never acknowledges; a second
/// node on the same database and stream starts afterwards and gets both batches once the ack wait has passed.
/// </summary>
public sealed class NatsBusRedeliveryTests(FrontNodeFactory front) : IClassFixture<FrontNodeFactory>
{
    [Fact]
    public async Task BatchesOfANodeThatDied_AreProcessedByAnotherAfterAckWait_StoredOnce_WithOneAlertEach()
    {
        var camera = Unique("BUS-REDELIVER-");
        var key = await RegisterAsync(front, camera, "anpr-camera");
        var (committed, uncommitted) = (Plate(), Plate());
        await WatchAsync(front, committed);
        await WatchAsync(front, uncommitted);
        await PostOkAsync(front, key, "anpr", Read("c1", committed));
        await PostOkAsync(front, key, "anpr", Read("u1", uncommitted));

        // The dying node: takes both batches and never acknowledges them.
        await using var nats = new NatsConnection(new NatsOpts { Url = ClusterServices.Nats });
        var consumer = await new NatsJSContext(nats).GetConsumerAsync(front.Stream, NatsIngestStream.Durable, Ct);
        var taken = new List<IngestBatch>();
        await foreach (var message in consumer.FetchAsync<byte[]>(new NatsJSFetchOpts { MaxMsgs = 2, Expires = TimeSpan.FromSeconds(5) }, cancellationToken: Ct))
        {
            message.Metadata!.Value.NumDelivered.ShouldBe(1ul);
            taken.Add(JsonSerializer.Deserialize(message.Data, IngestBatchJson.Default.IngestBatch)!);
        }

        taken.Select(b => b.Anpr!.Single().ReadId).ShouldBe(["c1", "u1"], ignoreOrder: true);
        // It had committed the first batch's read (and no more: no match, no alert) when it died.
        await CommitAsync(taken.Single(b => b.Anpr![0].ReadId == "c1"));
        (await ReadRowsAsync(front, camera, "c1"), await AlertsAsync(front, committed)).ShouldBe((1, 0));

        await using var survivor = new SiblingNodeFactory(front);
        await survivor.InitializeAsync();

        (await EventuallyAsync(async () => await AlertsAsync(front, committed) >= 1 && await AlertsAsync(front, uncommitted) >= 1
            && await DrainedAsync(front.Stream))).ShouldBeTrue();
        (await ReadRowsAsync(front, camera, "c1"), await ReadRowsAsync(front, camera, "u1")).ShouldBe((1, 1));
        (await AlertsAsync(front, committed), await AlertsAsync(front, uncommitted)).ShouldBe((1, 1));
    }

    /// <summary>What the dying node's transaction wrote: the batch's rows, exactly as the process step writes them.</summary>
    private async Task CommitAsync(IngestBatch batch)
    {
        await using var scope = front.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        var device = (await scope.ServiceProvider.GetRequiredService<IDeviceDirectory>().FindAsync(batch.DeviceCode, Ct))!;
        var db = scope.ServiceProvider.GetRequiredService<VanguardDbContext>();
        var rows = batch.Anpr!.Select(r => new AnprRead
        {
            DeviceId = device.Id, AgencyId = device.AgencyId, ReadId = r.ReadId!, CapturedAtMs = r.CapturedAt!.Value.ToUnixTimeMilliseconds(),
            CapturedOffsetMinutes = (short)r.CapturedAt.Value.Offset.TotalMinutes, ReceivedAtMs = batch.ReceivedAt.ToUnixTimeMilliseconds(),
            Plate = PlateNumber.Normalise(r.Plate!), PlateColor = PlateColor.Parse(r.PlateColor!)!, ConfidencePermille = (int)(r.Confidence!.Value * 1000),
            Direction = r.Direction,
        }).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(Ct);
        (await DetectionWriter.InsertAnprAsync(db.Database.GetDbConnection(), tx.GetDbTransaction(), rows, Ct)).Count.ShouldBe(rows.Count);
        await tx.CommitAsync(Ct);
    }
}
