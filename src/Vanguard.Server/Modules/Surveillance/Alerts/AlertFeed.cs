namespace Vanguard.Server.Modules.Surveillance.Alerts;

/// <summary>
/// In-process notifications of alerts raised or changed on this node, for the Blazor command page (which runs on the
/// server and needs no SignalR client of its own). External screens use <c>/hubs/command</c>. Handlers must be quick
/// and must not throw: they run on the matcher's thread.
/// </summary>
public sealed class AlertFeed
{
    /// <summary>(alert, isNew): isNew is false for sightings, dispatch, steps and outcomes.</summary>
    public event Action<AlertView, bool>? Changed;

    public void Publish(AlertView alert, bool isNew) => Changed?.Invoke(alert, isNew);
}
