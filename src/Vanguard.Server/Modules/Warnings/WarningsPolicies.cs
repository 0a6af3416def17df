using Microsoft.AspNetCore.Authorization;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Warnings;

/// <summary>Who sees the warnings, who answers them and who sets the thresholds.</summary>
public static class WarningsPolicies
{
    /// <summary>Reads warnings in the jurisdiction: leaders (administrators), legal reviewers and the command centre.</summary>
    public const string Read = "warnings-read";

    /// <summary>Responds to and closes a warning: the responsible leaders (administrators).</summary>
    public const string Respond = "warnings-respond";

    /// <summary>Sets the rules' thresholds for the province: the province administrator.</summary>
    public const string Settings = "warnings-settings";

    public static readonly string[] ReadRoles = [Role.AgencyAdmin, Role.ProvinceAdmin, Role.LegalReviewer, Role.CommandOperator];

    public static readonly string[] RespondRoles = [Role.AgencyAdmin, Role.ProvinceAdmin];

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Read, p => p.RequireClaim(VanguardClaims.ActorKind, "person").RequireRole(ReadRoles));
        options.AddPolicy(Respond, p => p.RequireClaim(VanguardClaims.ActorKind, "person").RequireRole(RespondRoles));
        options.AddPolicy(Settings, p => p.RequireClaim(VanguardClaims.ActorKind, "person").RequireRole(Role.ProvinceAdmin));
    }
}
