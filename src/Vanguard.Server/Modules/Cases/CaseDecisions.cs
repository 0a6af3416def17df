using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Cases;
using Vanguard.Domain.Penalties;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Cases.Contracts;
using Vanguard.Server.Modules.Cases.Data;

namespace Vanguard.Server.Modules.Cases;

/// <summary>The cases module's side of <see cref="ICaseDecisions"/>: the decided cases with their officers and review outcomes.</summary>
internal sealed class CaseDecisions(VanguardDbContext db) : ICaseDecisions
{
    /// <summary>Ids per query, well below the databases' limits on parameters.</summary>
    private const int ChunkSize = 1_000;

    public async Task<IReadOnlyList<CaseDecision>> DecidedAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var cases = await db.Set<Case>().AsNoTracking()
            .Where(c => c.State.DecidedOn >= from && c.State.DecidedOn < to && c.State.Stage != CaseStage.Dropped)
            .ToListAsync(ct);
        return (await DescribeAsync(cases, ct)).OrderBy(d => d.DecidedOn).ThenBy(d => d.CaseId).ToList();
    }

    public async Task<IReadOnlyList<CaseDecision>> OfCasesAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken ct)
    {
        var cases = new List<Case>();
        foreach (var chunk in caseIds.Distinct().Chunk(ChunkSize))
        {
            cases.AddRange(await db.Set<Case>().AsNoTracking()
                .Where(c => chunk.Contains(c.Id) && c.State.DecidedOn != null && c.State.Stage != CaseStage.Dropped)
                .ToListAsync(ct));
        }

        return await DescribeAsync(cases, ct);
    }

    public async Task<IReadOnlyList<RecordedReview>> ReviewsRecordedSinceAsync(DateTimeOffset since, int max, CancellationToken ct)
    {
        // Through the case set, so the caller's jurisdiction applies to the outcomes as to their cases.
        var rows = await (from o in db.Set<CaseReviewOutcome>().AsNoTracking()
                          join c in db.Set<Case>().AsNoTracking() on o.CaseId equals c.Id
                          where o.RecordedAt >= since
                          orderby o.Id
                          select new { o, c.AgencyId })
            .Take(Math.Clamp(max, 1, 10_000))
            .ToListAsync(ct);
        return rows
            .Select(r => new RecordedReview(r.o.Id, r.o.CaseId, r.AgencyId, r.o.Kind, r.o.Result, r.o.DecidedOn, r.o.Organ, r.o.DocumentNumber, r.o.RecordedAt))
            .OrderBy(r => r.RecordedAt).ThenBy(r => r.Id)
            .ToList();
    }

    public async Task<IReadOnlyList<ChangedDecision>> ChangedSinceAsync(DateTimeOffset since, int max, CancellationToken ct)
    {
        var cases = await db.Set<Case>().AsNoTracking()
            .Where(c => c.UpdatedAt >= since && c.State.DecidedOn != null && c.State.Stage != CaseStage.Dropped)
            .OrderBy(c => c.UpdatedAt).ThenBy(c => c.Id)
            .Take(Math.Clamp(max, 1, 10_000))
            .ToListAsync(ct);
        var described = await DescribeAsync(cases, ct);
        return cases.Zip(described, (c, d) => new ChangedDecision(d, c.UpdatedAt)).ToList();
    }

    private async Task<IReadOnlyList<CaseDecision>> DescribeAsync(IReadOnlyList<Case> cases, CancellationToken ct)
    {
        var ids = cases.Select(c => c.Id).ToList();
        var officers = new List<CaseOfficerLink>();
        var reviews = new List<CaseReviewOutcome>();
        foreach (var chunk in ids.Chunk(ChunkSize))
        {
            officers.AddRange(await db.Set<CaseOfficerLink>().AsNoTracking().Where(o => chunk.Contains(o.CaseId)).ToListAsync(ct));
            reviews.AddRange(await db.Set<CaseReviewOutcome>().AsNoTracking().Where(o => chunk.Contains(o.CaseId)).ToListAsync(ct));
        }

        var officersByCase = officers.ToLookup(o => o.CaseId, o => o.OfficerId);
        var reviewsByCase = reviews.OrderBy(o => o.DecidedOn).ThenBy(o => o.Id)
            .ToLookup(o => o.CaseId, o => new CaseReviewFact(o.Kind, o.Result, o.DecidedOn, o.Organ, o.DocumentNumber));
        return cases.Select(c =>
        {
            var decidedOn = c.State.DecidedOn!.Value;
            var rule = CaseLaw.Standard.Find(c.OffenceCode, c.State.ActOn ?? c.State.FiledOn ?? decidedOn);
            return new CaseDecision(
                c.Id, c.AgencyId, c.CaseNumber, c.State.Procedure, c.State.Stage,
                c.OffenceCode, rule?.NameZh ?? c.OffenceCode, rule?.ViolationBasis, rule?.LegalBasis,
                c.OffenceCode is OffenceCodes.OverloadMass or OffenceCodes.OverloadDimensions,
                c.State.PartyKind, c.PartyName, c.PartyIdNumber, c.PartyPhone, c.PartyAddress, c.VehiclePlate, c.PlateColor, c.Facts,
                c.State.ActOn, decidedOn, c.State.ServedOn, c.State.Outcome, c.State.DecidedFineFen, c.State.DecidedWarning,
                officersByCase[c.Id].Distinct().Order().ToList(), reviewsByCase[c.Id].ToList());
        }).ToList();
    }
}
