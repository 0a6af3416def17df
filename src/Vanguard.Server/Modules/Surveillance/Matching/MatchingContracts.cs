using Vanguard.Server.Modules.Offsite.Contracts;

namespace Vanguard.Server.Modules.Surveillance.Matching;

/// <summary>An entry as the in-memory index holds it: what matching and alerting need, nothing more.</summary>
internal sealed record IndexedEntry(
    Guid EntryId, Guid WatchlistId, Guid AgencyId, string Plate, string PlateColor, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil,
    bool FuzzyMatch, IReadOnlyList<Guid> AlertAgencyIds, IReadOnlyList<string> Channels, Guid? RuleId, string Reason);

/// <summary>A read that matched an entry. <paramref name="MatchKind"/> is a <see cref="Data.MatchKinds"/> value.</summary>
internal sealed record PlateHit(StoredPlateRead Read, IndexedEntry Entry, string MatchKind, int ConfidencePermille);

/// <summary>Where the matcher hands its hits (the alerts part implements it). Called from the matcher's loop, one batch at a time.</summary>
internal interface IHitSink
{
    Task HandleAsync(IReadOnlyList<PlateHit> hits, CancellationToken ct);
}

/// <summary>
/// Tells this node's in-memory index that entries changed, right after the commit (promotions, approvals, revocations
/// made outside the watch-list handler). Other nodes catch up by <c>UpdatedAt</c> within <c>IndexSyncSeconds</c>.
/// </summary>
internal interface IWatchlistIndexRefresher
{
    Task RefreshAsync(IReadOnlyCollection<Guid> entryIds, CancellationToken ct);
}
