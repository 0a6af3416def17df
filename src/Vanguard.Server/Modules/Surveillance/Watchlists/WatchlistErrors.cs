using Vanguard.Domain.Common;
using Vanguard.Server.Modules.Surveillance.Data;

namespace Vanguard.Server.Modules.Surveillance.Watchlists;

internal static class WatchlistErrors
{
    public static readonly Error ListNotFound = Error.NotFound(
        "surveillance.watchlist_not_found", "布控名单不存在或不在您的管辖范围内。", "No such watch-list in your jurisdiction.");

    public static readonly Error ListInactive = Error.Conflict(
        "surveillance.watchlist_inactive", "该布控名单已停用，不能再添加布控车辆。", "The watch-list is switched off; no entries can be added.");

    public static readonly Error EntryNotFound = Error.NotFound(
        "surveillance.entry_not_found", "布控车辆不存在或不在您的管辖范围内。", "No such watch-list entry in your jurisdiction.");

    public static readonly Error EntryExists = Error.Conflict(
        "surveillance.entry_exists", "该车辆（号牌号码和颜色相同）已在此名单中待审批或布控中。",
        "This vehicle (plate and colour) already has a pending or active entry on this list.");

    public static readonly Error SamePerson = Error.Conflict(
        "surveillance.same_person", "布控审批须由申请人以外的人员进行，您不能审批自己提交的布控。",
        "An entry must be approved by someone other than the person who requested it.");

    public static readonly Error Expired = Error.Conflict(
        "surveillance.entry_expired", "该布控的有效期已过，不能再审批生效；如仍需布控，请重新提交。",
        "The entry's validity has ended; it cannot be approved. Request a new one if still needed.");

    public static readonly Error ConcurrentUpdate = Error.Conflict(
        "surveillance.concurrent_update", "数据已被他人修改，请刷新后重试。", "Someone else changed it; reload and try again.");

    public static readonly Error BatchNotFound = Error.NotFound(
        "surveillance.batch_not_found", "导入批次不存在或不在您的管辖范围内。", "No such import batch in your jurisdiction.");

    public static Error NotPending(string status) => Error.Conflict(
        "surveillance.entry_not_pending", $"该布控当前为“{StatusZh(status)}”，只有待审批的布控可以审批或驳回。",
        $"The entry is {status}; only pending entries can be approved or rejected.");

    public static Error Closed(string status) => Error.Conflict(
        "surveillance.entry_closed", $"该布控已{StatusZh(status)}，不能再修改或撤控。", $"The entry is {status}; it can no longer be changed or revoked.");

    public static string StatusZh(string status) => status switch
    {
        EntryStatuses.Pending => "待审批",
        EntryStatuses.Active => "布控中",
        EntryStatuses.Rejected => "驳回",
        EntryStatuses.Revoked => "撤控",
        _ => status,
    };
}
