using Vanguard.Domain.Calendar;
using Vanguard.Domain.Common;

namespace Vanguard.Domain.Cases;

/// <summary>
/// 案件关键日期 (the dates a case has reached so far); null = not happened yet.
/// <see cref="ActOn"/> 违法行为发生日, <see cref="FiledOn"/> 立案日, <see cref="NoticeServedOn"/> 违法行为通知书送达日,
/// <see cref="HearingDate"/> 听证日, <see cref="HearingNoticeServedOn"/> 听证通知书送达日, <see cref="DecidedOn"/> 处罚决定日,
/// <see cref="ServedOn"/> 决定书送达日, <see cref="PaidOn"/> 缴款日.
/// </summary>
public sealed record CaseDates(
    DateOnly? ActOn,
    DateOnly? FiledOn,
    DateOnly? NoticeServedOn,
    DateOnly? HearingDate,
    DateOnly? HearingNoticeServedOn,
    DateOnly? DecidedOn,
    DateOnly? ServedOn,
    DateOnly? PaidOn);

/// <summary>Settings for <see cref="CaseDeadlineSet.Compute"/>; the defaults are the legal minimum plus local practice.</summary>
public sealed record CaseDeadlineOptions
{
    public static CaseDeadlineOptions Default { get; } = new();

    /// <summary>陈述申辩 period in working days (local practice 3).</summary>
    public int StatementDays { get; init; } = CaseDeadlines.DefaultStatementDays;

    /// <summary>行政处罚法 art. 36: 5-year limitation (life/health/financial safety with harmful results).</summary>
    public bool SeriousHarm { get; init; }

    /// <summary>A pending deadline this many calendar days away or fewer is <see cref="DeadlineState.DueSoon"/>.</summary>
    public int DueSoonDays { get; init; } = 3;

    /// <summary>Whether calendar-day periods ending on a rest day move to the next working day (民事诉讼法 art. 85 by analogy).</summary>
    public bool ExtendPastHolidays { get; init; } = true;
}

/// <summary>期限状态 (deadline state).</summary>
public enum DeadlineState
{
    /// <summary>未到期: open, more than the due-soon margin away.</summary>
    Pending,

    /// <summary>
    /// 已按期完成 / 期满: done on or before the due date; for a period granted to the party (陈述申辩, 听证申请) it means
    /// the period has run out (or the hearing was asked for), so the case may move on.
    /// </summary>
    Met,

    /// <summary>即将到期: open and due within the margin (default ≤ 3 days, today included).</summary>
    DueSoon,

    /// <summary>已超期: open after the due date, or done late (then <see cref="DeadlineStatus.CompletedOn"/> is set).</summary>
    Overdue,
}

/// <summary>
/// 期限条目 (one deadline of a case): a stable <see cref="Code"/> (<c>decision</c>, <c>payment</c> …), the Chinese and English
/// labels, the legal basis, the due date and its state. <see cref="Issue"/> flags a procedural problem the state alone
/// does not show (e.g. a decision taken while the party's defence period was still running).
/// </summary>
public sealed record DeadlineStatus(
    string Code,
    string NameZh,
    string NameEn,
    string LegalBasis,
    DateOnly Due,
    DeadlineState State,
    DateOnly? CompletedOn = null,
    Error? Issue = null);

/// <summary>
/// 案件期限一览 (all deadlines of a case as of a day): each due date (null while not applicable), the list of
/// <see cref="DeadlineStatus"/> items in process order, and the 加处罚款 (行政处罚法 art. 72) as of
/// <c>PaidOn ?? today</c>. This is what the API's <c>deadlines</c> object shows.
/// </summary>
public sealed record CaseDeadlineSet(
    DateOnly? LimitationEnds,
    DateOnly? StatementDue,
    DateOnly? HearingRequestDue,
    DateOnly? HearingNoticeLatest,
    DateOnly? DecisionDue,
    DateOnly? ServiceDue,
    DateOnly? PaymentDue,
    long LateFeeFen,
    IReadOnlyList<DeadlineStatus> Items)
{
    public const string Limitation = "limitation";
    public const string Statement = "statement";
    public const string HearingRequest = "hearing_request";
    public const string HearingNotice = "hearing_notice";
    public const string Decision = "decision";
    public const string Service = "service";
    public const string Payment = "payment";

    /// <summary>
    /// Computes every applicable deadline. <paramref name="fineFen"/> null or 0 means no fine (a warning, or not decided
    /// yet): no payment deadline and no late fee. The hearing notice uses the working-day reading of art. 64(2).
    /// Off-site and on-the-spot filing deadlines depend on the procedure and are not part of this set.
    /// </summary>
    public static CaseDeadlineSet Compute(CaseDates dates, IHolidayCalendar c, long? fineFen, DateOnly today, CaseDeadlineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(c);
        var o = options ?? CaseDeadlineOptions.Default;
        var items = new List<DeadlineStatus>();

        DeadlineState Track(DateOnly due, DateOnly? done) => done is { } d
            ? d <= due ? DeadlineState.Met : DeadlineState.Overdue
            : Open(due);

        DeadlineState Open(DateOnly due) => today > due
            ? DeadlineState.Overdue
            : due.DayNumber - today.DayNumber <= o.DueSoonDays ? DeadlineState.DueSoon : DeadlineState.Pending;

        // A period that belongs to the party: nothing to "complete"; it is Met once it has run out.
        DeadlineState PartyPeriod(DateOnly due, bool usedEarly) => usedEarly || today > due ? DeadlineState.Met : Open(due);

        DateOnly? limitation = null;
        if (dates.ActOn is { } actOn)
        {
            limitation = CaseDeadlines.LimitationEnds(actOn, o.SeriousHarm);
            items.Add(new(Limitation, "追责时效", "Limitation period", "《行政处罚法》第三十六条", limitation.Value,
                Track(limitation.Value, dates.FiledOn), dates.FiledOn));
        }

        DateOnly? statement = null;
        DateOnly? hearingRequest = null;
        if (dates.NoticeServedOn is { } noticeOn)
        {
            statement = CaseDeadlines.StatementDue(noticeOn, c, o.StatementDays);
            items.Add(new(Statement, "陈述申辩期限", "Statement and defence period", "《行政处罚法》第四十四条、第四十五条（地方实践）",
                statement.Value, PartyPeriod(statement.Value, usedEarly: false), Issue: DecidedInside(statement.Value, Statement)));

            hearingRequest = CaseDeadlines.HearingRequestDue(noticeOn, c);
            items.Add(new(HearingRequest, "听证申请期限", "Hearing request period", "《行政处罚法》第六十四条第一项、第八十五条",
                hearingRequest.Value, PartyPeriod(hearingRequest.Value, usedEarly: dates.HearingDate is not null),
                Issue: dates.HearingDate is null ? DecidedInside(hearingRequest.Value, HearingRequest) : null));
        }

        DateOnly? hearingNotice = null;
        if (dates.HearingDate is { } hearingDate)
        {
            hearingNotice = CaseDeadlines.LatestHearingNoticeDate(hearingDate, c);
            items.Add(new(HearingNotice, "听证通知送达期限", "Hearing notice served by", "《行政处罚法》第六十四条第二项、第八十五条",
                hearingNotice.Value, Track(hearingNotice.Value, dates.HearingNoticeServedOn), dates.HearingNoticeServedOn));
        }

        DateOnly? decision = null;
        if (dates.FiledOn is { } filedOn)
        {
            decision = CaseDeadlines.DecisionDue(filedOn, c, o.ExtendPastHolidays);
            items.Add(new(Decision, "处罚决定期限", "Decision due", "《行政处罚法》第六十条", decision.Value,
                Track(decision.Value, dates.DecidedOn), dates.DecidedOn));
        }

        DateOnly? service = null;
        if (dates.DecidedOn is { } decidedOn)
        {
            service = CaseDeadlines.ServiceDue(decidedOn, c);
            items.Add(new(Service, "决定书送达期限", "Decision served by", "《行政处罚法》第六十一条、第八十五条", service.Value,
                Track(service.Value, dates.ServedOn), dates.ServedOn));
        }

        DateOnly? payment = null;
        long lateFee = 0;
        if (dates.ServedOn is { } servedOn && fineFen is > 0)
        {
            payment = CaseDeadlines.PaymentDue(servedOn, c, o.ExtendPastHolidays);
            items.Add(new(Payment, "缴纳罚款期限", "Fine payable by", "《行政处罚法》第六十七条", payment.Value,
                Track(payment.Value, dates.PaidOn), dates.PaidOn));
            lateFee = CaseDeadlines.LateFeeFen(fineFen.Value, payment.Value, dates.PaidOn ?? today);
        }

        return new CaseDeadlineSet(limitation, statement, hearingRequest, hearingNotice, decision, service, payment, lateFee, items);

        // 行政处罚法 art. 62: no decision before the party has been heard; deciding inside the party's period is only
        // lawful if the party already stated its case or waived, which these dates cannot show, so it is flagged.
        Error? DecidedInside(DateOnly periodEnd, string code) => dates.DecidedOn is { } d && d <= periodEnd
            ? new Error($"cases.decided_within_{code}_period",
                $"处罚决定日（{d:yyyy-MM-dd}）在当事人{(code == Statement ? "陈述申辩" : "听证申请")}期限（至 {periodEnd:yyyy-MM-dd}）届满前，请确认当事人已陈述申辩或明确放弃。",
                $"The decision ({d:yyyy-MM-dd}) falls inside the party's {(code == Statement ? "statement" : "hearing request")} period (to {periodEnd:yyyy-MM-dd}); confirm the party was heard or waived.")
            : null;
    }
}
