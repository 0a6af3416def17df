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
