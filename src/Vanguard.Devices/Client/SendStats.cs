using System.Collections.Concurrent;
using Vanguard.Devices.Traffic;

namespace Vanguard.Devices.Client;

/// <summary>Counters shared by the sending workers, read once a second by the live line and at the end by the summary.</summary>
internal sealed class SendStats
{
    private const int MaxExamples = 5;

    private readonly Lock _latencyLock = new();
    private readonly List<double> _latencies = [];
    private readonly List<double> _window = [];
    private readonly ConcurrentDictionary<int, long> _statuses = new();
    private readonly ConcurrentDictionary<string, long> _rejectionCodes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _failures = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _unexpectedRejections = new();
    private long _recordsSent;
    private long _batchesSent;
    private long _accepted;
    private long _duplicates;
    private long _rejected;
    private long _rejectedBad;
    private long _badSent;
    private long _resendsSent;
    private long _failedAttempts;
    private long _retries;
    private long _attempts;
    private long _responses;
    private long _recordsGivenUp;
    private long _recordsDropped;

    public long RecordsSent => Interlocked.Read(ref _recordsSent);
    public long BatchesSent => Interlocked.Read(ref _batchesSent);
    public long Accepted => Interlocked.Read(ref _accepted);
    public long Duplicates => Interlocked.Read(ref _duplicates);
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Rejections of records the generator spoiled on purpose.</summary>
    public long RejectedBad => Interlocked.Read(ref _rejectedBad);

    public long BadSent => Interlocked.Read(ref _badSent);
    public long ResendsSent => Interlocked.Read(ref _resendsSent);

    /// <summary>Attempts that got no usable answer: network errors, timeouts, 429, 5xx and refusals.</summary>
    public long FailedAttempts => Interlocked.Read(ref _failedAttempts);

    public long Retries => Interlocked.Read(ref _retries);
    public long Attempts => Interlocked.Read(ref _attempts);

    /// <summary>HTTP answers of any status: zero means the server was never reached.</summary>
    public long Responses => Interlocked.Read(ref _responses);

    /// <summary>Records in batches abandoned after the last retry or refused outright (4xx other than 429).</summary>
    public long RecordsGivenUp => Interlocked.Read(ref _recordsGivenUp);

    /// <summary>Records not sent because the run was stopped.</summary>
    public long RecordsDropped => Interlocked.Read(ref _recordsDropped);

    public IReadOnlyDictionary<int, long> Statuses => _statuses;
    public IReadOnlyDictionary<string, long> RejectionCodes => _rejectionCodes;
    public IReadOnlyDictionary<string, string> Failures => _failures;
    public IEnumerable<string> UnexpectedRejections => _unexpectedRejections;

    public void Attempt() => Interlocked.Increment(ref _attempts);

    public void Responded(int status)
    {
        Interlocked.Increment(ref _responses);
        _statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
    }

    public void Failed(string what, string detail)
    {
        Interlocked.Increment(ref _failedAttempts);
        _failures.TryAdd(what, detail);
    }

    public void Retrying() => Interlocked.Increment(ref _retries);

    public void GaveUp(int records) => Interlocked.Add(ref _recordsGivenUp, records);

    public void Dropped(int records) => Interlocked.Add(ref _recordsDropped, records);

    public void Delivered(IReadOnlyList<TrafficTag> tags, IngestResponse response, TimeSpan latency)
    {
        Interlocked.Add(ref _recordsSent, tags.Count);
        Interlocked.Increment(ref _batchesSent);
        Interlocked.Add(ref _accepted, response.Accepted);
        Interlocked.Add(ref _duplicates, response.Duplicates);
        Interlocked.Add(ref _badSent, tags.Count(t => t == TrafficTag.Bad));
        Interlocked.Add(ref _resendsSent, tags.Count(t => t == TrafficTag.Resend));
        foreach (var r in response.Rejected ?? [])
        {
            Interlocked.Increment(ref _rejected);
            _rejectionCodes.AddOrUpdate(r.Code ?? "(no code)", 1, (_, n) => n + 1);
            if (r.Index >= 0 && r.Index < tags.Count && tags[r.Index] == TrafficTag.Bad)
            {
                Interlocked.Increment(ref _rejectedBad);
            }
            else if (_unexpectedRejections.Count < MaxExamples)
            {
                _unexpectedRejections.Enqueue($"{r.RecordId}: {r.Code} {r.Message}");
            }
        }

        lock (_latencyLock)
        {
            _latencies.Add(latency.TotalMilliseconds);
            _window.Add(latency.TotalMilliseconds);
        }
    }

    /// <summary>p50 and p99 of the batches answered since the last call, or NaN if none.</summary>
    public (double P50, double P99) TakeWindowLatency()
    {
        lock (_latencyLock)
        {
            var result = Percentiles(_window);
            _window.Clear();
            return result;
        }
    }

    public (double P50, double P99, double Max) OverallLatency()
    {
        lock (_latencyLock)
        {
            var (p50, p99) = Percentiles(_latencies);
            return (p50, p99, _latencies.Count == 0 ? double.NaN : _latencies.Max());
        }
    }

    private static (double, double) Percentiles(List<double> values)
    {
        if (values.Count == 0)
        {
            return (double.NaN, double.NaN);
        }

        var sorted = values.Order().ToArray();
        return (sorted[(int)Math.Ceiling(0.50 * sorted.Length) - 1], sorted[(int)Math.Ceiling(0.99 * sorted.Length) - 1]);
    }
}
