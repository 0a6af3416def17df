using Vanguard.Domain.Complaints;
using Vanguard.Domain.Common;

namespace Vanguard.Server.Modules.Complaints.Features;

internal static class ComplaintErrors
{
    public static readonly Error NotFound = Error.NotFound(
        "complaints.not_found", "投诉举报不存在或不在您的管辖范围内。", "No such complaint in your jurisdiction.");

    public static readonly Error AgencyNotFound = Error.NotFound(
        "agencies.not_found", "执法机构不存在或不在您的管辖范围内。", "No such agency in your jurisdiction.");

    public static readonly Error TicketElsewhere = Error.Conflict(
        "complaints.ticket_exists", "该 12328 工单号已登记，且不在您的管辖范围内。", "That 12328 ticket is already filed outside your jurisdiction.");

    public static readonly Error VersionConflict = Error.Conflict(
        "complaints.concurrent_update", "该投诉刚被他人处理，请刷新后重试。", "The complaint was changed by someone else; reload and try again.");

    public static readonly Error AlreadyContacted = Error.Conflict(
        "complaints.contact_done", "已记录首次电话联系，不能重复记录。", "The first phone contact is already recorded.");

    public static readonly Error ReassignAfterContact = Error.Conflict(
        "complaints.already_contacted", "承办单位已联系投诉人，不能再改派。", "The responsible agency has already contacted the complainant; it cannot be reassigned.");

    public static readonly Error ContactFirst = Error.Conflict(
        "complaints.contact_first", "请先记录首次电话联系，再记录到场。", "Record the first phone contact before the presence on site.");

    public static readonly Error AlreadyOnsite = Error.Conflict(
        "complaints.onsite_done", "已记录到场，不能重复记录。", "The presence on site is already recorded.");

    public static readonly Error OnsiteFirst = Error.Conflict(
        "complaints.onsite_first", "须先记录到场核查，才能登记处理结果。", "Record the presence on site before the handling result.");

    public static readonly Error ResultDone = Error.Conflict(
        "complaints.result_done", "处理结果已登记；如投诉人不满意，请在回访后申请复核。", "The result is already recorded; after a dissatisfied return visit, re-examine.");

    public static readonly Error ResultFirst = Error.Conflict(
        "complaints.result_first", "须先登记处理结果，才能答复投诉人。", "Record the handling result before replying to the complainant.");

    public static readonly Error ReplyDone = Error.Conflict(
        "complaints.reply_done", "已答复投诉人，不能重复答复。", "The complainant has already been replied to.");

    public static readonly Error ReplyFirst = Error.Conflict(
        "complaints.reply_first", "须先答复投诉人，才能回访。", "Reply to the complainant before the return visit.");

    public static readonly Error VisitDone = Error.Conflict(
        "complaints.visit_done", "已回访，不能重复回访。", "The return visit is already recorded.");

    public static readonly Error NotDissatisfied = Error.Conflict(
        "complaints.not_dissatisfied", "只有回访不满意的投诉才能复核。", "Only a complaint whose return visit was dissatisfied can be re-examined.");

    public static readonly Error NotAboutAnOfficer = Error.Conflict(
        "complaints.not_about_officer", "该投诉未指向具体执法人员，无需指定核查人。", "The complaint names no officer of the platform; it needs no reviewer.");

    public static readonly Error ReviewerNotFound = Error.NotFound(
        "complaints.reviewer_not_found", "核查人不存在、已停用或不在您的管辖范围内。", "No such active officer in your jurisdiction.");

    public static readonly Error ReviewerSameTeam = new(
        "complaints.reviewer_same_team", "核查人不能来自被投诉执法人员所在的单位（回避）。",
        "The reviewer may not come from the accused officer's own team.");

    public static readonly Error ReviewerRequired = Error.Conflict(
        "complaints.reviewer_required", "投诉指向执法人员，须先指定其他单位的核查人，再登记处理结果。",
        "A complaint about an officer needs a reviewer from another team before its result.");

    public static readonly Error NotTheReviewer = Error.Forbidden(
        "complaints.not_reviewer", "投诉指向执法人员，处理结果只能由指定的核查人登记。",
        "The result of a complaint about an officer is recorded by its reviewer only.");

    public static readonly Error TraceForbidden = Error.Forbidden(
        "complaints.trace_forbidden", "执法人员的位置轨迹和执法记录仅对指挥中心值班员、管理员和指定的核查人开放。",
        "An officer's positions and recordings are for command operators, administrators and the named reviewer.");

    /// <summary>A 投诉举报 result needs its 调查结论; consultations and suggestions take none.</summary>
    public static Error FindingInvalid(string type) => ComplaintFinding.AppliesTo(type)
        ? Validator.Invalid("finding", "required", "投诉举报须登记调查结论：属实、部分属实或不属实。",
            "A complaint's result needs a finding: substantiated, partly_substantiated or unsubstantiated.")
        : Validator.Invalid("finding", "not_applicable", "咨询和意见建议不登记调查结论。", "Consultations and suggestions take no finding.");

    public static Error TimeInFuture(string field) => Validator.Invalid(
        field, "in_future", "时间不能晚于当前时间。", "The time cannot be in the future.");

    public static Error TimeBefore(string field, string whatZh, string whatEn) => Validator.Invalid(
        field, "too_early", $"时间不能早于{whatZh}。", $"The time cannot be before {whatEn}.");
}
