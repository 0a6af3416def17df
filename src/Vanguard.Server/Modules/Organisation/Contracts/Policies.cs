using Microsoft.AspNetCore.Authorization;
using Vanguard.Domain.Organisation;

namespace Vanguard.Server.Modules.Organisation.Contracts;

/// <summary>Authorisation policies, named for what they allow.</summary>
public static class Policies
{
    /// <summary>Any signed-in person (not a device).</summary>
    public const string Staff = "staff";

    /// <summary>Changes organisation data: agencies, officers, devices.</summary>
    public const string OrganisationAdmin = "organisation-admin";

    /// <summary>Reads and verifies the audit chain.</summary>
    public const string AuditReader = "audit-reader";

    /// <summary>A registered device with a valid key.</summary>
    public const string Device = "device";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Staff, p => p.RequireAuthenticatedUser().RequireClaim(VanguardClaims.ActorKind, "person"));
        options.AddPolicy(OrganisationAdmin, p => p.RequireClaim(VanguardClaims.ActorKind, "person").RequireRole(Role.ProvinceAdmin, Role.AgencyAdmin));
        options.AddPolicy(AuditReader, p => p.RequireClaim(VanguardClaims.ActorKind, "person")
            .RequireRole(Role.ProvinceAdmin, Role.AgencyAdmin, Role.LegalReviewer, Role.Evaluator));
        options.AddPolicy(Device, p => p.RequireClaim(VanguardClaims.ActorKind, "device"));
    }
}

/// <summary>Authentication scheme names.</summary>
public static class Schemes
{
    /// <summary>Picks cookie, bearer token or device key from what the request carries.</summary>
    public const string Smart = "Vanguard";

    public const string DeviceKey = "DeviceKey";

    public const string DeviceKeyHeader = "X-Device-Key";
}
