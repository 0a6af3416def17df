using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Terminal.Contracts;

namespace Vanguard.Server.Modules.Terminal.Realtime;

/// <summary>
/// <c>/hubs/terminal</c>: the server tells an officer's terminals about their tasks (<c>taskAssigned</c>, <c>taskChanged</c>).
/// Clients only listen; every change goes through the HTTP API, which the terminal's offline queue can retry.
/// </summary>
[Authorize(Policy = Policies.Staff)]
internal sealed class TerminalHub : Hub
{
    public const string Path = "/hubs/terminal";

    public static string OfficerGroup(Guid officerId) => "officer:" + officerId.ToString("N");

    public override async Task OnConnectedAsync()
    {
        if (Guid.TryParse(Context.User?.FindFirst(VanguardClaims.OfficerId)?.Value, out var officerId))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, OfficerGroup(officerId));
        }

        await base.OnConnectedAsync();
    }
}

/// <summary>Pushes task news to the officer's connections on this node; a terminal that misses it finds it by polling with <c>since</c>.</summary>
internal sealed class TaskNotifier(IHubContext<TerminalHub> hub, ILogger<TaskNotifier> logger)
{
    public const string TaskAssigned = "taskAssigned";
    public const string TaskChanged = "taskChanged";

    public async Task SendAsync(string method, TaskView task, CancellationToken ct)
    {
        try
        {
            await hub.Clients.Group(TerminalHub.OfficerGroup(task.OfficerId)).SendAsync(method, task, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The task is stored either way; real time is a convenience over polling.
            logger.LogWarning(ex, "Could not push {Method} for task {TaskId}", method, task.Id);
        }
    }
}
