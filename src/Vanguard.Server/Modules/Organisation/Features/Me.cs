using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Organisation.Features;

public sealed record MeResponse(
    string Id,
    string Username,
    string DisplayName,
    IReadOnlyList<string> Roles,
    AgencyRef Agency,
    OfficerRef? Officer);

public sealed record AgencyRef(string Code, string Name, int Level);

public sealed record OfficerRef(string OfficerNo, string Name, string? CertificateNo, DateOnly? CertificateValidUntil);

/// <summary><c>GET /api/v1/me</c>: who the caller is, their roles and agency.</summary>
internal static class MeEndpoint
{
    public static void MapMe(this RouteGroupBuilder api) =>
        api.MapGet("/me", HandleAsync).RequireAuthorization(Policies.Person).WithTags("Organisation");

    private static async Task<Results<Ok<MeResponse>, NotFound>> HandleAsync(
        ClaimsPrincipal user, ICurrentActor actor, IAgencyDirectory directory, VanguardDbContext db, CancellationToken ct)
    {
        var agency = actor.AgencyId is { } id ? directory.Current.Find(id) : null;
        if (agency is null)
        {
            return TypedResults.NotFound();
        }

        OfficerRef? officer = null;
        if (Guid.TryParse(user.FindFirstValue(VanguardClaims.OfficerId), out var officerId))
        {
            officer = await db.Officers.AsNoTracking().Where(o => o.Id == officerId)
                .Select(o => new OfficerRef(o.OfficerNo, o.Name, o.CertificateNo, o.CertificateValidUntil))
                .SingleOrDefaultAsync(ct);
        }

        return TypedResults.Ok(new MeResponse(
            actor.Id,
            user.Identity?.Name ?? string.Empty,
            actor.Name,
            user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList(),
            new AgencyRef(agency.Code, agency.Name, agency.Level),
            officer));
    }
}
