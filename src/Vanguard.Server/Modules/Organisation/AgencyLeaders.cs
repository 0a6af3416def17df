using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Organisation.Data;

namespace Vanguard.Server.Modules.Organisation;

/// <summary>The organisation module's side of <see cref="IAgencyLeaders"/>: accounts in the agency-admin role.</summary>
internal sealed class AgencyLeaders(VanguardDbContext db, TimeProvider clock) : IAgencyLeaders
{
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<LeaderAccount>>> AdministratorsAsync(CancellationToken ct) =>
        (await ReadAsync(null, ct)).GroupBy(r => r.AgencyId).ToDictionary(g => g.Key, g => (IReadOnlyList<LeaderAccount>)g.Select(r => r.Account).ToList());

    public async Task<IReadOnlyList<LeaderAccount>> OfAgencyAsync(Guid agencyId, CancellationToken ct) =>
        (await ReadAsync(agencyId, ct)).Select(r => r.Account).ToList();

    private async Task<IReadOnlyList<(Guid AgencyId, LeaderAccount Account)>> ReadAsync(Guid? agencyId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rows = await (from u in db.Set<StaffUser>().AsNoTracking()
                          join ur in db.UserRoles.AsNoTracking() on u.Id equals ur.UserId
                          join r in db.Roles.AsNoTracking() on ur.RoleId equals r.Id
                          where r.Name == Role.AgencyAdmin && (agencyId == null || u.AgencyId == agencyId)
                          select new { u.AgencyId, u.UserName, u.DisplayName, u.LockoutEnd })
            .ToListAsync(ct);
        return rows.Where(r => r.UserName is not null && (r.LockoutEnd is null || r.LockoutEnd <= now))
            .OrderBy(r => r.UserName, StringComparer.Ordinal)
            .Select(r => (r.AgencyId, new LeaderAccount(r.UserName!, r.DisplayName)))
            .ToList();
    }
}
