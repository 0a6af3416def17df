using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Organisation.Data;

/// <summary>A registered field device; it authenticates with <c>X-Device-Key</c>, stored only as a SHA-256 hash.</summary>
public sealed class Device : IAgencyOwned
{
    public Guid Id { get; set; }

    public Guid AgencyId { get; set; }

    /// <summary>Kind (see <see cref="Vanguard.Domain.Organisation.DeviceKind"/>).</summary>
    public required string Kind { get; set; }

    /// <summary>Unique code printed on the device or assigned at registration.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public string? SerialNumber { get; set; }

    public string? Location { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    /// <summary>动态汽车衡准确度等级 (JJG 907: 0.2, 0.5, 1, 2, 5, 10) of a WIM station; its in-service tolerance in percent.</summary>
    public decimal? AccuracyClass { get; set; }

    /// <summary>检定证书编号: data from an unverified device cannot be evidence (河南省治超条例 art. 10).</summary>
    public string? CertificateNumber { get; set; }

    public DateOnly? CertificateValidFrom { get; set; }

    public DateOnly? CertificateValidUntil { get; set; }

    /// <summary>Lower-case hex SHA-256 of the current API key; null when revoked.</summary>
    public string? KeyHash { get; set; }

    /// <summary>The first characters of the key, so an operator can tell keys apart without seeing them.</summary>
    public string? KeyPrefix { get; set; }

    public DateTimeOffset? KeyIssuedAt { get; set; }

    public DateTimeOffset? KeyRevokedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastSeenAt { get; set; }
}
