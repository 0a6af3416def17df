using Microsoft.EntityFrameworkCore;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Offsite.Contracts;
using Vanguard.Server.Modules.Offsite.Data;

namespace Vanguard.Server.Modules.Offsite;

/// <summary>The off-site module's side of <see cref="IOverloadStatistics"/>: one grouped count, then the first overloaded ids per agency.</summary>
internal sealed class OverloadStatistics(VanguardDbContext db) : IOverloadStatistics
{
    public async Task<IReadOnlyList<AgencyWeighings>> WeighingsAsync(DateTimeOffset from, DateTimeOffset to, int maxIds, CancellationToken ct)
    {
        var fromMs = from.ToUnixTimeMilliseconds();
        var toMs = to.ToUnixTimeMilliseconds();
        var inPeriod = db.Set<WimRecord>().AsNoTracking().Where(r => r.CapturedAtMs >= fromMs && r.CapturedAtMs < toMs);
        var counts = await inPeriod.GroupBy(r => r.AgencyId)
            .Select(g => new { AgencyId = g.Key, Weighings = g.Count(), Overloaded = g.Count(r => r.Verdict == 1) })
            .ToListAsync(ct);
        var result = new List<AgencyWeighings>();
        foreach (var c in counts.OrderBy(c => c.AgencyId))
        {
            var ids = c.Overloaded == 0 || maxIds <= 0 ? []
                : await inPeriod.Where(r => r.AgencyId == c.AgencyId && r.Verdict == 1).OrderBy(r => r.Id).Select(r => r.Id).Take(maxIds).ToListAsync(ct);
            result.Add(new AgencyWeighings(c.AgencyId, c.Weighings, c.Overloaded, ids));
        }

        return result;
    }
}
