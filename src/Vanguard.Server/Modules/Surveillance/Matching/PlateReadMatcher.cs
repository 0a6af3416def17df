using System.Threading.Channels;
using Vanguard.Server.Modules.Offsite.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Surveillance.Data;

namespace Vanguard.Server.Modules.Surveillance.Matching;

/// <summary>
/// The matcher: the ANPR ingest hands it every new read after the commit (<see cref="OnReadsStored"/>), it queues them
/// in a bounded channel and returns at once; its matching loop drains the channel in batches and matches each read
/// against the in-memory <see cref="WatchlistIndex"/>; a second loop hands the hits to the <see cref="IHitSink"/>, all
/// that have gathered at once. Two loops, because the sink writes to the database (and waits for SQLite's write lock
/// behind the ingest), while matching must keep pace with the cameras: measured with one loop, matching fell to about
/// 3 000 reads/s once most batches held a hit. The ingest never waits on either: when the read queue is full, reads are
/// dropped from matching — still stored, only not matched — counted in <see cref="Dropped"/> and logged.
/// </summary>
internal sealed class PlateReadMatcher(WatchlistIndex index, IServiceScopeFactory scopes, TimeProvider clock, ILogger<PlateReadMatcher> logger)
    : BackgroundService, IPlateReadObserver
{
    /// <summary>Reads waiting to be matched, at most (about a minute of a province's peak traffic).</summary>
    public const int QueueCapacity = 100_000;

    /// <summary>Reads matched per turn of the loop, at most.</summary>
    public const int BatchSize = 1_000;

    /// <summary>Hits handed to the sink in one call, at most (one database transaction).</summary>
    public const int HitBatchSize = 500;

    /// <summary>Fuzzy hits carry this share of the read's confidence (docs/surveillance.md: × 0.6).</summary>
    public const int FuzzyConfidencePermille = 600;

    private readonly Channel<StoredPlateRead> _queue = Channel.CreateBounded<StoredPlateRead>(
        new BoundedChannelOptions(QueueCapacity) { SingleReader = true, SingleWriter = false, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Hits waiting for the sink. Hits are rare (a few in a thousand reads); this bound is only a safety net.</summary>
    private readonly Channel<PlateHit> _hitQueue = Channel.CreateBounded<PlateHit>(
        new BoundedChannelOptions(QueueCapacity) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

    private long _matched;
    private long _hits;
    private long _dropped;
    private long _sinkFailures;
    private long _lastDropLog;
    private bool _noSinkLogged;

    /// <summary>Reads looked up in the index so far.</summary>
    public long Matched => Interlocked.Read(ref _matched);

    /// <summary>Hits found (exact and fuzzy) and handed to the sink.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Reads not matched because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Batches of hits the sink failed to take, and hits dropped because the hit queue was full.</summary>
    public long SinkFailures => Interlocked.Read(ref _sinkFailures);

    /// <summary>Reads queued and not yet matched.</summary>
    public int Pending => _queue.Reader.CanCount ? _queue.Reader.Count : 0;

    public void OnReadsStored(IReadOnlyList<StoredPlateRead> reads)
    {
        var dropped = 0;
        foreach (var read in reads)
        {
            if (!_queue.Writer.TryWrite(read))
            {
                dropped++;
            }
        }

        if (dropped == 0)
        {
            return;
        }

        var total = Interlocked.Add(ref _dropped, dropped);
        // At most one warning a second: a full queue under load would otherwise flood the log.
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastDropLog);
        if (now - last >= 1_000 && Interlocked.CompareExchange(ref _lastDropLog, now, last) == last)
        {
            logger.LogWarning("Watch-list matcher queue full ({Capacity}): {Dropped} reads not matched ({Total} so far)", QueueCapacity, dropped, total);
        }
    }

    /// <summary>
    /// Matches now and waits for the sink, for the ingest bus, which acknowledges a batch only after its alerts are written
    /// (a node dying in between must not lose an alert). A sink failure is thrown, so the batch is delivered again; the
    /// sink keys alerts by (entry, read), so reads handed over twice raise one alert. Never dropped: the bus bounds the
    /// work in flight itself.
    /// </summary>
    public async Task HandleStoredReadsAsync(IReadOnlyList<StoredPlateRead> reads, CancellationToken ct)
    {
        var matches = new List<IndexMatch>();
        foreach (var chunk in reads.Chunk(BatchSize))
        {
            if (MatchBatch([.. chunk], matches) is not { } hits)
            {
                continue;
            }

            foreach (var part in hits.Chunk(HitBatchSize))
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
                if (scope.ServiceProvider.GetService<IHitSink>() is { } sink)
                {
                    await sink.HandleAsync(part, ct);
                }
            }
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Task.Run(() => MatchLoopAsync(stoppingToken), stoppingToken), Task.Run(() => HandLoopAsync(stoppingToken), stoppingToken));

    private async Task MatchLoopAsync(CancellationToken stoppingToken)
    {
        var batch = new List<StoredPlateRead>(BatchSize);
        var matches = new List<IndexMatch>();
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < BatchSize && _queue.Reader.TryRead(out var read))
                {
                    batch.Add(read);
                }

                try
                {
                    QueueHits(MatchBatch(batch, matches));
                }
                catch (Exception e)
                {
                    // The loop must outlive one bad batch: an exception escaping ExecuteAsync would stop the whole host (StopHost).
                    Interlocked.Increment(ref _sinkFailures);
                    logger.LogError(e, "Watch-list matching failed on a batch of {Count} reads; they raise no alert", batch.Count);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: reads still queued are stored; they are only not matched.
        }
    }

    private void QueueHits(List<PlateHit>? hits)
    {
        foreach (var hit in hits ?? [])
        {
            if (!_hitQueue.Writer.TryWrite(hit))
            {
                Interlocked.Increment(ref _sinkFailures);
                logger.LogError("Watch-list hit queue full ({Capacity}): a hit raises no alert", QueueCapacity);
            }
        }
    }

    private async Task HandLoopAsync(CancellationToken stoppingToken)
    {
        var hits = new List<PlateHit>(HitBatchSize);
        try
        {
            while (await _hitQueue.Reader.WaitToReadAsync(stoppingToken))
            {
                hits.Clear();
                while (hits.Count < HitBatchSize && _hitQueue.Reader.TryRead(out var hit))
                {
                    hits.Add(hit);
                }

                await HandAsync([.. hits], stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: hits still queued raise no alert (their reads are stored).
        }
    }

    /// <summary>The hits of a batch, or null when there are none (the usual case: nothing is allocated for it).</summary>
    private List<PlateHit>? MatchBatch(List<StoredPlateRead> batch, List<IndexMatch> matches)
    {
        // Validity is judged at matching time, not capture time: an entry that has expired must not send anyone out.
        var now = clock.GetUtcNow();
        List<PlateHit>? hits = null;
        foreach (var read in batch)
        {
            matches.Clear();
            if (index.Match(read.Plate, read.PlateColor, now, matches) == 0)
            {
                continue;
            }

            hits ??= [];
            foreach (var match in matches)
            {
                var confidence = match.MatchKind == MatchKinds.Exact
                    ? read.ConfidencePermille
                    : (int)Math.Round(read.ConfidencePermille * FuzzyConfidencePermille / 1000.0, MidpointRounding.AwayFromZero);
                hits.Add(new PlateHit(read, match.Entry, match.MatchKind, confidence));
            }
        }

        Interlocked.Add(ref _matched, batch.Count);
        if (hits is not null)
        {
            Interlocked.Add(ref _hits, hits.Count);
        }

        return hits;
    }

    private async Task HandAsync(List<PlateHit> hits, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            // The sink acts for the platform (it writes alerts of any agency), like the other background work.
            scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
            var sink = scope.ServiceProvider.GetService<IHitSink>();
            if (sink is null)
            {
                if (!_noSinkLogged)
                {
                    _noSinkLogged = true;
                    logger.LogWarning("No IHitSink is registered: watch-list hits are counted but raise no alerts");
                }

                return;
            }

            await sink.HandleAsync(hits, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // The loop must outlive a failing sink: the next batch may well succeed.
            Interlocked.Increment(ref _sinkFailures);
            logger.LogError(e, "The hit sink failed on {Count} hits; they raise no alert", hits.Count);
        }
    }
}
