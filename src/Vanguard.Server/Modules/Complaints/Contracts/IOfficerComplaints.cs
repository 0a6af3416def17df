namespace Vanguard.Server.Modules.Complaints.Contracts;

/// <summary>
/// 投诉举报 about identified officers, for the early-warning engine (执法人员被重复投诉). No complainant and no description: only
/// which officer, when and which ticket. The caller's jurisdiction applies (to the agency that handles the ticket).
/// </summary>
public interface IOfficerComplaints
{
    /// <summary>The complaints (type <c>complaint</c>) received at or after <paramref name="since"/> that name an officer of the platform, oldest first.</summary>
    Task<IReadOnlyList<OfficerComplaint>> AboutOfficersSinceAsync(DateTimeOffset since, CancellationToken ct);
}

/// <param name="OfficerAgencyId">The accused officer's own agency (team), who answers for the officer's conduct.</param>
public sealed record OfficerComplaint(Guid ComplaintId, string? TicketNo, Guid OfficerId, Guid OfficerAgencyId, DateTimeOffset ReceivedAt, string? Finding);
