using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Vanguard.Devices.Traffic;

namespace Vanguard.Devices.Client;

internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Not a single HTTP answer: wrong address, server down, firewall.</summary>
    public const int Unreachable = 2;

    public const int KeyRefused = 3;

    /// <summary>The server answered, but some batches were refused or still failing after the last retry.</summary>
    public const int Undelivered = 4;
}

internal sealed record RunSettings
{
    /// <summary>Records per second; 0 sends as fast as the server takes them.</summary>
    public int Rate { get; init; } = 2_000;

    public long? Count { get; init; }
    public TimeSpan? Duration { get; init; }
    public int BatchSize { get; init; } = 500;
    public int Concurrency { get; init; } = 4;

    /// <summary>A partly filled batch goes out after this long, so a slow device does not sit on its records.</summary>
    public TimeSpan MaxBatchDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReportEvery { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>After Ctrl+C, batches in flight get this long to be answered before they are cut off.</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(3);
}

/// <summary>
/// Paces records from a source at the requested rate, groups them into batches and hands the batches to a few
/// concurrent senders through a bounded channel, so a slow server slows the producer instead of filling memory.
/// </summary>
internal sealed class TrafficRunner<T>(
    ITrafficSource<T> source, BatchSender sender, string path, RunSettings settings, TextWriter output, TimeProvider clock)
{
    private sealed record Batch(List<T> Records, List<TrafficTag> Tags);

    private volatile bool _keyRefused;
    private volatile bool _endpointMissing;

    public SendStats Stats => sender.Stats;

    public async Task<int> RunAsync(CancellationToken stopping)
    {
        using var halt = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        using var abort = new CancellationTokenSource();
        await using var graceful = halt.Token.Register(() => abort.CancelAfter(settings.StopGrace));
        using var reporting = new CancellationTokenSource();

        var channel = Channel.CreateBounded<Batch>(new BoundedChannelOptions(settings.Concurrency)
        {
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var started = clock.GetTimestamp();
        var reporter = ReportAsync(started, reporting.Token);
        var workers = Enumerable.Range(0, settings.Concurrency)
            .Select(_ => Task.Run(() => WorkAsync(channel.Reader, halt, abort.Token), CancellationToken.None))
            .ToArray();

        try
        {
            await ProduceAsync(channel.Writer, started, halt.Token);
        }
        finally
        {
            channel.Writer.TryComplete();
        }

        await Task.WhenAll(workers);
        while (channel.Reader.TryRead(out var left))
        {
            Stats.Dropped(left.Records.Count);
        }

        await reporting.CancelAsync();
        await reporter;
        var elapsed = clock.GetElapsedTime(started);
        WriteSummary(elapsed, stopping.IsCancellationRequested ? "Ctrl+C" : _keyRefused ? "the key was refused" : _endpointMissing ? "no such endpoint" : null);

        if (_keyRefused)
        {
            return ExitCodes.KeyRefused;
        }

        if (Stats.Responses == 0 && Stats.Attempts > 0)
        {
            return ExitCodes.Unreachable;
        }

        return Stats.RecordsGivenUp > 0 ? ExitCodes.Undelivered : ExitCodes.Ok;
    }

    private async Task ProduceAsync(ChannelWriter<Batch> writer, long started, CancellationToken halt)
    {
        var batch = NewBatch();
        var batchStarted = clock.GetTimestamp();
        long produced = 0;
        double tokens = 0;
        var last = started;
        // Unused rate is banked for at most a second (or a batch), so a stall is not followed by a long burst.
        var burst = Math.Max(settings.BatchSize, settings.Rate);

        try
        {
            while (!halt.IsCancellationRequested)
            {
                if ((settings.Duration is { } duration && clock.GetElapsedTime(started) >= duration) || (settings.Count is { } count && produced >= count))
                {
                    break;
                }

                long due;
                if (settings.Rate <= 0)
                {
                    due = settings.BatchSize - batch.Records.Count;
                }
                else
                {
                    var now = clock.GetTimestamp();
                    tokens = Math.Min(burst, tokens + (clock.GetElapsedTime(last, now).TotalSeconds * settings.Rate));
                    last = now;
                    due = (long)tokens;
                    tokens -= due;
                }

                if (settings.Count is { } limit)
                {
                    due = Math.Min(due, limit - produced);
                }

                for (var i = 0; i < due; i++)
                {
                    var item = source.Next();
                    batch.Records.Add(item.Record);
                    batch.Tags.Add(item.Tag);
                    produced++;
                    if (batch.Records.Count >= settings.BatchSize)
                    {
                        await writer.WriteAsync(batch, halt);
                        (batch, batchStarted) = (NewBatch(), clock.GetTimestamp());
                    }
                }

                if (batch.Records.Count > 0 && clock.GetElapsedTime(batchStarted) >= settings.MaxBatchDelay)
                {
                    await writer.WriteAsync(batch, halt);
                    (batch, batchStarted) = (NewBatch(), clock.GetTimestamp());
                }

                if (settings.Rate > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(5), clock, halt);
                }
            }

            if (batch.Records.Count > 0)
            {
                await writer.WriteAsync(batch, halt);
                batch = NewBatch();
            }
        }
        catch (OperationCanceledException) when (halt.IsCancellationRequested)
        {
            Stats.Dropped(batch.Records.Count);
        }
    }

    private Batch NewBatch() => new(new List<T>(settings.BatchSize), new List<TrafficTag>(settings.BatchSize));

    private async Task WorkAsync(ChannelReader<Batch> reader, CancellationTokenSource halt, CancellationToken abort)
    {
        try
        {
            await foreach (var batch in reader.ReadAllAsync(halt.Token))
            {
                // ReadAllAsync hands out buffered batches without looking at the token again.
                if (halt.IsCancellationRequested)
                {
                    Stats.Dropped(batch.Records.Count);
                    break;
                }

                var body = JsonSerializer.SerializeToUtf8Bytes(batch.Records, Wire.Json);
                var result = await sender.SendAsync(path, body, halt.Token, abort);
                switch (result.Outcome)
                {
                    case SendOutcome.Delivered:
                        Stats.Delivered(batch.Tags, result.Response!, result.Latency);
                        break;
                    case SendOutcome.GaveUp:
                        Stats.GaveUp(batch.Records.Count);
                        break;
                    case SendOutcome.Stopped:
                        Stats.Dropped(batch.Records.Count);
                        break;
                    case SendOutcome.KeyRefused:
                        Stats.GaveUp(batch.Records.Count);
                        _keyRefused = true;
                        await halt.CancelAsync();
                        break;
                    case SendOutcome.EndpointMissing:
                        Stats.GaveUp(batch.Records.Count);
                        _endpointMissing = true;
                        await halt.CancelAsync();
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (halt.IsCancellationRequested)
        {
        }
    }

    private async Task ReportAsync(long started, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(settings.ReportEvery, clock);
        long lastSent = 0;
        var lastAt = started;
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var now = clock.GetTimestamp();
                var sent = Stats.RecordsSent;
                var perSecond = (sent - lastSent) / Math.Max(0.001, clock.GetElapsedTime(lastAt, now).TotalSeconds);
                (lastSent, lastAt) = (sent, now);
                var (p50, p99) = Stats.TakeWindowLatency();
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"[{clock.GetElapsedTime(started, now).TotalSeconds,5:0}s] {perSecond,6:0}/s  sent {sent}  accepted {Stats.Accepted}  duplicates {Stats.Duplicates}  rejected {Stats.Rejected}  errors {Stats.FailedAttempts}  p50 {Ms(p50)}  p99 {Ms(p99)}"));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void WriteSummary(TimeSpan elapsed, string? stoppedBecause)
    {
        var s = Stats;
        var (p50, p99, max) = s.OverallLatency();
        var o = output;
        var ic = CultureInfo.InvariantCulture;
        o.WriteLine();
        o.WriteLine(string.Create(ic, $"Summary{(stoppedBecause is null ? string.Empty : $" (stopped: {stoppedBecause})")}: {elapsed.TotalSeconds:0.0} s"));
        o.WriteLine(string.Create(ic, $"  sent        {s.RecordsSent} records in {s.BatchesSent} batches ({s.RecordsSent / Math.Max(0.001, elapsed.TotalSeconds):0}/s)"));
        o.WriteLine(string.Create(ic, $"  accepted    {s.Accepted}"));
        o.WriteLine(string.Create(ic, $"  duplicates  {s.Duplicates} (resends sent: {s.ResendsSent})"));
        o.WriteLine(string.Create(ic, $"  rejected    {s.Rejected} (deliberately bad sent: {s.BadSent}, of them rejected: {s.RejectedBad})"));
        foreach (var (code, n) in s.RejectionCodes.OrderByDescending(kv => kv.Value))
        {
            o.WriteLine(string.Create(ic, $"                {n,7} {code}"));
        }

        foreach (var example in s.UnexpectedRejections)
        {
            o.WriteLine($"              unexpected: {example}");
        }

        o.WriteLine(string.Create(ic, $"  errors      {s.FailedAttempts} failed attempts, {s.Retries} retries; {s.RecordsGivenUp} records given up, {s.RecordsDropped} not sent"));
        foreach (var (what, detail) in s.Failures)
        {
            o.WriteLine($"                {what}: {detail}");
        }

        o.WriteLine(string.Create(ic, $"  latency     p50 {Ms(p50)}, p99 {Ms(p99)}, max {Ms(max)} per batch"));
        if (s.Statuses.Count > 0)
        {
            o.WriteLine("  HTTP        " + string.Join(", ", s.Statuses.OrderBy(kv => kv.Key).Select(kv => string.Create(ic, $"{kv.Key}×{kv.Value}"))));
        }

        foreach (var line in source.Describe())
        {
            o.WriteLine("  traffic     " + line);
        }

        if (s.Responses == 0 && s.Attempts > 0)
        {
            o.WriteLine("  the server could not be reached at all");
        }
    }

    private static string Ms(double ms) => double.IsNaN(ms) ? "-" : string.Create(CultureInfo.InvariantCulture, $"{ms:0} ms");
}
