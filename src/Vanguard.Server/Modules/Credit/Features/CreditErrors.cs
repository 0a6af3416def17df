using Vanguard.Domain.Common;

namespace Vanguard.Server.Modules.Credit.Features;

internal static class CreditErrors
{
    public static readonly Error EntryNotFound = Error.NotFound("credit.entry_not_found", "黑名单记录不存在。", "No such blacklist entry.");

    public static readonly Error RepairNotFound = Error.NotFound("credit.repair_not_found", "信用修复申请不存在。", "No such credit repair application.");

    public static readonly Error CaseNotFound = Error.NotFound(
        "credit.case_not_found", "案件不存在、尚未作出处罚决定或不在您的管辖范围内。", "No decided case with that id in your jurisdiction.");

    public static readonly Error NotOverload = Error.Conflict(
        "credit.not_overload", "只有违法超限运输案件才登记驾驶人和货运源头单位（超限运输车辆行驶公路管理规定第四十四条）。",
        "Only an overload case records its driver and loading source (超限规定 art. 44).");

    public static readonly Error NotProposed = Error.Conflict("credit.not_proposed", "该记录不是拟列入状态，不能确认列入。", "The entry is not proposed; it cannot be confirmed.");

    public static readonly Error NotOpen = Error.Conflict("credit.not_listed", "该记录已移出黑名单。", "The entry is no longer on the list.");

    public static readonly Error NotListed = Error.Conflict(
        "credit.repair_not_listed", "只有已列入黑名单的主体才能申请信用修复。", "Only a listed subject may apply for credit repair.");

    public static readonly Error RepairPending = Error.Conflict(
        "credit.repair_pending", "该记录已有待审核的信用修复申请。", "A credit repair application for this entry is already pending.");

    public static readonly Error RepairDecided = Error.Conflict("credit.repair_decided", "该信用修复申请已审核。", "The application has already been decided.");

    public static readonly Error OutsideJurisdiction = Error.Forbidden(
        "credit.outside_jurisdiction", "该黑名单记录所依据的处罚决定均不在您的管辖范围内，由作出决定的机关或其上级处理。",
        "None of the decisions this entry rests on is in your jurisdiction; the deciding agency or its superiors act on it.");

    public static readonly Error VersionConflict = Error.Conflict(
        "credit.concurrent_update", "该记录刚被他人处理，请刷新后重试。", "The entry was changed by someone else; reload and try again.");

    /// <summary>信用修复 before the minimum publication period (domain-reference §10).</summary>
    public static Error RepairTooEarly(DateOnly earliest) => Error.Conflict(
        "credit.repair_too_early", $"未满最短公示期，{earliest:yyyy-MM-dd} 起方可申请信用修复。",
        $"The minimum publication period has not passed: credit repair may be applied for from {earliest:yyyy-MM-dd}.");
}
