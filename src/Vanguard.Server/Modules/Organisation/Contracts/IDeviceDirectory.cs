namespace Vanguard.Server.Modules.Organisation.Contracts;

/// <summary>What other modules may know about a registered device (cached briefly: ingest asks on every batch).</summary>
public interface IDeviceDirectory
{
    Task<DeviceInfo?> FindAsync(string code, CancellationToken ct);

    void Invalidate(string code);

    /// <summary>Every device of the given kinds (uncached; for dashboards). The caller applies its own jurisdiction.</summary>
    Task<IReadOnlyList<DeviceInfo>> ListAsync(IReadOnlyCollection<string> kinds, CancellationToken ct);
}

/// <summary>A device as other modules see it, with its 检定 data for measuring devices and where it stands (for maps and dispatch).</summary>
public sealed record DeviceInfo(
    Guid Id, string Code, string Kind, string Name, Guid AgencyId, decimal? AccuracyClass, string? CertificateNumber, DateOnly? CertificateValidFrom,
    DateOnly? CertificateValidUntil, bool KeyActive, double? Latitude = null, double? Longitude = null, string? Location = null)
{
    /// <summary>Whether the verification certificate covers the given day (行政处罚法 art. 41; 河南省治超条例 art. 10).</summary>
    public bool IsCertifiedOn(DateOnly day) =>
        CertificateNumber is not null && CertificateValidFrom is { } from && CertificateValidUntil is { } until && day >= from && day <= until;
}
