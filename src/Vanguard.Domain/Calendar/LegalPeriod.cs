namespace Vanguard.Domain.Calendar;

/// <summary>
/// 期间计算 (computing legal periods). Two rules:
/// <list type="bullet">
/// <item>行政处罚法 art. 85: "本法中'二日''三日''五日''七日'的规定是指工作日，不含法定节假日" → short periods count
/// working days (<see cref="EndOfWorkingDays"/>);</item>
/// <item>longer periods (15-day payment, 90-day decision) count calendar days; when the last day is not a working day
/// the period ends on the next working day (民事诉讼法 art. 85 para. 2, applied by analogy; a setting, on by default)
/// (<see cref="EndOfCalendarDays"/>).</item>
/// </list>
/// In both, the day of the triggering event is not counted (民事诉讼法 art. 85 para. 1: "期间开始的时和日，不计算在期间内").
/// </summary>
public static class LegalPeriod
{
    // Ten years of days: a calendar without a working day in that span is corrupt, not a legal situation.
    private const int MaxScanDays = 3_660;

    /// <summary>
    /// The last day of a period of <paramref name="days"/> working days (工作日) that starts after
    /// <paramref name="trigger"/>: the first working day after the trigger is day 1 (行政处罚法 art. 85).
    /// </summary>
    public static DateOnly EndOfWorkingDays(DateOnly trigger, int days, IHolidayCalendar calendar)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentNullException.ThrowIfNull(calendar);
        var day = trigger;
        var counted = 0;
        for (var scanned = 0; scanned < MaxScanDays; scanned++)
        {
            day = day.AddDays(1);
            if (calendar.IsWorkingDay(day) && ++counted == days)
            {
                return day;
            }
        }

        throw new InvalidOperationException($"The calendar has fewer than {days} working days in the {MaxScanDays} days after {trigger:yyyy-MM-dd}.");
    }

    /// <summary>
    /// The last day of a period of <paramref name="days"/> calendar days after <paramref name="trigger"/>
    /// (trigger + days). When <paramref name="extendPastHolidays"/> is on and that day is not a working day,
    /// the period ends on the next working day (民事诉讼法 art. 85 para. 2 by analogy: "期间届满的最后一日是法定休假日的，
    /// 以法定休假日后的第一日为期间届满的日期").
    /// </summary>
    public static DateOnly EndOfCalendarDays(DateOnly trigger, int days, IHolidayCalendar calendar, bool extendPastHolidays = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentNullException.ThrowIfNull(calendar);
        var end = trigger.AddDays(days);
        return extendPastHolidays ? NextWorkingDayOnOrAfter(end, calendar) : end;
    }

    /// <summary>The day itself when it is a working day, otherwise the next working day.</summary>
    public static DateOnly NextWorkingDayOnOrAfter(DateOnly day, IHolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        for (var (scanned, candidate) = (0, day); scanned < MaxScanDays; scanned++, candidate = candidate.AddDays(1))
        {
            if (calendar.IsWorkingDay(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"The calendar has no working day in the {MaxScanDays} days from {day:yyyy-MM-dd}.");
    }

    /// <summary>
    /// The latest trigger day for which a period of <paramref name="days"/> working days still ends on or before
    /// <paramref name="end"/>: the inverse of <see cref="EndOfWorkingDays"/>. Used for "notice at least N days
    /// before" rules (行政处罚法 art. 64(2): 听证的七日前通知).
    /// </summary>
    public static DateOnly LatestTriggerForWorkingDays(DateOnly end, int days, IHolidayCalendar calendar)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentNullException.ThrowIfNull(calendar);

        // Count working days backwards from the end (the end itself counts if it is a working day); the day
        // before the earliest counted day is the latest trigger whose period still fits.
        var day = end;
        var counted = 0;
        for (var scanned = 0; scanned < MaxScanDays; scanned++, day = day.AddDays(-1))
        {
            if (calendar.IsWorkingDay(day) && ++counted == days)
            {
                return day.AddDays(-1);
            }
        }

        throw new InvalidOperationException($"The calendar has fewer than {days} working days in the {MaxScanDays} days before {end:yyyy-MM-dd}.");
    }
}
