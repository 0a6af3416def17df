using Microsoft.AspNetCore.Authorization;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Warnings;

/// <summary>Who sees the warnings and who answers them.</summary>
public static class WarningsPolicies
{
    /// <summary>Reads warnings in the jurisdiction: leaders (administrators), legal reviewers and the command centre.</summary>
    public const string Read = "warnings-read";

    /// <summary>Responds to and closes a warning, edits the rules' thresholds: the responsible leaders (administrators).</summary>
    public const string Respond = "warnings-respond";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Read, p => p.RequireClaim(VanguardClaims.ActorKind, "person")
            .RequireRole(Role.AgencyAdmin, Role.ProvinceAdmin, Role.LegalReviewer, Role.CommandOperator));
        options.AddPolicy(Respond, p => p.RequireClaim(VanguardClaims.ActorKind, "person").RequireRole(Role.AgencyAdmin, Role.ProvinceAdmin));
    }
}
