using Microsoft.AspNetCore.Authorization;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Registry.Contracts;

/// <summary>
/// Registry data is province-wide reference data: any staff member reads it (<see cref="Policies.Staff"/>); province and
/// agency administrators and case officers (办案人员, who meet unregistered parties first) change it.
/// </summary>
public static class RegistryPolicies
{
    public const string Editor = "registry-editor";

    public static void Add(AuthorizationOptions options) =>
        options.AddPolicy(Editor, p => p.RequireClaim(VanguardClaims.ActorKind, "person")
            .RequireRole(Role.ProvinceAdmin, Role.AgencyAdmin, Role.CaseOfficer));
}
