using System.Globalization;
using Vanguard.Domain.Calendar;
using Vanguard.Domain.Disclosure;

namespace Vanguard.Domain.Tests.Disclosure;

public sealed class DisclosureDeadlineTests
{
    private static readonly HolidayCalendar China = HolidayCalendar.China2025And2026;

    private static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    [Theory]
    // Wednesday: Thu, Fri, (weekend), Mon–Thu → the 7th working day is the Thursday after next; the decision day is not counted.
    [InlineData("2026-11-04", "2026-11-13")]
    // Friday: the weekend right after does not count.
    [InlineData("2026-11-06", "2026-11-17")]
    // Thursday before 中秋 (9-25..27) and 国庆 (10-01..07): 9-28, 9-29, 9-30, 10-08, 10-09, 10-10 (Saturday, 调休上班), 10-12.
    [InlineData("2026-09-24", "2026-10-12")]
    // Decided on a holiday (劳动节): counting starts after it; 5-09 is a Saturday 调休上班.
    [InlineData("2026-05-02", "2026-05-13")]
    public void DueOn_IsTheSeventhWorkingDayAfterTheDecision(string decided, string due) =>
        DisclosureDeadline.DueOn(D(decided), China).ShouldBe(D(due));

    [Fact]
    public void OnTime_TheDueDayItselfIsOnTime_TheNextDayIsLate()
    {
        DisclosureDeadline.OnTime(D("2026-10-12"), D("2026-10-12")).ShouldBeTrue();
        DisclosureDeadline.OnTime(D("2026-10-13"), D("2026-10-12")).ShouldBeFalse();
    }

    [Fact]
    public void PublicationPeriod_PersonsTwoYears_OrganisationsThree_WithinTheNationalBounds()
    {
        var period = new PublicationPeriod();
        period.ExpiresOn(D("2026-10-12"), person: true).ShouldBe(D("2028-10-12"));
        period.ExpiresOn(D("2026-10-12"), person: false).ShouldBe(D("2029-10-12"));
        period.IsValid.ShouldBeTrue();
        new PublicationPeriod(2, 36).IsValid.ShouldBeFalse("at least 3 months");
        new PublicationPeriod(24, 37).IsValid.ShouldBeFalse("at most 3 years");
    }
}
