// TEMPORARY: stand-ins for the cases-law branch (calendar, deadlines, penalties); deleted when it merges.
namespace Vanguard.Domain.Calendar
{
    public interface IHolidayCalendar
    {
        bool IsWorkingDay(DateOnly day);
    }

    public sealed class HolidayCalendar : IHolidayCalendar
    {
        public static HolidayCalendar WeekendsOnly { get; } = new();

        public bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }
}

namespace Vanguard.Domain.Cases
{
    using Vanguard.Domain.Calendar;

    public enum PartyKind
    {
        Person,
        Organisation,
    }

    public enum CaseProcedure
    {
        Ordinary,
        Simplified,
        Offsite,
    }

    public static class CaseDeadlines
    {
        public static DateOnly HearingRequestDue(DateOnly noticeServedOn, IHolidayCalendar c) => AddWorking(noticeServedOn, 5, c);

        public static DateOnly StatementDue(DateOnly noticeServedOn, IHolidayCalendar c, int days = 3) => AddWorking(noticeServedOn, days, c);

        public static bool IsHearingNoticeInTime(DateOnly noticeServedOn, DateOnly hearingDate) => noticeServedOn.AddDays(7) <= hearingDate;

        public static DateOnly LimitationEnds(DateOnly actOn, bool seriousHarm = false) => actOn.AddYears(seriousHarm ? 5 : 2);

        public static DateOnly DecisionDue(DateOnly filedOn, IHolidayCalendar c) => filedOn.AddDays(90);

        public static DateOnly PaymentDue(DateOnly servedOn, IHolidayCalendar c) => servedOn.AddDays(15);

        public static DateOnly OnSpotRecordFilingDue(DateOnly decidedOn, IHolidayCalendar c) => AddWorking(decidedOn, 5, c);

        public static long LateFeeFen(long fineFen, DateOnly paymentDue, DateOnly asOf) =>
            asOf <= paymentDue ? 0 : Math.Min(fineFen, fineFen * 3 / 100 * (asOf.DayNumber - paymentDue.DayNumber));

        private static DateOnly AddWorking(DateOnly d, int n, IHolidayCalendar c)
        {
            while (n > 0)
            {
                d = d.AddDays(1);
                if (c.IsWorkingDay(d))
                {
                    n--;
                }
            }

            return d;
        }
    }

    public static class OnSpotPenalty
    {
        public static bool IsAllowed(PartyKind party, long fineFen, bool warning) =>
            warning || fineFen <= (party == PartyKind.Person ? 20_000 : 300_000);
    }
}

namespace Vanguard.Domain.Penalties
{
    using Vanguard.Domain.Cases;

    public sealed record HearingThresholds(long PersonFen, long OrganisationFen)
    {
        public static HearingThresholds Default { get; } = new(1_000_000, 10_000_000);

        public static bool IsHearingEligible(PartyKind party, long fineFen, bool revokesLicence, HearingThresholds t) =>
            revokesLicence || fineFen >= (party == PartyKind.Person ? t.PersonFen : t.OrganisationFen);
    }
}
