using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Vanguard.Domain.Common;
using Vanguard.Domain.Organisation;
using Vanguard.Domain.Performance;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Performance.Catalogue;
using Vanguard.Server.Modules.Performance.Contracts;
using Vanguard.Server.Modules.Performance.Data;

namespace Vanguard.Server.Modules.Performance.Board;

/// <summary>
/// The public ranking board (排名公示): the published run of a month — each city's and county's score, rank, points lost by
/// indicator and the trend over the months before. Agency names and numbers only: no record ids, no person.
/// </summary>
public sealed record BoardView(
    string Month, int RunNumber, int CatalogueNumber, DateTimeOffset? PublishedAt, IReadOnlyList<BoardIndicator> Indicators,
    IReadOnlyList<BoardRow> Agencies);

/// <param name="Measured">False: no data source yet; everyone gets full marks on it (暂无数据).</param>
public sealed record BoardIndicator(string GroupCode, string GroupName, string Code, string Name, decimal Weight, bool Measured);

public sealed record BoardRow(
    string AgencyCode, string AgencyName, int Level, string LevelName, decimal Score, int Rank, IReadOnlyList<BoardDeduction> Deductions,
    IReadOnlyList<BoardTrendPoint> Trend);

public sealed record BoardDeduction(string IndicatorCode, decimal Deducted, bool NoData);

public sealed record BoardTrendPoint(string Month, decimal Score, int Rank);

internal sealed class BoardHandler(VanguardDbContext db, IAgencyDirectory agencies)
{
    /// <summary>How many months the trend shows, this one included.</summary>
    public const int TrendMonths = 6;

    public static readonly Error NothingPublished = Error.NotFound(
        "performance.nothing_published", "该月份尚未发布评分结果。", "No scores are published for that month.");

    /// <summary>The board of the month (<c>yyyy-MM</c>), or of the latest month with a published run when none is given.</summary>
    public async Task<Result<BoardView>> BoardAsync(string? monthText, CancellationToken ct)
    {
        if (monthText is not null && ScoringMonth.Parse(monthText) is null)
        {
            return Validator.Invalid("month", "invalid", "月份格式应为 yyyy-MM，例如 2026-10。", "The month is yyyy-MM, e.g. 2026-10.");
        }

        var published = db.Set<ScoringRun>().AsNoTracking().Where(r => r.Status == RunStatuses.Published);
        var run = monthText is null
            ? await published.OrderByDescending(r => r.Month).FirstOrDefaultAsync(ct)
            : await published.SingleOrDefaultAsync(r => r.Month == monthText, ct);
        if (run is null)
        {
            return NothingPublished;
        }

        var catalogue = PerformanceJson.Read<IndicatorCatalogue>(
            (await db.Set<CatalogueVersion>().AsNoTracking().SingleAsync(c => c.Number == run.CatalogueNumber, ct)).ContentJson);
        var rows = await db.Set<AgencyScore>().AsNoTracking().Where(s => s.RunId == run.Id).ToListAsync(ct);
        var results = rows.ToDictionary(r => r.AgencyId, r => PerformanceJson.Read<List<IndicatorResult>>(r.ResultsJson));

        // The trend: the published runs of the months before, as far back as TrendMonths.
        var months = new List<string>();
        var m = ScoringMonth.Parse(run.Month)!;
        for (var i = 0; i < TrendMonths; i++, m = m.Previous())
        {
            months.Insert(0, m.ToString());
        }

        var trendRuns = await published.Where(r => months.Contains(r.Month)).Select(r => new { r.Id, r.Month }).ToListAsync(ct);
        var trendIds = trendRuns.Select(r => r.Id).ToList();
        var monthOf = trendRuns.ToDictionary(r => r.Id, r => r.Month);
        var trend = (await db.Set<AgencyScore>().AsNoTracking().Where(s => trendIds.Contains(s.RunId))
                .Select(s => new { s.RunId, s.AgencyId, s.Score, s.Rank }).ToListAsync(ct))
            .ToLookup(s => s.AgencyId);

        var noData = results.Values.SelectMany(r => r).Where(r => r.NoData).Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var tree = agencies.Current;
        var board = rows
            .Select(r => (Row: r, Agency: tree.Find(r.AgencyId)))
            .Where(x => x.Agency is not null)
            .OrderBy(x => x.Agency!.Level).ThenBy(x => x.Row.Rank).ThenBy(x => x.Agency!.Code, StringComparer.Ordinal)
            .Select(x => new BoardRow(
                x.Agency!.Code, x.Agency.Name, x.Agency.Level, LevelName(x.Agency.Level), x.Row.Score, x.Row.Rank,
                results[x.Row.AgencyId].Select(i => new BoardDeduction(i.Code, i.Deducted, i.NoData)).ToList(),
                trend[x.Row.AgencyId].Select(t => new BoardTrendPoint(monthOf[t.RunId], t.Score, t.Rank))
                    .OrderBy(t => t.Month, StringComparer.Ordinal).ToList()))
            .ToList();
        var indicators = catalogue.Groups
            .SelectMany(g => g.Indicators.Select(i => new BoardIndicator(g.Code, g.Name, i.Code, i.Name, i.Weight, !noData.Contains(i.Code))))
            .ToList();
        return new BoardView(run.Month, run.Number, run.CatalogueNumber, run.PublishedAt, indicators, board);
    }

    /// <summary>The board as an Excel workbook: one row per agency, one column per indicator's points lost.</summary>
    public static async Task<byte[]> ExcelAsync(BoardView board, CancellationToken ct)
    {
        var rows = board.Agencies.Select(a =>
        {
            var row = new Dictionary<string, object?>
            {
                ["月份"] = board.Month, ["层级"] = a.LevelName, ["单位编码"] = a.AgencyCode, ["单位名称"] = a.AgencyName, ["得分"] = a.Score, ["排名"] = a.Rank,
            };
            foreach (var indicator in board.Indicators)
            {
                var deducted = a.Deductions.FirstOrDefault(d => d.IndicatorCode == indicator.Code);
                row[$"{indicator.Name}扣分（满分{indicator.Weight}）"] = deducted is null || deducted.NoData ? "暂无数据" : deducted.Deducted;
            }

            return row;
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: "绩效评价", cancellationToken: ct);
        return stream.ToArray();
    }

    public static string LevelName(int level) => level switch
    {
        (int)AgencyLevel.Province => "省级",
        (int)AgencyLevel.City => "市级",
        (int)AgencyLevel.County => "县级",
        _ => "基层",
    };
}
