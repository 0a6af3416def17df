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

    /// <summary>Lower-case hex SHA-256 of the current API key; null when revoked.</summary>
    public string? KeyHash { get; set; }

    /// <summary>The first characters of the key, so an operator can tell keys apart without seeing them.</summary>
    public string? KeyPrefix { get; set; }

    public DateTimeOffset? KeyIssuedAt { get; set; }

    public DateTimeOffset? KeyRevokedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastSeenAt { get; set; }
}
