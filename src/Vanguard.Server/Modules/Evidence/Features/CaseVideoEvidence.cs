using Microsoft.EntityFrameworkCore;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Evidence.Contracts;
using Vanguard.Server.Modules.Evidence.Data;

namespace Vanguard.Server.Modules.Evidence.Features;

/// <summary>The evidence module's side of <see cref="ICaseVideoEvidence"/>: one query for each question.</summary>
internal sealed class CaseVideoEvidence(VanguardDbContext db) : ICaseVideoEvidence
{
    private const string VideoPrefix = "video/";

    public async Task<IReadOnlySet<Guid>> CasesWithLinkedVideoAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken ct)
    {
        var ids = caseIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new HashSet<Guid>();
        }

        var found = await (from link in db.Set<EvidenceCaseLink>().AsNoTracking()
                           join e in db.Set<EvidenceItem>().AsNoTracking() on link.EvidenceId equals e.Id
                           where ids.Contains(link.CaseId) && e.DeletedAt == null && e.ContentType.StartsWith(VideoPrefix)
                           select link.CaseId).Distinct().ToListAsync(ct);
        return found.ToHashSet();
    }

    public async Task<IReadOnlySet<Guid>> LiveVideoAsync(IReadOnlyCollection<Guid> evidenceIds, CancellationToken ct)
    {
        var ids = evidenceIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new HashSet<Guid>();
        }

        var found = await db.Set<EvidenceItem>().AsNoTracking()
            .Where(e => ids.Contains(e.Id) && e.DeletedAt == null && e.ContentType.StartsWith(VideoPrefix))
            .Select(e => e.Id).ToListAsync(ct);
        return found.ToHashSet();
    }
}
