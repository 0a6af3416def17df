using Microsoft.AspNetCore.Authorization;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Supervision;

/// <summary>Who may read an officer's trace and who records inspections.</summary>
public static class SupervisionPolicies
{
    /// <summary>Reads an officer's timeline and the inspections: supervisors (administrators) and legal reviewers.</summary>
    public const string Read = "supervision-read";

    /// <summary>Records a "八六四" inspection and its findings: administrators (the supervising leaders).</summary>
    public const string Inspect = "supervision-inspect";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Read, p => p.RequireClaim(VanguardClaims.ActorKind, "person")
            .RequireRole(Role.AgencyAdmin, Role.ProvinceAdmin, Role.LegalReviewer));
        options.AddPolicy(Inspect, p => p.RequireClaim(VanguardClaims.ActorKind, "person").RequireRole(Role.AgencyAdmin, Role.ProvinceAdmin));
    }
}
