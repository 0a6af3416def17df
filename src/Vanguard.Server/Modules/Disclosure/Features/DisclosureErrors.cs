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

    public static readonly Error DecisionNotFound = Error.NotFound(
        "disclosure.decision_not_found", "处罚决定不存在或不在您的管辖范围内。", "No such decision in your jurisdiction.");

    public static readonly Error NotPublishable = Error.Conflict(
        "disclosure.not_publishable", "该决定不是行政处罚决定，本就不予公示。", "The decision is not a penalty and is not published anyway.");

    public static readonly Error AlreadyPublished = Error.Conflict(
        "disclosure.already_published", "该决定已公示（或已处理），请改用撤回。", "The decision is already published (or handled); withdraw it instead.");

    public static readonly Error BadMonth = Error.Validation(new Dictionary<string, FieldError[]>
    {
        ["month"] = [new FieldError("invalid", "月份格式应为 yyyy-MM，例如 2026-10。", "The month is yyyy-MM, e.g. 2026-10.")],
    });
}
