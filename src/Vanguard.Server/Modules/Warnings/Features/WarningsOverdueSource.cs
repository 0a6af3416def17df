using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Performance;
using Vanguard.Domain.Warnings;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Performance.Contracts;
using Vanguard.Server.Modules.Warnings.Data;

namespace Vanguard.Server.Modules.Warnings.Features;

/// <summary>
/// 问题预警按期处置: the warnings raised in the month against the agency of their subject; each still open past its deadline at
/// scoring time, or closed after it, is a failure (one deduction). Records <c>warning:{id}</c>, the first <see cref="MaxRecords"/>.
/// </summary>
internal sealed class WarningsOverdueSource(VanguardDbContext db, TimeProvider clock) : IIndicatorSource
{
    public const int MaxRecords = 100;

    public string Key => SourceKeys.WarningsOverdue;

    public async Task<IReadOnlyDictionary<Guid, SourceReading>> ComputeAsync(IReadOnlyList<ScoredAgency> agencies, ScoringMonth month, CancellationToken ct)
    {
        var now = StoredTime.Of(clock.GetUtcNow());
        // PostgreSQL takes UTC times only.
        var (from, to) = (month.From.ToUniversalTime(), month.To.ToUniversalTime());
        var rows = await db.Set<Warning>().AsNoTracking()
            .Where(w => w.RaisedAt >= from && w.RaisedAt < to)
            .Select(w => new { w.Id, w.AgencyId, Late = (w.ClosedAt == null && w.DueAt < now) || w.ClosedAt > w.DueAt })
            .ToListAsync(ct);
        return agencies.ToDictionary(a => a.AgencyId, a =>
        {
            var mine = rows.Where(r => a.Subtree.Contains(r.AgencyId)).ToList();
            var late = mine.Where(r => r.Late).Select(r => r.Id).Order().ToList();
            return new SourceReading(new Measurement(late.Count, mine.Count), late.Take(MaxRecords).Select(id => $"warning:{id}").ToList());
        });
    }

    public async Task<IReadOnlyList<RecordFacts>> DescribeAsync(IReadOnlyList<string> recordRefs, CancellationToken ct)
    {
        var ids = recordRefs.Where(r => r.StartsWith("warning:", StringComparison.Ordinal))
            .Select(r => Guid.TryParse(r.AsSpan("warning:".Length), out var id) ? id : (Guid?)null).OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        // Anonymised: the rule and the dates only — no summary or figures (they name officers), no subject.
        var rows = await db.Set<Warning>().AsNoTracking().Where(w => ids.Contains(w.Id))
            .Select(w => new { w.Id, w.RuleCode, w.RaisedAt, w.DueAt, w.ClosedAt, w.ClearedAt })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        string Time(DateTimeOffset t) => t.ToOffset(LegalClock.ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return rows.OrderBy(r => ids.IndexOf(r.Id)).Select(r => new RecordFacts($"warning:{r.Id}", "问题预警", r.RaisedAt,
            [
                new("预警规则", WarningRules.Find(r.RuleCode)?.NameZh ?? r.RuleCode),
                new("预警时间", Time(r.RaisedAt)),
                new("处置期限", Time(r.DueAt)),
                new("处置情况", r.ClosedAt is { } closed ? $"{Time(closed)} 办结{(closed > r.DueAt ? "（逾期）" : string.Empty)}"
                    : r.DueAt < now ? "逾期未办结" : "处置中"),
                new("条件已消除", r.ClearedAt is null ? "否" : "是"),
            ])).ToList();
    }
}
