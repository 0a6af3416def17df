using Microsoft.AspNetCore.Authorization;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Disclosure;

/// <summary>Who may manage the publication (the public reads it without signing in).</summary>
public static class DisclosurePolicies
{
    /// <summary>Sees the publication queue with its deadlines, withdraws an entry with a note: legal reviewers and administrators.</summary>
    public const string Manage = "disclosure-manage";

    public static void Add(AuthorizationOptions options) =>
        options.AddPolicy(Manage, p => p.RequireClaim(VanguardClaims.ActorKind, "person")
            .RequireRole(Role.LegalReviewer, Role.AgencyAdmin, Role.ProvinceAdmin));
}
