using Microsoft.EntityFrameworkCore;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Organisation;

/// <summary>The organisation module's side of <see cref="IOfficerDirectory"/>; the context's jurisdiction filter applies.</summary>
internal sealed class OfficerDirectory(VanguardDbContext db) : IOfficerDirectory
{
    public async Task<OfficerInfo?> FindAsync(Guid officerId, CancellationToken ct) =>
        await db.Officers.AsNoTracking().Where(o => o.Id == officerId)
            .Select(o => new OfficerInfo(o.Id, o.AgencyId, o.OfficerNo, o.Name, o.Active))
            .SingleOrDefaultAsync(ct);

    public async Task<IReadOnlyDictionary<Guid, OfficerInfo>> FindManyAsync(IReadOnlyCollection<Guid> officerIds, CancellationToken ct)
    {
        if (officerIds.Count == 0)
        {
            return new Dictionary<Guid, OfficerInfo>();
        }

        var ids = officerIds.Distinct().ToList();
        return await db.Officers.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new OfficerInfo(o.Id, o.AgencyId, o.OfficerNo, o.Name, o.Active))
            .ToDictionaryAsync(o => o.Id, ct);
    }

    public async Task<IReadOnlyList<OfficerInfo>> FindByNumberAsync(string officerNo, CancellationToken ct) =>
        await db.Officers.AsNoTracking().Where(o => o.OfficerNo == officerNo).OrderBy(o => o.AgencyId)
            .Select(o => new OfficerInfo(o.Id, o.AgencyId, o.OfficerNo, o.Name, o.Active))
            .Take(10)
            .ToListAsync(ct);

    public async Task<IReadOnlyList<OfficerCard>> InAgencyAsync(Guid agencyId, CancellationToken ct) =>
        await db.Officers.AsNoTracking().Where(o => o.AgencyId == agencyId && o.Active).OrderBy(o => o.OfficerNo)
            .Select(o => new OfficerCard(o.Id, o.AgencyId, o.OfficerNo, o.Name, o.CertificateNo, o.CertificateValidUntil))
            .ToListAsync(ct);
}
