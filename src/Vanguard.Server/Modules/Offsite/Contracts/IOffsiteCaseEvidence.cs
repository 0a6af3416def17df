namespace Vanguard.Server.Modules.Offsite.Contracts;

/// <summary>
/// For the public portal (不见面执法): find a case from the notice the owner received, and the off-site evidence of a case
/// (the weighing record, the station's accuracy class and verification certificate, the photos). Looks in the caller's
/// jurisdiction; the portal calls it in a public-party scope.
/// </summary>
public interface IOffsiteCaseEvidence
{
    /// <summary>
    /// The case of the notice with this plate (normalised) and code, or null. Always compares the code in constant time
    /// against a stored code (a dummy when none matches the plate), so "no such plate" and "wrong code" take alike.
    /// </summary>
    Task<Guid?> FindCaseByNoticeAsync(string plate, string noticeCode, CancellationToken ct);

    /// <summary>
    /// The weighing behind an off-site case; null when the case did not come from a weighing. When the record was removed
    /// by retention, the station with <see cref="OffsiteWeighingEvidence.RecordPurged"/> set (never an exception).
    /// </summary>
    Task<OffsiteWeighingEvidence?> WeighingOfCaseAsync(Guid caseId, CancellationToken ct);

    /// <summary>A photo of the case's weighing by its SHA-256, with its content type; null when it is not one of the case's or not stored.</summary>
    Task<OffsiteImage?> ImageOfCaseAsync(Guid caseId, string sha256, CancellationToken ct);
}

/// <param name="RecordPurged">
/// The weighing record itself is gone (removed under the retention rules): only the station is known, the figures are
/// zero and there are no photos; the portal says "称重记录已按规定清理".
/// </param>
public sealed record OffsiteWeighingEvidence(
    string StationCode, string StationName, decimal? AccuracyClass, string? CertificateNumber, DateOnly? CertificateValidFrom,
    DateOnly? CertificateValidUntil, string RecordId, DateTimeOffset CapturedAt, string Plate, int AxleCount, IReadOnlyList<int> AxleWeightsKg,
    int GrossWeightKg, int LimitKg, int ToleranceKg, int AdjustedKg, int OverKg, decimal OverPercent, decimal SpeedKmh,
    IReadOnlyList<OffsitePhoto> Photos, bool RecordPurged = false);

/// <param name="Stored">Whether the bytes were uploaded (a station may send only the hash).</param>
public sealed record OffsitePhoto(string Kind, string Sha256, string ContentType, bool Stored);

public sealed record OffsiteImage(string Path, string ContentType, string Sha256);
