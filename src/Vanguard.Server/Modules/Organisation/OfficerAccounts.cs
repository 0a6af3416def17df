using Microsoft.EntityFrameworkCore;
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
}
