namespace Vanguard.Server.Modules.Credit.Contracts;

/// <summary>A vehicle's standing in the credit records, for the roadside look-up of the officer terminal.</summary>
public interface ICreditLookup
{
    /// <summary>By normalised plate and colour code; a vehicle without records gets a standing of zero and no listing.</summary>
    Task<VehicleCreditStanding> OfVehicleAsync(string plate, string plateColor, CancellationToken ct);
}

/// <param name="Blacklisted">已列入 the 严重违法失信超限超载 list now.</param>
/// <param name="Proposed">拟列入 (a rule crossed, not yet confirmed).</param>
/// <param name="OverloadViolations12Months">Decided 超限 violations with an act in the last 12 months, corrected decisions left out.</param>
/// <param name="ExpiresOn">When the listing ends, if listed.</param>
public sealed record VehicleCreditStanding(bool Blacklisted, bool Proposed, int OverloadViolations12Months, DateOnly? ExpiresOn);
