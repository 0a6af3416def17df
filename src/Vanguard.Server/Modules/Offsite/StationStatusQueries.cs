using Vanguard.Server.Modules.Offsite.Contracts;
using Vanguard.Server.Modules.Offsite.Features;

namespace Vanguard.Server.Modules.Offsite;

/// <summary>
/// <see cref="IStationStatus"/> over the station-health read the off-site dashboard already makes (one indexed max per
/// station), so both screens agree on when a station last spoke.
/// </summary>
internal sealed class StationStatusQueries(OffsiteQueries queries) : IStationStatus
{
    public async Task<IReadOnlyList<StationLastData>> LastDataAsync(CancellationToken ct) =>
        (await queries.StationsAsync(ct)).Select(s => new StationLastData(s.Code, s.Kind, s.LastDataAt, s.Silent, !s.CertificateExpired)).ToList();
}
