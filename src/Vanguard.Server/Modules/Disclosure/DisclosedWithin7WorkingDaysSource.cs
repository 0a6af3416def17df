using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Cases;
using Vanguard.Domain.Disclosure;
using Vanguard.Domain.Performance;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Cases.Contracts;
using Vanguard.Server.Modules.Disclosure.Data;
using Vanguard.Server.Modules.Disclosure.Publication;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Performance.Contracts;

namespace Vanguard.Server.Modules.Disclosure;

/// <summary>
/// 处罚决定 7 个工作日内公示率 (国办发〔2018〕118号): the penalty decisions made in the month (China dates) must be published (total);
/// failures: published after their due day, or still unpublished past it. A decision not yet due and not yet published is not late.
/// Decisions not to punish are not published and not counted, nor a decision lawfully withheld (不予公开, 政府信息公开条例 arts. 14–15).
/// Records: <c>case:{id}</c>.
/// </summary>
internal sealed class DisclosedWithin7WorkingDaysSource(
    VanguardDbContext db, ICaseDecisions decisions, ILegalCalendar legalCalendar, IAgencyDirectory agencies, TimeProvider clock) : IIndicatorSource
{
    private const string Prefix = "case:";

    public string Key => SourceKeys.DecisionsDisclosedWithin7WorkingDays;

    public async Task<IReadOnlyDictionary<Guid, SourceReading>> ComputeAsync(IReadOnlyList<ScoredAgency> scored, ScoringMonth month, CancellationToken ct)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        var penalties = (await decisions.DecidedAsync(first, first.AddMonths(1), ct)).Where(DisclosurePublisher.MustPublish).ToList();
        var timeliness = await TimelinessAsync(penalties, ct);
        var decided = penalties.Where(d => !timeliness[d.CaseId].Withheld).ToList();
        return scored.ToDictionary(a => a.AgencyId, a =>
        {
            var mine = decided.Where(d => a.Subtree.Contains(d.AgencyId)).ToList();
            var late = mine.Where(d => timeliness[d.CaseId].Late).Select(d => Prefix + d.CaseId).ToList();
            return new SourceReading(new Measurement(late.Count, mine.Count), late);
        });
    }

    public async Task<IReadOnlyList<RecordFacts>> DescribeAsync(IReadOnlyList<string> recordRefs, CancellationToken ct)
    {
        var ids = recordRefs
            .Select(r => r.StartsWith(Prefix, StringComparison.Ordinal) && Guid.TryParse(r.AsSpan(Prefix.Length), out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty).Distinct().ToList();
        var found = await decisions.OfCasesAsync(ids, ct);
        var timeliness = await TimelinessAsync(found, ct);
        var tree = agencies.Current;
        var byId = found.ToDictionary(d => d.CaseId);
        return ids.Where(byId.ContainsKey).Select(id =>
        {
            var d = byId[id];
            var t = timeliness[id];
            // No document number, party, plate or facts: a published decision carries the party's name and would undo the pseudonym.
            List<KeyValuePair<string, string>> facts =
            [
                new("处罚机关", tree.Find(d.AgencyId)?.Name ?? string.Empty),
                new("违法行为", d.OffenceName),
                new("处罚内容", DisclosurePublisher.PenaltyText(d.FineFen, d.Warning)),
                new("决定日期", Day(d.DecidedOn)),
                new("公示期限", Day(t.DueOn)),
                new("公示日期", t.Withheld ? "不予公开" : t.PublishedOn is { } p ? Day(p) : "未公示"),
                new("是否按期", t.Withheld ? "依法不予公开，不计入" : t.PublishedOn is { } on
                    ? (on <= t.DueOn ? "按期" : $"逾期 {on.DayNumber - t.DueOn.DayNumber} 日")
                    : (t.Late ? "逾期未公示" : "尚在公示期限内")),
            ];
            return new RecordFacts(Prefix + id, "行政处罚决定公示", LegalClock.StartOf(d.DecidedOn), facts);
        }).ToList();
    }

    private async Task<Dictionary<Guid, (DateOnly DueOn, DateOnly? PublishedOn, bool Late, bool Withheld)>> TimelinessAsync(IReadOnlyList<CaseDecision> list, CancellationToken ct)
    {
        var ids = list.Select(d => d.CaseId).ToList();
        var published = new Dictionary<Guid, DateOnly>();
        var withheld = new HashSet<Guid>();
        foreach (var chunk in ids.Chunk(1_000))
        {
            foreach (var e in await db.Set<DisclosureEntry>().IgnoreQueryFilters().AsNoTracking().Where(e => chunk.Contains(e.CaseId))
                         .Select(e => new { e.CaseId, e.PublishedOn, e.WithdrawalKind }).ToListAsync(ct))
            {
                published[e.CaseId] = e.PublishedOn;
                if (e.WithdrawalKind == DisclosurePublisher.WithheldKind)
                {
                    withheld.Add(e.CaseId);
                }
            }
        }

        var calendar = await legalCalendar.CurrentAsync(ct);
        var today = LegalClock.Today(clock);
        return list.ToDictionary(d => d.CaseId, d =>
        {
            var due = DisclosureDeadline.DueOn(d.DecidedOn, calendar);
            DateOnly? on = published.TryGetValue(d.CaseId, out var p) ? p : null;
            var late = on is { } o ? !DisclosureDeadline.OnTime(o, due) : today > due;
            return (due, on, late && !withheld.Contains(d.CaseId), withheld.Contains(d.CaseId));
        });
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
