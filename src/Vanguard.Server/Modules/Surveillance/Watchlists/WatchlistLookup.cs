using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Identifiers;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Surveillance.Contracts;
using Vanguard.Server.Modules.Surveillance.Data;

namespace Vanguard.Server.Modules.Surveillance.Watchlists;

/// <summary>
/// Whether a vehicle is 布控 now, for an officer at the roadside. Read from the database (a look-up is rare; the rows are
/// the truth on every node). An officer sees the entries of lists of their own agency and the agencies under it, and of
/// the agencies above it: a city's or the province's watch-list covers the county where the officer stands.
/// </summary>
internal sealed class WatchlistLookup(VanguardDbContext db, ICurrentActor actor, IJurisdiction jurisdiction, IAgencyDirectory agencies, TimeProvider clock)
    : IWatchlistLookup
{
    public async Task<IReadOnlyList<WatchlistHitInfo>> ActiveEntriesAsync(string plate, string plateColor, CancellationToken ct)
    {
        var normalised = PlateNumber.Normalise(plate);
        var color = PlateColor.Parse(plateColor) ?? plateColor;
        var now = clock.GetUtcNow();
        var query = db.Set<WatchlistEntry>().IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.Plate == normalised && e.PlateColor == color && e.Status == EntryStatuses.Active && e.ValidFrom <= now && e.ValidUntil > now);
        if (!jurisdiction.IsUnrestricted)
        {
            var visible = jurisdiction.AgencyIds.ToHashSet();
            if (actor.AgencyId is { } own)
            {
                visible.UnionWith(agencies.Current.PathTo(own).Select(a => a.Id));
            }

            var ids = visible.ToList();
            query = query.Where(e => ids.Contains(e.AgencyId));
        }

        var hits = await query
            .Join(db.Set<Watchlist>().IgnoreQueryFilters().AsNoTracking().Where(l => l.IsActive), e => e.WatchlistId, l => l.Id, (e, l) => new
            {
                e.Id, e.WatchlistId, l.Name, e.Reason, e.ValidUntil, e.AgencyId,
            })
            .ToListAsync(ct);
        return hits.OrderBy(h => h.ValidUntil)
            .Select(h => new WatchlistHitInfo(h.Id, h.WatchlistId, h.Name, h.Reason, h.ValidUntil, agencies.Current.Find(h.AgencyId)?.Code ?? string.Empty))
            .ToList();
    }
}
