using Vanguard.Domain.Calendar;
using Vanguard.Domain.Cases;

namespace Vanguard.Domain.Tests.Cases;

public sealed class CaseDeadlineSetTests
{
    private static readonly HolidayCalendar China = HolidayCalendar.China2025And2026;

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static CaseDates Dates(
        string? act = null, string? filed = null, string? notice = null, string? hearing = null,
        string? hearingNotice = null, string? decided = null, string? served = null, string? paid = null) =>
        new(P(act), P(filed), P(notice), P(hearing), P(hearingNotice), P(decided), P(served), P(paid));

    private static DateOnly? P(string? iso) => iso is null ? null : D(iso);

    [Fact]
    public void Compute_NewlyFiledCase_ShowsOnlyLimitationAndDecision()
    {
        var set = CaseDeadlineSet.Compute(Dates(act: "2025-06-30", filed: "2025-07-01"), China, null, D("2025-07-02"));

        set.LimitationEnds.ShouldBe(D("2027-06-30"));
        set.DecisionDue.ShouldBe(D("2025-09-29"));
        set.StatementDue.ShouldBeNull();
        set.PaymentDue.ShouldBeNull();
        set.LateFeeFen.ShouldBe(0);
        set.Items.Select(i => i.Code).ShouldBe([CaseDeadlineSet.Limitation, CaseDeadlineSet.Decision]);
        set.Items.Single(i => i.Code == "limitation").State.ShouldBe(DeadlineState.Met); // filed in time
        var decision = set.Items.Single(i => i.Code == "decision");
        decision.State.ShouldBe(DeadlineState.Pending);
        decision.NameZh.ShouldBe("处罚决定期限");
        decision.LegalBasis.ShouldContain("第六十条");
    }

    [Theory]
    [InlineData("2025-09-25", DeadlineState.Pending)]  // 4 days left
    [InlineData("2025-09-26", DeadlineState.DueSoon)]  // 3 days left
    [InlineData("2025-09-29", DeadlineState.DueSoon)]  // due today
    [InlineData("2025-09-30", DeadlineState.Overdue)]
    public void Compute_OpenDecision_StateFollowsToday(string today, DeadlineState expected) =>
        CaseDeadlineSet.Compute(Dates(filed: "2025-07-01"), China, null, D(today))
            .Items.Single(i => i.Code == CaseDeadlineSet.Decision).State.ShouldBe(expected);

    [Theory]
    [InlineData("2025-09-29", DeadlineState.Met)]
    [InlineData("2025-09-30", DeadlineState.Overdue)]
    public void Compute_DecidedCase_Day90IsMet_Day91IsOverdue(string decided, DeadlineState expected)
    {
        var item = CaseDeadlineSet.Compute(Dates(filed: "2025-07-01", decided: decided), China, null, D("2025-12-01"))
            .Items.Single(i => i.Code == CaseDeadlineSet.Decision);

        item.State.ShouldBe(expected);
        item.CompletedOn.ShouldBe(D(decided));
    }

    [Fact]
    public void Compute_PartyPeriods_RunOutAsMet_AndADecisionInsideThemIsFlagged()
    {
        // Notice served Fri 2025-09-26: statement to Tue 9-30 (9-28 调休, 29, 30), hearing request to Fri 10-10.
        var dates = Dates(filed: "2025-09-01", notice: "2025-09-26", decided: "2025-10-09");

        var set = CaseDeadlineSet.Compute(dates, China, 20_000, D("2025-10-09"));

        set.StatementDue.ShouldBe(D("2025-09-30"));
        set.HearingRequestDue.ShouldBe(D("2025-10-10"));
        var statement = set.Items.Single(i => i.Code == CaseDeadlineSet.Statement);
        statement.State.ShouldBe(DeadlineState.Met);
        statement.Issue.ShouldBeNull();
        var hearing = set.Items.Single(i => i.Code == CaseDeadlineSet.HearingRequest);
        hearing.State.ShouldBe(DeadlineState.DueSoon);
        hearing.Issue.ShouldNotBeNull().Code.ShouldBe("cases.decided_within_hearing_request_period");
    }

    [Fact]
    public void Compute_HearingScheduled_UsesWorkingDayNoticeRule_AndTheRequestPeriodIsMet()
    {
        var dates = Dates(filed: "2025-09-01", notice: "2025-09-26", hearing: "2025-10-16", hearingNotice: "2025-10-09");

        var set = CaseDeadlineSet.Compute(dates, China, null, D("2025-10-09"));

        set.HearingNoticeLatest.ShouldBe(D("2025-10-08"));
        set.Items.Single(i => i.Code == CaseDeadlineSet.HearingNotice).State.ShouldBe(DeadlineState.Overdue);
        set.Items.Single(i => i.Code == CaseDeadlineSet.HearingRequest).State.ShouldBe(DeadlineState.Met);
    }

    [Fact]
    public void Compute_ServedFineUnpaid_ShowsPaymentOverdueAndLateFeeAsOfToday()
    {
        // Served 2025-09-16 → pay by 10-09 (day 15 = 10-1 falls in 国庆). Today 10-14 → 5 days late → 15 %.
        var set = CaseDeadlineSet.Compute(Dates(filed: "2025-09-01", decided: "2025-09-15", served: "2025-09-16"), China, 150_000, D("2025-10-14"));

        set.ServiceDue.ShouldBe(D("2025-09-24"));
        set.Items.Single(i => i.Code == CaseDeadlineSet.Service).State.ShouldBe(DeadlineState.Met);
        set.PaymentDue.ShouldBe(D("2025-10-09"));
        set.Items.Single(i => i.Code == CaseDeadlineSet.Payment).State.ShouldBe(DeadlineState.Overdue);
        set.LateFeeFen.ShouldBe(22_500);
    }

    [Fact]
    public void Compute_PaidLate_FreezesTheLateFeeAtThePaymentDay()
    {
        var dates = Dates(filed: "2025-09-01", decided: "2025-09-15", served: "2025-09-16", paid: "2025-10-10");

        var set = CaseDeadlineSet.Compute(dates, China, 150_000, D("2026-01-01"));

        set.LateFeeFen.ShouldBe(4_500);
        var payment = set.Items.Single(i => i.Code == CaseDeadlineSet.Payment);
        payment.State.ShouldBe(DeadlineState.Overdue);
        payment.CompletedOn.ShouldBe(D("2025-10-10"));
    }

    [Fact]
    public void Compute_WarningOnly_HasNoPaymentDeadline() =>
        CaseDeadlineSet.Compute(Dates(filed: "2025-09-01", decided: "2025-09-15", served: "2025-09-16"), China, null, D("2025-12-01"))
            .Items.ShouldNotContain(i => i.Code == CaseDeadlineSet.Payment);

    [Fact]
    public void Compute_ActNotFiledWithinTwoYears_LimitationIsOverdue() =>
        CaseDeadlineSet.Compute(Dates(act: "2023-01-05"), China, null, D("2025-01-06"))
            .Items.Single(i => i.Code == CaseDeadlineSet.Limitation).State.ShouldBe(DeadlineState.Overdue);

    [Fact]
    public void Compute_Options_ChangeStatementDaysAndLimitation()
    {
        var options = new CaseDeadlineOptions { StatementDays = 5, SeriousHarm = true };

        var set = CaseDeadlineSet.Compute(Dates(act: "2025-03-06", notice: "2025-03-06"), China, null, D("2025-03-07"), options);

        set.StatementDue.ShouldBe(D("2025-03-13"));
        set.LimitationEnds.ShouldBe(D("2030-03-06"));
    }
}
