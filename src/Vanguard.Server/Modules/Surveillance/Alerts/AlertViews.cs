using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Surveillance.Data;

namespace Vanguard.Server.Modules.Surveillance.Alerts;

/// <summary>Builds <see cref="AlertView"/>s: the list's name and the entry's reason come from their rows.</summary>
internal static class AlertViews
{
    /// <summary>
    /// Views of alerts, in their order. The list and entry are read past the jurisdiction filter: whoever may see the
    /// alert (the camera's command centre) may see which list it hit and why, even when another agency owns the list.
    /// </summary>
    public static async Task<List<AlertView>> ToViewsAsync(VanguardDbContext db, AgencyTree agencies, IReadOnlyCollection<Alert> alerts, CancellationToken ct)
    {
        if (alerts.Count == 0)
        {
            return [];
        }

        var listIds = alerts.Select(a => a.WatchlistId).Distinct().ToList();
        var entryIds = alerts.Select(a => a.EntryId).Distinct().ToList();
        var lists = await db.Set<Watchlist>().IgnoreQueryFilters().AsNoTracking().Where(w => listIds.Contains(w.Id))
            .ToDictionaryAsync(w => w.Id, w => w.Name, ct);
        var reasons = await db.Set<WatchlistEntry>().IgnoreQueryFilters().AsNoTracking().Where(e => entryIds.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, e => e.Reason, ct);
        return alerts.Select(a => View(a, lists.GetValueOrDefault(a.WatchlistId) ?? string.Empty, reasons.GetValueOrDefault(a.EntryId) ?? string.Empty, agencies))
            .ToList();
    }

    public static AlertView View(Alert a, string watchlistName, string reason, AgencyTree agencies) => new(
        a.Id, a.Plate, a.PlateColor, a.EntryPlate, a.MatchKind, a.ConfidencePermille, a.WatchlistId, watchlistName, reason, a.DeviceId, a.DeviceName, a.Lat,
        a.Lon, agencies.Find(a.AgencyId)?.Code ?? string.Empty, a.CapturedAt, a.RaisedAt, a.Sightings, a.LastSeenAt, a.Status, a.TaskId, a.OfficerId,
        a.OfficerName, a.DispatchedAt, a.Outcome, a.OutcomeNote, a.ClosedAt, a.ImageSha256, a.Version, a.LastDeviceName ?? a.DeviceName, a.LastLat ?? a.Lat,
        a.LastLon ?? a.Lon);
}

/// <summary>处置结果: the terminal's task outcomes (docs/terminal.md), which close an alert.</summary>
internal static class AlertOutcomes
{
    public const string Seized = "seized";
    public const string Warned = "warned";
    public const string CaseOpened = "case_opened";
    public const string NotFound = "not_found";
    public const string FalseHit = "false_hit";
    public const string Resolved = "resolved";
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } = [Seized, Warned, CaseOpened, NotFound, FalseHit, Resolved, Other];

    /// <summary>命中: the vehicle was found and dealt with — what precision counts as confirmed.</summary>
    public static IReadOnlyList<string> Confirmed { get; } = [Seized, Warned, CaseOpened];

    /// <summary>误报 and 其他 must say what happened.</summary>
    public static bool NeedsNote(string outcome) => outcome is FalseHit or Other;
}

internal static class AlertErrors
{
    public static readonly Error NotFound = Error.NotFound(
        "surveillance.alert_not_found", "布控预警不存在或不在您的管辖范围内。", "No such alert in your jurisdiction.");

    public static readonly Error Closed = Error.Conflict(
        "surveillance.alert_closed", "该预警已处置完毕，不能再派发或关闭。", "The alert is closed already.");

    public static readonly Error OfficerNotOnDuty = Error.Conflict(
        "surveillance.officer_not_on_duty", "该执法人员当前不在岗或未上报位置，不能派发。请选择在岗人员。",
        "The officer is not on duty (or has sent no position); choose an officer on duty.");
}
