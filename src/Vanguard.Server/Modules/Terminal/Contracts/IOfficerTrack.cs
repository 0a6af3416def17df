namespace Vanguard.Server.Modules.Terminal.Contracts;

/// <summary>
/// Where an officer's terminal was during a period, for the modules that review an officer's conduct (a complaint
/// about an officer: 投诉执法人员的核查). Reads the positions the terminal reported, in the caller's jurisdiction
/// (the officer's agency must be in it); the caller decides who may ask and audits the look-up.
/// </summary>
public interface IOfficerTrack
{
    /// <summary>The officer's reported positions from <paramref name="from"/> to <paramref name="to"/> (both included), oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<TrackPoint>> PositionsAsync(Guid officerId, DateTimeOffset from, DateTimeOffset to, int max, CancellationToken ct);

    /// <summary>
    /// For the demo province only: stores a past track for the officer as if the terminal had sent it (points already
    /// stored at the same time are skipped). Saved here. Real positions come from the terminal only.
    /// </summary>
    Task AddDemoTrackAsync(Guid officerId, IReadOnlyList<TrackPoint> points, CancellationToken ct);
}

/// <summary>One reported position (WGS-84 as the terminal sent it).</summary>
public sealed record TrackPoint(DateTimeOffset At, double Lat, double Lon, double? AccuracyM);
