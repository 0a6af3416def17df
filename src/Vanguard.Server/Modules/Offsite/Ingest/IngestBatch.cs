using System.Text.Json;
using System.Text.Json.Serialization;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Offsite.Ingest;

public static class IngestKinds
{
    public const string Wim = "wim";
    public const string Anpr = "anpr";
}

/// <summary>
/// The records of one device batch that passed the accept step, as the process step takes them — in this process, or
/// from the ingest bus (one JetStream message per batch, this very JSON). Photo bytes never travel: the accept step put
/// them in the image store, and <see cref="StoredImages"/> names them.
/// </summary>
/// <param name="Count">How many records the device sent (for the audit entry), accepted or not.</param>
/// <param name="ReceivedAt">When the platform received the batch: the "now" of every check and the rows' received time.</param>
internal sealed record IngestBatch(
    string Kind, Guid DeviceId, string DeviceCode, DateTimeOffset ReceivedAt, int Count,
    List<WimRecordInput>? Wim, List<AnprReadInput>? Anpr, List<string>? StoredImages)
{
    public int Records => Wim?.Count ?? Anpr?.Count ?? 0;
}

/// <summary>What the accept step hands the bus: the batch, and what the device is told about the records it refused.</summary>
/// <param name="Indexes">For each record of the batch, its index in what the device sent.</param>
/// <param name="AcceptedAtTimestamp"><see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> at acceptance (read-to-alert latency).</param>
internal sealed record AcceptedBatch(
    IngestBatch Batch, DeviceInfo Device, IReadOnlyList<int> Indexes, IReadOnlyList<IngestRejection> Rejected, int DuplicatesInBatch, long AcceptedAtTimestamp);

/// <summary>What processing a batch did: rows new, rows already stored (resends), and records the judgement refused.</summary>
internal sealed record ProcessOutcome(int Inserted, int Duplicates, IReadOnlyList<IngestRejection> Rejected);

/// <summary>Source-generated JSON of a bus message: no reflection on the ingest path.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IngestBatch))]
internal sealed partial class IngestBatchJson : JsonSerializerContext;
