using System.Text.Json;
using Vanguard.Domain.Calendar;
using Vanguard.Domain.Cases;
using Vanguard.Domain.Penalties;
using Vanguard.Server.Components;
using Vanguard.Server.Modules.Cases.Data;
using Vanguard.Server.Modules.Cases.Features;

namespace Vanguard.Server.Modules.Cases;

/// <summary>
/// Where the case module asks the law (Vanguard.Domain) about one case: its deadlines, the proposed penalty (裁量基准),
/// the case-file checklist (卷宗). One adapter, so the handlers stay about storage and HTTP.
/// </summary>
internal static class CaseLaw
{
    public static DiscretionStandard Standard { get; } = DiscretionStandard.Default;

    /// <summary>Timeline warning: the decided penalty is outside what the discretion standard proposes.</summary>
    public const string WarningDepartsFromStandard = "departs_from_standard";

    public sealed record NextDeadline(DateOnly? DueOn, string? Name, bool Overdue);

    public sealed record DeadlineItemView(
        string Code, string Name, string LegalBasis, DateOnly Due, DeadlineState State, DateOnly? CompletedOn, string? IssueCode, string? Issue);

    public sealed record DeadlinesView(
        DateOnly? LimitationEnds, DateOnly? StatementDue, DateOnly? HearingRequestDue, DateOnly? HearingNoticeLatest, DateOnly? DecisionDue,
        DateOnly? ServiceDue, DateOnly? PaymentDue, long LateFeeFen, IReadOnlyList<DeadlineItemView> Items);

    public sealed record ProposalView(
        string OffenceCode, PenaltyKind Kind, long? AmountFen, long? MinFen, long? MaxFen, bool Warning, string LegalBasis,
        IReadOnlyList<string> Explanation, int RuleVersion, bool? DecisionDeparts, string? ErrorCode, string? Error);

    public static CaseDeadlineSet Compute(Case c, IHolidayCalendar calendar, DateOnly today, int statementDays)
    {
        var s = c.State;
        var dates = new CaseDates(s.ActOn, s.FiledOn, s.NoticeServedOn, s.HearingDate, s.HearingNoticeServedOn, s.DecidedOn, s.ServedOn, s.PaidOn);
        return CaseDeadlineSet.Compute(dates, calendar, s.DecidedFineFen, today, CaseDeadlineOptions.Default with { StatementDays = statementDays });
    }

    public static DeadlinesView Deadlines(Case c, IHolidayCalendar calendar, DateOnly today, int statementDays)
    {
        var set = Compute(c, calendar, today, statementDays);
        var english = L.IsEnglish;
        return new DeadlinesView(
            set.LimitationEnds, set.StatementDue, set.HearingRequestDue, set.HearingNoticeLatest, set.DecisionDue, set.ServiceDue, set.PaymentDue,
            set.LateFeeFen,
            set.Items.Select(i =>
            {
                // The dates alone cannot show a waiver (art. 62 "当事人明确放弃"); the case can, so a waived period is no issue.
                var waived = (i.Code == CaseDeadlineSet.Statement && c.State.StatementWaived)
                    || (i.Code == CaseDeadlineSet.HearingRequest && c.State.HearingWaived);
                var issue = waived ? null : i.Issue;
                return new DeadlineItemView(
                    i.Code, english ? i.NameEn : i.NameZh, i.LegalBasis, i.Due, i.State, i.CompletedOn, issue?.Code,
                    issue is null ? null : english ? issue.MessageEn : issue.MessageZh);
            }).ToList());
    }

    /// <summary>The most pressing open deadline: what the list and the "due soon / overdue" view sort by.</summary>
    public static NextDeadline Next(Case c, IHolidayCalendar calendar, DateOnly today, int statementDays)
    {
        if (c.State.Stage is CaseStage.Closed or CaseStage.Archived or CaseStage.Dropped)
        {
            return new NextDeadline(null, null, false);
        }

        var open = Compute(c, calendar, today, statementDays).Items
            .Where(i => i.CompletedOn is null && i.State is DeadlineState.Pending or DeadlineState.DueSoon or DeadlineState.Overdue)
            .Where(i => i.Code != CaseDeadlineSet.Limitation || c.State.FiledOn is null)
            .OrderBy(i => i.Due)
            .FirstOrDefault();
        return open is null
            ? new NextDeadline(null, null, false)
            : new NextDeadline(open.Due, L.IsEnglish ? open.NameEn : open.NameZh, open.State == DeadlineState.Overdue);
    }

    public static PenaltyFacts FactsOf(Case c)
    {
        var facts = c.PenaltyFactsJson is null ? [] : JsonSerializer.Deserialize<Dictionary<string, long>>(c.PenaltyFactsJson) ?? [];
        int? Int(string key) => facts.TryGetValue(key, out var v) ? (int)v : null;
        return new PenaltyFacts
        {
            OverKg = Int("overKg"),
            HeightMm = Int("heightMm"),
            WidthMm = Int("widthMm"),
            LengthMm = Int("lengthMm"),
            IllegalGainsFen = facts.TryGetValue("illegalGainsFen", out var gains) ? gains : null,
            Serious = facts.TryGetValue("serious", out var serious) && serious != 0,
        };
    }

    /// <summary>The engine's proposal and, once decided, whether the decision departs from it (flagged, not refused).</summary>
    public static ProposalView Proposal(Case c, DateOnly on)
    {
        var english = L.IsEnglish;
        var result = Standard.TryPropose(c.OffenceCode, FactsOf(c), on);
        if (!result.IsSuccess)
        {
            return new ProposalView(c.OffenceCode, PenaltyKind.Fixed, null, null, null, false, string.Empty, [], 0, null,
                result.Error!.Code, english ? result.Error.MessageEn : result.Error.MessageZh);
        }

        var p = result.Value;
        bool? departs = c.State.Outcome == CaseOutcome.Penalty
            ? DiscretionStandard.DepartsFrom(p, c.State.DecidedFineFen ?? 0, c.State.DecidedWarning)
            : null;
        return new ProposalView(p.OffenceCode, p.Kind, p.AmountFen, p.MinFen, p.MaxFen, p.Warning, p.LegalBasis,
            english ? p.ExplanationEn : p.ExplanationZh, p.RuleVersion, departs, null, null);
    }

    public static IReadOnlyList<ChecklistItemView> Checklist(Case c, IReadOnlySet<string> present) =>
        CaseChecklists.For(c.OffenceCode, c.State.Procedure)
            .Select(i => new ChecklistItemView(i.Code, L.IsEnglish ? i.NameEn : i.NameZh, i.Required, present.Contains(i.Code)))
            .ToList();

    public static bool IsKnownOffence(string code, DateOnly on) => Standard.Find(code, on) is not null;
}
