using Vanguard.Domain.Common;

namespace Vanguard.Server.Modules.Surveillance;

/// <summary>The errors every part of the module can answer with (one code, one text, wherever they arise).</summary>
internal static class SurveillanceErrors
{
    public static readonly Error WatchlistNotFound = Error.NotFound(
        "surveillance.watchlist_not_found", "布控名单不存在或不在您的管辖范围内。", "No such watch-list in your jurisdiction.");

    public static readonly Error WatchlistInactive = Error.Conflict(
        "surveillance.watchlist_inactive", "该布控名单已停用，不能再添加布控车辆。", "The watch-list is switched off; no entries can be added.");

    public static readonly Error EntryExists = Error.Conflict(
        "surveillance.entry_exists", "该车辆（号牌号码和颜色相同）已在此名单中待审批或布控中，不能重复布控。",
        "This vehicle (plate and colour) already has a pending or active entry on this list.");

    /// <summary>The row's <c>version</c> moved since the caller read it (optimistic concurrency; same code as <c>cases.concurrent_update</c>).</summary>
    public static readonly Error ConcurrentUpdate = Error.Conflict(
        "surveillance.concurrent_update", "数据已被他人修改，请刷新后重试。", "Someone else changed it meanwhile; reload and try again.");

    /// <summary>
    /// 布控审批 and what stands for it (reject, revoke, batch approval, promoting a suspect, changing an entry already in force, a list's
    /// outside push) belong to the approver roles; the handlers check it themselves because the web pages call them without the HTTP policy.
    /// </summary>
    public static readonly Error ApproverRequired = Error.Forbidden(
        "surveillance.approver_required", "此操作须由布控审批人员（单位管理员或省级管理员）进行。",
        "Only an approver (agency or province administrator) may do this.");
}
