using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NATS.Client.JetStream;
using Vanguard.Domain.Common;
using Vanguard.Server.Modules.Offsite.Ingest;

namespace Vanguard.Server.Modules.Offsite.Bus;

/// <summary>
/// <c>Vanguard:Bus=Nats</c>: publishes the accepted records of a batch to the ingest stream and answers the device only
/// once JetStream's publish acknowledgement says the stream stored them; any other outcome (NATS unreachable, no
/// acknowledgement in time, an error) is <see cref="IngestBusErrors.Unavailable"/>, and the device keeps its records.
/// A node's <see cref="NatsIngestConsumer"/> processes the batch later.
/// </summary>
internal sealed class NatsIngestBus(NatsIngestStream stream, ILogger<NatsIngestBus> logger) : IIngestBus
{
    /// <summary>How long the device's request waits for JetStream at most, all parts of the batch together.</summary>
    public static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Room for the message's headers within the server's maximum payload.</summary>
    private const int HeaderRoom = 4 * 1024;

    public async Task<Result<IngestResult>> SubmitAsync(AcceptedBatch accepted, CancellationToken ct)
    {
        var batch = accepted.Batch;
        if (batch.Records > 0)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(PublishTimeout);
            try
            {
                await stream.EnsureAsync(timeout.Token);
                var maxPayload = stream.Connection.ServerInfo?.MaxPayload is > HeaderRoom * 2 and var max ? max - HeaderRoom : 1024 * 1024 - HeaderRoom;
                foreach (var part in Parts(batch, maxPayload))
                {
                    var ack = await stream.JetStream.PublishAsync(
                        stream.SubjectOf(batch.Kind), part.Bytes, opts: new NatsJSPubOpts { MsgId = part.MessageId }, cancellationToken: timeout.Token);
                    // A duplicate is a part JetStream already holds (a resend within its window): stored, so acknowledged.
                    if (string.IsNullOrEmpty(ack.Stream))
                    {
                        throw new NatsJSException("The publish acknowledgement names no stream.");
                    }
                }
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                stream.MarkUnknown();
                logger.LogWarning(e, "Ingest bus: batch of {Count} {Kind} records from {Device} not stored by JetStream; the device is told to resend",
                    batch.Records, batch.Kind, batch.DeviceCode);
                return IngestBusErrors.Unavailable;
            }
        }

        return new IngestResult(batch.Records, accepted.DuplicatesInBatch, accepted.Rejected, batch.Records);
    }

    /// <summary>
    /// The batch as one message — or, when it is larger than the server takes (a full batch of records with many
    /// photos), as several, split in halves until each fits. Each part's id is the SHA-256 of its kind, device and record
    /// ids, so a resend of the same records within the duplicate window is stored once.
    /// </summary>
    internal static IEnumerable<(byte[] Bytes, string MessageId)> Parts(IngestBatch batch, long maxPayload)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(batch, IngestBatchJson.Default.IngestBatch);
        if (bytes.Length <= maxPayload || batch.Records <= 1)
        {
            yield return (bytes, MessageId(batch));
            yield break;
        }

        var half = batch.Records / 2;
        IngestBatch[] halves = batch.Kind == IngestKinds.Wim
            ? [batch with { Wim = batch.Wim![..half] }, batch with { Wim = batch.Wim![half..] }]
            : [batch with { Anpr = batch.Anpr![..half] }, batch with { Anpr = batch.Anpr![half..] }];
        foreach (var part in halves)
        {
            foreach (var piece in Parts(part, maxPayload))
            {
                yield return piece;
            }
        }
    }

    private static string MessageId(IngestBatch batch)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(batch.Kind + "|" + batch.DeviceId.ToString("N") + "\n"));
        var ids = batch.Wim?.Select(r => r.RecordId!) ?? batch.Anpr!.Select(r => r.ReadId!);
        foreach (var id in ids)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(id + "\n"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
