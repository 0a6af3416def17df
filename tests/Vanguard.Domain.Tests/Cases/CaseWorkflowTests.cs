using Vanguard.Domain.Calendar;
using Vanguard.Domain.Cases;
using Vanguard.Domain.Common;
using Vanguard.Domain.Penalties;

namespace Vanguard.Domain.Tests.Cases;

public sealed class CaseWorkflowTests
{
    // Monday 2026-03-02: weeks without public holidays keep the arithmetic readable.
    private static readonly DateOnly Day0 = new(2026, 3, 2);
    private static readonly Guid Investigator1 = Guid.NewGuid();
    private static readonly Guid Investigator2 = Guid.NewGuid();
    private static readonly Guid Reviewer = Guid.NewGuid();

    private static readonly CaseOfficer[] TwoValidOfficers =
    [
        new(Investigator1, "王建国", "41012022000001", new DateOnly(2027, 6, 30), Investigating: true),
        new(Investigator2, "李志强", "41012022000002", new DateOnly(2027, 6, 30), Investigating: true),
    ];

    private static readonly CaseOfficer Third = new(Guid.NewGuid(), "张明", "41012022000003", new DateOnly(2027, 6, 30), Investigating: true);

    private static CaseRuleContext Context(DateOnly today, IReadOnlyList<CaseOfficer>? officers = null, bool checklistComplete = true) =>
        new(today, HolidayCalendar.WeekendsOnly, new HearingThresholds(1_000_000, 10_000_000), officers ?? TwoValidOfficers, checklistComplete);

    private static CaseSnapshot Step(CaseSnapshot s, CaseCommand c, CaseRuleContext? ctx = null)
    {
        var result = CaseWorkflow.Apply(s, c, ctx ?? Context(c.On.AddDays(400)));
        result.IsSuccess.ShouldBeTrue(result.Error?.Code);
        return result.Value.After;
    }

    private static Error Refused(CaseSnapshot s, CaseCommand c, CaseRuleContext? ctx = null)
    {
        var result = CaseWorkflow.Apply(s, c, ctx ?? Context(c.On.AddDays(400)));
        result.IsSuccess.ShouldBeFalse();
        return result.Error!;
    }

    private static CaseSnapshot NewLead() => new() { ActOn = Day0, AcceptedOn = Day0, PartyKind = PartyKind.Person };

    private static CaseSnapshot Notified(long proposedFen, DateOnly on)
    {
        var s = Step(NewLead(), new FileCase(Day0, "张局长"));
        s = Step(s, new CompleteInvestigation(Day0.AddDays(1)));
        return Step(s, new Notify(on, proposedFen, false));
    }

    [Fact]
    public void OrdinaryCase_WalksFromLeadToArchive()
    {
        var s = Step(NewLead(), new FileCase(Day0, "张局长"));
        s.Stage.ShouldBe(CaseStage.Investigation);
        s.FiledOn.ShouldBe(Day0);
        s = Step(s, new CompleteInvestigation(Day0.AddDays(3)));
        s.Stage.ShouldBe(CaseStage.Review);
        s = Step(s, new Notify(Day0.AddDays(4), 150_000, false));
        s.Stage.ShouldBe(CaseStage.Notified);
        s = Step(s, new RecordStatement(Day0.AddDays(5), "车辆临时借用，请求从轻"));
        s = Step(s, new Decide(Day0.AddDays(14), CaseOutcome.Penalty, 100_000, false));
        s.Stage.ShouldBe(CaseStage.Decided);
        s = Step(s, new Serve(Day0.AddDays(15), ServiceMethod.Direct));
        s.Stage.ShouldBe(CaseStage.Executing);
        s = Step(s, new RecordPayment(Day0.AddDays(20), 100_000));
        s = Step(s, new CloseCase(Day0.AddDays(21)));
        s.Stage.ShouldBe(CaseStage.Closed);
        s = Step(s, new ArchiveCase(Day0.AddDays(22)));
        s.Stage.ShouldBe(CaseStage.Archived);
    }

    [Fact]
    public void Decide_BeforeNotice_IsRefusedByArticle62()
    {
        var s = Step(Step(NewLead(), new FileCase(Day0, "张局长")), new CompleteInvestigation(Day0.AddDays(1)));

        Refused(s, new Decide(Day0.AddDays(2), CaseOutcome.Penalty, 100_000, false)).Code.ShouldBe("cases.notice_required");
    }

    [Fact]
    public void CompleteInvestigation_WithOneCertifiedOfficer_IsRefusedByArticle42()
    {
        var s = Step(NewLead(), new FileCase(Day0, "张局长"));
        var one = new[] { TwoValidOfficers[0], TwoValidOfficers[1] with { CertificateNo = null } };

        Refused(s, new CompleteInvestigation(Day0.AddDays(1)), Context(Day0.AddDays(1), one)).Code.ShouldBe("cases.officers_required");
    }

    [Fact]
    public void Decide_WithAnExpiredCertificate_IsRefused()
    {
        var s = Notified(100_000, Day0.AddDays(2));
        var expired = new[] { TwoValidOfficers[0], TwoValidOfficers[1] with { CertificateValidUntil = Day0.AddDays(5) } };

        Refused(s, new Decide(Day0.AddDays(20), CaseOutcome.Penalty, 100_000, false), Context(Day0.AddDays(20), expired))
            .Code.ShouldBe("cases.officers_required");
    }

    [Fact]
    public void Decide_HearingEligibleCase_WaitsForTheHearingWindow()
    {
        // Notice on Wednesday 2026-03-04: 5 working days end Wednesday 03-11.
        var notice = new DateOnly(2026, 3, 4);
        var s = Step(Notified(2_000_000, notice), new RecordStatement(notice.AddDays(1), "申辩"));

        Refused(s, new Decide(new DateOnly(2026, 3, 11), CaseOutcome.Penalty, 2_000_000, false)).Code.ShouldBe("cases.hearing_window_open");
        Step(s, new Decide(new DateOnly(2026, 3, 12), CaseOutcome.Penalty, 2_000_000, false)).Stage.ShouldBe(CaseStage.Decided);
    }

    [Fact]
    public void Decide_WhenThePartyWaivedTheHearing_NeedNotWait()
    {
        var notice = new DateOnly(2026, 3, 4);
        var s = Step(Notified(2_000_000, notice), new WaiveRights(notice, Statement: true, Hearing: true));

        Step(s, new Decide(notice.AddDays(1), CaseOutcome.Penalty, 2_000_000, false)).Stage.ShouldBe(CaseStage.Decided);
    }

    [Fact]
    public void Decide_BeforeTheStatementPeriodEnds_IsRefused()
    {
        var notice = new DateOnly(2026, 3, 4);
        var s = Notified(50_000, notice);

        Refused(s, new Decide(new DateOnly(2026, 3, 9), CaseOutcome.Penalty, 50_000, false)).Code.ShouldBe("cases.statement_window_open");
        Step(s, new Decide(new DateOnly(2026, 3, 10), CaseOutcome.Penalty, 50_000, false)).Stage.ShouldBe(CaseStage.Decided);
    }

    [Fact]
    public void Decide_HeavierThanNotifiedAfterADefence_IsRefusedByArticle45()
    {
        var s = Step(Notified(100_000, Day0.AddDays(2)), new RecordStatement(Day0.AddDays(3), "不服"));

        Refused(s, new Decide(Day0.AddDays(20), CaseOutcome.Penalty, 100_001, false)).Code.ShouldBe("cases.heavier_after_defence");
        Step(s, new Decide(Day0.AddDays(20), CaseOutcome.Penalty, 100_000, false)).DecidedFineFen.ShouldBe(100_000);
    }

    [Fact]
    public void Decide_HeavierThanNotifiedWithoutADefence_NeedsANewNotice()
    {
        var s = Notified(100_000, Day0.AddDays(2));

        Refused(s, new Decide(Day0.AddDays(20), CaseOutcome.Penalty, 200_000, false)).Code.ShouldBe("cases.penalty_exceeds_notice");
    }

    [Fact]
    public void Decide_OnDay91_IsAllowedButWarnedLate_Day90IsNot()
    {
        // Filed Tuesday 2026-03-03: day 90 is Monday 2026-06-01, a working day, so no extension applies.
        var filed = new DateOnly(2026, 3, 3);
        var s = Step(Step(NewLead(), new FileCase(filed, "张局长")), new CompleteInvestigation(filed));
        s = Step(Step(s, new Notify(filed, 50_000, false)), new WaiveRights(filed, true, true));

        CaseWorkflow.Apply(s, new Decide(filed.AddDays(90), CaseOutcome.Penalty, 50_000, false), Context(filed.AddDays(90))).Value.Warnings.ShouldBeEmpty();
        CaseWorkflow.Apply(s, new Decide(filed.AddDays(91), CaseOutcome.Penalty, 50_000, false), Context(filed.AddDays(91))).Value.Warnings
            .ShouldBe([CaseWorkflow.WarningDecisionLate]);
    }

    [Fact]
    public void Notify_WhenLegalReviewRequired_NeedsAPassedReview()
    {
        var s = Step(Step(NewLead() with { LegalReviewRequired = true }, new FileCase(Day0, "张局长")), new CompleteInvestigation(Day0.AddDays(1)));

        Refused(s, new Notify(Day0.AddDays(2), 100_000, false)).Code.ShouldBe("cases.legal_review_required");

        s = Step(s, new SubmitLegalReview(Day0.AddDays(2)));
        s.Stage.ShouldBe(CaseStage.LegalReview);
        s = Step(s, new CompleteLegalReview(Day0.AddDays(3), Reviewer, true, "事实清楚，证据确凿，适用依据正确"));
        s.LegalReviewPassed.ShouldBeTrue();
        Step(s, new Notify(Day0.AddDays(4), 100_000, false)).Stage.ShouldBe(CaseStage.Notified);
    }

    [Fact]
    public void LegalReview_ByAnInvestigator_IsRefused()
    {
        var s = Step(Step(Step(NewLead(), new FileCase(Day0, "张局长")), new CompleteInvestigation(Day0.AddDays(1))), new SubmitLegalReview(Day0.AddDays(2)));

        Refused(s, new CompleteLegalReview(Day0.AddDays(3), Investigator1, true, "同意")).Code.ShouldBe("cases.reviewer_is_investigator");
    }

    [Fact]
    public void LegalReview_Returned_SendsTheCaseBackToInvestigation()
    {
        var s = Step(Step(Step(NewLead(), new FileCase(Day0, "张局长")), new CompleteInvestigation(Day0.AddDays(1))), new SubmitLegalReview(Day0.AddDays(2)));

        Step(s, new CompleteLegalReview(Day0.AddDays(3), Reviewer, false, "证据不足")).Stage.ShouldBe(CaseStage.Investigation);
    }

    [Fact]
    public void Hearing_RequestedInTime_ScheduledSevenDaysAhead_ThenDecided()
    {
        var notice = new DateOnly(2026, 3, 4);
        var s = Step(Notified(2_000_000, notice), new RequestHearing(new DateOnly(2026, 3, 11)));
        s.Stage.ShouldBe(CaseStage.Hearing);

        Refused(s, new Decide(new DateOnly(2026, 3, 12), CaseOutcome.Penalty, 2_000_000, false)).Code.ShouldBe("cases.hearing_pending");
        Refused(s, new ScheduleHearing(new DateOnly(2026, 3, 12), new DateOnly(2026, 3, 18))).Code.ShouldBe("cases.hearing_notice_too_late");
        s = Step(s, new ScheduleHearing(new DateOnly(2026, 3, 12), new DateOnly(2026, 3, 19)));
        s = Step(s, new RecordHearing(new DateOnly(2026, 3, 19)));
        Step(s, new Decide(new DateOnly(2026, 3, 20), CaseOutcome.Penalty, 1_500_000, false)).Stage.ShouldBe(CaseStage.Decided);
    }

    [Fact]
    public void Hearing_RequestedOnTheSixthWorkingDay_IsLate()
    {
        var s = Notified(2_000_000, new DateOnly(2026, 3, 4));

        Refused(s, new RequestHearing(new DateOnly(2026, 3, 12))).Code.ShouldBe("cases.hearing_request_late");
    }

    [Fact]
    public void Hearing_ForASmallFine_IsNotEligible()
    {
        var s = Notified(50_000, new DateOnly(2026, 3, 4));

        Refused(s, new RequestHearing(new DateOnly(2026, 3, 5))).Code.ShouldBe("cases.hearing_not_eligible");
    }

    [Fact]
    public void Decide_SeriousCase_NeedsCollectiveDiscussion()
    {
        var s = Step(Step(Step(NewLead() with { CollectiveDiscussionRequired = true }, new FileCase(Day0, "张局长")),
            new CompleteInvestigation(Day0.AddDays(1))), new Notify(Day0.AddDays(2), 50_000, false));
        s = Step(s, new WaiveRights(Day0.AddDays(2), true, true));

        Refused(s, new Decide(Day0.AddDays(3), CaseOutcome.Penalty, 50_000, false)).Code.ShouldBe("cases.collective_discussion_required");
        s = Step(s, new HoldCollectiveDiscussion(Day0.AddDays(3)));
        Step(s, new Decide(Day0.AddDays(3), CaseOutcome.Penalty, 50_000, false)).Stage.ShouldBe(CaseStage.Decided);
    }

    [Theory]
    [InlineData(PartyKind.Person, 20_000L, true)]
    [InlineData(PartyKind.Person, 20_001L, false)]
    [InlineData(PartyKind.Organisation, 300_000L, true)]
    [InlineData(PartyKind.Organisation, 300_001L, false)]
    public void DecideOnSpot_RespectsTheArticle51Limits(PartyKind party, long fineFen, bool allowed)
    {
        var lead = new CaseSnapshot { Procedure = CaseProcedure.Simplified, PartyKind = party, ActOn = Day0, AcceptedOn = Day0 };

        var result = CaseWorkflow.Apply(lead, new DecideOnSpot(Day0, fineFen, false), Context(Day0));

        result.IsSuccess.ShouldBe(allowed);
        if (!allowed)
        {
            result.Error!.Code.ShouldBe("cases.on_spot_limit_exceeded");
        }
    }

    [Fact]
    public void Payment_InPartStaysExecuting_InFullWithTheLateFeeEndsExecution()
    {
        // Decided and handed over on Day0: payable by Day0 + 15 (a Tuesday); 10 days later the late fee is 10 × 3 % of 200 yuan.
        var s = Step(new CaseSnapshot { Procedure = CaseProcedure.Simplified, ActOn = Day0, AcceptedOn = Day0 }, new DecideOnSpot(Day0, 20_000, false));
        var late = Day0.AddDays(25);
        s = Step(s, new RecordPayment(late, 20_000));
        s.Stage.ShouldBe(CaseStage.Executing);
        CaseWorkflow.AmountOwedFen(s, late, HolidayCalendar.WeekendsOnly).ShouldBe(26_000);
        s = Step(s, new RecordPayment(late, 6_000));
        s.Stage.ShouldBe(CaseStage.Executed);
        Refused(s, new RecordPayment(late, 100)).Code.ShouldBe("cases.invalid_transition");
    }

    [Fact]
    public void SimplifiedCase_PaysFilesAndCloses()
    {
        var s = Step(new CaseSnapshot { Procedure = CaseProcedure.Simplified, ActOn = Day0, AcceptedOn = Day0 }, new DecideOnSpot(Day0, 20_000, false));
        s.Stage.ShouldBe(CaseStage.Executing);
        s.ServedOn.ShouldBe(Day0);
        s = Step(s, new RecordPayment(Day0, 20_000));
        s.Stage.ShouldBe(CaseStage.Executed);
        CaseWorkflow.AvailableActions(s).ShouldBe(["file-on-spot-record", "close"]);

        Refused(s, new CloseCase(Day0.AddDays(1))).Code.ShouldBe("cases.on_spot_record_not_filed");
        s = Step(s, new FileOnSpotRecord(Day0.AddDays(2)));
        Step(s, new CloseCase(Day0.AddDays(2))).Stage.ShouldBe(CaseStage.Closed);
    }

    [Fact]
    public void SimplifiedCase_FiledAfterFiveWorkingDays_IsWarned()
    {
        var s = Step(new CaseSnapshot { Procedure = CaseProcedure.Simplified, ActOn = Day0, AcceptedOn = Day0 }, new DecideOnSpot(Day0, 0, true));

        CaseWorkflow.Apply(s, new FileOnSpotRecord(Day0.AddDays(7)), Context(Day0.AddDays(7))).Value.Warnings.ShouldBeEmpty();
        CaseWorkflow.Apply(s, new FileOnSpotRecord(Day0.AddDays(8)), Context(Day0.AddDays(8))).Value.Warnings.ShouldBe([CaseWorkflow.WarningOnSpotRecordLate]);
    }

    [Fact]
    public void OffsiteCase_NeedsReviewedEvidence_AndSkipsInvestigation()
    {
        var lead = new CaseSnapshot { Procedure = CaseProcedure.Offsite, ActOn = Day0, AcceptedOn = Day0 };

        Refused(lead, new FileCase(Day0, "系统")).Code.ShouldBe("cases.offsite_evidence_unreviewed");
        Step(lead with { EvidenceReviewed = true }, new FileCase(Day0, "张局长")).Stage.ShouldBe(CaseStage.Review);
    }

    [Fact]
    public void File_AfterTwoYears_IsTimeBarred()
    {
        Step(NewLead(), new FileCase(Day0.AddYears(2), "张局长")).Stage.ShouldBe(CaseStage.Investigation);
        Refused(NewLead(), new FileCase(Day0.AddYears(2).AddDays(1), "张局长")).Code.ShouldBe("cases.limitation_expired");
    }

    [Fact]
    public void Serve_Electronically_NeedsConsent()
    {
        var s = Step(Step(Notified(50_000, Day0.AddDays(2)), new WaiveRights(Day0.AddDays(2), true, true)),
            new Decide(Day0.AddDays(3), CaseOutcome.Penalty, 50_000, false));

        Refused(s, new Serve(Day0.AddDays(4), ServiceMethod.Electronic)).Code.ShouldBe("cases.electronic_service_without_consent");
        s = Step(s, new RecordServiceConsent(Day0.AddDays(4)));
        Step(s, new Serve(Day0.AddDays(4), ServiceMethod.Electronic)).ServiceMethod.ShouldBe(ServiceMethod.Electronic);
    }

    private static CaseSnapshot Executing(long fineFen, DateOnly servedOn)
    {
        var s = Step(Step(Notified(fineFen, Day0.AddDays(2)), new WaiveRights(Day0.AddDays(2), true, true)),
            new Decide(Day0.AddDays(3), CaseOutcome.Penalty, fineFen, false));
        return Step(s, new Serve(servedOn, ServiceMethod.Direct));
    }

    [Fact]
    public void Close_WhileUnpaid_IsRefused_AndTheLateFeeMustBePaidToo()
    {
        var served = Day0.AddDays(4);
        var s = Executing(100_000, served);

        Refused(s, new CloseCase(Day0.AddDays(5))).Code.ShouldBe("cases.unpaid");
        // Paid 10 days after the 15-day due date: 3 % × 10 = 30 % late fee is owed on top.
        var late = Step(s, new RecordPayment(served.AddDays(25), 100_000));
        Refused(late, new CloseCase(served.AddDays(25))).Code.ShouldBe("cases.unpaid");
        var full = Step(late, new RecordPayment(served.AddDays(25), 30_000));
        Step(full, new CloseCase(served.AddDays(26))).Stage.ShouldBe(CaseStage.Closed);
    }

    [Fact]
    public void Close_WithAnIncompleteCaseFile_IsRefused()
    {
        var s = Step(Executing(100_000, Day0.AddDays(4)), new RecordPayment(Day0.AddDays(5), 100_000));

        Refused(s, new CloseCase(Day0.AddDays(6)), Context(Day0.AddDays(6), checklistComplete: false)).Code.ShouldBe("cases.checklist_incomplete");
    }

    [Fact]
    public void Reminder_OnlyWhenOverdue_ThenEnforcementAfterTenDays_ThenClose()
    {
        var served = Day0.AddDays(4);
        var s = Executing(100_000, served);
        var due = CaseDeadlines.PaymentDue(served, HolidayCalendar.WeekendsOnly);

        Refused(s, new IssueReminder(due)).Code.ShouldBe("cases.not_overdue");
        s = Step(s, new IssueReminder(due.AddDays(1)));
        Refused(s, new ApplyForEnforcement(due.AddDays(10))).Code.ShouldBe("cases.reminder_period_open");
        s = Step(s, new ApplyForEnforcement(due.AddDays(11)));
        Step(s, new CloseCase(due.AddDays(12))).Stage.ShouldBe(CaseStage.Closed);
    }

    [Fact]
    public void NoPenaltyDecision_IsServedAndClosedWithoutPayment()
    {
        var s = Step(Step(Notified(50_000, Day0.AddDays(2)), new WaiveRights(Day0.AddDays(2), true, true)),
            new Decide(Day0.AddDays(3), CaseOutcome.NoPenaltyMinor, null, false));
        s = Step(s, new Serve(Day0.AddDays(4), ServiceMethod.Post));

        s.Stage.ShouldBe(CaseStage.Served);
        Step(s, new CloseCase(Day0.AddDays(5))).Stage.ShouldBe(CaseStage.Closed);
    }

    [Fact]
    public void Transfer_ClosesWithoutService()
    {
        var s = Step(Step(Notified(50_000, Day0.AddDays(2)), new WaiveRights(Day0.AddDays(2), true, true)),
            new Decide(Day0.AddDays(3), CaseOutcome.Transfer, null, false));

        CaseWorkflow.AvailableActions(s).ShouldBe(["close"]);
        Step(s, new CloseCase(Day0.AddDays(4))).Stage.ShouldBe(CaseStage.Closed);
    }

    [Fact]
    public void Drop_FromLead()
    {
        Step(NewLead(), new DropCase(Day0, "不属于本机关管辖")).Stage.ShouldBe(CaseStage.Dropped);
    }

    [Fact]
    public void Actions_OutOfStage_AreInvalidTransitions()
    {
        Refused(NewLead(), new Serve(Day0, ServiceMethod.Direct)).Code.ShouldBe("cases.invalid_transition");
        Refused(NewLead(), new ArchiveCase(Day0)).Code.ShouldBe("cases.invalid_transition");
        Refused(NewLead(), new RecordPayment(Day0, 100)).Code.ShouldBe("cases.invalid_transition");
        Refused(NewLead(), new DecideOnSpot(Day0, 100, false)).Code.ShouldBe("cases.invalid_transition");
    }

    [Fact]
    public void Actions_DatedInTheFutureOrBeforeThePreviousStep_AreRefused()
    {
        var s = Step(NewLead(), new FileCase(Day0.AddDays(5), "张局长"));

        Refused(s, new CompleteInvestigation(Day0.AddDays(10)), Context(Day0.AddDays(9))).Code.ShouldBe("cases.date_in_future");
        Refused(s, new CompleteInvestigation(Day0.AddDays(4))).Code.ShouldBe("cases.date_out_of_order");
    }

    [Fact]
    public void AvailableActions_CoverEveryStage()
    {
        foreach (var stage in Enum.GetValues<CaseStage>())
        {
            var actions = CaseWorkflow.AvailableActions(new CaseSnapshot { Stage = stage });
            if (stage is CaseStage.Archived or CaseStage.Dropped)
            {
                actions.ShouldBeEmpty();
            }
            else
            {
                actions.ShouldNotBeEmpty(stage.ToString());
            }
        }
    }

    [Fact]
    public void AssignOfficers_BeforeTheDecision_AddsTheSecondOfficer_AndTheCaseCanProceed()
    {
        var one = new[] { TwoValidOfficers[0] };
        var s = Step(NewLead(), new FileCase(Day0, "张局长"), Context(Day0, one));
        Refused(s, new CompleteInvestigation(Day0.AddDays(1)), Context(Day0.AddDays(1), one)).Code.ShouldBe("cases.officers_required");

        var assigned = CaseWorkflow.Apply(s, new AssignOfficers(Day0.AddDays(1), [TwoValidOfficers[0], TwoValidOfficers[1]]), Context(Day0.AddDays(1), one));
        assigned.IsSuccess.ShouldBeTrue(assigned.Error?.Code);
        assigned.Value.ActionCode.ShouldBe("assign-officers");
        assigned.Value.After.ShouldBe(s, "the officers are links, not case state");
        assigned.Value.DescriptionZh.ShouldBe("增加承办人员：李志强", "only the officer not yet on the case is named");
        Step(s, new CompleteInvestigation(Day0.AddDays(1)), Context(Day0.AddDays(1))).Stage.ShouldBe(CaseStage.Review);
    }

    [Fact]
    public void AssignOfficers_IsOfferedUntilTheDecision_AndRefusedAfterIt()
    {
        CaseWorkflow.AvailableActions(NewLead()).ShouldContain("assign-officers");
        var notified = Notified(150_000, Day0.AddDays(2));
        CaseWorkflow.AvailableActions(notified).ShouldContain("assign-officers");
        Step(notified, new AssignOfficers(Day0.AddDays(3), [Third]), Context(Day0.AddDays(3)));

        var decided = Step(notified, new Decide(Day0.AddDays(14), CaseOutcome.Penalty, 100_000, false));
        CaseWorkflow.AvailableActions(decided).ShouldNotContain("assign-officers");
        Refused(decided, new AssignOfficers(Day0.AddDays(14), [Third])).Code.ShouldBe("cases.invalid_transition");
    }

    [Fact]
    public void AssignOfficers_NeedsACertificateValidOnTheDay_AndSomeoneNew()
    {
        var s = Step(NewLead(), new FileCase(Day0, "张局长"));
        var lapsed = Third with { CertificateValidUntil = Day0 };
        Refused(s, new AssignOfficers(Day0.AddDays(1), [lapsed])).Fields["officerIds"].Single().Code.ShouldBe("not_certified");
        Refused(s, new AssignOfficers(Day0.AddDays(1), [Third with { CertificateNo = null }])).Fields["officerIds"].Single().Code.ShouldBe("not_certified");
        Refused(s, new AssignOfficers(Day0.AddDays(1), [TwoValidOfficers[1]])).Code.ShouldBe("cases.officers_already_assigned");
        Refused(s, new AssignOfficers(Day0.AddDays(1), [])).Fields.ShouldContainKey("officerIds");
        Step(s, new AssignOfficers(Day0, [lapsed]));
    }
}
