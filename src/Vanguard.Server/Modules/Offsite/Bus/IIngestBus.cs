using Vanguard.Domain.Common;
using Vanguard.Server.Modules.Offsite.Ingest;

namespace Vanguard.Server.Modules.Offsite.Bus;

/// <summary>
/// How an accepted device batch reaches the process step (<c>Vanguard:Bus</c>): at once in this process
/// (<see cref="InProcessIngestBus"/>, the default), or through a NATS JetStream stream whose durable consumer all nodes
/// share (<see cref="NatsIngestBus"/>, ADR 0013). Either way the device is answered only once its records are safe.
/// </summary>
internal interface IIngestBus
{
    Task<Result<IngestResult>> SubmitAsync(AcceptedBatch accepted, CancellationToken ct);
}

public static class IngestBusErrors
{
    public const string UnavailableCode = "offsite.bus_unavailable";

    /// <summary>How long a device is asked to wait before it sends the batch again.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>JetStream did not confirm it stored the batch: nothing is acknowledged, the device keeps its records (HTTP 503).</summary>
    public static readonly Error Unavailable = new(
        UnavailableCode, "平台暂时无法保存数据，请保留记录并稍后重发。", "The platform cannot store records right now; keep them and send them again later.");
}

/// <summary>The default: process the batch now, in this request, and answer with what was written.</summary>
internal sealed class InProcessIngestBus(IngestProcessor processor) : IIngestBus
{
    public async Task<Result<IngestResult>> SubmitAsync(AcceptedBatch accepted, CancellationToken ct)
    {
        var outcome = await processor.ProcessAsync(accepted.Batch, accepted.Device, ReadHandOff.Queue, accepted.AcceptedAtTimestamp, ct);
        var rejected = outcome.Rejected.Count == 0
            ? accepted.Rejected
            : [.. accepted.Rejected.Concat(outcome.Rejected.Select(r => r with { Index = accepted.Indexes[r.Index] })).OrderBy(r => r.Index)];
        return new IngestResult(outcome.Inserted, outcome.Duplicates + accepted.DuplicatesInBatch, rejected);
    }
}
