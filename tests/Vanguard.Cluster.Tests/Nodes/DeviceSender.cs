using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vanguard.Cluster.Tests.Nodes;

/// <summary>A batch as a device keeps it until it is answered: the same bytes are sent again on a retry.</summary>
internal sealed record DeviceBatch(int Number, IReadOnlyList<string> RecordIds, string Json);

/// <summary>What a node answered to a batch (<c>{"accepted","duplicates","rejected"}</c>).</summary>
internal sealed record BatchAnswer(int Accepted, int Duplicates, int Rejected);

/// <summary>
/// One sender of a station or camera, as the device's firmware behaves: numbered batches of records with unique ids,
/// one at a time; a batch counts as delivered only when the node answered 200, and a batch without an answer (the
/// connection reset by a dying node) is kept to be sent again. Several senders may share a device (distinct id prefixes).
/// </summary>
internal sealed class DeviceSender(string name, string path, string deviceKey, int batchSize, Func<string, int, object> record)
{
    private readonly Lock _lock = new();
    private readonly List<DeviceBatch> _acknowledged = [];
    private readonly List<DeviceBatch> _unanswered = [];
    private int _next;
    private int _inFlight;

    /// <summary>Extra records put into a given batch number (a watch-listed plate read, say).</summary>
    public Dictionary<int, Func<string, object>> Extra { get; } = [];

    public string Name => name;

    public int InFlight => Volatile.Read(ref _inFlight);

    public IReadOnlyList<DeviceBatch> Acknowledged
    {
        get
        {
            lock (_lock)
            {
                return [.. _acknowledged];
            }
        }
    }

    public IReadOnlyList<DeviceBatch> Unanswered
    {
        get
        {
            lock (_lock)
            {
                return [.. _unanswered];
            }
        }
    }

    /// <summary>Every record id of every batch made so far — what must end up stored once all batches are answered.</summary>
    public IReadOnlySet<string> AllRecordIds
    {
        get
        {
            lock (_lock)
            {
                return _acknowledged.Concat(_unanswered).SelectMany(b => b.RecordIds).ToHashSet();
            }
        }
    }

    /// <summary>
    /// Sends new batches to <paramref name="node"/> one after another until <paramref name="until"/> says stop or a request
    /// gets no answer (the batch is then kept as unanswered and the loop ends). An answer other than 200 fails the test.
    /// </summary>
    public async Task RunAsync(Uri node, Func<bool> until, int maxBatches, CancellationToken ct)
    {
        using var client = ClientFor(node);
        for (var i = 0; i < maxBatches && !until(); i++)
        {
            var batch = NextBatch();
            Interlocked.Increment(ref _inFlight);
            try
            {
                await PostAsync(client, batch, ct);
                lock (_lock)
                {
                    _acknowledged.Add(batch);
                }
            }
            catch (HttpRequestException)
            {
                // No answer: the node died with the batch in flight (or before it was sent). The device keeps it.
                lock (_lock)
                {
                    _unanswered.Add(batch);
                }

                return;
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }

    /// <summary>Sends every unanswered batch again to <paramref name="node"/>; each is acknowledged afterwards.</summary>
    public async Task<IReadOnlyList<BatchAnswer>> ResendUnansweredAsync(Uri node, CancellationToken ct)
    {
        using var client = ClientFor(node);
        var answers = new List<BatchAnswer>();
        foreach (var batch in Unanswered)
        {
            answers.Add(await PostAsync(client, batch, ct));
            lock (_lock)
            {
                _unanswered.Remove(batch);
                _acknowledged.Add(batch);
            }
        }

        return answers;
    }

    /// <summary>Sends acknowledged batches again, as a device does that lost the answer on its side.</summary>
    public async Task<IReadOnlyList<BatchAnswer>> ResendAsync(Uri node, IEnumerable<DeviceBatch> batches, CancellationToken ct)
    {
        using var client = ClientFor(node);
        var answers = new List<BatchAnswer>();
        foreach (var batch in batches)
        {
            answers.Add(await PostAsync(client, batch, ct));
        }

        return answers;
    }

    private DeviceBatch NextBatch()
    {
        var number = Interlocked.Increment(ref _next);
        var ids = new List<string>(batchSize + 1);
        var records = new List<object>(batchSize + 1);
        for (var i = 0; i < batchSize; i++)
        {
            var id = $"{name}-{number:D5}-{i:D4}";
            ids.Add(id);
            records.Add(record(id, (number * batchSize) + i));
        }

        if (Extra.TryGetValue(number, out var extra))
        {
            var id = $"{name}-{number:D5}-x";
            ids.Add(id);
            records.Add(extra(id));
        }

        return new DeviceBatch(number, ids, JsonSerializer.Serialize(records, ApiClient.Web));
    }

    private HttpClient ClientFor(Uri node)
    {
        var client = new HttpClient { BaseAddress = node, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Device-Key", deviceKey);
        return client;
    }

    private async Task<BatchAnswer> PostAsync(HttpClient client, DeviceBatch batch, CancellationToken ct)
    {
        using var content = new StringContent(batch.Json, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(path, content, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{name} batch {batch.Number}: {(int)response.StatusCode} {body}");
        }

        var answer = JsonNode.Parse(body)!;
        var result = new BatchAnswer(
            answer["accepted"]!.GetValue<int>(), answer["duplicates"]!.GetValue<int>(), answer["rejected"]!.AsArray().Count);
        if (result.Rejected != 0 || result.Accepted + result.Duplicates != batch.RecordIds.Count)
        {
            throw new InvalidOperationException($"{name} batch {batch.Number} of {batch.RecordIds.Count} records was answered {body}");
        }

        return result;
    }
}
