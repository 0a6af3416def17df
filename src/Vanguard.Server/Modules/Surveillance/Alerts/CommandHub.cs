using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Surveillance.Data;

namespace Vanguard.Server.Modules.Surveillance.Alerts;

/// <summary>
/// <c>/hubs/command</c>: alerts to the command centre's screens (<c>alertRaised</c>, <c>alertChanged</c>). A connection
/// joins the group of its user's agency; an alert goes to the groups of <see cref="AlertAudience"/> that can open it
/// (the camera's agency and all its ancestors), so a city or the province sees its counties' alerts. Clients only
/// listen; every change goes through the HTTP API.
/// </summary>
[Authorize(Policy = SurveillancePolicies.Command)]
internal sealed class CommandHub : Hub
{
    public const string Path = "/hubs/command";

    public static string AgencyGroup(Guid agencyId) => "agency:" + agencyId.ToString("N");

    public override async Task OnConnectedAsync()
    {
        if (Guid.TryParse(Context.User?.FindFirst(VanguardClaims.AgencyId)?.Value, out var agencyId))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, AgencyGroup(agencyId));
        }

        await base.OnConnectedAsync();
    }
}

/// <summary>
/// Tells the command centre about an alert: the hub groups in jurisdiction (this node's connections) and the in-process
/// <see cref="AlertFeed"/> for the Blazor page. A screen that misses it finds the alert on its next list or summary.
/// </summary>
internal sealed class AlertNotifier(IHubContext<CommandHub> hub, AlertFeed feed, IAgencyDirectory agencies, ILogger<AlertNotifier> logger)
{
    public const string AlertRaised = "alertRaised";
    public const string AlertChanged = "alertChanged";

    /// <param name="agencyIds">
    /// The alert's audience (<see cref="AlertAudience.AgenciesAsync"/>: camera's agency, the list's owner, the entry's
    /// alert agencies); their ancestors are added, and only the agencies that can open the alert are told.
    /// </param>
    public async Task PublishAsync(AlertView alert, bool isNew, IEnumerable<Guid> agencyIds, CancellationToken ct)
    {
        var groups = AlertAudience.Groups(agencies.Current, alert.AgencyCode, agencyIds);
        try
        {
            if (groups.Count > 0)
            {
                await hub.Clients.Groups(groups).SendAsync(isNew ? AlertRaised : AlertChanged, alert, ct);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The alert is stored either way; real time is a convenience over the list.
            logger.LogWarning(ex, "Could not push an alert change for {AlertId}", alert.Id);
        }

        try
        {
            feed.Publish(alert, isNew);
        }
        catch (Exception ex)
        {
            // A page's handler that throws must not cost the matcher its loop.
            logger.LogWarning(ex, "An alert feed subscriber failed for {AlertId}", alert.Id);
        }
    }
}

/// <summary>
/// Who is told about an alert, the same for every event of it (raised, sighting, dispatch, step, close): the camera's
/// agency, the agency owning the list and the entry's alert agencies (布控时指定的接收单位), each with its ancestors — but
/// only those that can open it (GET /alerts/{id}): the alert lies in the camera's agency, so an agency sees it when
/// that agency is in its subtree. An agency told of an alert it cannot open would see a reason and a plate it may not
/// act on; it is left out.
/// </summary>
internal static class AlertAudience
{
    /// <summary>The camera's agency, the list's owner and the entry's alert agencies, read past the jurisdiction filter.</summary>
    public static async Task<List<Guid>> AgenciesAsync(VanguardDbContext db, Alert alert, CancellationToken ct)
    {
        var owner = await db.Set<Watchlist>().IgnoreQueryFilters().AsNoTracking().Where(w => w.Id == alert.WatchlistId)
            .Select(w => (Guid?)w.AgencyId).SingleOrDefaultAsync(ct);
        var alertAgencies = await db.Set<WatchlistEntry>().IgnoreQueryFilters().AsNoTracking().Where(e => e.Id == alert.EntryId)
            .Select(e => e.AlertAgencyIdsJson).SingleOrDefaultAsync(ct);
        List<Guid> audience = [alert.AgencyId];
        if (owner is { } ownerId)
        {
            audience.Add(ownerId);
        }

        audience.AddRange(string.IsNullOrWhiteSpace(alertAgencies) ? [] : JsonSerializer.Deserialize<List<Guid>>(alertAgencies) ?? []);
        return audience;
    }

    /// <summary>The hub groups: the agencies and their ancestors that have the camera's agency in their subtree.</summary>
    public static List<string> Groups(AgencyTree tree, string cameraAgencyCode, IEnumerable<Guid> agencyIds)
    {
        if (tree.FindByCode(cameraAgencyCode) is not { } camera)
        {
            return [];
        }

        var canOpen = tree.PathTo(camera.Id).Select(a => a.Id).ToHashSet();
        return agencyIds.SelectMany(tree.PathTo).Select(a => a.Id).Where(canOpen.Contains).Distinct().Select(CommandHub.AgencyGroup).ToList();
    }
}
