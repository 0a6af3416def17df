using Vanguard.Domain.Calendar;
using Vanguard.Domain.Common;
using Vanguard.Domain.Penalties;

namespace Vanguard.Domain.Cases;

/// <summary>What the workflow needs to know besides the case itself.</summary>
/// <param name="Today">The platform's date; no action may be dated later.</param>
/// <param name="Officers">The officers assigned to the case, with their 执法证.</param>
/// <param name="ChecklistComplete">Whether the case file (卷宗) checklist passes; closing needs it.</param>
/// <param name="StatementDays">陈述申辩 period in working days (local practice, default 3).</param>
public sealed record CaseRuleContext(
    DateOnly Today,
    IHolidayCalendar Calendar,
    HearingThresholds HearingThresholds,
    IReadOnlyList<CaseOfficer> Officers,
    bool ChecklistComplete = true,
    int StatementDays = 3);

/// <summary>An allowed action: the case before and after, and what to put on the timeline.</summary>
public sealed record CaseTransition(
    CaseSnapshot Before, CaseSnapshot After, string ActionCode, string DescriptionZh, string DescriptionEn, IReadOnlyList<string> Warnings);

/// <summary>
/// 案件办理流程 — the penalty-case state machine. Pure: given a case, an action and the context, it either returns the
/// changed case or the rule that forbids the action (行政处罚法 2021; 交通运输行政执法程序规定).
/// </summary>
public static class CaseWorkflow
{
    public const string WarningDecisionLate = "decision_late";
    public const string WarningOnSpotRecordLate = "on_spot_record_late";

    public static Result<CaseTransition> Apply(CaseSnapshot s, CaseCommand command, CaseRuleContext ctx)
    {
        if (command.On > ctx.Today)
        {
            return CaseRules.DateInFuture;
        }

        // A review organ or court decides on its own timetable, often after the case was closed or archived: its outcome is
        // dated by its decision, not by the case's last step.
        if (command is RecordReviewOutcome review)
        {
            return RecordReview(s, review);
        }

        if (LatestDate(s) is { } latest && command.On < latest)
        {
            return CaseRules.DateBeforePrevious;
        }

        return command switch
        {
            FileCase c => File(s, c, ctx),
            DropCase c => Require(s, c, CaseStage.Lead, CaseStage.Investigation)
                ?? Done(s, s with { Stage = CaseStage.Dropped }, c, $"不予立案/撤销：{c.Reason}", $"Dropped: {c.Reason}"),
            AssignOfficers c => Assign(s, c, ctx),
            CompleteInvestigation c => Require(s, c, CaseStage.Investigation)
                ?? RequireOfficers(ctx, c.On)
                ?? Done(s, s with { Stage = CaseStage.Review, InvestigationEndedOn = c.On }, c, "调查终结", "Investigation completed"),
            SubmitLegalReview c => Require(s, c, CaseStage.Review)
                ?? Done(s, s with { Stage = CaseStage.LegalReview }, c, "提交法制审核", "Submitted for legal review"),
            CompleteLegalReview c => CompleteReview(s, c, ctx),
            Notify c => NotifyParty(s, c),
            RecordStatement c => Require(s, c, CaseStage.Notified, CaseStage.Hearing)
                ?? Done(s, s with { DefenceMade = true, StatementOn = c.On }, c, $"当事人陈述、申辩：{c.Summary}", $"Statement: {c.Summary}"),
            WaiveRights c => Require(s, c, CaseStage.Notified)
                ?? Done(s, s with { StatementWaived = s.StatementWaived || c.Statement, HearingWaived = s.HearingWaived || c.Hearing }, c,
                    "当事人明确放弃" + string.Join("、", Waived(c)), "The party waived " + string.Join(", ", WaivedEn(c))),
            RequestHearing c => RequestHearingFor(s, c, ctx),
            ScheduleHearing c => Require(s, c, CaseStage.Hearing)
                ?? (CaseDeadlines.IsHearingNoticeInTime(c.On, c.HearingDate) ? null : CaseRules.HearingNoticeTooLate)
                ?? Done(s, s with { HearingNoticeServedOn = c.On, HearingDate = c.HearingDate }, c,
                    $"送达听证通知书，定于 {c.HearingDate:yyyy-MM-dd} 举行听证", $"Hearing notice served for {c.HearingDate:yyyy-MM-dd}"),
            RecordHearing c => Require(s, c, CaseStage.Hearing)
                ?? (s.HearingDate is { } date && c.On >= date ? null : CaseRules.HearingNoticeTooLate)
                ?? Done(s, s with { HearingHeldOn = c.On, DefenceMade = true }, c, "举行听证，制作听证笔录", "Hearing held"),
            HoldCollectiveDiscussion c => Require(s, c, CaseStage.Notified, CaseStage.Hearing)
                ?? Done(s, s with { CollectiveDiscussionOn = c.On }, c, "负责人集体讨论", "Collective discussion held"),
            Decide c => DecideCase(s, c, ctx),
            DecideOnSpot c => DecideOnTheSpot(s, c, ctx),
            Serve c => ServeDecision(s, c),
            RecordServiceConsent c => (s.Stage is CaseStage.Served or CaseStage.Executing or CaseStage.Executed or CaseStage.Closed or CaseStage.Archived or CaseStage.Dropped
                    ? CaseRules.InvalidTransition(s.Stage, c.Code) : null)
                ?? Done(s, s with { ElectronicServiceConsent = true }, c, "当事人签署送达地址确认书，同意电子送达", "Consent to electronic service recorded"),
            RecordPayment c => Require(s, c, CaseStage.Executing)
                ?? (c.AmountFen > 0 ? null : Error.Validation(new Dictionary<string, FieldError[]>
                {
                    ["amountFen"] = [new FieldError("must_be_positive", "缴款金额须大于零。", "The amount must be positive.")],
                }))
                ?? Pay(s, c, ctx),
            IssueReminder c => Require(s, c, CaseStage.Executing)
                ?? (IsOverdue(s, c.On, ctx) ? null : CaseRules.NotOverdue)
                ?? Done(s, s with { ReminderServedOn = c.On }, c, "送达催告书", "Reminder served"),
            ApplyForEnforcement c => Require(s, c, CaseStage.Executing)
                ?? (s.ReminderServedOn is { } r && c.On >= r.AddDays(10) ? null : CaseRules.ReminderPeriodOpen)
                ?? Done(s, s with { EnforcementApplied = true }, c, "申请人民法院强制执行", "Applied to the court for enforcement"),
            FileOnSpotRecord c => FileOnSpot(s, c, ctx),
            CloseCase c => Close(s, c, ctx),
            ArchiveCase c => Require(s, c, CaseStage.Closed)
                ?? Done(s, s with { Stage = CaseStage.Archived, ArchivedOn = c.On }, c, "归档", "Archived"),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown case command."),
        };
    }

    /// <summary>The actions worth offering at the case's stage (the rules may still refuse one, with a reason).</summary>
    public static IReadOnlyList<string> AvailableActions(CaseSnapshot s) => s.Stage switch
    {
        CaseStage.Lead when s.Procedure == CaseProcedure.Simplified => ["decide-on-spot", "drop", "assign-officers"],
        CaseStage.Lead => ["file", "drop", "assign-officers"],
        CaseStage.Investigation => ["complete-investigation", "drop", "assign-officers"],
        CaseStage.Review when s.LegalReviewPassed => ["notify", "record-service-consent", "assign-officers"],
        CaseStage.Review => ["submit-legal-review", "notify", "record-service-consent", "assign-officers"],
        CaseStage.LegalReview => ["complete-legal-review", "assign-officers"],
        CaseStage.Notified => ["record-statement", "waive-rights", "request-hearing", "collective-discussion", "decide", "record-service-consent", "assign-officers"],
        CaseStage.Hearing => ["schedule-hearing", "record-hearing", "record-statement", "collective-discussion", "decide", "assign-officers"],
        CaseStage.Decided when s.Outcome == CaseOutcome.Transfer => ["close"],
        CaseStage.Decided => ["serve", "record-service-consent"],
        CaseStage.Served when s.Procedure == CaseProcedure.Simplified && s.OnSpotRecordFiledOn is null => ["file-on-spot-record", "close"],
        CaseStage.Served => ["close"],
        CaseStage.Executing when s.Procedure == CaseProcedure.Simplified && s.OnSpotRecordFiledOn is null =>
            ["record-payment", "file-on-spot-record", "issue-reminder", "apply-enforcement", "close"],
        CaseStage.Executing => ["record-payment", "issue-reminder", "apply-enforcement", "close"],
        CaseStage.Executed when s.Procedure == CaseProcedure.Simplified && s.OnSpotRecordFiledOn is null => ["file-on-spot-record", "close"],
        CaseStage.Executed => ["close"],
        CaseStage.Closed => ["archive"],
        CaseStage.Archived or CaseStage.Dropped => [],
    };

    /// <summary>Fine plus the late fee (art. 72) owed as of <paramref name="asOf"/>.</summary>
    public static long AmountOwedFen(CaseSnapshot s, DateOnly asOf, IHolidayCalendar calendar)
    {
        if (s.Outcome != CaseOutcome.Penalty || s.DecidedFineFen is not { } fine || fine == 0)
        {
            return 0;
        }

        var lateFee = s.ServedOn is { } served ? CaseDeadlines.LateFeeFen(fine, CaseDeadlines.PaymentDue(served, calendar), asOf) : 0;
        return fine + lateFee;
    }

    /// <summary>
    /// A payment that settles the fine and the 加处罚款 owed on its day (行政处罚法 arts. 67, 72) ends execution
    /// (<see cref="CaseStage.Executed"/>); a part payment leaves the case executing.
    /// </summary>
    private static Result<CaseTransition> Pay(CaseSnapshot s, RecordPayment c, CaseRuleContext ctx)
    {
        var paid = s.PaidFen + c.AmountFen;
        var settled = paid >= AmountOwedFen(s, c.On, ctx.Calendar);
        return Done(s, s with { PaidFen = paid, PaidOn = c.On, Stage = settled ? CaseStage.Executed : CaseStage.Executing }, c,
            $"收到缴款 {Yuan(c.AmountFen)} 元{(settled ? "，罚款已缴清，执行完毕" : "")}",
            $"Payment of {Yuan(c.AmountFen)} yuan received{(settled ? "; paid in full, execution completed" : "")}");
    }

    private static Result<CaseTransition> File(CaseSnapshot s, FileCase c, CaseRuleContext ctx)
    {
        if (Require(s, c, CaseStage.Lead) is { } wrongStage)
        {
            return wrongStage;
        }

        if (s.Procedure == CaseProcedure.Simplified)
        {
            return CaseRules.InvalidTransition(s.Stage, c.Code);
        }

        // 行政处罚法 art. 36: not discovered within two years → no penalty.
        if (s.ActOn is { } act && c.On > CaseDeadlines.LimitationEnds(act))
        {
            return CaseRules.LimitationExpired;
        }

        if (s.Procedure == CaseProcedure.Offsite && !s.EvidenceReviewed)
        {
            return CaseRules.OffsiteEvidenceUnreviewed;
        }

        // Off-site cases rest on the reviewed device record: there is no on-site investigation stage.
        var next = s.Procedure == CaseProcedure.Offsite ? CaseStage.Review : CaseStage.Investigation;
        return Done(s, s with { Stage = next, FiledOn = c.On }, c, $"立案（批准人：{c.ApprovedBy}）", $"Case opened (approved by {c.ApprovedBy})");
    }

    private static Result<CaseTransition> CompleteReview(CaseSnapshot s, CompleteLegalReview c, CaseRuleContext ctx)
    {
        if (Require(s, c, CaseStage.LegalReview) is { } wrongStage)
        {
            return wrongStage;
        }

        if (ctx.Officers.Any(o => o.Investigating && o.OfficerId == c.ReviewerOfficerId))
        {
            return CaseRules.ReviewerIsInvestigator;
        }

        return c.Passed
            ? Done(s, s with { Stage = CaseStage.Review, LegalReviewPassed = true }, c, $"法制审核通过：{c.Opinion}", $"Legal review passed: {c.Opinion}")
            : Done(s, s with { Stage = CaseStage.Investigation, LegalReviewPassed = false }, c,
                $"法制审核退回补充调查：{c.Opinion}", $"Legal review returned the case: {c.Opinion}");
    }

    private static Result<CaseTransition> NotifyParty(CaseSnapshot s, Notify c)
    {
        if (Require(s, c, CaseStage.Review) is { } wrongStage)
        {
            return wrongStage;
        }

        if (s.LegalReviewRequired && !s.LegalReviewPassed)
        {
            return CaseRules.LegalReviewRequired;
        }

        if (c.ProposedFineFen is not > 0 && !c.ProposedWarning)
        {
            return CaseRules.PenaltyMissing;
        }

        return Done(
            s,
            s with { Stage = CaseStage.Notified, NoticeServedOn = c.On, ProposedFineFen = c.ProposedFineFen, ProposedWarning = c.ProposedWarning },
            c,
            $"送达违法行为通知书，拟{PenaltyText(c.ProposedFineFen, c.ProposedWarning)}",
            $"Violation notice served; proposed {PenaltyTextEn(c.ProposedFineFen, c.ProposedWarning)}");
    }

    private static Result<CaseTransition> RequestHearingFor(CaseSnapshot s, RequestHearing c, CaseRuleContext ctx)
    {
        if (Require(s, c, CaseStage.Notified) is { } wrongStage)
        {
            return wrongStage;
        }

        if (!IsHearingEligible(s, ctx))
        {
            return CaseRules.HearingNotEligible;
        }

        if (c.On > CaseDeadlines.HearingRequestDue(s.NoticeServedOn!.Value, ctx.Calendar))
        {
            return CaseRules.HearingRequestLate;
        }

        return Done(s, s with { Stage = CaseStage.Hearing, HearingRequestedOn = c.On, HearingWaived = false }, c, "当事人申请听证", "Hearing requested");
    }

    private static Result<CaseTransition> DecideCase(CaseSnapshot s, Decide c, CaseRuleContext ctx)
    {
        if (s.Stage is CaseStage.Lead or CaseStage.Investigation or CaseStage.Review or CaseStage.LegalReview)
        {
            return s.Procedure == CaseProcedure.Simplified ? CaseRules.InvalidTransition(s.Stage, c.Code) : CaseRules.NoticeRequired;
        }

        if (Require(s, c, CaseStage.Notified, CaseStage.Hearing) is { } wrongStage)
        {
            return wrongStage;
        }

        if (c.Outcome == CaseOutcome.Penalty && c.FineFen is not > 0 && !c.Warning)
        {
            return CaseRules.PenaltyMissing;
        }

        if (RequireOfficers(ctx, c.On) is { } officers)
        {
            return officers;
        }

        if (s.Stage == CaseStage.Hearing && s.HearingHeldOn is null)
        {
            return CaseRules.HearingPending;
        }

        var notice = s.NoticeServedOn!.Value;
        if (s.Stage == CaseStage.Notified && IsHearingEligible(s, ctx) && !s.HearingWaived
            && c.On <= CaseDeadlines.HearingRequestDue(notice, ctx.Calendar))
        {
            return CaseRules.HearingWindowOpen;
        }

        if (!s.StatementWaived && !s.DefenceMade && c.On <= CaseDeadlines.StatementDue(notice, ctx.Calendar, ctx.StatementDays))
        {
            return CaseRules.StatementWindowOpen;
        }

        if (s.LegalReviewRequired && !s.LegalReviewPassed)
        {
            return CaseRules.LegalReviewRequired;
        }

        if (s.CollectiveDiscussionRequired && s.CollectiveDiscussionOn is null && c.Outcome == CaseOutcome.Penalty)
        {
            return CaseRules.CollectiveDiscussionRequired;
        }

        if (c.Outcome == CaseOutcome.Penalty && IsHeavierThanNotified(s, c.FineFen))
        {
            // 行政处罚法 art. 45: a defence never makes it worse; without one, a heavier penalty needs a new notice (art. 44).
            return s.DefenceMade ? CaseRules.HeavierAfterDefence : CaseRules.PenaltyExceedsNotice;
        }

        var warnings = new List<string>();
        if (s.FiledOn is { } filed && c.On > CaseDeadlines.DecisionDue(filed, ctx.Calendar))
        {
            warnings.Add(WarningDecisionLate);
        }

        var after = s with
        {
            Stage = CaseStage.Decided,
            DecidedOn = c.On,
            Outcome = c.Outcome,
            DecidedFineFen = c.Outcome == CaseOutcome.Penalty ? c.FineFen : null,
            DecidedWarning = c.Outcome == CaseOutcome.Penalty && c.Warning,
        };
        return Done(s, after, c, DecisionText(after), DecisionTextEn(after), warnings);
    }

    private static Result<CaseTransition> DecideOnTheSpot(CaseSnapshot s, DecideOnSpot c, CaseRuleContext ctx)
    {
        if (s.Procedure != CaseProcedure.Simplified || s.Stage != CaseStage.Lead)
        {
            return CaseRules.InvalidTransition(s.Stage, c.Code);
        }

        if (c.FineFen is not > 0 && !c.Warning)
        {
            return CaseRules.PenaltyMissing;
        }

        // 行政处罚法 art. 51: 公民 ≤ 200 元, 法人或者其他组织 ≤ 3 000 元, or a warning.
        if (!OnSpotPenalty.IsAllowed(s.PartyKind, c.FineFen ?? 0, c.Warning))
        {
            return CaseRules.OnSpotLimitExceeded;
        }

        if (RequireOfficers(ctx, c.On) is { } officers)
        {
            return officers;
        }

        var fined = c.FineFen is > 0;
        var after = s with
        {
            // Art. 61: the on-the-spot decision is handed to the party there and then — decided and served at once.
            Stage = fined ? CaseStage.Executing : CaseStage.Served,
            DecidedOn = c.On,
            ServedOn = c.On,
            ServiceMethod = Cases.ServiceMethod.Direct,
            Outcome = CaseOutcome.Penalty,
            DecidedFineFen = c.FineFen,
            DecidedWarning = c.Warning,
        };
        return Done(s, after, c, "当场作出行政处罚决定并交付：" + PenaltyText(c.FineFen, c.Warning), "On-the-spot decision handed over: " + PenaltyTextEn(c.FineFen, c.Warning));
    }

    private static Result<CaseTransition> ServeDecision(CaseSnapshot s, Serve c)
    {
        if (Require(s, c, CaseStage.Decided) is { } wrongStage)
        {
            return wrongStage;
        }

        if (c.Method == Cases.ServiceMethod.Electronic && !s.ElectronicServiceConsent)
        {
            return CaseRules.ElectronicServiceWithoutConsent;
        }

        var owesMoney = s.Outcome == CaseOutcome.Penalty && s.DecidedFineFen is > 0;
        return Done(s, s with { Stage = owesMoney ? CaseStage.Executing : CaseStage.Served, ServedOn = c.On, ServiceMethod = c.Method }, c,
            $"送达行政处罚决定书（{MethodText(c.Method)}）", $"Decision served ({c.Method})");
    }

    private static Result<CaseTransition> FileOnSpot(CaseSnapshot s, FileOnSpotRecord c, CaseRuleContext ctx)
    {
        if (s.Procedure != CaseProcedure.Simplified || s.DecidedOn is null || s.OnSpotRecordFiledOn is not null
            || s.Stage is CaseStage.Closed or CaseStage.Archived or CaseStage.Dropped)
        {
            return CaseRules.InvalidTransition(s.Stage, c.Code);
        }

        var warnings = c.On > CaseDeadlines.OnSpotRecordFilingDue(s.DecidedOn.Value, ctx.Calendar) ? new List<string> { WarningOnSpotRecordLate } : [];
        return Done(s, s with { OnSpotRecordFiledOn = c.On }, c, "当场处罚决定书报所属机关备案", "On-the-spot decision filed with the agency", warnings);
    }

    private static Result<CaseTransition> Close(CaseSnapshot s, CloseCase c, CaseRuleContext ctx)
    {
        var closable = s.Stage is CaseStage.Served or CaseStage.Executing or CaseStage.Executed
            || (s.Stage == CaseStage.Decided && s.Outcome == CaseOutcome.Transfer);
        if (!closable)
        {
            return CaseRules.InvalidTransition(s.Stage, c.Code);
        }

        if (s.Procedure == CaseProcedure.Simplified && s.OnSpotRecordFiledOn is null)
        {
            return CaseRules.OnSpotRecordNotFiled;
        }

        if (!ctx.ChecklistComplete)
        {
            return CaseRules.ChecklistIncomplete;
        }

        if (!s.EnforcementApplied && s.PaidFen < AmountOwedFen(s, s.PaidOn ?? c.On, ctx.Calendar))
        {
            return CaseRules.Unpaid;
        }

        return Done(s, s with { Stage = CaseStage.Closed, ClosedOn = c.On }, c, "结案", "Case closed");
    }

    private static bool IsOverdue(CaseSnapshot s, DateOnly on, CaseRuleContext ctx) =>
        s.ServedOn is { } served && on > CaseDeadlines.PaymentDue(served, ctx.Calendar) && s.PaidFen < AmountOwedFen(s, on, ctx.Calendar);

    private static bool IsHearingEligible(CaseSnapshot s, CaseRuleContext ctx) =>
        HearingThresholds.IsHearingEligible(s.PartyKind, s.ProposedFineFen ?? 0, s.RevokesLicence, ctx.HearingThresholds);

    /// <summary>A larger fine than notified is heavier; a warning instead of a fine is lighter.</summary>
    private static bool IsHeavierThanNotified(CaseSnapshot s, long? fineFen) => (fineFen ?? 0) > (s.ProposedFineFen ?? 0);

    /// <summary>
    /// 指定/增加承办人员: only before the decision (those who investigate decide, art. 42; after it the officers are part
    /// of the decision). Each new officer holds a 执法证 valid on the day; officers already assigned are left as they are.
    /// The case itself does not change: the officers are the caller's to record.
    /// </summary>
    private static Result<CaseTransition> Assign(CaseSnapshot s, AssignOfficers c, CaseRuleContext ctx)
    {
        if (Require(s, c, CaseStage.Lead, CaseStage.Investigation, CaseStage.Review, CaseStage.LegalReview, CaseStage.Notified, CaseStage.Hearing) is { } stage)
        {
            return stage;
        }

        if (c.Officers.Count == 0)
        {
            return Validator.Invalid("officerIds", "required", "承办人员不能为空。", "Name at least one officer.");
        }

        var added = c.Officers.Where(o => ctx.Officers.All(a => a.OfficerId != o.OfficerId)).DistinctBy(o => o.OfficerId).ToList();
        if (added.Count == 0)
        {
            return CaseRules.OfficersAlreadyAssigned;
        }

        if (added.Any(o => o.CertificateNo is null || o.CertificateValidUntil is not { } until || c.On > until))
        {
            return CaseRules.OfficerNotCertified;
        }

        var names = string.Join("、", added.Select(o => o.Name));
        return Done(s, s, c, $"增加承办人员：{names}", $"Officers assigned: {string.Join(", ", added.Select(o => o.Name))}");
    }

    /// <summary>
    /// 复议诉讼结果: only a decision can be challenged (行政复议法 art. 11; 行政诉讼法 art. 12: against an administrative penalty),
    /// so the case must have one; a transfer to the judicial organs is not a penalty decision. The outcome may not predate it.
    /// </summary>
    private static Result<CaseTransition> RecordReview(CaseSnapshot s, RecordReviewOutcome c)
    {
        if (s.DecidedOn is not { } decidedOn || s.Stage == CaseStage.Dropped || s.Outcome == CaseOutcome.Transfer)
        {
            return CaseRules.InvalidTransition(s.Stage, c.Code);
        }

        if (string.IsNullOrWhiteSpace(c.Organ))
        {
            return Validator.Invalid("organ", "required", "复议机关或人民法院不能为空。", "The review organ or court is required.");
        }

        if (string.IsNullOrWhiteSpace(c.DocumentNumber))
        {
            return Validator.Invalid("documentNumber", "required", "文书编号不能为空。", "The document number is required.");
        }

        if (c.On < decidedOn)
        {
            return CaseRules.ReviewBeforeDecision;
        }

        var kindZh = ReviewOutcomes.KindZh(c.Kind);
        var resultZh = ReviewOutcomes.ResultZh(c.Kind, c.Result);
        return Done(s, s, c,
            $"{kindZh}结果：{resultZh}（{c.Organ.Trim()}，{c.DocumentNumber.Trim()}，{c.On:yyyy-MM-dd}；{ReviewOutcomes.LegalBasis(c.Kind, c.Result)}）",
            $"{ReviewOutcomes.KindEn(c.Kind)}: {ReviewOutcomes.ResultEn(c.Result)} ({c.Organ.Trim()}, {c.DocumentNumber.Trim()}, {c.On:yyyy-MM-dd})");
    }

    /// <summary>Art. 42: at least two officers, each with a 执法证 valid on the day.</summary>
    private static Error? RequireOfficers(CaseRuleContext ctx, DateOnly on) =>
        ctx.Officers.Count(o => o.CertificateNo is not null && o.CertificateValidUntil is { } until && on <= until) >= 2
            ? null
            : CaseRules.OfficersRequired;

    private static Error? Require(CaseSnapshot s, CaseCommand c, params CaseStage[] stages) =>
        stages.Contains(s.Stage) ? null : CaseRules.InvalidTransition(s.Stage, c.Code);

    private static Result<CaseTransition> Done(
        CaseSnapshot before, CaseSnapshot after, CaseCommand c, string zh, string en, IReadOnlyList<string>? warnings = null) =>
        new CaseTransition(before, after, c.Code, zh, en, warnings ?? []);

    private static DateOnly? LatestDate(CaseSnapshot s)
    {
        DateOnly?[] dates =
        [
            s.AcceptedOn, s.FiledOn, s.InvestigationEndedOn, s.NoticeServedOn, s.StatementOn, s.HearingRequestedOn, s.HearingNoticeServedOn,
            s.HearingHeldOn, s.CollectiveDiscussionOn, s.DecidedOn, s.ServedOn, s.PaidOn, s.ReminderServedOn, s.OnSpotRecordFiledOn, s.ClosedOn,
            s.ArchivedOn,
        ];
        return dates.Where(d => d is not null).Max();
    }

    private static IEnumerable<string> Waived(WaiveRights c)
    {
        if (c.Statement)
        {
            yield return "陈述、申辩权利";
        }

        if (c.Hearing)
        {
            yield return "听证权利";
        }
    }

    private static IEnumerable<string> WaivedEn(WaiveRights c)
    {
        if (c.Statement)
        {
            yield return "statement and defence";
        }

        if (c.Hearing)
        {
            yield return "a hearing";
        }
    }

    public static string Yuan(long fen) => (fen / 100m).ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture);

    private static string PenaltyText(long? fineFen, bool warning) =>
        string.Join("并", new[] { warning ? "警告" : null, fineFen is > 0 ? $"罚款 {Yuan(fineFen.Value)} 元" : null }.Where(t => t is not null));

    private static string PenaltyTextEn(long? fineFen, bool warning) =>
        string.Join(" and ", new[] { warning ? "a warning" : null, fineFen is > 0 ? $"a fine of {Yuan(fineFen.Value)} yuan" : null }.Where(t => t is not null));

    private static string DecisionText(CaseSnapshot s) => s.Outcome switch
    {
        CaseOutcome.Penalty => "作出行政处罚决定：" + PenaltyText(s.DecidedFineFen, s.DecidedWarning),
        CaseOutcome.NoPenaltyMinor => "违法行为轻微，决定不予行政处罚",
        CaseOutcome.NoPenaltyNotEstablished => "违法事实不能成立，决定不予行政处罚",
        CaseOutcome.Transfer => "决定移送司法机关",
        null => "作出决定",
    };

    private static string DecisionTextEn(CaseSnapshot s) => s.Outcome switch
    {
        CaseOutcome.Penalty => "Penalty decided: " + PenaltyTextEn(s.DecidedFineFen, s.DecidedWarning),
        CaseOutcome.NoPenaltyMinor => "No penalty: minor violation",
        CaseOutcome.NoPenaltyNotEstablished => "No penalty: facts not established",
        CaseOutcome.Transfer => "Transferred to the judicial organs",
        null => "Decided",
    };

    private static string MethodText(ServiceMethod method) => method switch
    {
        Cases.ServiceMethod.Direct => "直接送达",
        Cases.ServiceMethod.Post => "邮寄送达",
        Cases.ServiceMethod.Electronic => "电子送达",
        Cases.ServiceMethod.PublicNotice => "公告送达",
    };
}
