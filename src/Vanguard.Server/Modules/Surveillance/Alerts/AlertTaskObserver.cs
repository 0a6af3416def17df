using Microsoft.EntityFrameworkCore;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Surveillance.Data;
using Vanguard.Server.Modules.Surveillance.Webhooks;
using Vanguard.Server.Modules.Terminal.Contracts;
using Vanguard.Server.Common;

namespace Vanguard.Server.Modules.Surveillance.Alerts;

/// <summary>
/// An alert follows its task (docs/surveillance.md, "Outcome"): accepted, arrived, and finished → closed with the
/// task's outcome and note. The change is staged in the officer's unit of work and saved with the step; the command
/// centre is told only after that save succeeded.
/// </summary>
internal sealed class AlertTaskObserver(
    VanguardDbContext db, IAuditLog audit, ICurrentActor actor, IAgencyDirectory agencies, AlertNotifier notifier, IServiceProvider services,
    IServiceScopeFactory scopes, TimeProvider clock, ILogger<AlertTaskObserver> logger) : ITaskObserver
{
    public const string AlertClosedEvent = "alert.closed";

    private readonly Dictionary<Guid, (AlertView View, List<Guid> Audience)> _toPublish = [];
    private bool _listening;

    public Task OnTaskStepAsync(TaskView task, CancellationToken ct) => FollowAsync(task, actor.Name, ct);

    /// <param name="officerName">Who moved the task: the alert's <c>ClosedBy</c> and the audit's <c>by</c>, also when the platform writes for them.</param>
    private async Task FollowAsync(TaskView task, string officerName, CancellationToken ct)
    {
        if (task.SourceType != TaskKinds.WatchlistHit || !Guid.TryParse(task.SourceRef, out var alertId))
        {
            return;
        }

        var target = task.Status switch
        {
            "accepted" => AlertStatuses.Accepted,
            "arrived" => AlertStatuses.Arrived,
            "finished" => AlertStatuses.Closed,
            _ => null,
        };
        // The officer may belong to an agency under the camera's, outside of which the alert lies: the task is their
        // authority to move it, so it is read past the filter.
        var alert = await db.Set<Alert>().IgnoreQueryFilters().SingleOrDefaultAsync(a => a.Id == alertId, ct);
        // The task id reaches the alert in a second save right after the dispatch: until then the officer tells it.
        var ours = alert is not null && (alert.TaskId == task.Id || (alert.OfficerId == task.OfficerId && alert.DispatchedAt <= task.DispatchedAt));
        if (target is null || !ours || Rank(alert!.Status) >= Rank(target))
        {
            return; // another task's step (the alert was re-dispatched), or already there
        }

        if (!db.Jurisdiction.Covers(alert.AgencyId))
        {
            // The officer's unit of work may not write rows of the camera's (parent) agency: the platform moves the
            // alert in a unit of work of its own, just before the step is saved (not atomic with it; a failed step is
            // retried by the terminal and finds the alert already moved).
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
            var system = scope.ServiceProvider.GetRequiredService<AlertTaskObserver>();
            await system.FollowAsync(task, officerName, ct);
            await scope.ServiceProvider.GetRequiredService<VanguardDbContext>().SaveChangesAsync(ct);
            return;
        }

        // The task's own step time, so the alert and the task agree.
        var now = StoredTime.Of(task.FinishedAt ?? task.ArrivedAt ?? task.AcceptedAt ?? clock.GetUtcNow());
        alert.Status = target;
        alert.UpdatedAt = now;
        alert.Version++;
        if (target == AlertStatuses.Closed)
        {
            (alert.Outcome, alert.OutcomeNote, alert.ClosedAt, alert.ClosedBy) = (task.Outcome, task.Note, now, officerName);
        }

        audit.Record("surveillance.alert_" + target, "surveillance_alert", alert.Id.ToString(), new { task = task.Id, task.Outcome, by = officerName }, alert.AgencyId);
        var entry = await db.Set<WatchlistEntry>().IgnoreQueryFilters().AsNoTracking().Where(e => e.Id == alert.EntryId)
            .Select(e => new { e.Channels }).SingleOrDefaultAsync(ct);
        var channels = entry?.Channels.Split(',') ?? [];
        if (target == AlertStatuses.Closed && channels.Contains(AlertChannels.Webhook))
        {
            // Resolved here, not in the constructor: every task step builds this observer, and only watch-list tasks
            // need the webhooks part.
            await services.GetRequiredService<IWebhookOutbox>().EnqueueAsync(db, alert, AlertClosedEvent, ct);
        }

        if (channels.Contains(AlertChannels.Command))
        {
            var view = (await AlertViews.ToViewsAsync(db, agencies.Current, [alert], ct))[0];
            _toPublish[alert.Id] = (view, await AlertAudience.AgenciesAsync(db, alert, ct));
            Listen();
        }
    }

    /// <summary>Push after the commit, never for a step that was not saved (a retry stages it again).</summary>
    private void Listen()
    {
        if (_listening)
        {
            return;
        }

        _listening = true;
        db.SavedChanges += (_, _) =>
        {
            var pending = _toPublish.Values.ToList();
            _toPublish.Clear();
            foreach (var (view, audience) in pending)
            {
                _ = PublishAsync(view, audience);
            }
        };
        db.SaveChangesFailed += (_, _) => _toPublish.Clear();
    }

    private async Task PublishAsync(AlertView view, List<Guid> audience)
    {
        try
        {
            await notifier.PublishAsync(view, isNew: false, audience, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not push the change of alert {AlertId}", view.Id);
        }
    }

    private static int Rank(string status) => status switch
    {
        AlertStatuses.New => 0,
        AlertStatuses.Dispatched => 1,
        AlertStatuses.Accepted => 2,
        AlertStatuses.Arrived => 3,
        AlertStatuses.Closed => 4,
        _ => -1,
    };
}
