namespace Vanguard.Server.Modules.Offsite.Contracts;

/// <summary>When each station last sent data, for the command centre's map (布控指挥大屏) and any other dashboard.</summary>
public interface IStationStatus
{
    /// <summary>
    /// Every WIM station and plate camera in the caller's jurisdiction with the time its newest record or read was received
    /// (null: never), whether it is silent by the off-site rule (<c>StationSilentMinutes</c>), and whether a measuring
    /// station's 检定 certificate covers today.
    /// </summary>
    Task<IReadOnlyList<StationLastData>> LastDataAsync(CancellationToken ct);
}

/// <param name="Certified">False for a WIM station without a valid verification certificate today; always true for cameras.</param>
public sealed record StationLastData(string Code, string Kind, DateTimeOffset? LastDataAt, bool Silent, bool Certified);
