namespace Vanguard.Domain.Calendar;

/// <summary>
/// 工作日历 (working-day calendar): tells whether a day is a working day (工作日), taking statutory holidays
/// (法定节假日) and make-up working days (调休上班) into account. Needed because 行政处罚法 art. 85 counts
/// its 2-, 3-, 5- and 7-day periods in working days.
/// </summary>
public interface IHolidayCalendar
{
    bool IsWorkingDay(DateOnly day);
}
