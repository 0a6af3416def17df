using Vanguard.Domain.Common;

namespace Vanguard.Server.Modules.Supervision.Features;

internal static class SupervisionErrors
{
    public static readonly Error OfficerNotFound = Error.NotFound(
        "supervision.officer_not_found", "执法人员不存在或不在您的管辖范围内。", "No such officer in your jurisdiction.");

    public static readonly Error AgencyNotFound = Error.NotFound(
        "supervision.agency_not_found", "执法机构不存在或不在您的管辖范围内。", "No such agency in your jurisdiction.");

    public static readonly Error InspectionNotFound = Error.NotFound(
        "supervision.inspection_not_found", "督查记录不存在或不在您的管辖范围内。", "No such inspection in your jurisdiction.");

    public static readonly Error AccountabilityNotFound = Error.NotFound(
        "supervision.accountability_not_found", "问责记录不存在或不在您的管辖范围内。", "No such accountability record in your jurisdiction.");

    public static readonly Error AlreadyHandled = Error.Conflict(
        "supervision.already_handled", "该问责记录已处理，不能重复登记处理措施。", "The measure of this accountability record is already recorded.");

    public static readonly Error VersionConflict = Error.Conflict(
        "supervision.concurrent_update", "该记录刚被他人修改，请刷新后重试。", "The record was changed by someone else; reload and try again.");
}
