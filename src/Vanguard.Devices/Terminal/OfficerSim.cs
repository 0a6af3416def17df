using System.Globalization;
using System.Text.Json;
using Vanguard.Devices.Client;

namespace Vanguard.Devices.Terminal;

internal sealed record TerminalSettings
{
    /// <summary>How often the terminal takes a GPS fix.</summary>
    public TimeSpan PositionInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the fixes taken since the last batch are posted together.</summary>
    public TimeSpan BatchInterval { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>From seeing a dispatched task to accepting it.</summary>
    public TimeSpan AcceptAfter { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>From accepting to arriving (the car drives to the task's place in about this time, at 30–120 km/h).</summary>
    public TimeSpan ArriveAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>On scene, from arriving to finishing.</summary>
    public TimeSpan FinishAfter { get; init; } = TimeSpan.FromSeconds(30);

    public double RadiusM { get; init; } = PatrolArea.DefaultRadiusM;

    /// <summary>After the stop (duration or Ctrl+C): time to send the last positions and go off duty.</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(8);

    public TimeSpan ReportEvery { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Officers sign in this far apart, so a crowd does not hit the login rate limit at once.</summary>
    public TimeSpan StartStagger { get; init; } = TimeSpan.FromMilliseconds(250);

    public RetryPolicy Retry { get; init; } = new();

    /// <summary>Where to patrol instead of the agency's city centre (the illegal-operation scenario keeps them near 郑州东站).</summary>
    public PatrolArea? Area { get; init; }

    /// <summary>How tasks end, as (share, outcome, note) adding up to 1; null: the mix of <see cref="OfficerSim.DefaultOutcomes"/>.</summary>
    public IReadOnlyList<(double Share, string Outcome, string Note)>? Outcomes { get; init; }
}

internal enum OfficerEnd
{
    /// <summary>Went on duty, patrolled, went off duty.</summary>
    Done,

    /// <summary>Stopped before going on duty.</summary>
    Stopped,

    /// <summary>Sign-in refused, or the account is not an officer's, or duty refused.</summary>
    Refused,

    /// <summary>The platform did not answer (network, 5xx) even after the retries.</summary>
    Unreachable,

    /// <summary>404 or 405 on the duty call: the platform has no terminal API (an older version, or the module not deployed).</summary>
    NoTerminalApi,
}

/// <summary>
/// One officer on patrol: signs in, goes on duty, drives a random route in the agency's area posting batches of fixes,
/// polls for tasks and works each one (accept, drive there, arrive, finish), and goes off duty when stopped.
/// </summary>
internal sealed class OfficerSim(TerminalSession session, TerminalSettings settings, TerminalStats stats, int seed, TimeProvider clock, TextWriter log)
{
    private readonly Lock _gate = new();
    private readonly List<PositionPoint> _pending = [];
    private DateTimeOffset _lastFixAt = DateTimeOffset.MinValue;
    private readonly Dictionary<Guid, TrackedTask> _tasks = [];
    private readonly Random _taskRandom = new(unchecked((seed * 31) + 7));
    private PatrolRoute? _route;
    private DateTimeOffset _lastMove;
    private (List<PositionPoint> Points, string Key)? _batch;
    private Guid? _active;
    private bool _pollRefused;

    public string Username => session.Username;

    public PatrolArea? Area => _route?.Area;

    public async Task<OfficerEnd> RunAsync(CancellationToken stopping, CancellationToken aborting)
    {
        MeView me;
        try
        {
            await session.SignInAsync(stopping);
            stats.SignedInOnce();
            me = await session.GetAsync<MeView>(TerminalWire.MePath, stopping);
        }
        catch (TerminalProblem e)
        {
            if (!e.Transient)
            {
                stats.SignInRefused();
            }

            Say($"could not sign in: {e.Message}");
            return e.Transient ? OfficerEnd.Unreachable : OfficerEnd.Refused;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return OfficerEnd.Stopped;
        }

        if (me.Officer is null)
        {
            Say("warning: the account is not linked to an officer; the platform will refuse duty (terminal.not_an_officer).");
        }

        var route = new PatrolRoute(settings.Area ?? PatrolArea.ForAgency(me.Agency?.Code, settings.RadiusM), new Random(seed));
        lock (_gate)
        {
            _route = route;
            _lastMove = clock.GetUtcNow();
        }

        try
        {
            await session.PostAsync<DutyState>(TerminalWire.DutyPath, new { onDuty = true }, stopping);
        }
        catch (TerminalProblem e)
        {
            Say($"could not go on duty: {e.Message}");
            return e.Transient ? OfficerEnd.Unreachable : e.Status is 404 or 405 ? OfficerEnd.NoTerminalApi : OfficerEnd.Refused;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return OfficerEnd.Stopped;
        }

        stats.WentOnDuty();
        Say(string.Create(CultureInfo.InvariantCulture,
            $"on duty ({me.Agency?.Code} {me.Officer?.Name ?? me.DisplayName}), patrolling {route.Area.Name} from {route.Current.Position.Lat:0.0000},{route.Current.Position.Lon:0.0000}"));
        TakeFix();

        await Task.WhenAll(MoveLoopAsync(stopping), SendLoopAsync(stopping), TaskLoopAsync(stopping));

        // Stopped: the last fix, whatever is still unsent, then off duty; all within the grace period.
        TakeFix();
        try
        {
            await FlushAsync(aborting);
        }
        catch (OperationCanceledException)
        {
        }

        try
        {
            await session.PostAsync<DutyState>(TerminalWire.DutyPath, new { onDuty = false }, aborting);
            stats.WentOffDuty();
            return OfficerEnd.Done;
        }
        catch (Exception e) when (e is TerminalProblem or OperationCanceledException)
        {
            Say($"could not go off duty: {e.Message}");
            return e is TerminalProblem { Transient: false } ? OfficerEnd.Refused : OfficerEnd.Unreachable;
        }
    }

    private async Task MoveLoopAsync(CancellationToken stopping)
    {
        while (await DelayAsync(settings.PositionInterval, stopping))
        {
            TakeFix();
        }
    }

    private async Task SendLoopAsync(CancellationToken stopping)
    {
        while (await DelayAsync(settings.BatchInterval, stopping))
        {
            try
            {
                await FlushAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is TerminalProblem or JsonException)
            {
                Say($"sending positions: {e.Message}"); // not expected (FlushAsync handles the platform's answers); go on
            }
        }
    }

    private async Task TaskLoopAsync(CancellationToken stopping)
    {
        var tick = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(1).Ticks, settings.PollInterval.Ticks));
        DateTimeOffset? since = null;
        var nextPoll = clock.GetUtcNow();
        do
        {
            try
            {
                if (clock.GetUtcNow() >= nextPoll)
                {
                    nextPoll = clock.GetUtcNow() + settings.PollInterval;
                    since = await PollAsync(since, stopping) ?? since;
                }

                await StepAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is TerminalProblem or JsonException)
            {
                Say($"working tasks: {e.Message}"); // an answer not in the contract's shape; try again at the next tick
            }
        }
        while (await DelayAsync(tick, stopping));
    }

    private void TakeFix()
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (_route is null)
            {
                return;
            }

            var fix = _route.Advance(now - _lastMove);
            _lastMove = now;
            var at = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero).ToOffset(Wire.ChinaOffset);
            if (at <= _lastFixAt)
            {
                // The same millisecond twice (a fix at the stop right after a regular one) — also when the first has
                // already left in a batch: the platform keeps one point per (officer, time).
                return;
            }

            _lastFixAt = at;

            _pending.Add(new PositionPoint(
                at,
                Math.Round(fix.Position.Lat, 6),
                Math.Round(fix.Position.Lon, 6),
                Math.Round(3 + (_taskRandom.NextDouble() * 9), 1),
                Math.Round(fix.SpeedKmh, 1),
                Math.Round(fix.HeadingDeg)));
        }
    }

    /// <summary>
    /// Posts the fixes not yet sent, 500 at most a request. Each batch gets a new Idempotency-Key; a batch that failed
    /// for a transient reason stays as it was, key and all, and is sent again the next round.
    /// </summary>
    internal async Task FlushAsync(CancellationToken ct)
    {
        while (true)
        {
            (List<PositionPoint> Points, string Key) batch;
            lock (_gate)
            {
                if (_batch is null)
                {
                    if (_pending.Count == 0)
                    {
                        return;
                    }

                    var take = Math.Min(_pending.Count, TerminalWire.MaxPointsPerBatch);
                    _batch = (_pending.GetRange(0, take), Guid.NewGuid().ToString());
                    _pending.RemoveRange(0, take);
                }

                batch = _batch.Value;
            }

            try
            {
                var answer = await session.PostAsync<PositionsAnswer>(TerminalWire.PositionsPath, new PositionBatch(batch.Points), ct, batch.Key);
                stats.BatchSent(batch.Points.Count, answer);
                lock (_gate)
                {
                    _batch = null;
                }
            }
            catch (TerminalProblem e) when (e.Code == TerminalWire.Problem.OffDuty)
            {
                // The platform has us off duty (a supervisor, or a restart): back on duty, and the same points again
                // next round under a new key, since the refused request stored nothing.
                Say("the platform has this officer off duty; going on duty again");
                lock (_gate)
                {
                    _batch = (batch.Points, Guid.NewGuid().ToString());
                }

                try
                {
                    await session.PostAsync<DutyState>(TerminalWire.DutyPath, new { onDuty = true }, ct);
                }
                catch (TerminalProblem duty)
                {
                    Say($"could not go on duty again: {duty.Message}");
                }

                return;
            }
            catch (TerminalProblem e) when (e.Transient)
            {
                return; // kept with its key for the next round
            }
            catch (TerminalProblem e)
            {
                Say($"{batch.Points.Count} positions refused: {e.Message}");
                stats.PointsGivenUp(batch.Points.Count);
                lock (_gate)
                {
                    _batch = null;
                }
            }
        }
    }

    /// <returns>The server's time of the answer less a margin, as the next <c>since</c>; null when the poll failed.</returns>
    private async Task<DateTimeOffset?> PollAsync(DateTimeOffset? since, CancellationToken ct)
    {
        var path = TerminalWire.TasksPath + "?status=open";
        if (since is { } s)
        {
            path += "&since=" + Uri.EscapeDataString(s.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
        }

        (JsonElement Value, DateTimeOffset ServerDate) answer;
        try
        {
            answer = await session.GetDatedAsync<JsonElement>(path, ct);
        }
        catch (TerminalProblem e)
        {
            if (!e.Transient && !_pollRefused)
            {
                _pollRefused = true;
                Say($"could not poll tasks: {e.Message}");
            }

            return null;
        }

        // An array, as the contract has it; a page ({items: […]}) is read too.
        var items = answer.Value.ValueKind == JsonValueKind.Array ? answer.Value
            : answer.Value.ValueKind == JsonValueKind.Object && answer.Value.TryGetProperty("items", out var i) ? i
            : default;
        if (items.ValueKind == JsonValueKind.Array)
        {
            foreach (var view in items.Deserialize<List<TaskView>>(Wire.Json) ?? [])
            {
                await TrackAsync(view);
            }
        }

        // The Date header has whole seconds and the server may commit a change a moment after stamping it: overlap a little.
        return answer.ServerDate.AddSeconds(-5);
    }

    private async Task TrackAsync(TaskView view)
    {
        bool isNew;
        lock (_gate)
        {
            if (view.Status is TerminalWire.Status.Finished or TerminalWire.Status.Cancelled)
            {
                Forget(view.Id);
                return;
            }

            isNew = !_tasks.TryGetValue(view.Id, out var known);
            _tasks[view.Id] = isNew ? new TrackedTask(view, clock.GetUtcNow()) : known! with { View = view };
        }

        if (isNew)
        {
            stats.TaskSeen();
            Say($"task {Short(view.Id)} {view.Status}: {view.Kind} {view.Title}{(view.Place is null ? string.Empty : " @ " + view.Place)}");
        }
    }

    /// <summary>Works the oldest open task one step, when its delay is up.</summary>
    private async Task StepAsync(CancellationToken ct)
    {
        TrackedTask task;
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (_active is { } id && _tasks.TryGetValue(id, out var active))
            {
                task = active;
            }
            else if (_tasks.Count > 0)
            {
                task = _tasks.Values.OrderBy(t => t.View.DispatchedAt ?? t.SeenAt).First();
                _active = task.View.Id;
            }
            else
            {
                return;
            }
        }

        var path = $"{TerminalWire.TasksPath}/{task.View.Id}";
        try
        {
            switch (task.View.Status)
            {
                case TerminalWire.Status.Dispatched when now - task.SeenAt >= settings.AcceptAfter:
                    var accepted = await session.PostAsync<TaskView>(path + "/accept", new { }, ct);
                    stats.TaskAccepted();
                    Update(task with { View = accepted, StepAt = now });
                    HeadFor(accepted);
                    Say($"task {Short(accepted.Id)} accepted{Where(accepted)}");
                    break;

                case TerminalWire.Status.Accepted:
                    if (task.StepAt is null)
                    {
                        // Accepted in an earlier run: set off now.
                        Update(task with { StepAt = now });
                        HeadFor(task.View);
                        break;
                    }

                    GeoPoint position;
                    lock (_gate)
                    {
                        if (_route is null || (_route.Target is not null && !_route.AtTarget) || now - task.StepAt < settings.ArriveAfter)
                        {
                            break;
                        }

                        _route.Wait();
                        position = _route.Current.Position;
                    }

                    var arrived = await session.PostAsync<TaskView>(path + "/arrive", new ArriveBody(Math.Round(position.Lat, 6), Math.Round(position.Lon, 6)), ct);
                    stats.TaskArrived();
                    Update(task with { View = arrived, StepAt = now });
                    Say($"task {Short(arrived.Id)} arrived");
                    break;

                case TerminalWire.Status.Arrived:
                    if (task.StepAt is null)
                    {
                        Update(task with { StepAt = now });
                        break;
                    }

                    if (now - task.StepAt < settings.FinishAfter)
                    {
                        break;
                    }

                    var (outcome, note) = PickOutcome();
                    var finished = await session.PostAsync<TaskView>(path + "/finish", new FinishBody(outcome, note), ct);
                    stats.TaskFinished(outcome);
                    lock (_gate)
                    {
                        Forget(finished.Id);
                    }

                    Say($"task {Short(finished.Id)} finished: {outcome}");
                    break;

                default:
                    break;
            }
        }
        catch (TerminalProblem e) when (e.Transient)
        {
            // Tried again at the next tick; the steps are idempotent on the platform.
        }
        catch (TerminalProblem e) when (e.Code == TerminalWire.Problem.StepOutOfOrder || e.Status == 404)
        {
            await ResyncAsync(task.View.Id, path, ct);
        }
        catch (TerminalProblem e)
        {
            Say($"task {Short(task.View.Id)} dropped: {e.Message}");
            lock (_gate)
            {
                Forget(task.View.Id);
            }
        }
    }

    /// <summary>The task moved on without us (cancelled, reassigned, worked on another device): take the platform's view.</summary>
    private async Task ResyncAsync(Guid id, string path, CancellationToken ct)
    {
        try
        {
            var view = await session.GetAsync<TaskView>(path, ct);
            lock (_gate)
            {
                if (_tasks.TryGetValue(id, out var known))
                {
                    _tasks[id] = known with { View = view, StepAt = null };
                }
            }

            await TrackAsync(view);
        }
        catch (TerminalProblem e) when (!e.Transient)
        {
            lock (_gate)
            {
                Forget(id);
            }
        }
        catch (TerminalProblem)
        {
            // Unreachable for now; the next step will be refused again and bring us back here.
        }
    }

    private void Update(TrackedTask task)
    {
        lock (_gate)
        {
            if (_tasks.ContainsKey(task.View.Id))
            {
                _tasks[task.View.Id] = task;
            }
        }
    }

    /// <summary>Drives to the task's place if it has one; without one the officer patrols on until it is time to arrive.</summary>
    private void HeadFor(TaskView view)
    {
        lock (_gate)
        {
            if (view.Lat is { } lat && view.Lon is { } lon)
            {
                _route?.DriveTo(new GeoPoint(lat, lon), settings.ArriveAfter);
            }
        }
    }

    /// <summary>Under <see cref="_gate"/>.</summary>
    private void Forget(Guid id)
    {
        _tasks.Remove(id);
        if (_active == id)
        {
            _active = null;
            _route?.Resume();
        }
    }

    /// <summary>A day of patrol: many a target gone, many warned, some vehicles seized, now and then a false hit.</summary>
    public static readonly IReadOnlyList<(double Share, string Outcome, string Note)> DefaultOutcomes =
    [
        (0.35, TerminalWire.Outcome.NotFound, "到达现场未发现目标车辆（模拟）"),
        (0.35, TerminalWire.Outcome.Warned, "已对当事人进行警告教育（模拟）"),
        (0.18, TerminalWire.Outcome.Seized, "已依法暂扣车辆并移交办案（模拟）"),
        (0.12, TerminalWire.Outcome.FalseHit, "现场核查为误报，车辆信息与预警不符（模拟）"),
    ];

    private (string Outcome, string? Note) PickOutcome()
    {
        double roll;
        lock (_gate)
        {
            roll = _taskRandom.NextDouble();
        }

        foreach (var (share, outcome, note) in settings.Outcomes ?? DefaultOutcomes)
        {
            roll -= share;
            if (roll < 0)
            {
                return (outcome, note);
            }
        }

        var last = (settings.Outcomes ?? DefaultOutcomes)[^1];
        return (last.Outcome, last.Note);
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, clock, ct);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>One line of what this officer does; the runner hands in a synchronised writer.</summary>
    private void Say(string message) => log.WriteLine($"  {session.Username}: {message}");

    /// <summary>The last eight hex digits: the platform's ids are version-7 GUIDs, whose first digits are the time and alike.</summary>
    private static string Short(Guid id) => id.ToString("N")[^8..];

    private static string Where(TaskView view) => view.Lat is { } lat && view.Lon is { } lon
        ? string.Create(CultureInfo.InvariantCulture, $", driving to {lat:0.0000},{lon:0.0000}")
        : string.Empty;

    private sealed record TrackedTask(TaskView View, DateTimeOffset SeenAt, DateTimeOffset? StepAt = null);
}
