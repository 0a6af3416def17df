using Vanguard.Domain.Common;

namespace Vanguard.Server.Modules.Surveillance.Suspects;

internal static class SuspectErrors
{
    public static readonly Error HotspotNotFound = Error.NotFound(
        "surveillance.hotspot_not_found", "热点区域不存在或不在您的管辖范围内。", "No such hotspot group in your jurisdiction.");

    public static readonly Error RuleNotFound = Error.NotFound(
        "surveillance.rule_not_found", "研判规则不存在或不在您的管辖范围内。", "No such suspect rule in your jurisdiction.");

    public static readonly Error SuspectNotFound = Error.NotFound(
        "surveillance.suspect_not_found", "疑似车辆不存在或不在您的管辖范围内。", "No such suspect in your jurisdiction.");

    public static readonly Error WatchlistNotFound = Error.NotFound(
        "surveillance.watchlist_not_found", "布控名单不存在或不在您的管辖范围内。", "No such watch-list in your jurisdiction.");

    public static readonly Error AgencyNotFound = Error.NotFound(
        "agencies.not_found", "执法机构不存在或不在您的管辖范围内。", "No such agency in your jurisdiction.");

    public static readonly Error WatchlistInactive = Error.Conflict(
        "surveillance.watchlist_inactive", "该布控名单已停用，不能加入车辆。", "The watch-list is switched off; nothing can be added to it.");

    public static readonly Error EntryExists = Error.Conflict(
        "surveillance.entry_exists", "该车辆已在此名单中布控（待审批或已生效），不能重复布控。",
        "The vehicle already has a pending or active entry in this list.");

    public static readonly Error VersionConflict = Error.Conflict(
        "surveillance.version_conflict", "数据已被他人修改，请刷新后重试。", "Someone else changed it meanwhile; reload and try again.");

    public static Error AlreadyDecided(string status) => Error.Conflict(
        "surveillance.suspect_decided",
        status == Data.SuspectStatuses.Promoted ? "该疑似车辆已转为布控，不能再次处理。" : "该疑似车辆已被排除，不能再次处理。",
        $"The suspect is already {status}.");
}
