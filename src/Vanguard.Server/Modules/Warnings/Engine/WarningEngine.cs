using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Calendar;
using Vanguard.Domain.Warnings;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Cases.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Warnings.Data;

namespace Vanguard.Server.Modules.Warnings.Engine;

/// <summary>The outcome of one run: warnings raised, marked 条件已消除, and found again after they had cleared.</summary>
public sealed record WarningRun(int Raised, int Cleared, int Recurred);

/// <summary>
/// One evaluation of every enabled rule: new findings become warnings addressed to the responsible leader with a deadline; open
/// warnings of self-clearing rules whose condition is gone are marked cleared (they still need a response to close). Safe on two
/// nodes: the unique finding and open keys let only one of them write a warning.
/// </summary>
internal sealed class WarningEngine(
    VanguardDbContext db, RuleEvaluators evaluators, IAgencyDirectory agencies, IAgencyLeaders leaders, ILegalCalendar calendars, TimeProvider clock,
    ILogger<WarningEngine> logger)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<WarningRun> RunAsync(CancellationToken ct)
    {
        var settings = await RuleSettings.LoadAsync(db, agencies, ct);
        var findings = (await evaluators.EvaluateAsync(settings, ct))
            .GroupBy(f => f.OpenKey).Select(g => g.OrderBy(f => f.HoldOnly).First()).ToList();
        var now = StoredTime.Of(clock.GetUtcNow());
        var open = await db.Set<Warning>().Where(w => w.ClosedAt == null).ToListAsync(ct);
        var openByKey = open.Where(w => w.OpenKey is not null).ToDictionary(w => w.OpenKey!, StringComparer.Ordinal);
        var keys = findings.Select(f => f.FindingKey).ToList();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(500))
        {
            known.UnionWith(await db.Set<Warning>().AsNoTracking().Where(w => chunk.Contains(w.FindingKey)).Select(w => w.FindingKey).ToListAsync(ct));
        }

        var recurred = 0;
        var fresh = new List<Warning>();
        var calendar = await calendars.CurrentAsync(ct);
        var admins = await leaders.AdministratorsAsync(ct);
        foreach (var f in findings)
        {
            if (openByKey.TryGetValue(f.OpenKey, out var existing))
            {
                if (existing.ClearedAt is not null)
                {
                    existing.ClearedAt = null;
                    existing.Version++;
                    recurred++;
                }

                continue;
            }

            if (!f.HoldOnly && !known.Contains(f.FindingKey))
            {
                fresh.Add(New(f, settings, calendar, admins, now));
            }
        }

        var found = findings.Select(f => f.OpenKey).ToHashSet(StringComparer.Ordinal);
        var cleared = 0;
        foreach (var w in open.Where(w => w.ClearedAt is null && !found.Contains(w.OpenKey!)))
        {
            if (WarningRules.Find(w.RuleCode) is { SelfClearing: true } rule && settings.For(w.AgencyId, rule).Enabled)
            {
                w.ClearedAt = now;
                w.Version++;
                cleared++;
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another node changed the same open warnings (cleared them, or a leader closed one): the next run looks again.
            db.ChangeTracker.Clear();
            cleared = recurred = 0;
        }

        var raised = await InsertAsync(fresh, ct);
        return new WarningRun(raised, cleared, recurred);
    }

    /// <summary>All at once; when another node raced us to some of them, one by one, each loser skipped.</summary>
    private async Task<int> InsertAsync(IReadOnlyList<Warning> fresh, CancellationToken ct)
    {
        if (fresh.Count == 0)
        {
            return 0;
        }

        db.ChangeTracker.Clear();
        db.AddRange(fresh);
        try
        {
            await db.SaveChangesAsync(ct);
            return fresh.Count;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }

        var raised = 0;
        foreach (var w in fresh)
        {
            db.Add(w);
            try
            {
                await db.SaveChangesAsync(ct);
                raised++;
            }
            catch (DbUpdateException)
            {
                if (logger.IsEnabled(LogLevel.Debug))
                {
                    logger.LogDebug("Warning {Key} already written by another run", w.FindingKey);
                }
            }

            db.ChangeTracker.Clear();
        }

        return raised;
    }

    private Warning New(Finding f, RuleSettings settings, IHolidayCalendar calendar, IReadOnlyDictionary<Guid, IReadOnlyList<LeaderAccount>> admins, DateTimeOffset now)
    {
        var rule = WarningRules.Find(f.RuleCode)!;
        var days = settings.For(f.AgencyId, rule).ResponseDays;
        var (leaderAgency, accounts) = LeaderOf(f.AgencyId, admins);
        return new Warning
        {
            Id = Guid.CreateVersion7(),
            AgencyId = f.AgencyId,
            RuleCode = f.RuleCode,
            Subject = f.Subject,
            FindingKey = f.FindingKey,
            OpenKey = f.OpenKey,
            Summary = f.Summary.Length > 500 ? f.Summary[..500] : f.Summary,
            FiguresJson = JsonSerializer.Serialize(f.Figures, Json),
            EvidenceRefs = string.Join(',', f.EvidenceRefs.Distinct().Take(100)),
            LeaderAgencyId = leaderAgency,
            LeaderAccounts = string.Join(',', accounts.Select(a => a.UserName)),
            RaisedAt = now,
            DueAt = DueAt(LegalClock.Today(clock), days, calendar),
            Version = 1,
        };
    }

    /// <summary>The end of the <paramref name="workingDays"/>th working day after today (行政处罚法 art. 85 counts working days so), China time.</summary>
    public static DateTimeOffset DueAt(DateOnly today, int workingDays, IHolidayCalendar calendar)
    {
        var last = LegalPeriod.EndOfWorkingDays(today, workingDays, calendar);
        return LegalClock.StartOf(last.AddDays(1)).ToUniversalTime();
    }

    /// <summary>The subject's agency when it has administrators, else the nearest agency above it that has.</summary>
    private (Guid Agency, IReadOnlyList<LeaderAccount> Accounts) LeaderOf(Guid agencyId, IReadOnlyDictionary<Guid, IReadOnlyList<LeaderAccount>> admins)
    {
        foreach (var a in agencies.Current.PathTo(agencyId).Reverse())
        {
            if (admins.TryGetValue(a.Id, out var accounts) && accounts.Count > 0)
            {
                return (a.Id, accounts);
            }
        }

        return (agencyId, []);
    }
}
