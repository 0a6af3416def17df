namespace Vanguard.Bench;

internal static partial class WatchlistBench
{
    /// <summary>Part (a), the cost of one match in the in-memory index: needs the server's WatchlistIndex (branch wl).</summary>
    private static IReadOnlyList<Figure> MatchCost() => [];
}
