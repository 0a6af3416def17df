using System.Globalization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vanguard.Domain.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Surveillance.Data;
using Vanguard.Server.Modules.Terminal.Contracts;
using Vanguard.Server.Common;

namespace Vanguard.Server.Modules.Surveillance.Alerts;

/// <summary>Sends an alert to an officer's terminal as a <c>watchlist_hit</c> task: by the platform (nearest on duty) or by a person.</summary>
internal sealed class AlertDispatching(
    VanguardDbContext db, ITaskDispatch tasks, IAuditLog audit, IAgencyDirectory agencies, AlertNotifier notifier, IOptions<SurveillanceOptions> options,
    IServiceScopeFactory scopes, TimeProvider clock, ILogger<AlertDispatching> logger)
{
    /// <summary>How many of the nearest officers on duty automatic dispatch looks at (to find one not already busy).</summary>
    private const int CandidatesConsidered = 5;

    /// <summary>Officers with a hit in hand: dispatched to them and not yet closed.</summary>
    private async Task<HashSet<Guid>> BusyOfficersAsync(List<Guid> officerIds, CancellationToken ct) =>
        officerIds.Count == 0
            ? []
            : (await db.Set<Alert>().AsNoTracking()
                .Where(a => a.OfficerId != null && officerIds.Contains(a.OfficerId.Value) && a.Status != AlertStatuses.New && a.Status != AlertStatuses.Closed)
                .Select(a => a.OfficerId!.Value).Distinct().ToListAsync(ct)).ToHashSet();

    /// <summary>
    /// 自动派发: the nearest officer on duty of the camera's agency (and the agencies under it) within
    /// <c>DispatchRadiusKm</c>, preferring one who is not already on another hit. No camera position or nobody in range: the alert stays <c>new</c> (无在岗人员) for a person.
    /// </summary>
    public async Task AutoAsync(Guid alertId, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var alert = await db.Set<Alert>().SingleOrDefaultAsync(a => a.Id == alertId, ct);
            if (alert is null || alert.Status != AlertStatuses.New)
            {
                return; // a person was quicker
            }

            if (alert.Lat is not { } lat || alert.Lon is not { } lon)
            {
                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("Alert {AlertId} not dispatched automatically: the camera has no position", alertId);
                }

                return;
            }

            var inRange = (await tasks.NearestOnDutyAsync(alert.AgencyId, lat, lon, CandidatesConsidered, ct))
                .Where(o => o.DistanceM <= options.Value.DispatchRadiusKm * 1000).ToList();
            // An officer already on the way to another hit is passed over while a free one is in range (nearest first
            // otherwise): one busy officer must not collect every hit while colleagues stand idle.
            var busy = await BusyOfficersAsync(inRange.Select(o => o.OfficerId).ToList(), ct);
            var nearest = inRange.FirstOrDefault(o => !busy.Contains(o.OfficerId)) ?? inRange.FirstOrDefault();
            if (nearest is null)
            {
                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("Alert {AlertId} not dispatched automatically: no officer on duty within {Km} km", alertId, options.Value.DispatchRadiusKm);
                }

                return;
            }

            try
            {
                var result = await AssignAsync(alert, nearest.OfficerId, nearest.Name, automatic: true, ct);
                if (!result.IsSuccess)
                {
                    logger.LogWarning("Alert {AlertId} could not be dispatched: {Code}", alertId, result.Error!.Code);
                }

                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 2)
            {
                // A sighting or a person changed the alert meanwhile; nothing was stored: decide again.
            }
        }
    }

    /// <summary>
    /// The task and the alert's new state (with the task's id, given to the task up front) are saved in one unit of
    /// work by the task dispatch: a failed save stores neither, so a retry can never send a second task. The officer who
    /// had the alert before is then told their task is cancelled (改派). A concurrent change of the alert throws
    /// <see cref="DbUpdateConcurrencyException"/> with nothing stored and the unit of work cleared.
    /// </summary>
    public async Task<Result<AlertView>> AssignAsync(Alert alert, Guid officerId, string officerName, bool automatic, CancellationToken ct)
    {
        var now = StoredTime.Now(clock);
        var previousTask = alert.TaskId;
        var taskId = Guid.CreateVersion7();
        (alert.Status, alert.OfficerId, alert.OfficerName, alert.DispatchedAt, alert.UpdatedAt, alert.TaskId) =
            (AlertStatuses.Dispatched, officerId, officerName, now, now, taskId);
        alert.Version++;
        audit.Record("surveillance.alert_dispatched", "surveillance_alert", alert.Id.ToString(), new { officerId, previousTask, automatic }, alert.AgencyId);
        var view = (await AlertViews.ToViewsAsync(db, agencies.Current, [alert], ct))[0];
        Result<TaskView> dispatched;
        try
        {
            dispatched = await tasks.DispatchAsync(
                new TaskDispatchRequest(
                    officerId, TaskKinds.WatchlistHit, Title(view), Detail(view), alert.DeviceName, alert.Lat, alert.Lon, TaskKinds.WatchlistHit,
                    alert.Id.ToString(), DueBy: null, TaskId: taskId),
                ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw;
        }

        if (!dispatched.IsSuccess)
        {
            db.ChangeTracker.Clear();
            return dispatched.Error!;
        }

        if (previousTask is { } previous && previous != taskId)
        {
            await CancelPreviousAsync(alert.Id, previous, $"该预警已改派给{officerName}，本任务取消，无需继续处置。", ct);
        }

        await notifier.PublishAsync(view, isNew: false, await AlertAudience.AgenciesAsync(db, alert, ct), ct);
        return view;
    }

    /// <summary>
    /// Cancels the task an alert no longer follows (re-dispatched or closed). The alert's own change is stored already:
    /// a failure here is logged, never undone — the officer's later steps on that task no longer move the alert.
    /// </summary>
    public async Task CancelPreviousAsync(Guid alertId, Guid taskId, string reason, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var cancelled = await tasks.CancelAsync(taskId, reason, ct);
                if (cancelled.Error?.Kind == ErrorKind.NotFound && !db.Jurisdiction.IsUnrestricted)
                {
                    // The task went to an officer outside the caller's jurisdiction (sent by a higher agency): the alert
                    // is the authority to stop it, so the platform cancels it.
                    await using var scope = scopes.CreateAsyncScope();
                    scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
                    cancelled = await scope.ServiceProvider.GetRequiredService<ITaskDispatch>().CancelAsync(taskId, reason, ct);
                }

                if (!cancelled.IsSuccess)
                {
                    logger.LogWarning("Task {TaskId} of alert {AlertId} could not be cancelled: {Code}", taskId, alertId, cancelled.Error!.Code);
                }

                return;
            }
            catch (DbUpdateConcurrencyException ex)
            {
                // The officer stepped the task at that moment: look again (a finished task stays finished).
                db.ChangeTracker.Clear();
                if (attempt > 0)
                {
                    logger.LogWarning(ex, "Task {TaskId} of alert {AlertId} could not be cancelled", taskId, alertId);
                    return;
                }
            }
        }
    }

    /// <summary>布控预警：豫A12345（非法营运重点车辆） — at most the task's 100 characters.</summary>
    private static string Title(AlertView alert)
    {
        var title = $"布控预警：{alert.Plate}（{alert.WatchlistName}）";
        return title.Length <= 100 ? title : title[..99] + "…";
    }

    private static string Detail(AlertView alert)
    {
        var kind = alert.MatchKind == MatchKinds.Exact ? "精确命中" : "模糊命中（易混字符，请核对号牌）";
        var confidence = (alert.ConfidencePermille / 10m).ToString("0.#", CultureInfo.InvariantCulture);
        var plate = alert.MatchKind == MatchKinds.Exact ? alert.Plate : $"{alert.Plate}（布控号牌 {alert.EntryPlate}）";
        var detail = $"号牌：{plate}，颜色：{alert.PlateColor}。布控事由：{alert.Reason}。{kind}，置信度 {confidence}%。" +
            $"抓拍：{alert.DeviceName}，{alert.CapturedAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm:ss}。";
        return detail.Length <= 2000 ? detail : detail[..2000];
    }
}

/// <summary>Alerts waiting for automatic dispatch, in the order they were raised (one node's queue; lost on restart, when they stay new).</summary>
internal sealed class AlertDispatchQueue
{
    private readonly Channel<Guid> _queue = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Guid alertId) => _queue.Writer.TryWrite(alertId);

    public IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken ct) => _queue.Reader.ReadAllAsync(ct);
}

/// <summary>Dispatches queued alerts one by one, off the matcher's loop, so the command centre's push never waits for it.</summary>
internal sealed class AlertAutoDispatcher(AlertDispatchQueue queue, IServiceScopeFactory scopes, ILogger<AlertAutoDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var alertId in queue.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    // The platform dispatches: ITaskDispatch checks the officer against the caller, here the system.
                    scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
                    await scope.ServiceProvider.GetRequiredService<AlertDispatching>().AutoAsync(alertId, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // Whatever went wrong with one alert must not stop the host (StopHost on an unhandled exception).
                    logger.LogWarning(ex, "Automatic dispatch of alert {AlertId} failed; it stays new for the command centre", alertId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
    }
}
