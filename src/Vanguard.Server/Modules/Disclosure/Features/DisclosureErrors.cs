using Vanguard.Domain.Common;

namespace Vanguard.Server.Modules.Disclosure.Features;

internal static class DisclosureErrors
{
    public static readonly Error NotFound = Error.NotFound(
        "disclosure.not_found", "公示信息不存在、已撤回或已过公示期。", "No such published decision (or it was withdrawn or has expired).");

    public static readonly Error EntryNotFound = Error.NotFound(
        "disclosure.entry_not_found", "公示记录不存在或不在您的管辖范围内。", "No such publication in your jurisdiction.");

    public static readonly Error AlreadyWithdrawn = Error.Conflict(
        "disclosure.already_withdrawn", "该公示已撤回。", "The publication is already withdrawn.");

    public static readonly Error VersionConflict = Error.Conflict(
        "disclosure.concurrent_update", "该公示刚被他人修改，请刷新后重试。", "The publication was changed by someone else; reload and try again.");

    public static readonly Error BadMonth = Error.Validation(new Dictionary<string, FieldError[]>
    {
        ["month"] = [new FieldError("invalid", "月份格式应为 yyyy-MM，例如 2026-10。", "The month is yyyy-MM, e.g. 2026-10.")],
    });
}
