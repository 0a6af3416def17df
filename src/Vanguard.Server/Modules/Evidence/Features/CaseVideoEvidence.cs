using Microsoft.EntityFrameworkCore;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Evidence.Contracts;
using Vanguard.Server.Modules.Evidence.Data;

namespace Vanguard.Server.Modules.Evidence.Features;

/// <summary>The evidence module's side of <see cref="ICaseVideoEvidence"/>: one query for each question.</summary>
internal sealed class CaseVideoEvidence(VanguardDbContext db) : ICaseVideoEvidence
{
    private const string VideoPrefix = "video/";

    /// <summary>Ids per query: a month of on-site cases must not run into the database's limit on parameters.</summary>
    private const int ChunkSize = 1_000;

    public async Task<IReadOnlySet<Guid>> CasesWithLinkedVideoAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken ct)
    {
        var ids = caseIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new HashSet<Guid>();
        }

        var found = new HashSet<Guid>();
        foreach (var chunk in ids.Chunk(ChunkSize))
        {
            found.UnionWith(await (from link in db.Set<EvidenceCaseLink>().AsNoTracking()
                                   join e in db.Set<EvidenceItem>().AsNoTracking() on link.EvidenceId equals e.Id
                                   where chunk.Contains(link.CaseId) && e.DeletedAt == null && e.ContentType.StartsWith(VideoPrefix)
                                   select link.CaseId).Distinct().ToListAsync(ct));
        }

        return found;
    }

    public async Task<IReadOnlySet<Guid>> LiveVideoAsync(IReadOnlyCollection<Guid> evidenceIds, CancellationToken ct)
    {
        var ids = evidenceIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new HashSet<Guid>();
        }

        var found = new HashSet<Guid>();
        foreach (var chunk in ids.Chunk(ChunkSize))
        {
            found.UnionWith(await db.Set<EvidenceItem>().AsNoTracking()
                .Where(e => chunk.Contains(e.Id) && e.DeletedAt == null && e.ContentType.StartsWith(VideoPrefix))
                .Select(e => e.Id).ToListAsync(ct));
        }

        return found;
    }
}
