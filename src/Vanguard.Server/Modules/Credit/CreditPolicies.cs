using Microsoft.AspNetCore.Authorization;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Credit;

/// <summary>Who may read credit records and who may list, delist and repair.</summary>
public static class CreditPolicies
{
    /// <summary>Reads credit records and blacklists (staff, the terminal's look-up included).</summary>
    public const string Read = "credit-read";

    /// <summary>
    /// Records the driver and the loading source unit of a decided overload case (超限规定 art. 44) and files a 信用修复 application
    /// on the party's behalf: officers who handle cases, legal reviewers and administrators — not field officers, who only read.
    /// </summary>
    public const string Handle = "credit-handle";

    /// <summary>Confirms a listing, delists, decides a credit repair: administrators and legal reviewers.</summary>
    public const string Manage = "credit-manage";

    public static readonly string[] HandlerRoles = [Role.CaseOfficer, Role.LegalReviewer, Role.AgencyAdmin, Role.ProvinceAdmin];

    public static readonly string[] ManagerRoles = [Role.LegalReviewer, Role.AgencyAdmin, Role.ProvinceAdmin];

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Read, p => p.RequireAuthenticatedUser().RequireClaim(VanguardClaims.ActorKind, "person")
            .RequireAssertion(c => !Policies.IsEvaluatorOnly(c.User)));
        options.AddPolicy(Handle, p => p.RequireClaim(VanguardClaims.ActorKind, "person").RequireRole(HandlerRoles));
        options.AddPolicy(Manage, p => p.RequireClaim(VanguardClaims.ActorKind, "person").RequireRole(ManagerRoles));
    }
}
