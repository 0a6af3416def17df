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

    public static readonly Error WatchlistNotFound = SurveillanceErrors.WatchlistNotFound;

    public static readonly Error AgencyNotFound = Error.NotFound(
        "agencies.not_found", "执法机构不存在或不在您的管辖范围内。", "No such agency in your jurisdiction.");

    public static readonly Error WatchlistInactive = SurveillanceErrors.WatchlistInactive;

    public static readonly Error EntryExists = SurveillanceErrors.EntryExists;

    public static readonly Error VersionConflict = SurveillanceErrors.ConcurrentUpdate;

    public static Error AlreadyDecided(string status) => Error.Conflict(
        "surveillance.suspect_decided",
        status == Data.SuspectStatuses.Promoted ? "该疑似车辆已转为布控，不能再次处理。" : "该疑似车辆已被排除，不能再次处理。",
        $"The suspect is already {status}.");
}
