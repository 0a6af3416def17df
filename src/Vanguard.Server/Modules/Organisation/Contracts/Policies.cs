using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Vanguard.Domain.Organisation;

namespace Vanguard.Server.Modules.Organisation.Contracts;

/// <summary>Authorisation policies, named for what they allow.</summary>
public static class Policies
{
    /// <summary>
    /// A member of staff: a signed-in person with a role besides 第三方评估. A third-party evaluator sees the evaluation only
    /// (its scores, indicators and an anonymised sample: <c>PerformancePolicies.Read</c>), never the records themselves.
    /// </summary>
    public const string Staff = "staff";

    /// <summary>Any signed-in person (not a device), evaluators included: who am I, the home page, the evaluation's page.</summary>
    public const string Person = "person";

    /// <summary>Changes organisation data: agencies, officers, devices.</summary>
    public const string OrganisationAdmin = "organisation-admin";

    /// <summary>Reads and verifies the audit chain.</summary>
    public const string AuditReader = "audit-reader";

    /// <summary>A registered device with a valid key.</summary>
    public const string Device = "device";

    /// <summary>A third-party evaluator and nothing else.</summary>
    public static bool IsEvaluatorOnly(ClaimsPrincipal user) =>
        user.IsInRole(Role.Evaluator) && user.FindAll(ClaimTypes.Role).All(c => c.Value == Role.Evaluator);

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Staff, p => p.RequireAuthenticatedUser().RequireClaim(VanguardClaims.ActorKind, "person")
            .RequireAssertion(c => !IsEvaluatorOnly(c.User)));
        options.AddPolicy(Person, p => p.RequireAuthenticatedUser().RequireClaim(VanguardClaims.ActorKind, "person"));
        options.AddPolicy(OrganisationAdmin, p => p.RequireClaim(VanguardClaims.ActorKind, "person").RequireRole(Role.ProvinceAdmin, Role.AgencyAdmin));
        options.AddPolicy(AuditReader, p => p.RequireClaim(VanguardClaims.ActorKind, "person")
            .RequireRole(Role.ProvinceAdmin, Role.AgencyAdmin, Role.LegalReviewer));
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
