namespace Vanguard.Server.Modules.Offsite.Contracts;

/// <summary>A vehicle's overloaded weighings (超限记录), for the roadside look-up.</summary>
public interface IOverloadHistory
{
    /// <summary>
    /// The most recent weighings of the vehicle (normalised plate, colour code) judged overloaded, newest first, in the
    /// caller's jurisdiction, with the off-site case they became, if any.
    /// </summary>
    Task<IReadOnlyList<OverloadEvent>> OfVehicleAsync(string plate, string plateColor, int max, CancellationToken ct);
}

/// <param name="OverloadPercent">Over-limit share in percent, two decimals (2.35 = 2.35 %).</param>
public sealed record OverloadEvent(DateTimeOffset At, string StationCode, string StationName, decimal OverloadPercent, int OverKg, Guid? CaseId);
