using System.Globalization;
using System.Text.Json;
using Vanguard.Devices.Client;
using Vanguard.Devices.Terminal;

namespace Vanguard.Devices.Scenarios;

// The parts of docs/surveillance.md (and of the device and registry APIs) the scenario reads; the rest of each answer is ignored.

internal sealed record PageOf<T>(IReadOnlyList<T> Items, int Total);

internal sealed record HotspotInfo(Guid Id, string Name, string Kind, string AgencyCode);

internal sealed record RuleInfo(Guid Id, string Name, string Kind, Guid HotspotId, int WindowDays, int Threshold, int PendingSuspects);

internal sealed record ListInfo(Guid Id, string Name, string AgencyCode, int ActiveEntries, int PendingEntries);

internal sealed record RunAnswer(int Found, int Created, int Updated);

internal sealed record SuspectInfo(
    Guid Id, Guid RuleId, string RuleName, string Plate, string PlateColor, int Score, string Status, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt,
    Guid? WatchlistEntryId);

internal sealed record AlertInfo(
    Guid Id, string Plate, string PlateColor, string MatchKind, string WatchlistName, string DeviceName, string Status, string? OfficerName,
    string? Outcome, DateTimeOffset CapturedAt, DateTimeOffset RaisedAt, int Sightings);

internal sealed record RegistryVehicleInfo(string Plate, string PlateColor, string? VehicleTypeName, string? TransportCertificateNo);

internal sealed record PrecisionRowInfo(Guid Id, string Name, int Raised, int Dispatched, int Confirmed, int NotFound, int FalseHits, decimal? Precision);

internal sealed record PrecisionInfo(IReadOnlyList<PrecisionRowInfo> Lists, IReadOnlyList<PrecisionRowInfo> Rules);

/// <summary>
/// The calls of the scenario, each as the account that is allowed to make it: the administrator registers cameras, the
/// command operator sets up hotspots, rules and the list and runs the rules, the agency admin (the approver) promotes.
/// Every lookup by name or code makes a second run reuse what the first one made.
/// </summary>
internal sealed class SurveillanceApi(TerminalSession session)
{
    private const string Base = "api/v1/surveillance/";

    public string Username => session.Username;

    public Task SignInAsync(CancellationToken ct) => session.SignInAsync(ct);

    /// <summary>Registers the camera, or, when its code is taken (an earlier run), issues it a new key.</summary>
    public async Task<(string Key, bool Created)> CameraKeyAsync(ScenarioCamera camera, string agencyCode, CancellationToken ct)
    {
        try
        {
            var registered = await session.PostAsync<RegisteredDevice>("api/v1/devices", new
            {
                kind = "anpr-camera", code = camera.Code, name = camera.Name, agencyCode, location = camera.Location,
                latitude = camera.Lat, longitude = camera.Lon,
                serialNumber = "SIM" + camera.Code.Replace("-", string.Empty, StringComparison.Ordinal),
            }, ct);
            return (registered.ApiKey, true);
        }
        catch (TerminalProblem e) when (e.Status == 409)
        {
            var reissued = await session.PostAsync<RegisteredDevice>($"api/v1/devices/{Uri.EscapeDataString(camera.Code)}/key", new { }, ct);
            return (reissued.ApiKey, false);
        }
    }

    public async Task<(HotspotInfo Hotspot, bool Created)> HotspotAsync(
        string name, string kind, IEnumerable<ScenarioCamera> cameras, Terminal.GeoPoint centre, string agencyCode, CancellationToken ct)
    {
        var existing = (await session.GetAsync<List<HotspotInfo>>(Base + "hotspots", ct)).FirstOrDefault(h => h.Name == name && h.AgencyCode == agencyCode);
        if (existing is not null)
        {
            return (existing, false);
        }

        var created = await session.PostAsync<HotspotInfo>(Base + "hotspots", new
        {
            name, kind, deviceCodes = cameras.Select(c => c.Code).ToArray(), lat = centre.Lat, lon = centre.Lon, agencyCode,
        }, ct);
        return (created, true);
    }

    public async Task<(RuleInfo Rule, bool Created)> RuleAsync(string name, object body, CancellationToken ct)
    {
        var existing = (await session.GetAsync<List<RuleInfo>>(Base + "suspect-rules", ct)).FirstOrDefault(r => r.Name == name);
        return existing is not null ? (existing, false) : (await session.PostAsync<RuleInfo>(Base + "suspect-rules", body, ct), true);
    }

    public async Task<(ListInfo List, bool Created)> WatchlistAsync(string name, string description, string agencyCode, CancellationToken ct)
    {
        var existing = (await ListsAsync(ct)).FirstOrDefault(l => l.Name == name && l.AgencyCode == agencyCode);
        return existing is not null
            ? (existing, false)
            : (await session.PostAsync<ListInfo>(Base + "watchlists", new { name, description, agencyCode }, ct), true);
    }

    public Task<List<ListInfo>> ListsAsync(CancellationToken ct) => session.GetAsync<List<ListInfo>>(Base + "watchlists", ct);

    public Task<RunAnswer> RunRuleAsync(Guid ruleId, CancellationToken ct) => session.PostAsync<RunAnswer>($"{Base}suspect-rules/{ruleId}/run", new { }, ct);

    public async Task<List<SuspectInfo>> SuspectsAsync(Guid ruleId, string status, CancellationToken ct) =>
        [.. (await session.GetAsync<PageOf<SuspectInfo>>($"{Base}suspects?status={status}&rule={ruleId}&pageSize=100", ct)).Items];

    public Task<SuspectInfo> PromoteAsync(Guid suspectId, Guid watchlistId, int validDays, string reason, CancellationToken ct) =>
        session.PostAsync<SuspectInfo>($"{Base}suspects/{suspectId}/promote", new { watchlistId, validDays, reason, fuzzyMatch = false }, ct);

    public Task<SuspectInfo> DismissAsync(Guid suspectId, string note, CancellationToken ct) =>
        session.PostAsync<SuspectInfo>($"{Base}suspects/{suspectId}/dismiss", new { note }, ct);

    public async Task<List<AlertInfo>> AlertsTodayAsync(CancellationToken ct) =>
        [.. (await session.GetAsync<PageOf<AlertInfo>>($"{Base}alerts?pageSize=100", ct)).Items];

    public Task<PrecisionInfo> PrecisionAsync(DateOnly from, DateOnly to, CancellationToken ct) =>
        session.GetAsync<PrecisionInfo>(string.Create(CultureInfo.InvariantCulture, $"{Base}precision?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}"), ct);

    /// <summary>Vehicles of the registry with a valid 道路运输证 whose plate starts with <paramref name="platePrefix"/>.</summary>
    public async Task<List<RegistryVehicleInfo>> LicensedVehiclesAsync(string platePrefix, int count, CancellationToken ct)
    {
        var page = await session.GetAsync<PageOf<RegistryVehicleInfo>>(
            $"api/v1/registry/vehicles?certificate=valid&q={Uri.EscapeDataString(platePrefix)}&pageSize=100", ct);
        return page.Items.Where(v => v.Plate.StartsWith(platePrefix, StringComparison.Ordinal)).Take(count).ToList();
    }

    /// <summary>True when the registry knows the plate (in any colour): a haunting vehicle must not be there.</summary>
    public async Task<bool> InRegistryAsync(string plate, CancellationToken ct)
    {
        try
        {
            await session.GetAsync<JsonElement>($"api/v1/registry/vehicles/{Uri.EscapeDataString(plate)}", ct);
            return true;
        }
        catch (TerminalProblem e) when (e.Status == 404)
        {
            return false;
        }
        catch (TerminalProblem e) when (e.Status == 400)
        {
            return true; // registry.plate_color_required: several vehicles carry it
        }
    }
}
