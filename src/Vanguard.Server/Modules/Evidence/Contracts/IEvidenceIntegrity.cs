namespace Vanguard.Server.Modules.Evidence.Contracts;

/// <summary>
/// What the evidence module's integrity job (<c>EvidenceJobs</c>: re-hashes the stored blobs every <c>IntegrityIntervalHours</c>) has
/// found and not yet resolved, for the early-warning engine. The caller's jurisdiction applies.
/// </summary>
public interface IEvidenceIntegrity
{
    /// <summary>The unresolved findings (a blob that no longer matches its SHA-256, or is missing), oldest first.</summary>
    Task<IReadOnlyList<IntegrityProblem>> OpenFindingsAsync(CancellationToken ct);
}

/// <param name="Kind"><c>mismatch</c> or <c>missing</c>.</param>
public sealed record IntegrityProblem(
    long FindingId, Guid EvidenceId, Guid AgencyId, string Kind, DateTimeOffset DetectedAt, string ExpectedSha256, string? ActualSha256, string? FileName);
