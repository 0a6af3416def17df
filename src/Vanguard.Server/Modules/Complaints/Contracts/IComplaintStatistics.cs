namespace Vanguard.Server.Modules.Complaints.Contracts;

/// <summary>Monthly aggregates of complaint handling for the performance evaluation (投诉"两个必须"按时率), and anonymised facts.</summary>
public interface IComplaintStatistics
{
    /// <summary>
    /// Per responsible agency in the caller's jurisdiction: the complaints received in [<paramref name="from"/>, <paramref name="to"/>)
    /// and those whose first contact or presence on site was not recorded by its due time (done late, or not done and overdue by now).
    /// The timers are the complaint's current ones (a reassignment restarts them for the new agency), and a complaint with a breach
    /// warning already written counts as missed whatever happened after (a reassignment does not wipe it). At most <paramref name="maxIds"/>
    /// ids per agency (lowest first); the counts are complete.
    /// </summary>
    Task<IReadOnlyList<AgencyTwoMusts>> TwoMustsAsync(DateTimeOffset from, DateTimeOffset to, int maxIds, CancellationToken ct);

    /// <summary>
    /// 有效投诉: per agency of the accused officer (the officer's own agency, not the one that handled the ticket), the 投诉举报 about an
    /// identified officer whose latest handling result was recorded in [<paramref name="from"/>, <paramref name="to"/>) with a finding, and
    /// those found substantiated in whole or in part. At most <paramref name="maxIds"/> ids per agency (lowest first); counts complete.
    /// </summary>
    Task<IReadOnlyList<AgencyUpheld>> UpheldAboutOfficersAsync(DateTimeOffset from, DateTimeOffset to, int maxIds, CancellationToken ct);

    /// <summary>
    /// The complaints of these ids that still exist in the caller's jurisdiction, as a third-party evaluator may see them: type, domain,
    /// stage and the two musts' times — no complainant, no accused person or officer, no description or notes. In id order.
    /// </summary>
    Task<IReadOnlyList<ComplaintFacts>> DescribeAsync(IReadOnlyCollection<Guid> complaintIds, CancellationToken ct);
}

public sealed record AgencyTwoMusts(Guid AgencyId, int Received, int Missed, IReadOnlyList<Guid> MissedIds);

public sealed record AgencyUpheld(Guid AgencyId, int Found, int Upheld, IReadOnlyList<Guid> UpheldIds);

/// <param name="Type">consultation / suggestion / complaint.</param>
/// <param name="Status">The stage (<c>assigned</c> … <c>visited</c>, <c>reexamining</c>); <paramref name="StatusName"/> in Chinese.</param>
/// <param name="ContactState">pending / on_time / overdue / late, now.</param>
/// <param name="AboutOfficer">Whether the complaint is about an identified officer (who is not said).</param>
public sealed record ComplaintFacts(
    Guid ComplaintId, string Source, string Type, string Domain, string Status, string StatusName, DateTimeOffset ReceivedAt, DateTimeOffset AssignedAt,
    DateTimeOffset ContactDueAt, DateTimeOffset? ContactedAt, string ContactState, DateTimeOffset OnsiteDueAt, DateTimeOffset? OnsiteAt, string OnsiteState,
    bool AboutOfficer, string? Satisfaction, string? Finding);
