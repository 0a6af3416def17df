using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Cases;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Cases.Contracts;
using Vanguard.Server.Modules.Cases.Data;

namespace Vanguard.Server.Modules.Cases;

/// <summary>The cases module's side of <see cref="ICaseStatistics"/>: a query for the period's rows, deadlines on the holiday calendar in memory.</summary>
internal sealed class CaseStatistics(VanguardDbContext db, CaseCalendars calendars) : ICaseStatistics
{
    /// <summary>Where a case file names a body-camera clip: the reference of a <c>bodycam_clip</c> item (<c>evidence:{id}</c>).</summary>
    private const string EvidencePrefix = "evidence:";

    /// <summary>Ids per query: a month of on-the-spot cases must not run into the database's limit on parameters.</summary>
    private const int ChunkSize = 1_000;

    public async Task<IReadOnlyList<DecidedCase>> DecidedAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var rows = await db.Set<Case>().AsNoTracking()
            .Where(c => c.State.DecidedOn >= from && c.State.DecidedOn < to && c.State.Stage != CaseStage.Dropped)
            .Select(c => new { c.Id, c.AgencyId, c.State.Procedure, c.State.FiledOn, DecidedOn = c.State.DecidedOn!.Value })
            .ToListAsync(ct);
        var onSpot = rows.Where(r => r.Procedure == CaseProcedure.Simplified).Select(r => r.Id).ToList();
        var clipCode = CaseChecklists.BodyCamClip.Code;
        var clips = new List<(Guid CaseId, string Reference)>();
        foreach (var chunk in onSpot.Chunk(ChunkSize))
        {
            clips.AddRange((await db.Set<CaseFileItem>().AsNoTracking()
                    .Where(i => chunk.Contains(i.CaseId) && i.Code == clipCode && i.Reference != null)
                    .Select(i => new { i.CaseId, i.Reference })
                    .ToListAsync(ct))
                .Select(i => (i.CaseId, i.Reference!)));
        }

        var clipsByCase = clips
            .Select(c => (c.CaseId, Id: c.Reference.StartsWith(EvidencePrefix, StringComparison.Ordinal) && Guid.TryParse(c.Reference.AsSpan(EvidencePrefix.Length), out var id) ? id : Guid.Empty))
            .Where(c => c.Id != Guid.Empty)
            .ToLookup(c => c.CaseId, c => c.Id);
        var calendar = await calendars.CurrentAsync(ct);
        return rows
            .Select(r => new DecidedCase(
                r.Id, r.AgencyId, r.Procedure, r.FiledOn, r.DecidedOn,
                r.FiledOn is { } filed ? CaseDeadlines.DecisionDue(filed, calendar) : null,
                clipsByCase[r.Id].Distinct().Order().ToList()))
            .OrderBy(r => r.DecidedOn).ThenBy(r => r.CaseId)
            .ToList();
    }

    public async Task<IReadOnlyList<ReviewedCase>> ReviewOutcomesAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        // The join goes through the case set, so the caller's jurisdiction applies to the outcomes as to their cases.
        var (start, end) = (from, to);
        var rows = await (from o in db.Set<CaseReviewOutcome>().AsNoTracking()
                          join c in db.Set<Case>().AsNoTracking() on o.CaseId equals c.Id
                          where o.DecidedOn >= start && o.DecidedOn < end
                          select new { o.Id, o.CaseId, c.AgencyId, o.Kind, o.Result, o.DecidedOn })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.DecidedOn).ThenBy(r => r.Id)
            .Select(r => new ReviewedCase(r.CaseId, r.AgencyId, r.Kind, r.Result, r.DecidedOn))
            .ToList();
    }

    public async Task<IReadOnlyList<CaseFacts>> FactsAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken ct)
    {
        var ids = caseIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        // Only the columns an evaluator may see are read: no party, plate, title or facts ever leave the module here.
        var cases = await db.Set<Case>().AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Select(c => new
            {
                c.Id, c.CaseNumber, c.AgencyId, c.OffenceCode, c.State.Procedure, c.State.Stage, c.State.ActOn, c.State.FiledOn, c.State.DecidedOn,
                c.State.Outcome, c.State.DecidedFineFen, c.State.DecidedWarning,
            })
            .ToListAsync(ct);
        var found = cases.Select(c => c.Id).ToList();
        var reviews = (await db.Set<CaseReviewOutcome>().AsNoTracking().Where(o => found.Contains(o.CaseId)).ToListAsync(ct))
            .OrderBy(o => o.DecidedOn).ThenBy(o => o.Id)
            .ToLookup(o => o.CaseId, o => new CaseReviewFact(o.Kind, o.Result, o.DecidedOn, o.Organ, o.DocumentNumber));
        var calendar = await calendars.CurrentAsync(ct);
        return cases
            .OrderBy(c => ids.IndexOf(c.Id))
            .Select(c => new CaseFacts(
                c.Id, c.CaseNumber, c.AgencyId, c.Procedure, c.Stage,
                CaseLaw.Standard.Find(c.OffenceCode, c.ActOn ?? c.FiledOn ?? c.DecidedOn ?? DateOnly.MinValue)?.NameZh ?? c.OffenceCode,
                c.FiledOn, c.DecidedOn, c.FiledOn is { } filed ? CaseDeadlines.DecisionDue(filed, calendar) : null,
                c.Outcome, c.DecidedFineFen, c.DecidedWarning, reviews[c.Id].ToList()))
            .ToList();
    }
}
