using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Organisation.Data;

namespace Vanguard.Server.Modules.Organisation.Auth;

/// <summary>Adds the agency, display name and officer to a person's cookie or token.</summary>
internal sealed class StaffClaimsFactory(UserManager<StaffUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(VanguardClaims.ActorKind, "person"));
        identity.AddClaim(new Claim(VanguardClaims.AgencyId, user.AgencyId.ToString()));
        identity.AddClaim(new Claim(VanguardClaims.DisplayName, user.DisplayName));
        if (user.OfficerId is { } officer)
        {
            identity.AddClaim(new Claim(VanguardClaims.OfficerId, officer.ToString()));
        }

        return identity;
    }
}
