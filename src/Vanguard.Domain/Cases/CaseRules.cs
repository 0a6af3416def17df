using Vanguard.Domain.Common;

namespace Vanguard.Domain.Cases;

/// <summary>
/// 程序规则 — every reason the workflow refuses an action, with the rule it comes from. The codes are stable: clients
/// and tests rely on them.
/// </summary>
public static class CaseRules
{
    public static Error InvalidTransition(CaseStage stage, string action) => new(
        "cases.invalid_transition",
        $"案件处于“{CaseStageNames.Zh(stage)}”阶段，不能执行该操作（{action}）。",
        $"The case is at '{CaseStageNames.En(stage)}'; '{action}' is not allowed there.",
        ErrorKind.Conflict);

    /// <summary>行政处罚法 art. 62: no decision without the notice of art. 44.</summary>
    public static readonly Error NoticeRequired = new(
        "cases.notice_required",
        "未依法告知当事人拟作出的处罚内容及事实、理由、依据和陈述申辩、听证权利，不得作出处罚决定（《行政处罚法》第六十二条）。",
        "No decision before the party was notified of the proposed penalty and their rights (Administrative Penalty Law art. 62).");

    /// <summary>An officer assigned to a case must hold a 执法证 valid on the day (art. 42).</summary>
    public static readonly Error OfficerNotCertified = Error.Validation(new Dictionary<string, FieldError[]>
    {
        ["officerIds"] =
        [
            new FieldError("not_certified", "承办人员须持有当日有效的执法证件（《行政处罚法》第四十二条）。",
                "An assigned officer must hold an enforcement certificate valid on the day (art. 42)."),
        ],
    });

    /// <summary>Every officer named is already assigned: nothing to do.</summary>
    public static readonly Error OfficersAlreadyAssigned = Error.Conflict(
        "cases.officers_already_assigned", "所选执法人员已是本案承办人员。", "The officers named are already assigned to the case.");

    /// <summary>行政处罚法 art. 42: at least two officers with enforcement certificates.</summary>
    public static readonly Error OfficersRequired = new(
        "cases.officers_required",
        "执法人员不得少于两人，且须持有有效执法证件（《行政处罚法》第四十二条）。",
        "At least two officers with valid enforcement certificates are required (art. 42).");

    /// <summary>行政处罚法 art. 64: the hearing request period has not ended.</summary>
    public static readonly Error HearingWindowOpen = new(
        "cases.hearing_window_open",
        "当事人申请听证的期限（告知后五个工作日）尚未届满，不得作出决定（《行政处罚法》第六十四条）。",
        "The 5-working-day hearing request period is still open (art. 64).");

    /// <summary>行政处罚法 arts. 45, 62: the statement period has not ended.</summary>
    public static readonly Error StatementWindowOpen = new(
        "cases.statement_window_open",
        "当事人陈述、申辩期限尚未届满，不得作出决定（《行政处罚法》第四十五条、第六十二条）。",
        "The party's statement and defence period is still open (arts. 45, 62).");

    public static readonly Error HearingNotEligible = new(
        "cases.hearing_not_eligible",
        "拟作出的处罚不属于应当告知听证权利的情形（《行政处罚法》第六十三条）。",
        "The proposed penalty does not carry a right to a hearing (art. 63).");

    public static readonly Error HearingRequestLate = new(
        "cases.hearing_request_late",
        "当事人应当在告知后五个工作日内提出听证申请，已超过期限（《行政处罚法》第六十四条第一项）。",
        "A hearing must be requested within 5 working days of the notice (art. 64(1)).");

    public static readonly Error HearingNoticeTooLate = new(
        "cases.hearing_notice_too_late",
        "应当在举行听证的七日前通知当事人听证的时间、地点（《行政处罚法》第六十四条第二项）。",
        "The hearing notice must reach the party at least 7 days before the hearing (art. 64(2)).");

    public static readonly Error HearingPending = new(
        "cases.hearing_pending",
        "当事人已申请听证，听证结束前不得作出决定（《行政处罚法》第六十五条）。",
        "A hearing was requested; no decision before it is held (art. 65).");

    /// <summary>行政处罚法 art. 45: 不得因当事人陈述、申辩而给予更重的处罚.</summary>
    public static readonly Error HeavierAfterDefence = new(
        "cases.heavier_after_defence",
        "行政机关不得因当事人陈述、申辩而给予更重的处罚（《行政处罚法》第四十五条）。",
        "A heavier penalty may not be given because the party made a defence (art. 45).");

    /// <summary>行政处罚法 art. 44: the decision may not exceed what the party was told.</summary>
    public static readonly Error PenaltyExceedsNotice = new(
        "cases.penalty_exceeds_notice",
        "决定的处罚重于告知的拟处罚内容，应当重新告知（《行政处罚法》第四十四条）。",
        "The decision is heavier than the notified penalty; notify the party again (art. 44).");

    public static readonly Error LegalReviewRequired = new(
        "cases.legal_review_required",
        "本案属于应当进行法制审核的情形，未经法制审核或审核未通过的，不得作出决定（《行政处罚法》第五十八条）。",
        "This case needs a passed legal review first (art. 58).");

    public static readonly Error ReviewerIsInvestigator = new(
        "cases.reviewer_is_investigator",
        "法制审核人员不得为本案的调查人员（《行政处罚法》第五十八条）。",
        "The legal reviewer may not be one of the case's investigators (art. 58).",
        ErrorKind.Forbidden);

    public static readonly Error CollectiveDiscussionRequired = new(
        "cases.collective_discussion_required",
        "情节复杂或者重大违法行为给予处罚，应当由行政机关负责人集体讨论决定（《行政处罚法》第五十七条第二款）。",
        "Complex or serious cases are decided by the agency heads collectively (art. 57(2)).");

    public static readonly Error OnSpotLimitExceeded = new(
        "cases.on_spot_limit_exceeded",
        "当场处罚仅适用于对公民处二百元以下、对法人或者其他组织处三千元以下罚款或者警告（《行政处罚法》第五十一条）。",
        "On-the-spot penalties are limited to 200 yuan (person), 3 000 yuan (organisation) or a warning (art. 51).");

    public static readonly Error ElectronicServiceWithoutConsent = new(
        "cases.electronic_service_without_consent",
        "当事人同意并签订确认书的，方可采用电子方式送达（《行政处罚法》第六十一条）。",
        "Electronic service needs the party's signed consent (art. 61).");

    public static readonly Error ChecklistIncomplete = new(
        "cases.checklist_incomplete",
        "案卷材料不齐全，不能结案。",
        "The case file is incomplete; it cannot be closed.");

    public static readonly Error Unpaid = new(
        "cases.unpaid",
        "罚款（含加处罚款）尚未缴清，也未申请强制执行，不能结案。",
        "The fine (with any late fee) is unpaid and no enforcement was applied for; the case cannot close.");

    public static readonly Error LimitationExpired = new(
        "cases.limitation_expired",
        "违法行为在二年内未被发现的，不再给予行政处罚（《行政处罚法》第三十六条）。",
        "The act is beyond the 2-year limitation period (art. 36).");

    public static readonly Error OffsiteEvidenceUnreviewed = new(
        "cases.offsite_evidence_unreviewed",
        "电子技术监控设备记录的违法事实未经审核或者经审核不符合要求的，不得作为处罚的证据（《行政处罚法》第四十一条）。",
        "Automatically recorded evidence must pass review before it is used (art. 41).");

    public static readonly Error OnSpotRecordNotFiled = new(
        "cases.on_spot_record_not_filed",
        "当场处罚决定书须报所属行政机关备案后方可结案（《交通运输行政执法程序规定》第六十一条）。",
        "The on-the-spot decision must be filed with the agency before closing.");

    public static readonly Error NotOverdue = new(
        "cases.not_overdue",
        "缴款期限尚未届满或罚款已缴清，无需催告（《行政强制法》第五十四条）。",
        "Payment is not overdue; no reminder is needed.");

    public static readonly Error ReminderPeriodOpen = new(
        "cases.reminder_period_open",
        "催告书送达十日后当事人仍未履行的，方可申请人民法院强制执行（《行政强制法》第五十四条）。",
        "Enforcement may be applied for only 10 days after the reminder was served.");

    public static readonly Error PenaltyMissing = new(
        "cases.penalty_missing",
        "处罚决定须写明罚款金额或警告。",
        "A penalty decision needs a fine or a warning.",
        ErrorKind.Validation);

    public static readonly Error DateInFuture = new(
        "cases.date_in_future",
        "操作日期不能晚于今天。",
        "The date of an action cannot be in the future.",
        ErrorKind.Validation);

    public static readonly Error DateBeforePrevious = new(
        "cases.date_out_of_order",
        "操作日期不能早于前一环节的日期。",
        "The date of an action cannot be before the previous step.",
        ErrorKind.Validation);

    /// <summary>A review or court outcome concerns a decision: it cannot be dated before the decision it reviews.</summary>
    public static readonly Error ReviewBeforeDecision = new(
        "cases.review_before_decision",
        "复议决定或判决的日期不能早于行政处罚决定日期。",
        "A review or court outcome cannot be dated before the decision it concerns.",
        ErrorKind.Validation);
}
