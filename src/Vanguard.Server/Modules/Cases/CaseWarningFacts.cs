using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vanguard.Domain.Cases;
using Vanguard.Domain.Penalties;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Cases.Contracts;
using Vanguard.Server.Modules.Cases.Data;

namespace Vanguard.Server.Modules.Cases;

/// <summary>The cases module's side of <see cref="ICaseWarningFacts"/>: rows from the cases, ranges from the discretion standard.</summary>
internal sealed class CaseWarningFacts(VanguardDbContext db, CaseCalendars calendars, IOptions<CasesOptions> options, TimeProvider clock) : ICaseWarningFacts
{
    private const int ChunkSize = 1_000;

    public async Task<IReadOnlyList<PendingDecision>> PendingDecisionsAsync(CancellationToken ct)
    {
        var rows = await db.Set<Case>().AsNoTracking()
            .Where(c => c.State.FiledOn != null && c.State.DecidedOn == null
                && c.State.Stage != CaseStage.Dropped && c.State.Stage != CaseStage.Closed && c.State.Stage != CaseStage.Archived)
            .Select(c => new
            {
                c.Id, c.AgencyId, c.CaseNumber, c.OffenceCode, c.State.Procedure, c.State.Stage, c.State.ActOn, FiledOn = c.State.FiledOn!.Value,
                c.State.NoticeServedOn, c.State.HearingDate, c.State.HearingNoticeServedOn, c.State.ServedOn, c.State.PaidOn, c.State.DecidedFineFen,
            })
            .ToListAsync(ct);
        var officers = await OfficersAsync(rows.Select(r => r.Id).ToList(), ct);
        var calendar = await calendars.CurrentAsync(ct);
        var today = LegalClock.Today(clock);
        // The due date the case page shows: the same CaseLaw.Compute with the same settings, never a second reading of art. 60.
        DateOnly Due(Case c) => CaseLaw.Compute(c, calendar, today, options.Value.StatementDays).DecisionDue!.Value;
        return rows
            .Select(r => new PendingDecision(r.Id, r.AgencyId, r.CaseNumber, OffenceName(r.OffenceCode, r.FiledOn), r.FiledOn,
                Due(new Case
                {
                    Id = r.Id, AgencyId = r.AgencyId, Title = string.Empty, OffenceCode = r.OffenceCode, PartyName = string.Empty,
                    State = new CaseSnapshot
                    {
                        Procedure = r.Procedure, Stage = r.Stage, ActOn = r.ActOn, FiledOn = r.FiledOn, NoticeServedOn = r.NoticeServedOn,
                        HearingDate = r.HearingDate, HearingNoticeServedOn = r.HearingNoticeServedOn, ServedOn = r.ServedOn, PaidOn = r.PaidOn,
                        DecidedFineFen = r.DecidedFineFen,
                    },
                }),
                officers[r.Id].Distinct().Order().ToList()))
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

    public async Task<IReadOnlyList<AgencyFines>> FinesByAgencyAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        // GROUP BY in the database: months of decisions never leave it, only one row per agency.
        var rows = await db.Set<Case>().AsNoTracking()
            .Where(c => c.State.DecidedOn >= from && c.State.DecidedOn < to && c.State.Stage != CaseStage.Dropped && c.State.Outcome == CaseOutcome.Penalty)
            .GroupBy(c => c.AgencyId)
            .Select(g => new { AgencyId = g.Key, FineFen = g.Sum(c => c.State.DecidedFineFen ?? 0), Decisions = g.Count() })
            .ToListAsync(ct);
        return rows.Select(r => new AgencyFines(r.AgencyId, r.FineFen, r.Decisions)).OrderBy(r => r.AgencyId).ToList();
    }

    public async Task<IReadOnlyList<CaseLabel>> LabelsAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken ct)
    {
        var rows = new List<(Guid Id, string? CaseNumber, string OffenceCode, DateOnly? On)>();
        foreach (var chunk in caseIds.Distinct().Chunk(ChunkSize))
        {
            rows.AddRange((await db.Set<Case>().AsNoTracking()
                    .Where(c => chunk.Contains(c.Id))
                    .Select(c => new { c.Id, c.CaseNumber, c.OffenceCode, On = c.State.ActOn ?? c.State.FiledOn ?? c.State.DecidedOn })
                    .ToListAsync(ct))
                .Select(r => (r.Id, r.CaseNumber, r.OffenceCode, r.On)));
        }

        var officers = await OfficersAsync(rows.Select(r => r.Id).ToList(), ct);
        return rows
            .Select(r => new CaseLabel(r.Id, r.CaseNumber, OffenceName(r.OffenceCode, r.On ?? DateOnly.MinValue), officers[r.Id].Distinct().Order().ToList()))
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
