using Vanguard.Domain.Performance;

namespace Vanguard.Server.Modules.Performance.Contracts;

/// <summary>
/// A data source of the monthly evaluation: measures one <see cref="Vanguard.Domain.Performance.SourceKeys">source key</see> for
/// every scored agency at once (one grouped query, not one per agency). Register it with
/// <c>services.AddSingleton&lt;IIndicatorSource, …&gt;()</c> or scoped; an indicator whose key no source has is scored
/// "no data yet": full marks with a visible note. A source must be deterministic: the same records give the same reading.
/// </summary>
public interface IIndicatorSource
{
    string Key { get; }

    /// <summary>The reading of each agency (its whole subtree) over the month; agencies it leaves out read as 0 of 0.</summary>
    Task<IReadOnlyDictionary<Guid, SourceReading>> ComputeAsync(IReadOnlyList<ScoredAgency> agencies, ScoringMonth month, CancellationToken ct);

    /// <summary>
    /// Anonymised facts of some of the records this source returned (<c>case:…</c>, <c>alert:…</c>) for third-party evaluators
    /// (第三方评估): dates, stages, amounts, places, station codes — never a person's name, ID number, phone or a full plate.
    /// Records no longer found are left out.
    /// </summary>
    Task<IReadOnlyList<RecordFacts>> DescribeAsync(IReadOnlyList<string> recordRefs, CancellationToken ct);
}

internal static class IndicatorSources
{
    /// <summary>The source of each key: as with any DI registration, the last one wins (a deployment or a test can replace a source).</summary>
    public static Dictionary<string, IIndicatorSource> ByKey(IEnumerable<IIndicatorSource> sources) =>
        sources.GroupBy(s => s.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
}

/// <summary>One record as an evaluator sees it: its reference, what it is (中文), when, and anonymised facts as label → value (中文).</summary>
public sealed record RecordFacts(string RecordRef, string Kind, DateTimeOffset? At, IReadOnlyList<KeyValuePair<string, string>> Facts);

/// <summary>An agency being scored and the agencies its score covers (itself and everything under it).</summary>
public sealed record ScoredAgency(Guid AgencyId, IReadOnlySet<Guid> Subtree);

/// <summary>A calendar month in China Standard Time: [<see cref="From"/>, <see cref="To"/>).</summary>
public sealed record ScoringMonth(int Year, int Month)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public DateTimeOffset From => new(Year, Month, 1, 0, 0, 0, China);

    public DateTimeOffset To => From.AddMonths(1);

    public override string ToString() => $"{Year:D4}-{Month:D2}";

    /// <summary>Parses <c>yyyy-MM</c> (2000-01 … 2999-12); null when it is not one.</summary>
    public static ScoringMonth? Parse(string? text) =>
        text is { Length: 7 } && text[4] == '-' && int.TryParse(text.AsSpan(0, 4), out var y) && int.TryParse(text.AsSpan(5, 2), out var m)
        && y is >= 2000 and <= 2999 && m is >= 1 and <= 12
            ? new ScoringMonth(y, m)
            : null;

    public static ScoringMonth Of(DateTimeOffset at)
    {
        var local = at.ToOffset(China);
        return new ScoringMonth(local.Year, local.Month);
    }

    public ScoringMonth Previous() => Month == 1 ? new(Year - 1, 12) : new(Year, Month - 1);
}
