using Vanguard.Domain.Common;

namespace Vanguard.Server.Modules.Terminal.Features;

internal static class TerminalErrors
{
    public static readonly Error NotAnOfficer = Error.Forbidden(
        "terminal.not_an_officer", "当前账号未关联执法人员，不能使用此功能，请联系管理员。", "This account is not linked to an enforcement officer.");

    public static readonly Error OffDuty = Error.Conflict(
        "terminal.off_duty", "您当前不在岗，请先点击“上岗”再上报位置。", "You are off duty; go on duty before sending positions.");

    public static readonly Error OfficerNotFound = Error.NotFound(
        "terminal.officer_not_found", "执法人员不存在或不在您的管辖范围内。", "No such officer in your jurisdiction.");

    public static readonly Error TaskNotFound = Error.NotFound(
        "terminal.task_not_found", "任务不存在或不是派给您的。", "No such task for you.");

    public static readonly Error NotFound = Error.NotFound(
        "terminal.not_found", "未查询到登记信息，请核对后重试。", "The registry does not know it.");

    public static Error OutOfOrder(string status, string step) => Error.Conflict(
        "terminal.task_step_out_of_order",
        $"任务当前状态为“{StatusZh(status)}”，不能执行“{StepZh(step)}”。任务须按 接收 → 到达 → 完成 的顺序处理。",
        $"The task is {status}; it cannot be {step}. Steps go dispatched → accepted → arrived → finished.");

    public static string StatusZh(string status) => status switch
    {
        TaskStatuses.Dispatched => "已派发",
        TaskStatuses.Accepted => "已接收",
        TaskStatuses.Arrived => "已到达",
        TaskStatuses.Finished => "已完成",
        TaskStatuses.Cancelled => "已取消",
        _ => status,
    };

    private static string StepZh(string step) => step switch
    {
        TaskStatuses.Accepted => "接收",
        TaskStatuses.Arrived => "到达现场",
        TaskStatuses.Finished => "完成",
        _ => step,
    };
}

internal static class TaskStatuses
{
    public const string Dispatched = "dispatched";
    public const string Accepted = "accepted";
    public const string Arrived = "arrived";
    public const string Finished = "finished";
    public const string Cancelled = "cancelled";

    /// <summary>The order of the steps; a cancelled task takes none.</summary>
    public static int Rank(string status) => status switch
    {
        Dispatched => 0,
        Accepted => 1,
        Arrived => 2,
        Finished => 3,
        _ => -1,
    };

    public static IReadOnlyList<string> Open { get; } = [Dispatched, Accepted, Arrived];
}

/// <summary>处置结果 of a finished task.</summary>
internal static class TaskOutcomes
{
    public static IReadOnlyList<string> All { get; } = ["seized", "warned", "case_opened", "not_found", "false_hit", "resolved", "other"];

    /// <summary>误报 and 其他 must say what happened.</summary>
    public static bool NeedsNote(string outcome) => outcome is "false_hit" or "other";
}
