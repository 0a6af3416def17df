using Vanguard.Domain.Calendar;

namespace Vanguard.Domain.Cases;

/// <summary>
/// 办案期限 (case deadlines) of an administrative penalty case under 行政处罚法 (2021) and 交通运输行政执法程序规定.
/// Periods of 2/3/5/7 days are working days (行政处罚法 art. 85); longer ones are calendar days that move to the next
/// working day when they end on a rest day (民事诉讼法 art. 85 by analogy, see <see cref="LegalPeriod"/>).
/// Every "due" date is the last day on which the act is still in time.
/// </summary>
public static class CaseDeadlines
{
    /// <summary>90 days: 行政处罚法 art. 60.</summary>
    public const int DecisionDays = 90;

    /// <summary>5 working days: 行政处罚法 art. 64(1) with art. 85.</summary>
    public const int HearingRequestDays = 5;

    /// <summary>Local practice for 陈述申辩 (often 3 days after the 违法行为通知书); configurable.</summary>
    public const int DefaultStatementDays = 3;

    /// <summary>7 days before the hearing: 行政处罚法 art. 64(2).</summary>
    public const int HearingNoticeDays = 7;

    /// <summary>7 working days: 行政处罚法 art. 61 with art. 85.</summary>
    public const int ServiceDays = 7;

    /// <summary>15 days: 行政处罚法 art. 67.</summary>
    public const int PaymentDays = 15;

    /// <summary>5 days: 交通运输行政执法程序规定 art. 61 (on-the-spot decision filed with the agency).</summary>
    public const int OnSpotRecordFilingDays = 5;

    /// <summary>5 days: modelled on 道路交通安全违法行为处理程序规定 arts. 19 and 20.</summary>
    public const int OffsiteDays = 5;

    /// <summary>3 % of the fine per day late: 行政处罚法 art. 72(1).</summary>
    public const int LateFeePercentPerDay = 3;

    /// <summary>
    /// 作出处罚决定期限: decide within 90 days of 立案 (行政处罚法 art. 60: "应当自行政处罚案件立案之日起九十日内作出行政处罚决定").
    /// Day 1 is the day after filing; a decision on day 90 is in time, on day 91 late. If day 90 is a rest day
    /// the period runs to the next working day (on by default).
    /// </summary>
    public static DateOnly DecisionDue(DateOnly filedOn, IHolidayCalendar c) => DecisionDue(filedOn, c, extendPastHolidays: true);

    /// <inheritdoc cref="DecisionDue(DateOnly, IHolidayCalendar)"/>
    public static DateOnly DecisionDue(DateOnly filedOn, IHolidayCalendar c, bool extendPastHolidays) =>
        LegalPeriod.EndOfCalendarDays(filedOn, DecisionDays, c, extendPastHolidays);

    /// <summary>Whether a decision came after the 90-day limit of 行政处罚法 art. 60.</summary>
    public static bool IsDecisionLate(DateOnly filedOn, DateOnly decidedOn, IHolidayCalendar c) => decidedOn > DecisionDue(filedOn, c);

    /// <summary>
    /// 听证申请期限: the party asks for a hearing within 5 days of being told of the right (行政处罚法 art. 64(1):
    /// "当事人要求听证的，应当在行政机关告知后五日内提出"); working days under art. 85.
    /// </summary>
    public static DateOnly HearingRequestDue(DateOnly noticeServedOn, IHolidayCalendar c) =>
        LegalPeriod.EndOfWorkingDays(noticeServedOn, HearingRequestDays, c);

    /// <summary>
    /// 陈述申辩期限: the period for statements and defence after the 违法行为通知书 (行政处罚法 arts. 44–45 give the
    /// right but no period; local practice is 3 days). Counted in working days like the art. 85 periods, which is
    /// the reading that never shortens the party's right.
    /// </summary>
    public static DateOnly StatementDue(DateOnly noticeServedOn, IHolidayCalendar c, int days = DefaultStatementDays) =>
        LegalPeriod.EndOfWorkingDays(noticeServedOn, days, c);

    /// <summary>
    /// 听证通知期限: the hearing notice must be served at least 7 days before the hearing (行政处罚法 art. 64(2):
    /// "行政机关应当在举行听证的七日前，通知当事人及有关人员听证的时间、地点"). This overload counts 7 calendar days
    /// (hearing on the 15th → notice by the 8th). Art. 85 makes "七日" in that law working days, so prefer
    /// <see cref="LatestHearingNoticeDate(DateOnly, IHolidayCalendar)"/>, which is never later than this one.
    /// </summary>
    public static DateOnly LatestHearingNoticeDate(DateOnly hearingDate) => hearingDate.AddDays(-HearingNoticeDays);

    /// <summary>
    /// 听证通知期限 in working days (行政处罚法 art. 64(2) read with art. 85): the latest service date from which 7
    /// working days still end on or before the hearing day.
    /// </summary>
    public static DateOnly LatestHearingNoticeDate(DateOnly hearingDate, IHolidayCalendar c) =>
        LegalPeriod.LatestTriggerForWorkingDays(hearingDate, HearingNoticeDays, c);

    /// <summary>Whether the hearing notice was served at least 7 calendar days before the hearing (行政处罚法 art. 64(2)).</summary>
    public static bool IsHearingNoticeInTime(DateOnly noticeServedOn, DateOnly hearingDate) =>
        noticeServedOn <= LatestHearingNoticeDate(hearingDate);

    /// <summary>Whether the hearing notice was served at least 7 working days before the hearing (行政处罚法 arts. 64(2), 85).</summary>
    public static bool IsHearingNoticeInTime(DateOnly noticeServedOn, DateOnly hearingDate, IHolidayCalendar c) =>
        noticeServedOn <= LatestHearingNoticeDate(hearingDate, c);

    /// <summary>
    /// 送达期限: a decision not handed over on the spot is served within 7 days (行政处罚法 art. 61: "当事人不在场的，
    /// 行政机关应当在七日内依照《中华人民共和国民事诉讼法》的有关规定，将行政处罚决定书送达当事人"); working days under art. 85.
    /// </summary>
    public static DateOnly ServiceDue(DateOnly decidedOn, IHolidayCalendar c) => LegalPeriod.EndOfWorkingDays(decidedOn, ServiceDays, c);

    /// <summary>
    /// 缴款期限: pay within 15 days of receiving the decision (行政处罚法 art. 67: "当事人应当自收到行政处罚决定书之日起
    /// 十五日内，到指定的银行或者通过电子支付系统缴纳罚款"); calendar days, moved past a rest day (on by default).
    /// </summary>
    public static DateOnly PaymentDue(DateOnly servedOn, IHolidayCalendar c) => PaymentDue(servedOn, c, extendPastHolidays: true);

    /// <inheritdoc cref="PaymentDue(DateOnly, IHolidayCalendar)"/>
    public static DateOnly PaymentDue(DateOnly servedOn, IHolidayCalendar c, bool extendPastHolidays) =>
        LegalPeriod.EndOfCalendarDays(servedOn, PaymentDays, c, extendPastHolidays);

    /// <summary>
    /// 加处罚款 (late-payment surcharge), 行政处罚法 art. 72(1): "到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，
    /// 加处罚款的数额不得超出罚款的数额". Day 1 is the day after <paramref name="paymentDue"/>.
    /// Integer arithmetic: the daily amount is <c>fineFen * 3 / 100</c> floored to the fen, multiplied by the days
    /// late, and the total is capped at the fine. (Flooring the daily amount never charges more than 3 %.)
    /// </summary>
    public static long LateFeeFen(long fineFen, DateOnly paymentDue, DateOnly asOf)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fineFen);
        long daysLate = asOf.DayNumber - paymentDue.DayNumber;
        // floor(fine × 3 / 100) without overflowing: fine = 100q + r → 3q + floor(3r / 100).
        var perDay = (fineFen / 100 * LateFeePercentPerDay) + (fineFen % 100 * LateFeePercentPerDay / 100);
        if (daysLate <= 0 || perDay == 0)
        {
            return 0;
        }

        // From the day the running total would pass the fine, the fine is the answer; before it the product is
        // below the fine, so it cannot overflow.
        var daysToCap = (fineFen / perDay) + (fineFen % perDay == 0 ? 0 : 1);
        return daysLate >= daysToCap ? fineFen : perDay * daysLate;
    }

    /// <summary>
    /// 追责时效 (limitation), 行政处罚法 art. 36: an act not discovered within 2 years is no longer punished; 5 years when it
    /// concerns life and health or financial safety and had harmful results. Counted from the act (from its end if it
    /// continued); the last day is the same date 2 (or 5) years later (29 Feb → 28 Feb), 民法典 arts. 201–202.
    /// </summary>
    public static DateOnly LimitationEnds(DateOnly actOn, bool seriousHarm = false) => actOn.AddYears(seriousHarm ? 5 : 2);

    /// <summary>Whether the act is time-barred when discovered on <paramref name="discoveredOn"/> (行政处罚法 art. 36).</summary>
    public static bool IsTimeBarred(DateOnly actOn, DateOnly discoveredOn, bool seriousHarm = false) =>
        discoveredOn > LimitationEnds(actOn, seriousHarm);

    /// <summary>
    /// 当场处罚备案期限: a copy of the 当场行政处罚决定书 is filed with the agency within 5 days
    /// (交通运输行政执法程序规定 art. 61; 行政处罚法 art. 52 requires the filing without a period).
    /// Counted as working days: the MOT rule implements 行政处罚法, whose art. 85 makes a "五日" period working days,
    /// and the police model rule says the same of its own periods (道路交通安全违法行为处理程序规定 art. 81).
    /// Whether the MOT rule has its own counting article was not checked.
    /// </summary>
    public static DateOnly OnSpotRecordFilingDue(DateOnly decidedOn, IHolidayCalendar c) =>
        LegalPeriod.EndOfWorkingDays(decidedOn, OnSpotRecordFilingDays, c);

    /// <summary>
    /// 非现场执法记录审核期限 (off-site record review): 5 working days after capture. Provincial practice modelled on the
    /// police rule 道路交通安全违法行为处理程序规定 art. 19 ("收集违法行为记录资料后五日内…进行审核"; art. 81: working
    /// days); the MOT rule has no off-site timetable. Review is what makes the record usable as evidence
    /// (行政处罚法 art. 41).
    /// </summary>
    public static DateOnly OffsiteReviewDue(DateOnly capturedOn, IHolidayCalendar c) => LegalPeriod.EndOfWorkingDays(capturedOn, OffsiteDays, c);

    /// <summary>
    /// 非现场执法告知期限 (off-site notification): notify the party within 5 working days after the reviewed record is
    /// entered. Provincial practice modelled on 道路交通安全违法行为处理程序规定 art. 20 (art. 81: working days);
    /// 行政处罚法 art. 41 only says "及时告知".
    /// </summary>
    public static DateOnly OffsiteNotifyDue(DateOnly reviewedOn, IHolidayCalendar c) => LegalPeriod.EndOfWorkingDays(reviewedOn, OffsiteDays, c);
}
