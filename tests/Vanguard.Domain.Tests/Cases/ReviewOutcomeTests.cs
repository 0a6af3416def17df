using Vanguard.Domain.Calendar;
using Vanguard.Domain.Cases;
using Vanguard.Domain.Penalties;

namespace Vanguard.Domain.Tests.Cases;

/// <summary>复议诉讼结果 (record-review-outcome): only on a decision, never before it, whatever the case's later steps.</summary>
public sealed class ReviewOutcomeTests
{
    private static readonly DateOnly Decided = new(2026, 3, 16);

    private static readonly CaseOfficer[] Officers =
    [
        new(Guid.NewGuid(), "王建国", "41012022000001", new DateOnly(2027, 6, 30), Investigating: true),
        new(Guid.NewGuid(), "李志强", "41012022000002", new DateOnly(2027, 6, 30), Investigating: true),
    ];

    private static CaseRuleContext Context(DateOnly today) =>
        new(today, HolidayCalendar.WeekendsOnly, new HearingThresholds(1_000_000, 10_000_000), Officers);

    private static CaseSnapshot Archived() => new()
    {
        Stage = CaseStage.Archived, ActOn = new(2026, 3, 2), AcceptedOn = new(2026, 3, 2), FiledOn = new(2026, 3, 2), NoticeServedOn = new(2026, 3, 4),
        DecidedOn = Decided, ServedOn = Decided, PaidOn = new(2026, 3, 20), ClosedOn = new(2026, 6, 1), ArchivedOn = new(2026, 6, 2),
        Outcome = CaseOutcome.Penalty, DecidedFineFen = 100_000, PaidFen = 100_000,
    };

    [Fact]
    public void Outcome_OnAnArchivedCase_IsDatedByTheReviewNotByTheCasesLastStep()
    {
        var before = Archived();
        var review = new RecordReviewOutcome(new DateOnly(2026, 5, 20), ReviewKind.Review, ReviewResult.Revoked, "郑州市人民政府", "郑政复决〔2026〕12号");

        var result = CaseWorkflow.Apply(before, review, Context(new DateOnly(2026, 7, 1)));

        result.IsSuccess.ShouldBeTrue(result.Error?.Code);
        result.Value.After.ShouldBe(before, "the outcome changes no procedural state");
        result.Value.ActionCode.ShouldBe("record-review-outcome");
        result.Value.DescriptionZh.ShouldBe("行政复议结果：撤销原行政处罚决定（郑州市人民政府，郑政复决〔2026〕12号，2026-05-20；《行政复议法》第六十四条）");
    }

    [Fact]
    public void Outcome_BeforeTheDecision_IsRefused() =>
        CaseWorkflow.Apply(Archived(), new RecordReviewOutcome(Decided.AddDays(-1), ReviewKind.Lawsuit, ReviewResult.Changed, "郑州市中原区人民法院", "(2026)豫0102行初1号"),
                Context(new DateOnly(2026, 7, 1)))
            .Error!.Code.ShouldBe("cases.review_before_decision");

    [Fact]
    public void Outcome_WithoutADecision_OrOnATransfer_IsRefused()
    {
        var notified = Archived() with { Stage = CaseStage.Notified, DecidedOn = null, ServedOn = null, PaidOn = null, ClosedOn = null, ArchivedOn = null, Outcome = null };
        var review = new RecordReviewOutcome(new DateOnly(2026, 5, 20), ReviewKind.Review, ReviewResult.Upheld, "郑州市人民政府", "郑政复决〔2026〕13号");

        CaseWorkflow.Apply(notified, review, Context(new DateOnly(2026, 7, 1))).Error!.Code.ShouldBe("cases.invalid_transition");
        CaseWorkflow.Apply(Archived() with { Outcome = CaseOutcome.Transfer }, review, Context(new DateOnly(2026, 7, 1)))
            .Error!.Code.ShouldBe("cases.invalid_transition");
    }

    [Fact]
    public void Outcome_InTheFuture_OrWithoutOrgan_IsRefused()
    {
        CaseWorkflow.Apply(Archived(), new RecordReviewOutcome(new DateOnly(2026, 7, 2), ReviewKind.Review, ReviewResult.Revoked, "郑州市人民政府", "1号"),
            Context(new DateOnly(2026, 7, 1))).Error!.Code.ShouldBe("cases.date_in_future");
        CaseWorkflow.Apply(Archived(), new RecordReviewOutcome(new DateOnly(2026, 6, 2), ReviewKind.Review, ReviewResult.Revoked, " ", "1号"),
            Context(new DateOnly(2026, 7, 1))).Error!.Fields.Keys.ShouldBe(["organ"]);
    }

    [Theory]
    [InlineData(ReviewResult.Upheld, false)]
    [InlineData(ReviewResult.Revoked, true)]
    [InlineData(ReviewResult.Changed, true)]
    [InlineData(ReviewResult.ConfirmedIllegal, true)]
    [InlineData(ReviewResult.OrderedToPerform, true)]
    public void OnlyUpheld_IsNotACorrection(ReviewResult result, bool correction) => ReviewOutcomes.IsCorrection(result).ShouldBe(correction);

    [Fact]
    public void ApiCodes_ParseToTheOutcomes_AndLawsuitsCiteTheLitigationLaw()
    {
        ReviewOutcomes.ParseKind("lawsuit").ShouldBe(ReviewKind.Lawsuit);
        ReviewOutcomes.ParseKind("appeal").ShouldBeNull();
        ReviewOutcomes.ParseResult("confirmed_illegal").ShouldBe(ReviewResult.ConfirmedIllegal);
        ReviewOutcomes.ParseResult("Revoked").ShouldBeNull();
        ReviewOutcomes.ResultZh(ReviewKind.Lawsuit, ReviewResult.Upheld).ShouldBe("驳回原告诉讼请求");
        ReviewOutcomes.LegalBasis(ReviewKind.Lawsuit, ReviewResult.Changed).ShouldBe("《行政诉讼法》第七十七条");
    }
}
