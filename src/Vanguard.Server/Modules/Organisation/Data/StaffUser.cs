using Microsoft.AspNetCore.Identity;

namespace Vanguard.Server.Modules.Organisation.Data;

/// <summary>
/// A person's login account. Identity infrastructure, deliberately not filtered by jurisdiction (login must find it);
/// staff-facing lists go through <see cref="Officer"/>, which is.
/// </summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    public required string DisplayName { get; set; }

    public Guid AgencyId { get; set; }

    public Guid? OfficerId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
