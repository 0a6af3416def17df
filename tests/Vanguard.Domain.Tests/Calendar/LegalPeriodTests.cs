using Vanguard.Domain.Calendar;

namespace Vanguard.Domain.Tests.Calendar;

public sealed class LegalPeriodTests
{
    private static readonly HolidayCalendar China = HolidayCalendar.China2025And2026;

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void EndOfWorkingDays_FiveDaysFromThursday_SkipsTheWeekend() =>
        // Thu 2025-03-06 → Fri 7 (1), Mon 10 (2), Tue 11 (3), Wed 12 (4), Thu 13 (5).
        LegalPeriod.EndOfWorkingDays(D("2025-03-06"), 5, China).ShouldBe(D("2025-03-13"));

    [Fact]
    public void EndOfWorkingDays_TriggerOnSaturday_StartsOnMonday() =>
        LegalPeriod.EndOfWorkingDays(D("2025-03-08"), 1, China).ShouldBe(D("2025-03-10"));

    [Fact]
    public void EndOfWorkingDays_FiveDaysAcrossNationalDay2025_CountsTheMakeUpSundayAndSkipsTheHoliday() =>
        // Fri 2025-09-26 → Sun 9-28 (调休上班, 1), Mon 9-29 (2), Tue 9-30 (3), 10-1..10-8 off, Thu 10-9 (4), Fri 10-10 (5).
        LegalPeriod.EndOfWorkingDays(D("2025-09-26"), 5, China).ShouldBe(D("2025-10-10"));

    [Fact]
    public void EndOfWorkingDays_FiveDaysFromLastDayBeforeNationalDay2025_CountsTheMakeUpSaturday() =>
        // Tue 2025-09-30 → Thu 10-9 (1), Fri 10-10 (2), Sat 10-11 (调休上班, 3), Mon 10-13 (4), Tue 10-14 (5).
        LegalPeriod.EndOfWorkingDays(D("2025-09-30"), 5, China).ShouldBe(D("2025-10-14"));

    [Fact]
    public void EndOfWorkingDays_SameTriggerWithoutHolidays_EndsMuchEarlier() =>
        LegalPeriod.EndOfWorkingDays(D("2025-09-30"), 5, HolidayCalendar.WeekendsOnly).ShouldBe(D("2025-10-07"));

    [Fact]
    public void EndOfWorkingDays_ZeroDays_IsABug() =>
        Should.Throw<ArgumentOutOfRangeException>(() => LegalPeriod.EndOfWorkingDays(D("2025-03-06"), 0, China));

    [Fact]
    public void EndOfWorkingDays_CalendarWithoutWorkingDays_FailsInsteadOfLooping() =>
        Should.Throw<InvalidOperationException>(() => LegalPeriod.EndOfWorkingDays(D("2025-03-06"), 1, new NeverWorking()));

    [Fact]
    public void EndOfCalendarDays_Day15OnNationalDay_ExtendsToTheFirstWorkingDayAfter() =>
        // 2025-09-16 + 15 = Wed 10-1 (国庆) → 10-2..10-8 still off → Thu 10-9.
        LegalPeriod.EndOfCalendarDays(D("2025-09-16"), 15, China).ShouldBe(D("2025-10-09"));

    [Fact]
    public void EndOfCalendarDays_ExtensionSwitchedOff_EndsOnTheHoliday() =>
        LegalPeriod.EndOfCalendarDays(D("2025-09-16"), 15, China, extendPastHolidays: false).ShouldBe(D("2025-10-01"));

    [Fact]
    public void EndOfCalendarDays_LastDayOnMakeUpWorkingSaturday_IsNotExtended() =>
        // 2025-09-26 + 15 = Sat 10-11, a make-up working day.
        LegalPeriod.EndOfCalendarDays(D("2025-09-26"), 15, China).ShouldBe(D("2025-10-11"));

    [Fact]
    public void EndOfCalendarDays_LastDayOnOrdinarySunday_ExtendsToMonday() =>
        // 2025-03-01 + 15 = Sun 3-16 → Mon 3-17.
        LegalPeriod.EndOfCalendarDays(D("2025-03-01"), 15, China).ShouldBe(D("2025-03-17"));

    [Fact]
    public void LatestTriggerForWorkingDays_IsTheInverseOfEndOfWorkingDays()
    {
        // Hearing Mon 2025-03-17: counting back 7 working days reaches Fri 3-7, so the notice must be out by Thu 3-6.
        var latest = LegalPeriod.LatestTriggerForWorkingDays(D("2025-03-17"), 7, China);

        latest.ShouldBe(D("2025-03-06"));
        LegalPeriod.EndOfWorkingDays(latest, 7, China).ShouldBeLessThanOrEqualTo(D("2025-03-17"));
        LegalPeriod.EndOfWorkingDays(latest.AddDays(1), 7, China).ShouldBeGreaterThan(D("2025-03-17"));
    }

    private sealed class NeverWorking : IHolidayCalendar
    {
        public bool IsWorkingDay(DateOnly day) => false;
    }
}
