using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Surveillance.Alerts;

/// <summary>
/// <c>/hubs/command</c>: alerts to the command centre's screens (<c>alertRaised</c>, <c>alertChanged</c>). A connection
/// joins the group of its user's agency; an alert goes to the groups of the camera's agency and all its ancestors, so a
/// city or the province sees its counties' alerts. Clients only listen; every change goes through the HTTP API.
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

    /// <param name="agencyIds">The camera's agency and any other agencies the entry asks to alert; their ancestors are added.</param>
    public async Task PublishAsync(AlertView alert, bool isNew, IEnumerable<Guid> agencyIds, CancellationToken ct)
    {
        var tree = agencies.Current;
        var groups = agencyIds.SelectMany(tree.PathTo).Select(a => CommandHub.AgencyGroup(a.Id)).Distinct().ToList();
        try
        {
            await hub.Clients.Groups(groups).SendAsync(isNew ? AlertRaised : AlertChanged, alert, ct);
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
