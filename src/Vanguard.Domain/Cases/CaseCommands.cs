namespace Vanguard.Domain.Cases;

/// <summary>An action on a case. Each names the day it happened; the workflow checks it against the law.</summary>
public abstract record CaseCommand(DateOnly On)
{
    /// <summary>Stable action code used by the API (<c>POST /cases/{id}/actions/{code}</c>) and the timeline.</summary>
    public abstract string Code { get; }
}

/// <summary>立案 — the head of the agency approved opening the case (交通运输行政执法程序规定 art. 63).</summary>
public sealed record FileCase(DateOnly On, string ApprovedBy) : CaseCommand(On)
{
    public override string Code => "file";
}

/// <summary>不予立案 / 撤销.</summary>
public sealed record DropCase(DateOnly On, string Reason) : CaseCommand(On)
{
    public override string Code => "drop";
}

/// <summary>
/// 指定/增加承办人员 — officers assigned to the case before the decision (行政处罚法 art. 42: at least two officers with
/// 执法证 investigate and decide). <see cref="Officers"/> are the officers as found by the caller, with their 执法证.
/// </summary>
public sealed record AssignOfficers(DateOnly On, IReadOnlyList<CaseOfficer> Officers) : CaseCommand(On)
{
    public override string Code => "assign-officers";
}

/// <summary>调查终结 — the investigation report is written.</summary>
public sealed record CompleteInvestigation(DateOnly On) : CaseCommand(On)
{
    public override string Code => "complete-investigation";
}

/// <summary>提交法制审核.</summary>
public sealed record SubmitLegalReview(DateOnly On) : CaseCommand(On)
{
    public override string Code => "submit-legal-review";
}

/// <summary>法制审核 result: passed, or returned for more investigation.</summary>
public sealed record CompleteLegalReview(DateOnly On, Guid ReviewerOfficerId, bool Passed, string Opinion) : CaseCommand(On)
{
    public override string Code => "complete-legal-review";
}

/// <summary>告知 — 违法行为通知书 with the proposed penalty served on the party (art. 44).</summary>
public sealed record Notify(DateOnly On, long? ProposedFineFen, bool ProposedWarning) : CaseCommand(On)
{
    public override string Code => "notify";
}

/// <summary>陈述、申辩 received (art. 45).</summary>
public sealed record RecordStatement(DateOnly On, string Summary) : CaseCommand(On)
{
    public override string Code => "record-statement";
}

/// <summary>The party expressly waives statement/defence and/or a hearing (art. 62).</summary>
public sealed record WaiveRights(DateOnly On, bool Statement, bool Hearing) : CaseCommand(On)
{
    public override string Code => "waive-rights";
}

/// <summary>听证申请 (art. 64(1): within 5 working days of notice).</summary>
public sealed record RequestHearing(DateOnly On) : CaseCommand(On)
{
    public override string Code => "request-hearing";
}

/// <summary>听证通知 served for a hearing on <see cref="HearingDate"/> (art. 64(2): at least 7 days before).</summary>
public sealed record ScheduleHearing(DateOnly On, DateOnly HearingDate) : CaseCommand(On)
{
    public override string Code => "schedule-hearing";
}

/// <summary>The hearing was held; 听证笔录 made.</summary>
public sealed record RecordHearing(DateOnly On) : CaseCommand(On)
{
    public override string Code => "record-hearing";
}

/// <summary>集体讨论 held (art. 57(2)).</summary>
public sealed record HoldCollectiveDiscussion(DateOnly On) : CaseCommand(On)
{
    public override string Code => "collective-discussion";
}

/// <summary>决定 (art. 57).</summary>
public sealed record Decide(DateOnly On, CaseOutcome Outcome, long? FineFen, bool Warning) : CaseCommand(On)
{
    public override string Code => "decide";
}

/// <summary>当场处罚 — simplified procedure: decided and handed over on the spot (arts. 51–52, 61).</summary>
public sealed record DecideOnSpot(DateOnly On, long? FineFen, bool Warning) : CaseCommand(On)
{
    public override string Code => "decide-on-spot";
}

/// <summary>送达 (art. 61).</summary>
public sealed record Serve(DateOnly On, ServiceMethod Method) : CaseCommand(On)
{
    public override string Code => "serve";
}

/// <summary>The party consented to electronic service (送达地址确认书).</summary>
public sealed record RecordServiceConsent(DateOnly On) : CaseCommand(On)
{
    public override string Code => "record-service-consent";
}

/// <summary>Payment received (art. 67), possibly including the late fee (art. 72).</summary>
public sealed record RecordPayment(DateOnly On, long AmountFen) : CaseCommand(On)
{
    public override string Code => "record-payment";
}

/// <summary>催告书 served (行政强制法 art. 54).</summary>
public sealed record IssueReminder(DateOnly On) : CaseCommand(On)
{
    public override string Code => "issue-reminder";
}

/// <summary>申请人民法院强制执行 (行政强制法 art. 53).</summary>
public sealed record ApplyForEnforcement(DateOnly On) : CaseCommand(On)
{
    public override string Code => "apply-enforcement";
}

/// <summary>当场处罚决定书 copy filed with the agency (交通运输行政执法程序规定 art. 61).</summary>
public sealed record FileOnSpotRecord(DateOnly On) : CaseCommand(On)
{
    public override string Code => "file-on-spot-record";
}

/// <summary>结案.</summary>
public sealed record CloseCase(DateOnly On) : CaseCommand(On)
{
    public override string Code => "close";
}

/// <summary>归档.</summary>
public sealed record ArchiveCase(DateOnly On) : CaseCommand(On)
{
    public override string Code => "archive";
}

/// <summary>
/// 复议诉讼结果 — the outcome of a 行政复议 or 行政诉讼 against the decision, as the 复议决定书 / 判决书 states it
/// (<see cref="On"/> is the day it was decided). It changes no procedural state of the case; it is kept on the timeline and
/// counted by the performance evaluation (复议诉讼纠错).
/// </summary>
public sealed record RecordReviewOutcome(DateOnly On, ReviewKind Kind, ReviewResult Result, string Organ, string DocumentNumber) : CaseCommand(On)
{
    public override string Code => "record-review-outcome";
}
