using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Organisation.Data;

/// <summary>An enforcement officer (执法人员) with their 执法证.</summary>
public sealed class Officer : IAgencyOwned
{
    public Guid Id { get; set; }

    public Guid AgencyId { get; set; }

    /// <summary>Staff number within the agency (警号/工号).</summary>
    public required string OfficerNo { get; set; }

    public required string Name { get; set; }

    /// <summary>执法证号.</summary>
    public string? CertificateNo { get; set; }

    public DateOnly? CertificateValidUntil { get; set; }

    public string? Phone { get; set; }

    public bool Active { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }
}
