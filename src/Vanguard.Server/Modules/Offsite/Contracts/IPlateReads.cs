namespace Vanguard.Server.Modules.Offsite.Contracts;

/// <summary>
/// Told about every plate read the ANPR ingest stored (new rows only, never resends), right after the batch committed —
/// the watch-list matcher's feed. Implementations must not block: hand the reads to a queue and return.
/// </summary>
public interface IPlateReadObserver
{
    void OnReadsStored(IReadOnlyList<StoredPlateRead> reads);

    /// <summary>
    /// The ingest bus's hand-over (<c>Vanguard:Bus=Nats</c>): returns only once the reads were matched and every hit was
    /// written as an alert, since the bus acknowledges the batch to JetStream only then; throws when that failed, and the
    /// batch is delivered again. The same reads may come twice (a node died before it acknowledged): implementations
    /// must not raise the same alert twice.
    /// </summary>
    Task HandleStoredReadsAsync(IReadOnlyList<StoredPlateRead> reads, CancellationToken ct);
}

/// <param name="Id">The row id in <c>offsite_anpr_reads</c>.</param>
/// <param name="ReceivedAtTimestamp">
/// <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> when the batch was accepted — read-to-alert latency is measured from it.
/// </param>
public sealed record StoredPlateRead(
    long Id, Guid DeviceId, Guid AgencyId, string Plate, string PlateColor, DateTimeOffset CapturedAt, DateTimeOffset ReceivedAt,
    int ConfidencePermille, string? Direction, string? ImageSha256, long ReceivedAtTimestamp);

/// <summary>Queries over stored plate reads for the suspect rules and alert evidence, and the retention hold.</summary>
public interface IPlateReadQueries
{
    /// <summary>
    /// Each (plate, colour) read by any of <paramref name="deviceIds"/> at or after <paramref name="since"/> on at least
    /// <paramref name="minDays"/> distinct days (China time), with its day count, first and last read.
    /// </summary>
    Task<IReadOnlyList<PlateDays>> DistinctDaysAsync(IReadOnlyCollection<Guid> deviceIds, DateTimeOffset since, int minDays, CancellationToken ct);

    /// <summary>
    /// The reads of one vehicle by the given devices (all devices when empty) in [from, to), oldest first; at most
    /// <paramref name="max"/> — the most recent ones when there are more.
    /// </summary>
    Task<IReadOnlyList<PlateReadView>> ReadsOfAsync(
        string plate, string plateColor, IReadOnlyCollection<Guid> deviceIds, DateTimeOffset from, DateTimeOffset to, int max, CancellationToken ct);

    /// <summary>Every read by the given devices in [from, to), ordered by plate then time — for rules that follow vehicles between groups.</summary>
    IAsyncEnumerable<PlateReadView> ReadsByDevicesAsync(IReadOnlyCollection<Guid> deviceIds, DateTimeOffset from, DateTimeOffset to, CancellationToken ct);

    /// <summary>Keeps these reads beyond the retention period (they became evidence of a hit or a suspect).</summary>
    Task RetainAsync(IReadOnlyCollection<long> readIds, CancellationToken ct);
}

public sealed record PlateDays(string Plate, string PlateColor, int Days, DateTimeOffset FirstAt, DateTimeOffset LastAt);

public sealed record PlateReadView(long Id, Guid DeviceId, string Plate, string PlateColor, DateTimeOffset CapturedAt, int ConfidencePermille, string? Direction, string? ImageSha256);
