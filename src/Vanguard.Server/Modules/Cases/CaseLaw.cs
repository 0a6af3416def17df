using Vanguard.Domain.Calendar;
using Vanguard.Domain.Cases;
using Vanguard.Server.Modules.Cases.Data;
using Vanguard.Server.Modules.Cases.Features;

namespace Vanguard.Server.Modules.Cases;

/// <summary>
/// Where the case module asks the law (Vanguard.Domain) about one case: its deadlines, the proposed penalty, the
/// case-file checklist. One adapter, so the module's handlers stay about storage and HTTP.
/// </summary>
internal static class CaseLaw
{
    public sealed record NextDeadline(DateOnly? DueOn, string? Name, bool Overdue);

    public static object Deadlines(Case c, IHolidayCalendar calendar, DateOnly today)
    {
        var s = c.State;
        return new
        {
            decisionDue = s.FiledOn is { } f ? CaseDeadlines.DecisionDue(f, calendar) : (DateOnly?)null,
            hearingRequestDue = s.NoticeServedOn is { } n ? CaseDeadlines.HearingRequestDue(n, calendar) : (DateOnly?)null,
            paymentDue = s.ServedOn is { } sv ? CaseDeadlines.PaymentDue(sv, calendar) : (DateOnly?)null,
            limitationEnds = s.ActOn is { } a ? CaseDeadlines.LimitationEnds(a) : (DateOnly?)null,
            lateFeeFen = s.ServedOn is { } served && s.DecidedFineFen is { } fine
                ? CaseDeadlines.LateFeeFen(fine, CaseDeadlines.PaymentDue(served, calendar), today) : 0,
        };
    }

    public static NextDeadline Next(Case c, IHolidayCalendar calendar, DateOnly today)
    {
        var s = c.State;
        (DateOnly? due, string? name) = s.Stage switch
        {
            CaseStage.Investigation or CaseStage.Review or CaseStage.LegalReview or CaseStage.Notified or CaseStage.Hearing when s.FiledOn is { } f =>
                ((DateOnly?)CaseDeadlines.DecisionDue(f, calendar), (string?)"作出决定"),
            CaseStage.Executing when s.ServedOn is { } sv => (CaseDeadlines.PaymentDue(sv, calendar), "缴纳罚款"),
            _ => ((DateOnly?)null, (string?)null),
        };
        return new NextDeadline(due, name, due is { } d && today > d);
    }

    public static object? Proposal(Case c, DateOnly on) => null;

    public static IReadOnlyList<ChecklistItemView> Checklist(Case c, IReadOnlySet<string> present) => [];

    public static bool IsKnownOffence(string code) => !string.IsNullOrWhiteSpace(code);
}
