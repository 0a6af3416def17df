using Vanguard.Domain.Calendar;
using Vanguard.Domain.Cases;

namespace Vanguard.Domain.Tests.Cases;

public sealed class CaseDeadlinesTests
{
    private static readonly HolidayCalendar China = HolidayCalendar.China2025And2026;

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void DecisionDue_Is90DaysAfterFiling_Day90InTime_Day91Late()
    {
        var filed = D("2025-07-01");

        CaseDeadlines.DecisionDue(filed, China).ShouldBe(D("2025-09-29")); // day 90, a Monday
        CaseDeadlines.IsDecisionLate(filed, D("2025-09-29"), China).ShouldBeFalse();
        CaseDeadlines.IsDecisionLate(filed, D("2025-09-30"), China).ShouldBeTrue();
    }

    [Fact]
    public void DecisionDue_Day90OnDragonBoatFestival_MovesToTheNextWorkingDay()
    {
        // 2025-03-03 + 90 = Sun 6-1 (端午 5-31..6-2) → Tue 6-3.
        CaseDeadlines.DecisionDue(D("2025-03-03"), China).ShouldBe(D("2025-06-03"));
        CaseDeadlines.DecisionDue(D("2025-03-03"), China, extendPastHolidays: false).ShouldBe(D("2025-06-01"));
    }

    [Fact]
    public void HearingRequestDue_FiveWorkingDaysAcrossNationalDay2025() =>
        CaseDeadlines.HearingRequestDue(D("2025-09-26"), China).ShouldBe(D("2025-10-10"));

    [Fact]
    public void StatementDue_DefaultsToThreeWorkingDays_AndIsConfigurable()
    {
        CaseDeadlines.StatementDue(D("2025-03-06"), China).ShouldBe(D("2025-03-11")); // Thu → Fri, Mon, Tue
        CaseDeadlines.StatementDue(D("2025-03-06"), China, days: 5).ShouldBe(D("2025-03-13"));
    }

    [Fact]
    public void HearingNotice_SevenCalendarDaysBefore_IsInTime_SixIsNot()
    {
        CaseDeadlines.LatestHearingNoticeDate(D("2025-03-17")).ShouldBe(D("2025-03-10"));
        CaseDeadlines.IsHearingNoticeInTime(D("2025-03-10"), D("2025-03-17")).ShouldBeTrue();
        CaseDeadlines.IsHearingNoticeInTime(D("2025-03-11"), D("2025-03-17")).ShouldBeFalse();
    }

    [Fact]
    public void HearingNotice_WorkingDayReading_IsStricterAcrossAHoliday()
    {
        // Hearing Thu 2025-10-16: back 7 working days = 10-16, 15, 14, 13, 11 (Sat, 调休), 10, 9 → notice by 10-08 at the latest
        // (a holiday: the rule fixes the latest date, not that service happens on a working day). Calendar reading: 10-09.
        CaseDeadlines.LatestHearingNoticeDate(D("2025-10-16"), China).ShouldBe(D("2025-10-08"));
        CaseDeadlines.LatestHearingNoticeDate(D("2025-10-16")).ShouldBe(D("2025-10-09"));
        CaseDeadlines.IsHearingNoticeInTime(D("2025-10-09"), D("2025-10-16"), China).ShouldBeFalse();
        CaseDeadlines.IsHearingNoticeInTime(D("2025-09-30"), D("2025-10-16"), China).ShouldBeTrue();
    }

    [Fact]
    public void ServiceDue_IsSevenWorkingDays() =>
        // Fri 2025-01-24 → Sun 1-26 (调休, 1), Mon 1-27 (2), 1-28..2-4 春节, Wed 2-5 (3), Thu 6 (4), Fri 7 (5), Sat 8 (调休, 6), Mon 10 (7).
        CaseDeadlines.ServiceDue(D("2025-01-24"), China).ShouldBe(D("2025-02-10"));

    [Fact]
    public void PaymentDue_Day15OnNationalDay_ExtendsToTheFirstWorkingDayAfter()
    {
        CaseDeadlines.PaymentDue(D("2025-09-16"), China).ShouldBe(D("2025-10-09"));
        CaseDeadlines.PaymentDue(D("2025-03-03"), China).ShouldBe(D("2025-03-18")); // ordinary Tuesday
    }

    [Fact]
    public void LateFee_OnTheDueDate_IsZero() =>
        CaseDeadlines.LateFeeFen(100_000, D("2025-03-18"), D("2025-03-18")).ShouldBe(0);

    [Fact]
    public void LateFee_Day1_IsThreePercent() =>
        CaseDeadlines.LateFeeFen(100_000, D("2025-03-18"), D("2025-03-19")).ShouldBe(3_000);

    [Fact]
    public void LateFee_Day33_Is99Percent_Day34_IsCappedAtTheFine()
    {
        var due = D("2025-03-18");

        CaseDeadlines.LateFeeFen(100_000, due, due.AddDays(33)).ShouldBe(99_000);
        CaseDeadlines.LateFeeFen(100_000, due, due.AddDays(34)).ShouldBe(100_000); // 3 % × 34 = 102 % → capped
        CaseDeadlines.LateFeeFen(100_000, due, due.AddDays(3_650)).ShouldBe(100_000);
    }

    [Theory]
    [InlineData(10_001L, 1, 300L)]     // 300.03 fen a day, floored
    [InlineData(10_001L, 33, 9_900L)]
    [InlineData(10_001L, 34, 10_001L)] // 10 200 > fine → fine
    [InlineData(150L, 37, 148L)]       // 4 fen a day (4.5 floored): not capped after 34 days
    [InlineData(150L, 38, 150L)]
    [InlineData(33L, 100, 0L)]         // 0.99 fen a day floors to nothing
    public void LateFee_IntegerFen_FloorsDaily_NeverAboveTheFine(long fine, int daysLate, long expected)
    {
        var due = D("2025-03-18");
        var fee = CaseDeadlines.LateFeeFen(fine, due, due.AddDays(daysLate));

        fee.ShouldBe(expected);
        fee.ShouldBeLessThanOrEqualTo(fine);
    }

    [Fact]
    public void LateFee_HugeFineLongOverdue_DoesNotOverflow() =>
        CaseDeadlines.LateFeeFen(long.MaxValue, DateOnly.MinValue, DateOnly.MaxValue).ShouldBe(long.MaxValue);

    [Fact]
    public void Limitation_TwoYearsToTheDay()
    {
        var act = D("2025-03-10");

        CaseDeadlines.LimitationEnds(act).ShouldBe(D("2027-03-10"));
        CaseDeadlines.IsTimeBarred(act, D("2027-03-10")).ShouldBeFalse();
        CaseDeadlines.IsTimeBarred(act, D("2027-03-11")).ShouldBeTrue();
    }

    [Fact]
    public void Limitation_SeriousHarm_IsFiveYears_LeapDayEndsOn28February()
    {
        CaseDeadlines.LimitationEnds(D("2025-03-10"), seriousHarm: true).ShouldBe(D("2030-03-10"));
        CaseDeadlines.LimitationEnds(D("2024-02-29")).ShouldBe(D("2026-02-28"));
    }

    [Fact]
    public void OnSpotRecordFiling_IsFiveWorkingDays() =>
        CaseDeadlines.OnSpotRecordFilingDue(D("2025-04-30"), China).ShouldBe(D("2025-05-12")); // 5-1..5-5 off: 6,7,8,9,12

    [Fact]
    public void Offsite_ReviewAndNotify_AreFiveWorkingDaysEach()
    {
        // Fri 2026-02-13 → Sat 2-14 (调休, 1), 2-15..2-23 春节, Tue 2-24 (2), 25 (3), 26 (4), Fri 2-27 (5).
        CaseDeadlines.OffsiteReviewDue(D("2026-02-13"), China).ShouldBe(D("2026-02-27"));
        CaseDeadlines.OffsiteNotifyDue(D("2025-03-06"), China).ShouldBe(D("2025-03-13"));
    }
}
