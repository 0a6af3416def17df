using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vanguard.Server.Data;

namespace Vanguard.Server.Modules.Cases;

/// <summary>Case settings from configuration (<c>Vanguard:Cases</c>).</summary>
public sealed class CasesOptions
{
    /// <summary>案号 template: {agencyShort}, {year}, {seq} (4 digits, more when needed).</summary>
    public string NumberTemplate { get; set; } = "{agencyShort}交执罚〔{year}〕{seq}号";

    /// <summary>陈述申辩 period in working days after the notice (local practice; 3 by default).</summary>
    public int StatementDays { get; set; } = 3;
}

/// <summary>
/// Allocates 案号: one counter row per agency per year, incremented with UPDATE … RETURNING inside the caller's
/// transaction. The row lock (PostgreSQL) or the write lock (SQLite) serialises allocation until commit, so two
/// requests never get the same number, and a rolled-back case gives its number back (no gaps).
/// </summary>
internal sealed class CaseNumbers(IOptions<CasesOptions> options)
{
    public async Task<string> NextAsync(VanguardDbContext db, string agencyCode, string agencyShort, int year, CancellationToken ct)
    {
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO cases_number_counters ("AgencyCode", "Year", "LastValue") VALUES ({agencyCode}, {year}, 0) ON CONFLICT DO NOTHING""", ct);
        var values = await db.Database.SqlQuery<long>(
            $"""UPDATE cases_number_counters SET "LastValue" = "LastValue" + 1 WHERE "AgencyCode" = {agencyCode} AND "Year" = {year} RETURNING "LastValue" AS "Value" """)
            .ToListAsync(ct);
        return Format(options.Value.NumberTemplate, agencyShort, year, values.Single());
    }

    public static string Format(string template, string agencyShort, int year, long seq) => template
        .Replace("{agencyShort}", agencyShort, StringComparison.Ordinal)
        .Replace("{year}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{seq}", seq.ToString("D4", CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
