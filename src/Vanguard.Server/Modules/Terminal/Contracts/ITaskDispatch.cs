using Vanguard.Domain.Common;

namespace Vanguard.Server.Modules.Terminal.Contracts;

/// <summary>
/// Sends a task (任务) to an officer's terminal, for the modules that raise work in the field: watch-list hits (布控预警),
/// complaints (投诉核查), joint operations. The officer must be in the caller's jurisdiction.
/// </summary>
public interface ITaskDispatch
{
    /// <summary>
    /// Stores the task, audits it and pushes <c>taskAssigned</c> to the officer's connected terminals (polling with
    /// <c>since</c> finds it otherwise). Fails with <c>validation.failed</c> or <c>terminal.officer_not_found</c>.
    /// </summary>
    Task<Result<TaskView>> DispatchAsync(TaskDispatchRequest request, CancellationToken ct);

    /// <summary>
    /// The on-duty officers of the agency and the agencies under it nearest to a point, by their last position
    /// (great-circle distance), nearest first; at most <paramref name="max"/>.
    /// </summary>
    Task<IReadOnlyList<NearbyOfficer>> NearestOnDutyAsync(Guid agencyId, double lat, double lon, int max, CancellationToken ct);

    /// <summary>The officers on duty in the caller's jurisdiction that have sent a position, with their last one (the command map).</summary>
    Task<IReadOnlyList<OfficerOnDuty>> OnDutyWithPositionsAsync(CancellationToken ct);

    /// <summary>
    /// 撤销: the task is no longer the officer's to do (the alert went to a colleague, or the command centre closed it).
    /// Status <c>cancelled</c> with the reason in its note; audited; <c>taskChanged</c> is pushed to the officer's
    /// terminals; a cancelled task takes no further step. Saves the caller's unit of work with it (as a dispatch does).
    /// A task already finished or cancelled is returned unchanged. Fails with <c>terminal.task_not_found</c> (not in
    /// the caller's jurisdiction) or <c>validation.failed</c> (no reason).
    /// </summary>
    Task<Result<TaskView>> CancelAsync(Guid taskId, string reason, CancellationToken ct);
}

/// <param name="Kind">One of <see cref="TaskKinds.All"/>.</param>
/// <param name="SourceType">What raised the task (<c>watchlist_hit</c>, <c>complaint</c> …), with <paramref name="SourceRef"/> its id there.</param>
/// <param name="TaskId">
/// The id to give the task, when the caller keeps it on its own row: that row is then saved in the same unit of work as
/// the task, so the task is never stored without the caller knowing it. A new id when null.
/// </param>
public sealed record TaskDispatchRequest(
    Guid OfficerId,
    string? Kind,
    string? Title,
    string? Detail = null,
    string? Place = null,
    double? Lat = null,
    double? Lon = null,
    string? SourceType = null,
    string? SourceRef = null,
    DateTimeOffset? DueBy = null,
    Guid? TaskId = null);

/// <summary>A task as the officer's terminal and the command centre see it.</summary>
public sealed record TaskView(
    Guid Id,
    string Kind,
    string Title,
    string? Detail,
    string? Place,
    double? Lat,
    double? Lon,
    string? SourceType,
    string? SourceRef,
    string Status,
    DateTimeOffset DispatchedAt,
    string DispatchedBy,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? ArrivedAt,
    DateTimeOffset? FinishedAt,
    string? Outcome,
    string? Note,
    DateTimeOffset? DueBy,
    Guid OfficerId,
    string AgencyCode);

public sealed record OfficerOnDuty(Guid OfficerId, string OfficerNo, string Name, Guid AgencyId, DateTimeOffset At, double Lat, double Lon);

public sealed record NearbyOfficer(Guid OfficerId, string OfficerNo, string Name, Guid AgencyId, DateTimeOffset At, double Lat, double Lon, double DistanceM);

/// <summary>任务类型. Stored as these values.</summary>
public static class TaskKinds
{
    /// <summary>布控预警.</summary>
    public const string WatchlistHit = "watchlist_hit";

    /// <summary>投诉核查.</summary>
    public const string Complaint = "complaint";

    /// <summary>联合执法.</summary>
    public const string JointOperation = "joint_operation";

    /// <summary>巡查.</summary>
    public const string Patrol = "patrol";

    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } = [WatchlistHit, Complaint, JointOperation, Patrol, Other];
}
