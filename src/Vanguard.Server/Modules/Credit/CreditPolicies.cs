using Microsoft.AspNetCore.Authorization;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Credit;

/// <summary>Who may read credit records and who may list, delist and repair.</summary>
public static class CreditPolicies
{
    /// <summary>Reads credit records and blacklists (staff, the terminal's look-up included).</summary>
    public const string Read = "credit-read";

    /// <summary>Confirms a listing, delists, decides a credit repair: administrators and legal reviewers.</summary>
    public const string Manage = "credit-manage";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Read, p => p.RequireAuthenticatedUser().RequireClaim(VanguardClaims.ActorKind, "person")
            .RequireAssertion(c => !Policies.IsEvaluatorOnly(c.User)));
        options.AddPolicy(Manage, p => p.RequireClaim(VanguardClaims.ActorKind, "person")
            .RequireRole(Role.LegalReviewer, Role.AgencyAdmin, Role.ProvinceAdmin));
    }
}
