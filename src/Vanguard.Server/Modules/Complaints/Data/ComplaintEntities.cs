using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Complaints.Data;

/// <summary>A 12328 ticket or a complaint taken by staff, owned by the agency it is assigned to.</summary>
public sealed class Complaint : IAgencyOwned
{
    public Guid Id { get; set; }

    /// <summary>The responsible agency (承办单位).</summary>
    public Guid AgencyId { get; set; }

    /// <summary>The 12328 工单号, unique when given: the hotline resending a ticket gets the first complaint back.</summary>
    public string? TicketNo { get; set; }

    /// <summary><c>hotline</c>, <c>staff</c> or <c>public</c> (the public form, no sign-in).</summary>
    public required string Source { get; set; }

    /// <summary>One of <c>ComplaintType.All</c>.</summary>
    public required string Type { get; set; }

    /// <summary>One of <c>ComplaintDomain.All</c>.</summary>
    public required string Domain { get; set; }

    public required string Place { get; set; }

    public string? PlaceAgencyCode { get; set; }

    public double? Lat { get; set; }

    public double? Lon { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>Personal data: masked in lists, never logged.</summary>
    public required string ComplainantName { get; set; }

    /// <summary>Personal data: masked in lists, never logged.</summary>
    public required string ComplainantPhone { get; set; }

    /// <summary>被投诉对象: a company, a vehicle, a station, or an officer's description.</summary>
    public required string Accused { get; set; }

    /// <summary>执法证号 / officer number of the accused officer, when the complaint is about one.</summary>
    public string? AccusedOfficerNo { get; set; }

    /// <summary>The accused officer when the number named exactly one officer the filer may see.</summary>
    public Guid? AccusedOfficerId { get; set; }

    /// <summary>The accused officer's own agency (team): the reviewer may not come from it.</summary>
    public Guid? AccusedOfficerAgencyId { get; set; }

    public string? AccusedOfficerName { get; set; }

    /// <summary>核查人 of a complaint about an officer, kept as named (the handler may not see an officer of another city).</summary>
    public Guid? ReviewerOfficerId { get; set; }

    public Guid? ReviewerAgencyId { get; set; }

    public string? ReviewerOfficerNo { get; set; }

    public string? ReviewerName { get; set; }

    /// <summary>How many steps were recorded: the next step's <see cref="ComplaintStep.Seq"/>.</summary>
    public int StepCount { get; set; }

    public required string Description { get; set; }

    /// <summary>One of <see cref="ComplaintStatuses.All"/>.</summary>
    public required string Status { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public required string ReceivedBy { get; set; }

    public DateTimeOffset AssignedAt { get; set; }

    public DateTimeOffset ContactDueAt { get; set; }

    public DateTimeOffset OnsiteDueAt { get; set; }

    public DateTimeOffset? ContactedAt { get; set; }

    public DateTimeOffset? OnsiteAt { get; set; }

    /// <summary>When the breach job (or a late step) found the must missed; null while on time.</summary>
    public DateTimeOffset? ContactBreachedAt { get; set; }

    public DateTimeOffset? OnsiteBreachedAt { get; set; }

    /// <summary>满意 / 基本满意 / 不满意 of the latest return visit.</summary>
    public string? Satisfaction { get; set; }

    public int Reexaminations { get; set; }

    /// <summary>调查结论 of the latest handling result (<see cref="Vanguard.Domain.Complaints.ComplaintFinding"/>); 投诉举报 only.</summary>
    public string? Finding { get; set; }

    /// <summary>When that result was recorded: the month the evaluation counts an upheld complaint in.</summary>
    public DateTimeOffset? FindingAt { get; set; }

    public int Version { get; set; }
}

/// <summary>One step of the handling (contact, on site, result, reply, return visit, re-examination), in order.</summary>
public sealed class ComplaintStep : IAgencyOwned
{
    public Guid Id { get; set; }

    public Guid ComplaintId { get; set; }

    public Guid AgencyId { get; set; }

    /// <summary>0, 1, 2 … in the order recorded.</summary>
    public int Seq { get; set; }

    /// <summary>One of <see cref="ComplaintSteps.All"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>When it happened (the officer's time for contact and on site; otherwise when recorded).</summary>
    public DateTimeOffset At { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>The signed-in person who recorded it, and their officer record if any.</summary>
    public required string ById { get; set; }

    public required string ByName { get; set; }

    public string? OfficerId { get; set; }

    public string? Note { get; set; }

    /// <summary>A call record reference, or a body-camera evidence id.</summary>
    public string? EvidenceRef { get; set; }

    public double? Lat { get; set; }

    public double? Lon { get; set; }

    public string? Satisfaction { get; set; }

    /// <summary>调查结论 given with a result step.</summary>
    public string? Finding { get; set; }
}

/// <summary>A photo the complainant handed in (public form or staff intake), kept as an evidence item.</summary>
public sealed class ComplaintAttachment : IAgencyOwned
{
    public Guid Id { get; set; }

    public Guid ComplaintId { get; set; }

    /// <summary>The agency the complaint was assigned to when the photo came in (the evidence item's owner).</summary>
    public Guid AgencyId { get; set; }

    /// <summary>The evidence item (Evidence module) holding the file.</summary>
    public Guid EvidenceId { get; set; }

    public required string FileName { get; set; }

    public required string MediaType { get; set; }

    public required string Sha256 { get; set; }

    public long Length { get; set; }

    public DateTimeOffset AddedAt { get; set; }

    public required string AddedBy { get; set; }
}

/// <summary>A missed must (两个必须超时预警): one row per complaint, must and due time, written once.</summary>
public sealed class ComplaintWarning : IAgencyOwned
{
    public Guid Id { get; set; }

    public Guid ComplaintId { get; set; }

    public Guid AgencyId { get; set; }

    /// <summary><c>contact</c> or <c>onsite</c> (<c>Must</c>).</summary>
    public required string Must { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset BreachedAt { get; set; }
}

public static class ComplaintStatuses
{
    /// <summary>已交办: assigned, waiting for the first phone contact.</summary>
    public const string Assigned = "assigned";

    /// <summary>已联系.</summary>
    public const string Contacted = "contacted";

    /// <summary>已到场.</summary>
    public const string OnSite = "on_site";

    /// <summary>已办结 (handling result recorded).</summary>
    public const string Handled = "handled";

    /// <summary>已答复.</summary>
    public const string Replied = "replied";

    /// <summary>已回访: closed unless the complainant was dissatisfied and asks for re-examination.</summary>
    public const string Visited = "visited";

    /// <summary>复核中: reopened after a dissatisfied return visit; a new result is due.</summary>
    public const string Reexamining = "reexamining";

    public static IReadOnlyList<string> All { get; } = [Assigned, Contacted, OnSite, Handled, Replied, Visited, Reexamining];

    public static string NameZh(string status) => status switch
    {
        Assigned => "待联系",
        Contacted => "已联系",
        OnSite => "已到场",
        Handled => "已办结",
        Replied => "已答复",
        Visited => "已回访",
        Reexamining => "复核中",
        _ => status,
    };
}

public static class ComplaintSteps
{
    public const string Received = "received";
    public const string Assigned = "assigned";
    public const string Reviewer = "reviewer";
    public const string Contact = "contact";
    public const string Onsite = "onsite";
    public const string Result = "result";
    public const string Reply = "reply";
    public const string ReturnVisit = "return_visit";
    public const string Reexamine = "reexamine";

    public static IReadOnlyList<string> All { get; } = [Received, Assigned, Reviewer, Contact, Onsite, Result, Reply, ReturnVisit, Reexamine];
}

/// <summary>回访满意度.</summary>
public static class Satisfactions
{
    public const string Satisfied = "满意";
    public const string Basic = "基本满意";
    public const string Dissatisfied = "不满意";

    public static IReadOnlyList<string> All { get; } = [Satisfied, Basic, Dissatisfied];
}
