using Vanguard.Domain.Common;

namespace Vanguard.Server.Modules.Warnings.Features;

internal static class WarningErrors
{
    public static readonly Error NotFound = Error.NotFound(
        "warnings.not_found", "预警不存在或不在您的管辖范围内。", "No such warning in your jurisdiction.");

    public static readonly Error AgencyNotFound = Error.NotFound(
        "agencies.not_found", "执法机构不存在。", "No such agency.");

    public static readonly Error RuleNotFound = Error.NotFound(
        "warnings.rule_not_found", "预警规则不存在。", "No such warning rule.");

    public static readonly Error AlreadyClosed = Error.Conflict(
        "warnings.closed", "该预警已处置办结，不能重复回复。", "The warning is already closed.");

    public static readonly Error VersionConflict = Error.Conflict(
        "warnings.concurrent_update", "该预警刚被他人处理，请刷新后重试。", "The warning was changed by someone else; reload and try again.");

    public static readonly Error NoProvince = Error.Forbidden(
        "warnings.no_province", "您的账号不属于任何省级单位，不能设置预警阈值。", "Your account belongs to no province; it cannot set thresholds.");
}
