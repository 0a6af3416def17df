using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Vanguard.Devices.Terminal;

/// <summary>Counters every simulated officer adds to; read by the live line and the summary.</summary>
internal sealed class TerminalStats
{
    private int _officers;
    private int _signedIn;
    private int _onDuty;
    private int _signInFailed;
    private long _pointsSent;
    private long _pointsAccepted;
    private long _pointsDuplicate;
    private long _pointsDropped;
    private long _batches;
    private long _requests;
    private long _retries;
    private long _renewals;
    private int _tasksSeen;
    private int _tasksAccepted;
    private int _tasksArrived;
    private int _tasksFinished;
    private int _unreachable;
    private int _answered;

    public ConcurrentDictionary<string, int> Errors { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, int> Outcomes { get; } = new(StringComparer.Ordinal);

    public int Officers { get => Volatile.Read(ref _officers); set => Volatile.Write(ref _officers, value); }
    public int SignedIn => Volatile.Read(ref _signedIn);
    public int OnDuty => Volatile.Read(ref _onDuty);
    public int SignInFailed => Volatile.Read(ref _signInFailed);
    public long PointsSent => Interlocked.Read(ref _pointsSent);
    public long PointsAccepted => Interlocked.Read(ref _pointsAccepted);
    public long PointsDuplicate => Interlocked.Read(ref _pointsDuplicate);
    public long PointsDropped => Interlocked.Read(ref _pointsDropped);
    public long Batches => Interlocked.Read(ref _batches);
    public long Requests => Interlocked.Read(ref _requests);
    public long Retries => Interlocked.Read(ref _retries);
    public long Renewals => Interlocked.Read(ref _renewals);
    public int TasksSeen => Volatile.Read(ref _tasksSeen);
    public int TasksAccepted => Volatile.Read(ref _tasksAccepted);
    public int TasksArrived => Volatile.Read(ref _tasksArrived);
    public int TasksFinished => Volatile.Read(ref _tasksFinished);

    /// <summary>True when not one request got an HTTP answer, but some failed to connect.</summary>
    public bool NeverReached => Volatile.Read(ref _answered) == 0 && Volatile.Read(ref _unreachable) > 0;

    public int ErrorCount => Errors.Values.Sum();

    public void SignedInOnce() => Interlocked.Increment(ref _signedIn);
    public void SignInRefused() => Interlocked.Increment(ref _signInFailed);
    public void WentOnDuty() => Interlocked.Increment(ref _onDuty);
    public void WentOffDuty() => Interlocked.Decrement(ref _onDuty);
    public void Answered() => Interlocked.Increment(ref _answered);
    public void Unreachable() => Interlocked.Increment(ref _unreachable);
    public void Request() => Interlocked.Increment(ref _requests);
    public void Retry() => Interlocked.Increment(ref _retries);
    public void Renewed() => Interlocked.Increment(ref _renewals);
    public void TaskSeen() => Interlocked.Increment(ref _tasksSeen);
    public void TaskAccepted() => Interlocked.Increment(ref _tasksAccepted);
    public void TaskArrived() => Interlocked.Increment(ref _tasksArrived);

    public void TaskFinished(string outcome)
    {
        Interlocked.Increment(ref _tasksFinished);
        Outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
    }

    public void BatchSent(int points, PositionsAnswer answer)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _pointsSent, points);
        Interlocked.Add(ref _pointsAccepted, answer.Accepted);
        Interlocked.Add(ref _pointsDuplicate, answer.Duplicates);
        Interlocked.Add(ref _pointsDropped, answer.Rejected?.Count ?? 0);
    }

    public void PointsGivenUp(int points) => Interlocked.Add(ref _pointsDropped, points);

    /// <summary>One failed attempt, by the problem code of the answer (or http_503, network, timeout).</summary>
    public void Error(string code) => Errors.AddOrUpdate(code, 1, (_, n) => n + 1);

    public string Line(TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture,
        $"[{elapsed.TotalSeconds,6:0}s] on duty {OnDuty}/{Officers}  points sent {PointsSent} accepted {PointsAccepted} duplicates {PointsDuplicate}  " +
        $"tasks accepted {TasksAccepted} arrived {TasksArrived} finished {TasksFinished}  errors {FormatErrors()}");

    public string Summary(TimeSpan elapsed)
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"Summary: {elapsed.TotalSeconds:0.0} s, {Officers} officers");
        s.AppendLine(CultureInfo.InvariantCulture, $"  officers   {SignedIn} signed in, {SignInFailed} refused, {OnDuty} still on duty, {Renewals} token renewals");
        s.AppendLine(CultureInfo.InvariantCulture, $"  positions  sent {PointsSent} in {Batches} batches: accepted {PointsAccepted}, duplicates {PointsDuplicate}; {PointsDropped} given up");
        var outcomes = Outcomes.IsEmpty ? string.Empty : " (" + string.Join(", ", Outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} {o.Value}")) + ")";
        s.AppendLine(CultureInfo.InvariantCulture, $"  tasks      seen {TasksSeen}, accepted {TasksAccepted}, arrived {TasksArrived}, finished {TasksFinished}{outcomes}");
        s.AppendLine(CultureInfo.InvariantCulture, $"  requests   {Requests}, {Retries} retries");
        s.Append(CultureInfo.InvariantCulture, $"  errors     {FormatErrors()}");
        return s.ToString();
    }

    private string FormatErrors() => Errors.IsEmpty
        ? "0"
        : string.Join(" ", Errors.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}×{e.Value}"));
}
