using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Organisation;

/// <summary>The organisation module's side of <see cref="IOfficerAccounts"/>. Accounts are not filtered by jurisdiction, so the officer is checked first.</summary>
internal sealed class OfficerAccounts(VanguardDbContext db) : IOfficerAccounts
{
    public async Task<IReadOnlyList<string>> AccountIdsAsync(Guid officerId, CancellationToken ct)
    {
        if (!await db.Officers.AsNoTracking().AnyAsync(o => o.Id == officerId, ct))
        {
            return [];
        }

        var ids = await db.Users.AsNoTracking().Where(u => u.OfficerId == officerId).Select(u => u.Id).ToListAsync(ct);
        return ids.Select(id => id.ToString()).ToList();
    }

    public async Task<IReadOnlyList<AgencyLeader>> LeadersAsync(Guid agencyId, CancellationToken ct)
    {
        var leaders = await (
            from u in db.Users.AsNoTracking()
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where u.AgencyId == agencyId && r.Name == Role.AgencyAdmin
            orderby u.DisplayName
            select new { u.Id, u.DisplayName, u.OfficerId }).ToListAsync(ct);
        return leaders.Select(l => new AgencyLeader(l.Id.ToString(), l.DisplayName, l.OfficerId)).ToList();
    }
}
