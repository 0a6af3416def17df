using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NATS.Client.Core;
using NATS.Client.JetStream;
using Vanguard.Server.Modules.Offsite.Ingest;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Offsite.Bus;

/// <summary>
/// Pulls batches from the ingest stream's shared durable consumer and processes them with the same code as the
/// in-process bus (<see cref="IngestProcessor"/>), <c>Vanguard:Offsite:BusWorkers</c> at a time. A batch is acknowledged
/// only after its transaction committed and its plate reads were matched and their alerts written; until then JetStream
/// gives it to another node once <c>AckWait</c> passes (a long batch says it is still in progress). A batch that fails
/// is delivered again, later each time; after <see cref="NatsIngestStream.MaxDeliver"/> deliveries — or at once when it
/// cannot be read — it is logged, moved to the dead-letter subject and terminated, so it never blocks the stream.
/// </summary>
internal sealed class NatsIngestConsumer(
    NatsIngestStream stream, IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, IOptions<OffsiteOptions> options, ILogger<NatsIngestConsumer> logger)
    : BackgroundService
{
    private static readonly TimeSpan FetchExpiry = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not before the host has started: the watch-list index loads while the hosted services start, and a batch
        // matched against an empty index would raise no alert and still be acknowledged.
        if (!await StartedAsync(stoppingToken))
        {
            return;
        }

        await EnsureStreamAsync(stoppingToken);
        var workers = options.Value.BusWorkers;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(() => WorkAsync(stoppingToken), CancellationToken.None)));
    }

    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The stream and consumer exist before the first fetch; while NATS cannot be reached, try again every few seconds.</summary>
    private async Task EnsureStreamAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await stream.EnsureAsync(stoppingToken);
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Ingest bus: cannot set up stream {Stream} at {Url}; retrying", stream.Name, stream.Connection.Opts.Url);
                await PauseAsync(stoppingToken);
            }
        }
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await stream.EnsureAsync(stoppingToken);
                var consumer = await stream.JetStream.GetConsumerAsync(stream.Name, NatsIngestStream.Durable, stoppingToken);
                // One batch per fetch: a batch waiting in this node's buffer would use up its ack wait while another node is idle.
                await foreach (var message in consumer.FetchAsync<byte[]>(new NatsJSFetchOpts { MaxMsgs = 1, Expires = FetchExpiry }, cancellationToken: stoppingToken))
                {
                    // The batch in hand finishes even when the node is stopping: stopping only ends the fetching.
                    await HandleAsync(message);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                stream.MarkUnknown();
                logger.LogWarning(e, "Ingest bus: fetching from {Stream} failed; retrying", stream.Name);
                await PauseAsync(stoppingToken);
            }
        }
    }

    private async Task HandleAsync(INatsJSMsg<byte[]> message)
    {
        var delivered = message.Metadata?.NumDelivered ?? 1;
        var sequence = message.Metadata?.Sequence.Stream ?? 0;
        IngestBatch? batch = null;
        try
        {
            batch = message.Data is { Length: > 0 } data ? JsonSerializer.Deserialize(data, IngestBatchJson.Default.IngestBatch) : null;
        }
        catch (JsonException e)
        {
            logger.LogWarning(e, "Ingest bus: message {Sequence} is not a batch", sequence);
        }

        if (batch is null || batch.Kind is not (IngestKinds.Wim or IngestKinds.Anpr) || (batch.Wim ?? (object?)batch.Anpr) is null)
        {
            await DeadLetterAsync(message, batch, sequence, delivered, "unreadable");
            return;
        }

        using var inProgress = new CancellationTokenSource();
        var keepAlive = KeepAliveAsync(message, inProgress.Token);
        string? failure;
        try
        {
            failure = await ProcessAsync(batch, delivered);
        }
        catch (Exception e)
        {
            failure = e.GetType().Name;
            logger.LogWarning(e, "Ingest bus: batch {Sequence} ({Kind}, {Count} records from {Device}) failed on delivery {Delivered}",
                sequence, batch.Kind, batch.Records, batch.DeviceCode, delivered);
        }
        finally
        {
            await inProgress.CancelAsync();
            await keepAlive;
        }

        if (failure is null)
        {
            await message.AckAsync(new AckOpts { DoubleAck = true });
        }
        else if (failure == DeviceGone || delivered >= NatsIngestStream.MaxDeliver)
        {
            await DeadLetterAsync(message, batch, sequence, delivered, failure);
        }
        else
        {
            // Later each time (1, 2, 4 … s, at most a minute): a database that is down gets time to come back.
            var delay = TimeSpan.FromSeconds(Math.Min(60, 1 << (int)Math.Min(delivered - 1, 6)));
            await message.NakAsync(new AckOpts { NakDelay = delay });
        }
    }

    private const string DeviceGone = "device_gone";

    /// <summary>Processes the batch; returns null when done, or why it can never be (the device is no longer registered).</summary>
    private async Task<string?> ProcessAsync(IngestBatch batch, ulong delivered)
    {
        var acceptedAt = Stopwatch.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        // The consumer acts for the platform, like the other background work: the batch came from an authenticated device.
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        var device = await scope.ServiceProvider.GetRequiredService<IDeviceDirectory>().FindAsync(batch.DeviceCode, CancellationToken.None);
        if (device is null || device.Id != batch.DeviceId)
        {
            return DeviceGone;
        }

        var handOff = delivered > 1 ? ReadHandOff.AwaitWithStoredBefore : ReadHandOff.Await;
        var outcome = await scope.ServiceProvider.GetRequiredService<IngestProcessor>().ProcessAsync(batch, device, handOff, acceptedAt, CancellationToken.None);
        if (outcome.Rejected.Count > 0)
        {
            // Only a registry mass that no vehicle can have gets here: the accept step checked everything else.
            logger.LogWarning("Ingest bus: {Count} records of a batch from {Device} could not be judged ({Code})",
                outcome.Rejected.Count, batch.DeviceCode, outcome.Rejected[0].Code);
        }

        return null;
    }

    /// <summary>Tells JetStream the batch is still being worked on, so it is not given to another node meanwhile.</summary>
    private async Task KeepAliveAsync(INatsJSMsg<byte[]> message, CancellationToken done)
    {
        var every = stream.AckWait / 2;
        try
        {
            while (true)
            {
                await Task.Delay(every, done);
                await message.AckProgressAsync(cancellationToken: done);
            }
        }
        catch (OperationCanceledException)
        {
            // Done: the caller acknowledges, or lets the batch go back.
        }
        catch (NatsException)
        {
            // No in-progress signal: at worst another node takes the batch too, which idempotent writes make harmless.
        }
    }

    /// <summary>
    /// Gives up on a batch: the dead-letter log line (no plates: personal data), a copy under the dead-letter subject for
    /// an operator to inspect and publish again, and a terminate so JetStream never delivers it again.
    /// </summary>
    private async Task DeadLetterAsync(INatsJSMsg<byte[]> message, IngestBatch? batch, ulong sequence, ulong delivered, string reason)
    {
        logger.LogError("Ingest bus dead letter: batch {Sequence} ({Kind}, {Count} records from {Device}) given up after {Delivered} deliveries: {Reason}",
            sequence, batch?.Kind ?? "?", batch?.Records ?? 0, batch?.DeviceCode ?? "?", delivered, reason);
        try
        {
            var headers = new NatsHeaders
            {
                ["Vanguard-Dead-Reason"] = reason,
                ["Vanguard-Original-Subject"] = message.Subject,
                ["Vanguard-Original-Sequence"] = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            var kind = batch?.Kind is IngestKinds.Wim or IngestKinds.Anpr ? batch.Kind : "unknown";
            await stream.JetStream.PublishAsync(stream.DeadSubjectOf(kind), message.Data ?? [], headers: headers);
            await message.AckTerminateAsync();
        }
        catch (Exception e)
        {
            // Not terminated: the batch stays in the stream (delivered again, or kept once MaxDeliver is reached).
            logger.LogError(e, "Ingest bus: could not move batch {Sequence} to the dead letters", sequence);
        }
    }

    private static async Task PauseAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(RetryPause, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
