namespace Vanguard.Server.Modules.Surveillance.Contracts;

/// <summary>Whether a vehicle is on an active watch-list now — for the terminal's vehicle look-up (and later credit, cases).</summary>
public interface IWatchlistLookup
{
    /// <summary>The active entries for that plate and colour inside the caller's jurisdiction (exact matches only); empty when none.</summary>
    Task<IReadOnlyList<WatchlistHitInfo>> ActiveEntriesAsync(string plate, string plateColor, CancellationToken ct);
}

/// <summary>What an officer at the roadside needs to know: which list, why, until when.</summary>
public sealed record WatchlistHitInfo(Guid EntryId, Guid WatchlistId, string WatchlistName, string Reason, DateTimeOffset ValidUntil, string AgencyCode);
