using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Common;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Terminal.Contracts;
using Vanguard.Server.Modules.Terminal.Data;
using Vanguard.Server.Modules.Terminal.Realtime;

namespace Vanguard.Server.Modules.Terminal.Features;

public sealed record DispatchTaskRequest(
    Guid? OfficerId, string? Kind, string? Title, string? Detail, string? Place, double? Lat, double? Lon, string? SourceType, string? SourceRef,
    DateTimeOffset? DueBy);

public sealed record ArriveRequest(double? Lat, double? Lon);

public sealed record FinishRequest(string? Outcome, string? Note);

/// <summary>任务: dispatch by the command centre (or another module), and the officer's steps on the terminal.</summary>
internal sealed class TasksHandler(
    VanguardDbContext db, CurrentOfficer current, IOfficerDirectory officers, IAgencyDirectory agencies, ICurrentActor actor, IAuditLog audit,
    TaskNotifier notifier, TimeProvider clock, IEnumerable<ITaskObserver> observers) : ITaskDispatch
{
    public const int MaxList = 200;

    public async Task<Result<TaskView>> DispatchAsync(TaskDispatchRequest request, CancellationToken ct)
    {
        var check = new Validator()
            .Require("kind", request.Kind, "任务类型", "Kind")
            .Check(request.Kind is null || TaskKinds.All.Contains(request.Kind), "kind", "unknown",
                "任务类型须为 " + string.Join("、", TaskKinds.All) + " 之一。", "kind must be one of " + string.Join(", ", TaskKinds.All) + ".")
            .Require("title", request.Title, "任务标题", "Title")
            .MaxLength("title", request.Title, 100, "任务标题", "Title")
            .MaxLength("detail", request.Detail, 2000, "任务详情", "Detail")
            .MaxLength("place", request.Place, 200, "地点", "Place")
            .MaxLength("sourceType", request.SourceType, 32, "来源类型", "Source type")
            .MaxLength("sourceRef", request.SourceRef, 64, "来源编号", "Source reference")
            .Check((request.Lat is null) == (request.Lon is null), "lat", "incomplete", "经度和纬度须同时提供。", "lat and lon go together.")
            .Check(request.Lat is not { } lat || request.Lon is not { } lon || ChinaArea.Contains(lat, lon), "lat", "out_of_area",
                "任务地点不在中国境内。", "The place is outside China.");
        if (!check.IsValid)
        {
            return check.ToError();
        }

        if (await officers.FindAsync(request.OfficerId, ct) is not { Active: true } officer)
        {
            return TerminalErrors.OfficerNotFound;
        }

        var now = StoredTime.Now(clock);
        var task = new TerminalTask
        {
            Id = request.TaskId ?? Guid.CreateVersion7(),
            AgencyId = officer.AgencyId,
            OfficerId = officer.Id,
            Kind = request.Kind!,
            Title = request.Title!.Trim(),
            Detail = Blank(request.Detail),
            Place = Blank(request.Place),
            Lat = request.Lat,
            Lon = request.Lon,
            SourceType = Blank(request.SourceType),
            SourceRef = Blank(request.SourceRef),
            Status = TaskStatuses.Dispatched,
            DispatchedAt = now,
            DispatchedBy = actor.Name,
            DispatchedById = actor.Id,
            DueBy = request.DueBy is { } due ? StoredTime.Of(due) : null,
            UpdatedAt = now,
        };
        db.Add(task);
        audit.Record("terminal.task_dispatched", "terminal_task", task.Id.ToString(), new { task.OfficerId, task.Kind, task.SourceType, task.SourceRef }, task.AgencyId);
        await db.SaveChangesAsync(ct);
        var view = View(task);
        await notifier.SendAsync(TaskNotifier.TaskAssigned, view, ct);
        return view;
    }

    public async Task<IReadOnlyList<NearbyOfficer>> NearestOnDutyAsync(Guid agencyId, double lat, double lon, int max, CancellationToken ct)
    {
        var scope = agencies.Current.Subtree(agencyId).ToList();
        var onDuty = db.Set<DutySession>().Where(s => s.EndedAt == null).Select(s => s.OfficerId);
        var lasts = await db.Set<LastPosition>().AsNoTracking()
            .Where(l => scope.Contains(l.AgencyId) && onDuty.Contains(l.OfficerId))
            .ToListAsync(ct);
        // A city has hundreds of officers on duty at most: measuring them all in memory is cheaper than a spatial index.
        var nearest = lasts.Select(l => (Last: l, Distance: ChinaArea.DistanceM(lat, lon, l.Lat, l.Lon)))
            .OrderBy(x => x.Distance).Take(Math.Max(0, max)).ToList();
        var people = await officers.FindManyAsync(nearest.Select(x => x.Last.OfficerId).ToList(), ct);
        return nearest.Where(x => people.ContainsKey(x.Last.OfficerId))
            .Select(x =>
            {
                var o = people[x.Last.OfficerId];
                return new NearbyOfficer(o.Id, o.OfficerNo, o.Name, o.AgencyId, x.Last.At, x.Last.Lat, x.Last.Lon, Math.Round(x.Distance));
            })
            .ToList();
    }

    public async Task<IReadOnlyList<OfficerOnDuty>> OnDutyWithPositionsAsync(CancellationToken ct)
    {
        var onDuty = db.Set<DutySession>().Where(s => s.EndedAt == null).Select(s => s.OfficerId);
        var lasts = await db.Set<LastPosition>().AsNoTracking().Where(l => onDuty.Contains(l.OfficerId)).ToListAsync(ct);
        var people = await officers.FindManyAsync(lasts.Select(l => l.OfficerId).ToList(), ct);
        return lasts.Where(l => people.ContainsKey(l.OfficerId))
            .Select(l =>
            {
                var o = people[l.OfficerId];
                return new OfficerOnDuty(o.Id, o.OfficerNo, o.Name, o.AgencyId, l.At, l.Lat, l.Lon);
            })
            .OrderBy(o => o.OfficerNo, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<Result<TaskView>> CancelAsync(Guid taskId, string reason, CancellationToken ct)
    {
        var check = new Validator().Require("reason", reason, "撤销原因", "Reason").MaxLength("reason", reason, 1000, "撤销原因", "Reason");
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var task = await db.Set<TerminalTask>().SingleOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null)
        {
            return TerminalErrors.TaskNotFound;
        }

        if (task.Status is TaskStatuses.Finished or TaskStatuses.Cancelled)
        {
            return View(task);
        }

        var now = StoredTime.Now(clock);
        // The reason goes where a finished task keeps the officer's note: the terminal shows it under 已取消.
        (task.Status, task.Note, task.UpdatedAt) = (TaskStatuses.Cancelled, reason.Trim(), now);
        task.Version++;
        audit.Record("terminal.task_cancelled", "terminal_task", task.Id.ToString(), new { task.OfficerId, reason = task.Note, by = actor.Name }, task.AgencyId);
        await db.SaveChangesAsync(ct);
        var view = View(task);
        await notifier.SendAsync(TaskNotifier.TaskChanged, view, ct);
        return view;
    }

    /// <summary>The officer's own tasks, newest first; <paramref name="since"/> keeps only those changed after it (polling).</summary>
    public async Task<Result<IReadOnlyList<TaskView>>> MineAsync(string? status, DateTimeOffset? since, CancellationToken ct)
    {
        var found = await current.GetAsync(ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var officerId = found.Value.Id;
        var query = db.Set<TerminalTask>().AsNoTracking().Where(t => t.OfficerId == officerId);
        switch (status ?? "open")
        {
            case "open":
                query = query.Where(t => t.Status == TaskStatuses.Dispatched || t.Status == TaskStatuses.Accepted || t.Status == TaskStatuses.Arrived);
                break;
            case "done":
                query = query.Where(t => t.Status == TaskStatuses.Finished || t.Status == TaskStatuses.Cancelled);
                break;
            case "all":
                break;
            default:
                return Validator.Invalid("status", "unknown", "status 须为 open、done 或 all。", "status must be open, done or all.");
        }

        if (since is { } s)
        {
            var after = s.ToUniversalTime();
            query = query.Where(t => t.UpdatedAt > after);
        }

        var tasks = await query.OrderByDescending(t => t.DispatchedAt).Take(MaxList).ToListAsync(ct);
        return Result<IReadOnlyList<TaskView>>.Success(tasks.Select(View).ToList());
    }

    /// <summary>Tasks dispatched today (China time) in the caller's jurisdiction, newest first: the staff page /terminal.</summary>
    public async Task<IReadOnlyList<TaskView>> TodayAsync(CancellationToken ct)
    {
        var start = LegalClock.StartOf(LegalClock.Today(clock)).ToUniversalTime();
        var tasks = await db.Set<TerminalTask>().AsNoTracking().Where(t => t.DispatchedAt >= start)
            .OrderByDescending(t => t.DispatchedAt).Take(MaxList).ToListAsync(ct);
        return tasks.Select(View).ToList();
    }

    /// <summary>The officer's own task, or any task in a command user's jurisdiction.</summary>
    public async Task<Result<TaskView>> GetAsync(Guid id, CancellationToken ct)
    {
        var task = await db.Set<TerminalTask>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (task is null)
        {
            return TerminalErrors.TaskNotFound;
        }

        var mine = Guid.TryParse(actor.OfficerId, out var officerId) && officerId == task.OfficerId;
        return mine || TerminalPolicies.IsCommand(actor) ? View(task) : TerminalErrors.TaskNotFound;
    }

    public Task<Result<TaskView>> AcceptAsync(Guid id, CancellationToken ct) =>
        StepAsync(id, TaskStatuses.Accepted, _ => null, (t, now) => t.AcceptedAt = now, ct);

    public Task<Result<TaskView>> ArriveAsync(Guid id, ArriveRequest request, CancellationToken ct) =>
        StepAsync(
            id,
            TaskStatuses.Arrived,
            _ => new Validator()
                .Check((request.Lat is null) == (request.Lon is null), "lat", "incomplete", "经度和纬度须同时提供。", "lat and lon go together.")
                .Check(request.Lat is not { } lat || request.Lon is not { } lon || ChinaArea.Contains(lat, lon), "lat", "out_of_area",
                    "位置不在中国境内，请检查定位。", "The position is outside China."),
            (t, now) => (t.ArrivedAt, t.ArrivedLat, t.ArrivedLon) = (now, request.Lat, request.Lon),
            ct);

    public Task<Result<TaskView>> FinishAsync(Guid id, FinishRequest request, CancellationToken ct) =>
        StepAsync(
            id,
            TaskStatuses.Finished,
            _ => new Validator()
                .Require("outcome", request.Outcome, "处置结果", "Outcome")
                .Check(request.Outcome is null || TaskOutcomes.All.Contains(request.Outcome), "outcome", "unknown",
                    "处置结果须为 " + string.Join("、", TaskOutcomes.All) + " 之一。", "outcome must be one of " + string.Join(", ", TaskOutcomes.All) + ".")
                .Check(request.Outcome is null || !TaskOutcomes.NeedsNote(request.Outcome) || !string.IsNullOrWhiteSpace(request.Note), "note", "required",
                    "处置结果为“误报”或“其他”时，须填写情况说明。", "A note is required when the outcome is false_hit or other.")
                .MaxLength("note", request.Note, 1000, "情况说明", "Note"),
            (t, now) => (t.FinishedAt, t.Outcome, t.Note) = (now, request.Outcome, Blank(request.Note)),
            ct);

    /// <summary>
    /// One step of the task. Done already → the task unchanged (a queued retry is harmless); the step before it done →
    /// the step, server-timed; anything else → out of order. Validation comes after the "already done" check, so a retry
    /// whose body no longer matters is never refused.
    /// </summary>
    private async Task<Result<TaskView>> StepAsync(
        Guid id, string step, Func<TerminalTask, Validator?> validate, Action<TerminalTask, DateTimeOffset> apply, CancellationToken ct)
    {
        var found = await current.GetAsync(ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        for (var attempt = 0; ; attempt++)
        {
            var task = await db.Set<TerminalTask>().SingleOrDefaultAsync(t => t.Id == id, ct);
            if (task is null || task.OfficerId != found.Value.Id)
            {
                return TerminalErrors.TaskNotFound;
            }

            if (task.Status == step)
            {
                return View(task);
            }

            var rank = TaskStatuses.Rank(task.Status);
            if (rank < 0 || rank != TaskStatuses.Rank(step) - 1)
            {
                return TerminalErrors.OutOfOrder(task.Status, step);
            }

            if (validate(task) is { IsValid: false } invalid)
            {
                return invalid.ToError();
            }

            var now = StoredTime.Now(clock);
            apply(task, now);
            task.Status = step;
            task.UpdatedAt = now;
            task.Version++;
            audit.Record("terminal.task_" + step, "terminal_task", task.Id.ToString(), new { step, task.Outcome }, task.AgencyId);
            var view = View(task);
            // The modules that raised the task (an alert follows its task) change their rows in this unit of work: they
            // are saved with the step or not at all. After a clear below they run again on what is stored then.
            foreach (var observer in observers)
            {
                await observer.OnTaskStepAsync(view, ct);
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt == 0)
            {
                // Another device of the officer moved the task meanwhile (or the alert it follows changed): decide again
                // on what is stored now.
                db.ChangeTracker.Clear();
                continue;
            }

            await notifier.SendAsync(TaskNotifier.TaskChanged, view, ct);
            return view;
        }
    }

    private TaskView View(TerminalTask t) => new(
        t.Id, t.Kind, t.Title, t.Detail, t.Place, t.Lat, t.Lon, t.SourceType, t.SourceRef, t.Status, t.DispatchedAt, t.DispatchedBy, t.AcceptedAt, t.ArrivedAt,
        t.FinishedAt, t.Outcome, t.Note, t.DueBy, t.OfficerId, agencies.Current.Find(t.AgencyId)?.Code ?? string.Empty);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
