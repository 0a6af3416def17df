using Vanguard.Domain.Calendar;

namespace Vanguard.Domain.Tests.Calendar;

public sealed class HolidayCalendarTests
{
    private static readonly HolidayCalendar China = HolidayCalendar.China2025And2026;

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2025-03-07", true)]  // Friday
    [InlineData("2025-03-08", false)] // Saturday
    [InlineData("2025-03-09", false)] // Sunday
    public void WeekendsOnly_WeekdaysWork_WeekendsDoNot(string day, bool working) =>
        HolidayCalendar.WeekendsOnly.IsWorkingDay(D(day)).ShouldBe(working);

    [Theory]
    [InlineData("2025-01-01", false)] // 元旦, Wednesday
    [InlineData("2025-01-26", true)]  // Sunday, 调休上班 for 春节
    [InlineData("2025-01-28", false)] // 除夕
    [InlineData("2025-02-04", false)] // 正月初七, last 春节 day
    [InlineData("2025-02-05", true)]
    [InlineData("2025-02-08", true)]  // Saturday, 调休上班
    [InlineData("2025-04-27", true)]  // Sunday, 调休上班 for 劳动节
    [InlineData("2025-05-05", false)]
    [InlineData("2025-06-02", false)] // 端午, Monday
    [InlineData("2025-09-28", true)]  // Sunday, 调休上班 for 国庆
    [InlineData("2025-10-08", false)] // last day of 国庆+中秋
    [InlineData("2025-10-09", true)]
    [InlineData("2025-10-11", true)]  // Saturday, 调休上班
    [InlineData("2026-01-02", false)] // 元旦 2026, Friday
    [InlineData("2026-01-04", true)]  // Sunday, 调休上班
    [InlineData("2026-02-14", true)]  // Saturday, 调休上班 for 春节
    [InlineData("2026-02-23", false)] // Monday, last 春节 day
    [InlineData("2026-02-24", true)]
    [InlineData("2026-02-28", true)]  // Saturday, 调休上班
    [InlineData("2026-05-09", true)]  // Saturday, 调休上班 for 劳动节
    [InlineData("2026-06-19", false)] // 端午, Friday
    [InlineData("2026-09-20", true)]  // Sunday, 调休上班 for 国庆
    [InlineData("2026-09-25", false)] // 中秋, Friday
    [InlineData("2026-10-07", false)]
    [InlineData("2026-10-08", true)]
    [InlineData("2026-10-10", true)]  // Saturday, 调休上班
    public void China2025And2026_FollowsTheStateCouncilNotices(string day, bool working) =>
        China.IsWorkingDay(D(day)).ShouldBe(working);

    [Fact]
    public void China2025And2026_EveryMakeUpDayIsAWeekend_AndCountsMatchTheNotices()
    {
        China.MakeUpWorkingDays.ShouldAllBe(d => d.DayOfWeek == DayOfWeek.Saturday || d.DayOfWeek == DayOfWeek.Sunday);
        China.Holidays.Count(d => d.Year == 2025).ShouldBe(1 + 8 + 3 + 5 + 3 + 8);
        China.Holidays.Count(d => d.Year == 2026).ShouldBe(3 + 9 + 3 + 5 + 3 + 3 + 7);
        China.MakeUpWorkingDays.Count.ShouldBe(5 + 6);
        China.CoveredYears.ShouldBe([2025, 2026], ignoreOrder: true);
        China.LabelOf(D("2026-10-01")).ShouldBe("国庆节");
    }

    [Fact]
    public void Constructor_DayBothHolidayAndWorkday_IsRefused() =>
        Should.Throw<ArgumentException>(() => new HolidayCalendar([D("2026-10-03")], [D("2026-10-03")]));

    [Fact]
    public void Parse_DocumentedFormat_LoadsHolidaysWorkdaysRangesAndComments()
    {
        var calendar = HolidayCalendar.Parse("""
            # 2027 upload
            2027-10-01..2027-10-03 holiday 国庆节

            2027-10-09 workday 调休   # Saturday
            2027-05-03	HOLIDAY
            """);

        calendar.IsWorkingDay(D("2027-10-01")).ShouldBeFalse();
        calendar.IsWorkingDay(D("2027-10-03")).ShouldBeFalse();
        calendar.IsWorkingDay(D("2027-10-04")).ShouldBeTrue();
        calendar.IsWorkingDay(D("2027-10-09")).ShouldBeTrue();
        calendar.IsWorkingDay(D("2027-05-03")).ShouldBeFalse();
        calendar.LabelOf(D("2027-10-09")).ShouldBe("调休");
    }

    [Fact]
    public void Parse_MalformedLines_NameEveryLineNumber()
    {
        const string text = "# header\n2026-10-01..2026-10-07 holiday 国庆节\n2026-13-01 holiday\n2026-10-02 vacation\n2026-10-09 workday 调休\n2026-10-03 workday\njunk";

        var ex = Should.Throw<FormatException>(() => HolidayCalendar.Parse(text));

        ex.Message.ShouldContain("Line 3:");  // month 13
        ex.Message.ShouldContain("Line 4:");  // unknown kind
        ex.Message.ShouldContain("Line 5:");  // 2026-10-09 is a Friday: not a make-up day
        ex.Message.ShouldContain("Line 6:");  // already a holiday on line 2
        ex.Message.ShouldContain("line 2");
        ex.Message.ShouldContain("Line 7:");  // no kind
        ex.Message.ShouldNotContain("Line 2:");
        ex.Message.ShouldNotContain("Line 1:");
    }

    [Fact]
    public void TryParse_Errors_AreValuesWithLineNumbersAndBothLanguages()
    {
        var result = HolidayCalendar.TryParse("2026-10-01 holiday\r\n2026-10-10..2026-10-01 holiday\r\n");

        result.IsSuccess.ShouldBeFalse();
        result.Calendar.ShouldBeNull();
        var error = result.Errors.ShouldHaveSingleItem();
        error.LineNumber.ShouldBe(2);
        error.MessageZh.ShouldContain("结束日早于开始日");
        error.MessageEn.ShouldContain("ends before it starts");
    }

    [Fact]
    public void TryParse_EmptyText_IsAnError() =>
        HolidayCalendar.TryParse("# nothing\n\n").Errors.ShouldHaveSingleItem().LineNumber.ShouldBe(0);
}
