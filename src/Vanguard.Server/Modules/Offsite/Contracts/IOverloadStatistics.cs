namespace Vanguard.Server.Modules.Offsite.Contracts;

/// <summary>Weighings and overloaded weighings per agency over a period, for the monthly performance evaluation (检测站超限率).</summary>
public interface IOverloadStatistics
{
    /// <summary>
    /// Per agency in the caller's jurisdiction with weighings captured in [<paramref name="from"/>, <paramref name="to"/>): how many,
    /// how many judged overloaded, and the ids of at most <paramref name="maxIds"/> overloaded ones (lowest first).
    /// </summary>
    Task<IReadOnlyList<AgencyWeighings>> WeighingsAsync(DateTimeOffset from, DateTimeOffset to, int maxIds, CancellationToken ct);
}

public sealed record AgencyWeighings(Guid AgencyId, int Weighings, int Overloaded, IReadOnlyList<long> OverloadedIds);
