using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Cases;
using Vanguard.Domain.Penalties;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Cases.Contracts;
using Vanguard.Server.Modules.Cases.Data;

namespace Vanguard.Server.Modules.Cases;

/// <summary>The cases module's side of <see cref="ICaseWarningFacts"/>: rows from the cases, ranges from the discretion standard.</summary>
internal sealed class CaseWarningFacts(VanguardDbContext db, CaseCalendars calendars) : ICaseWarningFacts
{
    private const int ChunkSize = 1_000;

    public async Task<IReadOnlyList<PendingDecision>> PendingDecisionsAsync(CancellationToken ct)
    {
        var rows = await db.Set<Case>().AsNoTracking()
            .Where(c => c.State.FiledOn != null && c.State.DecidedOn == null
                && c.State.Stage != CaseStage.Dropped && c.State.Stage != CaseStage.Closed && c.State.Stage != CaseStage.Archived)
            .Select(c => new { c.Id, c.AgencyId, c.CaseNumber, c.OffenceCode, FiledOn = c.State.FiledOn!.Value })
            .ToListAsync(ct);
        var officers = await OfficersAsync(rows.Select(r => r.Id).ToList(), ct);
        var calendar = await calendars.CurrentAsync(ct);
        return rows
            .Select(r => new PendingDecision(r.Id, r.AgencyId, r.CaseNumber, OffenceName(r.OffenceCode, r.FiledOn), r.FiledOn,
                CaseDeadlines.DecisionDue(r.FiledOn, calendar), officers[r.Id].Distinct().Order().ToList()))
            .OrderBy(r => r.DecisionDue).ThenBy(r => r.CaseId)
            .ToList();
    }

    public async Task<IReadOnlyList<DepartedDecision>> DepartedDecisionsAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var flag = CaseLaw.WarningDepartsFromStandard;
        var flagged = await db.Set<CaseEvent>().AsNoTracking()
            .Where(e => e.Warnings != null && e.Warnings.Contains(flag) && e.On >= from && e.On < to)
            .Select(e => e.CaseId).Distinct().ToListAsync(ct);
        var cases = await CasesAsync(flagged, ct);
        var officers = await OfficersAsync(cases.Select(c => c.Id).ToList(), ct);
        return cases
            .Where(c => c.State.Outcome == CaseOutcome.Penalty && c.State.DecidedOn is { } on && on >= from && on < to && c.State.Stage != CaseStage.Dropped)
            .Select(c =>
            {
                var proposal = Propose(c);
                var (min, max) = Range(proposal);
                return new DepartedDecision(c.Id, c.AgencyId, c.CaseNumber, OffenceName(c.OffenceCode, c.State.DecidedOn!.Value), c.State.DecidedOn!.Value,
                    c.State.DecidedFineFen ?? 0, c.State.DecidedWarning, min, max, proposal?.Warning ?? false, officers[c.Id].Distinct().Order().ToList());
            })
            .OrderBy(d => d.DecidedOn).ThenBy(d => d.CaseId)
            .ToList();
    }

    public async Task<IReadOnlyList<DecidedFine>> DecidedFinesAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var cases = await db.Set<Case>().AsNoTracking()
            .Where(c => c.State.DecidedOn >= from && c.State.DecidedOn < to && c.State.Stage != CaseStage.Dropped
                && c.State.Outcome == CaseOutcome.Penalty && c.State.DecidedFineFen > 0)
            .ToListAsync(ct);
        var officers = await OfficersAsync(cases.Select(c => c.Id).ToList(), ct);
        return cases
            .Select(c =>
            {
                var (min, max) = Range(Propose(c));
                return new DecidedFine(c.Id, c.AgencyId, c.CaseNumber, OffenceName(c.OffenceCode, c.State.DecidedOn!.Value), c.State.DecidedOn!.Value,
                    c.State.DecidedFineFen!.Value, min, max, officers[c.Id].Distinct().Order().ToList());
            })
            .OrderBy(d => d.DecidedOn).ThenBy(d => d.CaseId)
            .ToList();
    }

    private static PenaltyProposal? Propose(Case c)
    {
        var result = CaseLaw.Standard.TryPropose(c.OffenceCode, CaseLaw.FactsOf(c), c.State.ActOn ?? c.State.DecidedOn ?? DateOnly.MinValue);
        return result.IsSuccess ? result.Value : null;
    }

    /// <summary>The bounds <see cref="DiscretionStandard.DepartsFrom"/> measures a decision against.</summary>
    private static (long? Min, long? Max) Range(PenaltyProposal? p) => p is null
        ? (null, null)
        : p.IllegalGainsFine is { } g
            ? (g.MinFineFen, g.MaxFineFen)
            : (p.AmountFen ?? p.MinFen, p.AmountFen ?? p.MaxFen);

    private static string OffenceName(string code, DateOnly on) => CaseLaw.Standard.Find(code, on)?.NameZh ?? code;

    private async Task<List<Case>> CasesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var cases = new List<Case>();
        foreach (var chunk in ids.Chunk(ChunkSize))
        {
            cases.AddRange(await db.Set<Case>().AsNoTracking().Where(c => chunk.Contains(c.Id)).ToListAsync(ct));
        }

        return cases;
    }

    private async Task<ILookup<Guid, Guid>> OfficersAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken ct)
    {
        var links = new List<CaseOfficerLink>();
        foreach (var chunk in caseIds.Chunk(ChunkSize))
        {
            links.AddRange(await db.Set<CaseOfficerLink>().AsNoTracking().Where(l => chunk.Contains(l.CaseId)).ToListAsync(ct));
        }

        return links.ToLookup(l => l.CaseId, l => l.OfficerId);
    }
}
