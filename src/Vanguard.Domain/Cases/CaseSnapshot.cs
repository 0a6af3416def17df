namespace Vanguard.Domain.Cases;

/// <summary>
/// The legally relevant state of one case: what the workflow reads to decide whether an action is allowed, and what
/// it returns changed. Dates are the days things happened (or were served), as the law counts periods in days.
/// </summary>
public sealed record CaseSnapshot
{
    public CaseProcedure Procedure { get; init; } = CaseProcedure.Ordinary;

    public CaseStage Stage { get; init; } = CaseStage.Lead;

    public PartyKind PartyKind { get; init; } = PartyKind.Person;

    /// <summary>违法行为发生日 (start of the limitation period, art. 36).</summary>
    public DateOnly? ActOn { get; init; }

    public DateOnly? AcceptedOn { get; init; }

    /// <summary>立案日 (start of the 90-day decision period, art. 60).</summary>
    public DateOnly? FiledOn { get; init; }

    public DateOnly? InvestigationEndedOn { get; init; }

    /// <summary>违法行为通知书 served (art. 44).</summary>
    public DateOnly? NoticeServedOn { get; init; }

    public DateOnly? StatementOn { get; init; }

    public DateOnly? HearingRequestedOn { get; init; }

    public DateOnly? HearingNoticeServedOn { get; init; }

    public DateOnly? HearingDate { get; init; }

    public DateOnly? HearingHeldOn { get; init; }

    public DateOnly? CollectiveDiscussionOn { get; init; }

    public DateOnly? DecidedOn { get; init; }

    public DateOnly? ServedOn { get; init; }

    public DateOnly? PaidOn { get; init; }

    public DateOnly? ReminderServedOn { get; init; }

    /// <summary>当场处罚决定书 copy filed with the agency (交通运输行政执法程序规定 art. 61).</summary>
    public DateOnly? OnSpotRecordFiledOn { get; init; }

    public DateOnly? ClosedOn { get; init; }

    public DateOnly? ArchivedOn { get; init; }

    /// <summary>Art. 58 applies (major public interest, complex, major rights): a legal review must pass before notice.</summary>
    public bool LegalReviewRequired { get; init; }

    public bool LegalReviewPassed { get; init; }

    /// <summary>Art. 57(2): complex or serious → the agency's heads decide collectively.</summary>
    public bool CollectiveDiscussionRequired { get; init; }

    /// <summary>The penalty revokes a permit or licence (吊销许可证件): hearing-eligible whatever the amount (art. 63).</summary>
    public bool RevokesLicence { get; init; }

    /// <summary>Off-site records passed the 法制和技术审核 of art. 41.</summary>
    public bool EvidenceReviewed { get; init; }

    /// <summary>The party made a statement or defence (陈述、申辩).</summary>
    public bool DefenceMade { get; init; }

    /// <summary>The party expressly waived statement and defence (art. 62).</summary>
    public bool StatementWaived { get; init; }

    /// <summary>The party expressly waived a hearing.</summary>
    public bool HearingWaived { get; init; }

    /// <summary>送达地址确认书 with consent to electronic service (art. 61).</summary>
    public bool ElectronicServiceConsent { get; init; }

    public long? ProposedFineFen { get; init; }

    public bool ProposedWarning { get; init; }

    public CaseOutcome? Outcome { get; init; }

    public long? DecidedFineFen { get; init; }

    public bool DecidedWarning { get; init; }

    public ServiceMethod? ServiceMethod { get; init; }

    /// <summary>Fine and late fee paid so far.</summary>
    public long PaidFen { get; init; }

    /// <summary>The case was handed to a court for compulsory execution (行政强制法 art. 53): it may close unpaid.</summary>
    public bool EnforcementApplied { get; init; }
}

/// <summary>An officer assigned to a case, with their 执法证 as recorded.</summary>
public sealed record CaseOfficer(Guid OfficerId, string Name, string? CertificateNo, DateOnly? CertificateValidUntil, bool Investigating);
