using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Common;
using Vanguard.Domain.Warnings;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Warnings.Data;
using Vanguard.Server.Modules.Warnings.Engine;

namespace Vanguard.Server.Modules.Warnings.Features;

/// <summary>
/// 问题预警 for the responsible leaders: the list and counts in the caller's jurisdiction (the context's filter), one warning with its
/// evidence, the response that closes it, and the province's thresholds. Warnings carry no party data (officers and stations only).
/// </summary>
internal sealed class WarningsHandler(
    VanguardDbContext db, IAgencyDirectory agencies, ICurrentActor actor, IAuditLog audit, TimeProvider clock)
{
    public const int MaxResponseLength = 2000;

    public async Task<Result<Page<WarningSummary>>> ListAsync(WarningQuery q, CancellationToken ct)
    {
        var now = StoredTime.Of(clock.GetUtcNow());
        var query = db.Set<Warning>().AsNoTracking();
        if (q.Rule is { } rule)
        {
            query = query.Where(w => w.RuleCode == rule);
        }

        query = q.Status switch
        {
            "open" => query.Where(w => w.ClosedAt == null),
            "cleared" => query.Where(w => w.ClosedAt == null && w.ClearedAt != null),
            "closed" => query.Where(w => w.ClosedAt != null),
            _ => query,
        };
        if (q.Overdue is { } overdue)
        {
            query = overdue ? query.Where(w => w.ClosedAt == null && w.DueAt < now) : query.Where(w => w.ClosedAt != null || w.DueAt >= now);
        }

        if (q.AgencyCode is { } code)
        {
            if (agencies.Current.FindByCode(code) is not { } agency)
            {
                return WarningErrors.AgencyNotFound;
            }

            var subtree = agencies.Current.Subtree(agency.Id).ToList();
            query = query.Where(w => subtree.Contains(w.AgencyId));
        }

        var total = await query.CountAsync(ct);
        // Open first, the nearest deadline first.
        var rows = await query.OrderBy(w => w.ClosedAt != null).ThenBy(w => w.DueAt).ThenByDescending(w => w.RaisedAt)
            .Skip((q.Page - 1) * q.PageSize).Take(q.PageSize).ToListAsync(ct);
        return new Page<WarningSummary>(rows.Select(w => Summary(w, now)).ToList(), q.Page, q.PageSize, total);
    }

    public async Task<WarningCounts> CountsAsync(CancellationToken ct)
    {
        var now = StoredTime.Of(clock.GetUtcNow());
        var rows = await db.Set<Warning>().AsNoTracking()
            .GroupBy(w => w.RuleCode)
            .Select(g => new
            {
                Rule = g.Key,
                Open = g.Count(w => w.ClosedAt == null),
                Overdue = g.Count(w => w.ClosedAt == null && w.DueAt < now),
                Cleared = g.Count(w => w.ClosedAt == null && w.ClearedAt != null),
                Closed = g.Count(w => w.ClosedAt != null),
            })
            .ToListAsync(ct);
        var byRule = rows.ToDictionary(r => r.Rule);
        var counts = WarningRules.All.Select(r => byRule.TryGetValue(r.Code, out var c)
            ? new RuleCount(r.Code, r.NameZh, c.Open, c.Overdue, c.Cleared, c.Closed)
            : new RuleCount(r.Code, r.NameZh, 0, 0, 0, 0)).ToList();
        return new WarningCounts(counts.Sum(c => c.Open), counts.Sum(c => c.Overdue), counts.Sum(c => c.Cleared), counts.Sum(c => c.Closed), counts);
    }

    public async Task<Result<WarningView>> GetAsync(Guid id, CancellationToken ct)
    {
        var w = await db.Set<Warning>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        return w is null ? WarningErrors.NotFound : View(w, StoredTime.Of(clock.GetUtcNow()));
    }

    /// <summary>处置回复: the responsible leader's account of what was done; closes the warning, cleared or not.</summary>
    public async Task<Result<WarningView>> RespondAsync(Guid id, RespondRequest r, CancellationToken ct)
    {
        var check = new Validator()
            .Require("response", r.Response, "处置情况", "Response")
            .MaxLength("response", r.Response, MaxResponseLength, "处置情况", "Response");
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var w = await db.Set<Warning>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (w is null)
        {
            return WarningErrors.NotFound;
        }

        if (w.ClosedAt is not null)
        {
            return WarningErrors.AlreadyClosed;
        }

        if (r.Version is { } version && version != w.Version)
        {
            return WarningErrors.VersionConflict;
        }

        var now = StoredTime.Of(clock.GetUtcNow());
        w.ClosedAt = now;
        w.OpenKey = null;
        w.Response = r.Response!.Trim();
        w.RespondedById = actor.Id;
        w.RespondedByName = actor.Name;
        w.Version++;
        audit.Record("warnings.responded", "warning", w.Id.ToString(), new
        {
            w.RuleCode, w.Subject, w.DueAt, late = now > w.DueAt, cleared = w.ClearedAt is not null, response = w.Response,
        }, w.AgencyId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return WarningErrors.VersionConflict;
        }

        return View(w, now);
    }

    public async Task<IReadOnlyList<RuleView>> RulesAsync(CancellationToken ct)
    {
        var province = Province();
        var stored = province is null ? [] : await db.Set<WarningRuleSetting>().AsNoTracking().Where(s => s.AgencyId == province.Id).ToListAsync(ct);
        return WarningRules.All.Select(r => RuleOf(r, province, stored.SingleOrDefault(s => s.RuleCode == r.Code))).ToList();
    }

    /// <summary>A province administrator changes a rule's settings for their province; the next run uses them.</summary>
    public async Task<Result<RuleView>> UpdateRuleAsync(string code, RuleUpdate u, CancellationToken ct)
    {
        if (WarningRules.Find(code) is not { } rule)
        {
            return WarningErrors.RuleNotFound;
        }

        if (Province() is not { } province)
        {
            return WarningErrors.NoProvince;
        }

        var row = await db.Set<WarningRuleSetting>().SingleOrDefaultAsync(s => s.AgencyId == province.Id && s.RuleCode == code, ct);
        var current = row is null ? rule.Defaults : new WarningThresholds(row.Enabled, row.Value, row.Percent, row.ResponseDays);
        var next = new WarningThresholds(
            u.Enabled ?? current.Enabled, u.Value ?? current.Value, rule.DefaultPercent is null ? null : u.Percent ?? current.Percent,
            u.ResponseDays ?? current.ResponseDays);
        if (rule.Check(next) is { } problem)
        {
            return Validator.Invalid(problem.Contains("比例", StringComparison.Ordinal) ? "percent" : problem.Contains("期限", StringComparison.Ordinal) ? "responseDays" : "value",
                "out_of_range", problem, "The threshold is out of range.");
        }

        if (row is null)
        {
            row = new WarningRuleSetting { AgencyId = province.Id, RuleCode = code, UpdatedBy = actor.Name };
            db.Add(row);
        }

        row.Enabled = next.Enabled;
        row.Value = next.Value;
        row.Percent = next.Percent;
        row.ResponseDays = next.ResponseDays;
        row.UpdatedAt = StoredTime.Of(clock.GetUtcNow());
        row.UpdatedBy = actor.Name;
        audit.Record("warnings.rule_updated", "warning_rule", code, new { province = province.Code, before = current, after = next }, province.Id);
        await db.SaveChangesAsync(ct);
        return RuleOf(rule, province, row);
    }

    private AgencyInfo? Province() =>
        actor.AgencyId is { } agencyId && agencies.Current.PathTo(agencyId) is [var root, ..] ? root : null;

    private static RuleView RuleOf(WarningRule r, AgencyInfo? province, WarningRuleSetting? s) => new(
        r.Code, r.NameZh, r.NameEn, r.Protects, r.ThresholdZh, r.PercentZh, r.HasThreshold, r.SelfClearing, province?.Code ?? string.Empty,
        s?.Enabled ?? true, s?.Value ?? r.DefaultValue, r.DefaultPercent is null ? null : s?.Percent ?? r.DefaultPercent, s?.ResponseDays ?? r.DefaultResponseDays,
        r.DefaultValue, r.DefaultPercent, r.DefaultResponseDays, s?.UpdatedAt, s?.UpdatedBy);

    private (string Code, string Name) AgencyOf(Guid id) =>
        agencies.Current.Find(id) is { } a ? (a.Code, a.ShortName ?? a.Name) : (string.Empty, string.Empty);

    private WarningSummary Summary(Warning w, DateTimeOffset now)
    {
        var (code, name) = AgencyOf(w.AgencyId);
        return new WarningSummary(w.Id, w.RuleCode, WarningRules.Find(w.RuleCode)?.NameZh ?? w.RuleCode, w.Subject, code, name, w.Summary, w.RaisedAt,
            w.DueAt, w.ClosedAt is null ? "open" : "closed", w.ClosedAt is null && w.ClearedAt is not null, w.ClosedAt is null && w.DueAt < now, w.ClosedAt,
            w.ClosedAt > w.DueAt, w.Version);
    }

    private WarningView View(Warning w, DateTimeOffset now)
    {
        var (code, name) = AgencyOf(w.AgencyId);
        var rule = WarningRules.Find(w.RuleCode);
        var refs = w.EvidenceRefs.Length == 0 ? [] : w.EvidenceRefs.Split(',');
        return new WarningView(w.Id, w.RuleCode, rule?.NameZh ?? w.RuleCode, rule?.Protects ?? string.Empty, w.Subject, code, name, w.Summary,
            JsonSerializer.Deserialize<List<Figure>>(w.FiguresJson, WarningEngine.Json) ?? [], refs,
            refs.Select(r => (Ref: r, Link: LinkOf(r))).Where(x => x.Link is not null).ToDictionary(x => x.Ref, x => x.Link!, StringComparer.Ordinal),
            agencies.Current.Find(w.LeaderAgencyId)?.Name ?? string.Empty, w.LeaderAccounts.Length == 0 ? [] : w.LeaderAccounts.Split(','), w.RaisedAt, w.DueAt,
            w.ClosedAt is null ? "open" : "closed", w.ClosedAt is null && w.ClearedAt is not null, w.ClearedAt, w.ClosedAt is null && w.DueAt < now,
            w.ClosedAt, w.ClosedAt > w.DueAt, w.Response, w.RespondedByName, w.Version);
    }

    /// <summary>The platform page a reference opens on.</summary>
    public static string? LinkOf(string reference)
    {
        var colon = reference.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return null;
        }

        var id = Uri.EscapeDataString(reference[(colon + 1)..]);
        return reference[..colon] switch
        {
            "case" => $"/cases/{id}",
            "evidence" => $"/evidence/{id}",
            "complaint" => $"/complaints?id={id}",
            "station" => "/offsite",
            "officer" => "/officers",
            _ => null,
        };
    }
}
