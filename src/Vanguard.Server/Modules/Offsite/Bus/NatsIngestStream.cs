using Microsoft.Extensions.Options;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using Vanguard.Server.Hosting;

namespace Vanguard.Server.Modules.Offsite.Bus;

/// <summary>
/// This node's connection to NATS and the ingest stream's layout (<c>Vanguard:Nats</c>). Subjects start with the stream's
/// name (a stream name has no dots), so streams of different names never overlap:
/// <c>&lt;stream&gt;.batch.wim</c>, <c>&lt;stream&gt;.batch.anpr</c> — the batches, taken by one durable consumer that every node
/// pulls from — and <c>&lt;stream&gt;.dead.&lt;kind&gt;</c>, batches given up on, kept for an operator.
/// </summary>
internal sealed class NatsIngestStream : IAsyncDisposable
{
    /// <summary>The one durable pull consumer every node shares: a batch goes to one node at a time.</summary>
    public const string Durable = "vanguard-processors";

    /// <summary>Deliveries of a batch before it is given up on (dead-lettered); failures wait longer each time (see the consumer).</summary>
    public const int MaxDeliver = 10;

    /// <summary>A batch published again within this window with the same message id is stored once (JetStream's own check).</summary>
    public static readonly TimeSpan DuplicateWindow = TimeSpan.FromMinutes(2);

    private readonly NatsOptions _options;
    private readonly ILogger<NatsIngestStream> _logger;
    private readonly SemaphoreSlim _ensuring = new(1, 1);
    private volatile bool _ready;

    public NatsIngestStream(IOptions<VanguardOptions> options, ILogger<NatsIngestStream> logger)
    {
        _options = options.Value.Nats;
        _logger = logger;
        Connection = new NatsConnection(new NatsOpts
        {
            Url = _options.Url,
            Name = "vanguard " + (options.Value.NodeName ?? $"{Environment.MachineName}-{Environment.ProcessId}"),
            ConnectTimeout = TimeSpan.FromSeconds(2),
            RequestTimeout = TimeSpan.FromSeconds(5),
        });
        JetStream = new NatsJSContext(Connection);
    }

    public NatsConnection Connection { get; }

    public NatsJSContext JetStream { get; }

    public string Name => _options.Stream;

    public TimeSpan AckWait => TimeSpan.FromSeconds(_options.AckWaitSeconds);

    /// <summary>Whether the stream and the consumer were created or checked since the last failure.</summary>
    public bool IsReady => _ready && Connection.ConnectionState == NatsConnectionState.Open;

    public string SubjectOf(string kind) => $"{Name}.batch.{kind}";

    public string DeadSubjectOf(string kind) => $"{Name}.dead.{kind}";

    /// <summary>
    /// Creates the stream and the consumer, or brings them to this configuration: idempotent, and safe when several nodes
    /// start at once (JetStream accepts the same definition twice).
    /// </summary>
    public async Task EnsureAsync(CancellationToken ct)
    {
        await _ensuring.WaitAsync(ct);
        try
        {
            if (IsReady)
            {
                return;
            }

            var stream = new StreamConfig(Name, [$"{Name}.>"])
            {
                // A batch leaves the stream once a node acknowledged it; dead letters stay until an operator takes them.
                Retention = StreamConfigRetention.Workqueue,
                Storage = StreamConfigStorage.File,
                NumReplicas = _options.Replicas,
                DuplicateWindow = DuplicateWindow,
                Description = "Vanguard device batches accepted and not yet processed (ADR 0013)",
            };
            await RetryOnceAsync(() => JetStream.CreateOrUpdateStreamAsync(stream, ct).AsTask());
            var consumer = new ConsumerConfig(Durable)
            {
                AckPolicy = ConsumerConfigAckPolicy.Explicit,
                AckWait = AckWait,
                MaxDeliver = MaxDeliver,
                FilterSubject = $"{Name}.batch.>",
                DeliverPolicy = ConsumerConfigDeliverPolicy.All,
                Description = "Vanguard nodes processing device batches",
            };
            await RetryOnceAsync(() => JetStream.CreateOrUpdateConsumerAsync(Name, consumer, ct).AsTask());
            _ready = true;
            if (_logger.IsEnabled(LogLevel.Information))
            {
                _logger.LogInformation("Ingest bus ready: stream {Stream} ({Replicas} replicas), consumer {Consumer}, ack wait {AckWait} s",
                    Name, _options.Replicas, Durable, _options.AckWaitSeconds);
            }
        }
        finally
        {
            _ensuring.Release();
        }
    }

    /// <summary>Something failed against the stream: check it again before the next use.</summary>
    public void MarkUnknown() => _ready = false;

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        _ensuring.Dispose();
    }

    /// <summary>Two nodes creating the same stream at the same moment: the loser's create fails once, and its retry finds it.</summary>
    private static async Task RetryOnceAsync<T>(Func<Task<T>> action)
    {
        try
        {
            await action();
        }
        catch (NatsJSApiException)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
            await action();
        }
    }
}
