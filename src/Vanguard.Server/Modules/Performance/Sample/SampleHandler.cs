using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Common;
using Vanguard.Domain.Organisation;
using Vanguard.Domain.Performance;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Performance.Board;
using Vanguard.Server.Modules.Performance.Catalogue;
using Vanguard.Server.Modules.Performance.Contracts;
using Vanguard.Server.Modules.Performance.Data;
using Vanguard.Server.Modules.Performance.Scoring;

namespace Vanguard.Server.Modules.Performance.Sample;

/// <summary>An agency's deductions in a run with a sample of the records behind each, as the caller may see them.</summary>
/// <param name="Pseudonymised">True for an evaluator: every record reference is a stable pseudonym, not the record's id.</param>
public sealed record SampleView(
    string Month, int RunNumber, string AgencyCode, string AgencyName, int Size, bool Pseudonymised, IReadOnlyList<SampleIndicator> Indicators);

/// <param name="Linked">How many records the run links to the deduction (the sample is drawn from these).</param>
/// <param name="SourceAvailable">False: no data source for the key is registered any more; the records are listed without facts.</param>
public sealed record SampleIndicator(
    string Code, string Name, string SourceKey, decimal Deducted, int Failures, int Total, int Linked, bool SourceAvailable,
    IReadOnlyList<SampleRecord> Records);

/// <param name="Described">False: the source no longer finds the record (or there is no source): only the reference is shown.</param>
public sealed record SampleRecord(string RecordRef, string? Kind, DateTimeOffset? At, IReadOnlyList<SampleFact> Facts, bool Described);

public sealed record SampleFact(string Label, string Value);

/// <summary>A run's agencies (within the caller's jurisdiction) with score, rank and the points lost per indicator — no record ids.</summary>
public sealed record RunAgenciesView(
    string Month, int RunNumber, string Status, int CatalogueNumber, IReadOnlyList<BoardIndicator> Indicators, IReadOnlyList<RunAgencyRow> Agencies);

public sealed record RunAgencyRow(
    string AgencyCode, string AgencyName, int Level, string LevelName, decimal Score, int Rank, decimal Lost, IReadOnlyList<BoardDeduction> Deductions);

/// <summary>
/// 第三方评估的抽样: for each indicator on which an agency lost points in a run, a sample of the records behind the deduction,
/// described by the indicator's data source with anonymised facts. The sample is drawn deterministically from run, agency and
/// indicator, so the evaluator who looks again sees the same records; evaluators see pseudonyms, administrators the real references.
/// Also the run's agency table for the staff page (any run, computed or published, unlike the public board).
/// </summary>
internal sealed class SampleHandler(
    VanguardDbContext db, ICurrentActor actor, IJurisdiction jurisdiction, IAgencyDirectory agencies, ScoringHandler scoring,
    IEnumerable<IIndicatorSource> sources, RecordPseudonyms pseudonyms)
{
    public const int DefaultSize = 5;
    public const int MaxSize = 20;

    public async Task<Result<SampleView>> SampleAsync(string monthText, int number, string agencyCode, int? size, CancellationToken ct)
    {
        var take = size ?? DefaultSize;
        if (take is < 1 or > MaxSize)
        {
            return Validator.Invalid("size", "out_of_range", $"抽样数量应为 1 至 {MaxSize}。", $"The sample size is 1 to {MaxSize}.");
        }

        // The drill-down checks the run, the agency and the jurisdiction (404 outside it) exactly as for the record ids themselves.
        var drill = await scoring.DrillDownWithRecordIdsAsync(monthText, number, agencyCode, ct);
        if (!drill.IsSuccess)
        {
            return drill.Error!;
        }

        var run = await db.Set<ScoringRun>().AsNoTracking().SingleAsync(r => r.Month == monthText && r.Number == number, ct);
        var catalogue = await scoring.CatalogueOfAsync(run.CatalogueNumber, ct);
        var sourceKeys = catalogue.Indicators.ToDictionary(i => i.Code, i => i.SourceKey, StringComparer.Ordinal);
        var bySource = IndicatorSources.ByKey(sources);
        var pseudonymise = IsEvaluatorOnly();

        var indicators = new List<SampleIndicator>();
        foreach (var item in drill.Value.Indicators.Where(i => i.Deducted > 0m))
        {
            var key = sourceKeys.GetValueOrDefault(item.Code, "");
            var picked = Draw(run.Id, drill.Value.AgencyCode, item.Code, item.RecordRefs, take);
            var source = bySource.GetValueOrDefault(key);
            var facts = source is null || picked.Count == 0
                ? new Dictionary<string, RecordFacts>(StringComparer.Ordinal)
                : (await source.DescribeAsync(picked, ct)).Where(f => picked.Contains(f.RecordRef, StringComparer.Ordinal))
                    .GroupBy(f => f.RecordRef, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var records = picked.Select(r =>
            {
                var shown = pseudonymise ? pseudonyms.Of(r) : r;
                return facts.TryGetValue(r, out var f)
                    ? new SampleRecord(shown, f.Kind, f.At, f.Facts.Select(kv => new SampleFact(kv.Key, kv.Value)).ToList(), true)
                    : new SampleRecord(shown, null, null, [], false);
            }).ToList();
            indicators.Add(new SampleIndicator(item.Code, item.Name, key, item.Deducted, item.Failures, item.Total, item.RecordRefs.Count,
                source is not null, records));
        }

        return new SampleView(drill.Value.Month, drill.Value.RunNumber, drill.Value.AgencyCode, drill.Value.AgencyName, take, pseudonymise, indicators);
    }

    /// <summary>The run's scored agencies within the caller's jurisdiction (an evaluator of the province sees all), by level and rank.</summary>
    public async Task<Result<RunAgenciesView>> AgenciesAsync(string monthText, int number, CancellationToken ct)
    {
        var run = await db.Set<ScoringRun>().AsNoTracking().SingleOrDefaultAsync(r => r.Month == monthText && r.Number == number, ct);
        if (run is null)
        {
            return PerformanceErrors.RunNotFound;
        }

        var catalogue = await scoring.CatalogueOfAsync(run.CatalogueNumber, ct);
        var rows = await db.Set<AgencyScore>().AsNoTracking().Where(s => s.RunId == run.Id).ToListAsync(ct);
        var tree = agencies.Current;
        var results = rows.ToDictionary(r => r.AgencyId, r => PerformanceJson.Read<List<IndicatorResult>>(r.ResultsJson));
        var noData = results.Values.SelectMany(r => r).Where(r => r.NoData).Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var table = rows
            .Where(r => jurisdiction.Covers(r.AgencyId))
            .Select(r => (Row: r, Agency: tree.Find(r.AgencyId)))
            .Where(x => x.Agency is not null)
            .OrderBy(x => x.Agency!.Level).ThenBy(x => x.Row.Rank).ThenBy(x => x.Agency!.Code, StringComparer.Ordinal)
            .Select(x => new RunAgencyRow(
                x.Agency!.Code, x.Agency.Name, x.Agency.Level, BoardHandler.LevelName(x.Agency.Level), x.Row.Score, x.Row.Rank,
                results[x.Row.AgencyId].Sum(i => i.Deducted),
                results[x.Row.AgencyId].Select(i => new BoardDeduction(i.Code, i.Deducted, i.NoData)).ToList()))
            .ToList();
        var indicators = catalogue.Groups
            .SelectMany(g => g.Indicators.Select(i => new BoardIndicator(g.Code, g.Name, i.Code, i.Name, i.Weight, !noData.Contains(i.Code))))
            .ToList();
        return new RunAgenciesView(run.Month, run.Number, run.Status, run.CatalogueNumber, indicators, table);
    }

    /// <summary>
    /// The first <paramref name="take"/> references in the order of SHA-256(run, agency, indicator, reference): the same sample
    /// every time for the same deduction, whatever order the source listed the records in, and no reference favoured.
    /// </summary>
    public static IReadOnlyList<string> Draw(Guid runId, string agencyCode, string indicatorCode, IReadOnlyList<string> refs, int take) =>
        refs.Distinct(StringComparer.Ordinal)
            .Select(r => (Ref: r, Order: Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{runId:N}|{agencyCode}|{indicatorCode}|{r}")))))
            .OrderBy(x => x.Order, StringComparer.Ordinal)
            .Take(take)
            .Select(x => x.Ref)
            .ToList();

    private bool IsEvaluatorOnly() => RecordPseudonyms.AppliesTo(actor);
}
