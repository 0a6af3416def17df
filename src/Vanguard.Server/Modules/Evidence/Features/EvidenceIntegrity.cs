using Microsoft.EntityFrameworkCore;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Evidence.Contracts;
using Vanguard.Server.Modules.Evidence.Data;

namespace Vanguard.Server.Modules.Evidence.Features;

/// <summary>The evidence module's side of <see cref="IEvidenceIntegrity"/>: the integrity job's unresolved findings.</summary>
internal sealed class EvidenceIntegrity(VanguardDbContext db) : IEvidenceIntegrity
{
    public async Task<IReadOnlyList<IntegrityProblem>> OpenFindingsAsync(CancellationToken ct)
    {
        var rows = await (from f in db.Set<IntegrityFinding>().AsNoTracking()
                          where f.ResolvedAt == null
                          orderby f.Id
                          join e in db.Set<EvidenceItem>().AsNoTracking() on f.EvidenceId equals e.Id into items
                          from e in items.DefaultIfEmpty()
                          select new { f.Id, f.EvidenceId, f.AgencyId, f.Kind, f.DetectedAt, f.ExpectedSha256, f.ActualSha256, FileName = e == null ? null : e.FileName })
            .Take(5_000)
            .ToListAsync(ct);
        return rows.OrderBy(r => r.DetectedAt).ThenBy(r => r.Id)
            .Select(r => new IntegrityProblem(r.Id, r.EvidenceId, r.AgencyId, r.Kind, r.DetectedAt, r.ExpectedSha256, r.ActualSha256, r.FileName))
            .ToList();
    }
}
