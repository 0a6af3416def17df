using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Common;
using Vanguard.Domain.Organisation;
using Vanguard.Domain.Performance;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Performance.Catalogue;
using Vanguard.Server.Modules.Performance.Contracts;
using Vanguard.Server.Modules.Performance.Data;

namespace Vanguard.Server.Modules.Performance.Scoring;

/// <summary>
/// 月度评分: scores every city and county agency (each over its whole subtree) for a month from the platform's own data, with the
/// published catalogue. Each computation is a new version of the month; publishing one freezes it and supersedes the version
/// published before. Ranks are within a level (cities among cities, counties among counties).
/// </summary>
internal sealed class ScoringHandler(
    VanguardDbContext db, IAuditLog audit, ICurrentActor actor, IJurisdiction jurisdiction, IAgencyDirectory agencies, TimeProvider clock,
    IEnumerable<IIndicatorSource> sources, Sample.RecordPseudonyms pseudonyms)
{
    public const int MaxReasonLength = 500;

    /// <summary>The agency levels that are scored and ranked.</summary>
    public static readonly int[] ScoredLevels = [(int)AgencyLevel.City, (int)AgencyLevel.County];

    public async Task<Result<RunView>> ComputeAsync(ScoreRunRequest request, CancellationToken ct)
    {
        var check = new Validator().MaxLength("reason", request.Reason?.Trim(), MaxReasonLength, "原因", "Reason");
        var month = ScoringMonth.Parse(request.Month);
        check.Check(month is not null, "month", "invalid", "月份格式应为 yyyy-MM，例如 2026-10。", "The month is yyyy-MM, e.g. 2026-10.");
        if (!check.IsValid)
        {
            return check.ToError();
        }

        if (month!.To > clock.GetUtcNow())
        {
            return PerformanceErrors.MonthNotOver;
        }

        var reason = string.IsNullOrWhiteSpace(request.Reason) ? "按月评分" : request.Reason.Trim();
        return await ComputeMonthAsync(month, reason, ct);
    }

    /// <summary>Computes a new version of the month (not published). Used by the endpoint and by the monthly job.</summary>
    public async Task<Result<RunView>> ComputeMonthAsync(ScoringMonth month, string reason, CancellationToken ct)
    {
        var catalogueRow = await db.Set<CatalogueVersion>().AsNoTracking()
            .Where(c => c.Status == CatalogueStatuses.Published).OrderByDescending(c => c.Number).FirstOrDefaultAsync(ct);
        if (catalogueRow is null)
        {
            return PerformanceErrors.NoPublishedCatalogue;
        }

        var catalogue = PerformanceJson.Read<IndicatorCatalogue>(catalogueRow.ContentJson);
        var tree = agencies.Current;
        var scored = tree.All.Where(a => ScoredLevels.Contains(a.Level))
            .Select(a => new ScoredAgency(a.Id, tree.Subtree(a.Id))).ToList();

        var bySource = IndicatorSources.ByKey(sources);
        var readings = new Dictionary<string, IReadOnlyDictionary<Guid, SourceReading>>(StringComparer.Ordinal);
        foreach (var key in catalogue.Indicators.Select(i => i.SourceKey).Distinct(StringComparer.Ordinal))
        {
            if (bySource.TryGetValue(key, out var source))
            {
                readings[key] = await source.ComputeAsync(scored, month, ct);
            }
        }

        var results = scored.Select(a => PerformanceScoring.Score(catalogue, i =>
                !readings.TryGetValue(i.SourceKey, out var byAgency) ? null
                : byAgency.TryGetValue(a.AgencyId, out var reading) ? reading
                : new SourceReading(new Measurement(0, 0), [])))
            .ToList();

        var number = (await db.Set<ScoringRun>().Where(r => r.Month == month.ToString()).MaxAsync(r => (int?)r.Number, ct) ?? 0) + 1;
        var run = new ScoringRun
        {
            Id = Guid.CreateVersion7(), Month = month.ToString(), Number = number, CatalogueNumber = catalogueRow.Number,
            Status = RunStatuses.Computed, Reason = reason, ComputedAt = clock.GetUtcNow(), ComputedBy = actor.Name, Version = 1,
        };
        db.Add(run);
        var rows = scored.Select((a, n) => new AgencyScore
        {
            RunId = run.Id, AgencyId = a.AgencyId, Score = results[n].Score, ResultsJson = PerformanceJson.Write(results[n].Results),
        }).ToList();
        AssignRanks(rows, tree);
        db.AddRange(rows);
        audit.Record("performance.run_computed", "performance_run", $"{run.Month}#{run.Number}",
            new { run.Month, run.Number, run.CatalogueNumber, run.Reason, agencies = rows.Count });
        await db.SaveChangesAsync(ct);
        return ToView(run, rows.Count);
    }

    public async Task<Result<RunView>> PublishAsync(string monthText, int number, CancellationToken ct)
    {
        var run = await db.Set<ScoringRun>().SingleOrDefaultAsync(r => r.Month == monthText && r.Number == number, ct);
        if (run is null)
        {
            return PerformanceErrors.RunNotFound;
        }

        if (run.Status != RunStatuses.Computed)
        {
            return PerformanceErrors.RunFrozen;
        }

        Publish(run);
        audit.Record("performance.run_published", "performance_run", $"{run.Month}#{run.Number}", new { run.Month, run.Number });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return PerformanceErrors.ConcurrentUpdate;
        }

        return ToView(run, await db.Set<AgencyScore>().CountAsync(s => s.RunId == run.Id, ct));
    }

    /// <summary>Marks the run published and the month's previously published run superseded (in the caller's unit of work).</summary>
    public void Publish(ScoringRun run)
    {
        foreach (var old in db.Set<ScoringRun>().Where(r => r.Month == run.Month && r.Status == RunStatuses.Published && r.Id != run.Id).ToList())
        {
            old.Status = RunStatuses.Superseded;
            old.Version++;
        }

        run.Status = RunStatuses.Published;
        run.PublishedAt = clock.GetUtcNow();
        run.PublishedBy = actor.Name;
        run.Version++;
    }

    public async Task<IReadOnlyList<RunView>> RunsAsync(string? monthText, CancellationToken ct)
    {
        var query = db.Set<ScoringRun>().AsNoTracking();
        if (!string.IsNullOrEmpty(monthText))
        {
            query = query.Where(r => r.Month == monthText);
        }

        var runs = await query.OrderByDescending(r => r.Month).ThenByDescending(r => r.Number).Take(200).ToListAsync(ct);
        var ids = runs.Select(r => r.Id).ToList();
        var counts = await db.Set<AgencyScore>().Where(s => ids.Contains(s.RunId)).GroupBy(s => s.RunId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return runs.Select(r => ToView(r, counts.GetValueOrDefault(r.Id))).ToList();
    }

    /// <summary>
    /// Drill-down: one agency's indicators in a run with the ids of the records behind each deduction (pseudonyms for an evaluator);
    /// within jurisdiction.
    /// </summary>
    public async Task<Result<DrillDownView>> DrillDownAsync(string monthText, int number, string agencyCode, CancellationToken ct)
    {
        var drill = await DrillDownWithRecordIdsAsync(monthText, number, agencyCode, ct);
        // A third-party evaluator sees stable pseudonyms, never the records' ids (as in the sample); administrators may open them.
        return !drill.IsSuccess || !Sample.RecordPseudonyms.AppliesTo(actor)
            ? drill
            : drill.Value with
            {
                Indicators = drill.Value.Indicators.Select(i => i with { RecordRefs = i.RecordRefs.Select(pseudonyms.Of).ToList() }).ToList(),
            };
    }

    /// <summary>The drill-down with the records' real ids whoever asks (same checks): for the module's own use, e.g. drawing the sample.</summary>
    public async Task<Result<DrillDownView>> DrillDownWithRecordIdsAsync(string monthText, int number, string agencyCode, CancellationToken ct)
    {
        var agency = agencies.Current.FindByCode(agencyCode);
        var run = await db.Set<ScoringRun>().AsNoTracking().SingleOrDefaultAsync(r => r.Month == monthText && r.Number == number, ct);
        if (run is null)
        {
            return PerformanceErrors.RunNotFound;
        }

        if (agency is null || !jurisdiction.Covers(agency.Id))
        {
            return PerformanceErrors.ScoreNotFound;
        }

        var row = await db.Set<AgencyScore>().AsNoTracking().SingleOrDefaultAsync(s => s.RunId == run.Id && s.AgencyId == agency.Id, ct);
        if (row is null)
        {
            return PerformanceErrors.ScoreNotFound;
        }

        var catalogue = await CatalogueOfAsync(run.CatalogueNumber, ct);
        var names = catalogue.Indicators.ToDictionary(i => i.Code, i => i.Name, StringComparer.Ordinal);
        var results = PerformanceJson.Read<List<IndicatorResult>>(row.ResultsJson);
        return new DrillDownView(run.Month, run.Number, agency.Code, agency.Name, row.Score, row.Rank, results
            .Select(r => new DrillDownItem(r.GroupCode, r.Code, names.GetValueOrDefault(r.Code, r.Code), r.Weight, r.Deducted, r.Points, r.NoData,
                r.Failures, r.Total, r.RecordRefs))
            .ToList());
    }

    public async Task<IndicatorCatalogue> CatalogueOfAsync(int number, CancellationToken ct) =>
        PerformanceJson.Read<IndicatorCatalogue>(
            (await db.Set<CatalogueVersion>().AsNoTracking().SingleAsync(c => c.Number == number, ct)).ContentJson);

    /// <summary>Competition ranks within each agency level.</summary>
    public static void AssignRanks(IReadOnlyList<AgencyScore> rows, AgencyTree tree)
    {
        foreach (var level in rows.GroupBy(r => tree.Find(r.AgencyId)?.Level ?? 0))
        {
            var group = level.ToList();
            var ranks = PerformanceScoring.Rank(group.Select(r => r.Score).ToList());
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Rank = ranks[i];
            }
        }
    }

    public static RunView ToView(ScoringRun r, int agencies) =>
        new(r.Id, r.Month, r.Number, r.CatalogueNumber, r.Status, r.Reason, r.ComputedAt, r.ComputedBy, r.PublishedAt, agencies);
}
