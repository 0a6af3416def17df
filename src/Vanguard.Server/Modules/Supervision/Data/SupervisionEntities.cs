using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Supervision.Data;

/// <summary>
/// A "八六四" discipline inspection (督查) of one officer or of one team (agency) on a date at a place, owned by the agency
/// inspected (the officer's own agency, or the team).
/// </summary>
public sealed class Inspection : IAgencyOwned
{
    public Guid Id { get; set; }

    /// <summary>The team or station inspected (站/队): the officer's own agency when an officer is inspected.</summary>
    public Guid AgencyId { get; set; }

    /// <summary>The enforcement agency (执法机构: the 大队/支队 the team belongs to, or the agency itself) whose person-times are counted.</summary>
    public Guid EnforcementAgencyId { get; set; }

    public Guid? OfficerId { get; set; }

    public string? OfficerNo { get; set; }

    public string? OfficerName { get; set; }

    /// <summary>China date of the inspection.</summary>
    public DateOnly InspectedOn { get; set; }

    public required string Place { get; set; }

    /// <summary>情节严重或造成恶劣社会影响 (四必究 4).</summary>
    public bool Serious { get; set; }

    /// <summary>How many items were found in breach (违反): 0 is a clean inspection.</summary>
    public int Breaches { get; set; }

    public string? Note { get; set; }

    public required string InspectorId { get; set; }

    public required string InspectorName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One of the 14 items as found: 符合, 违反 (with the finding and evidence) or 未检查.</summary>
public sealed class InspectionItem
{
    public Guid InspectionId { get; set; }

    /// <summary><c>EightSixFourDiscipline.Items</c> code (b1…b8, y1…y6).</summary>
    public required string Code { get; set; }

    /// <summary><c>ItemResult</c>.</summary>
    public required string Result { get; set; }

    public string? Finding { get; set; }

    /// <summary>A body-camera clip or photo (evidence item) showing the breach.</summary>
    public Guid? ClipId { get; set; }

    public Guid? CaseId { get; set; }

    public string? CaseNumber { get; set; }
}

/// <summary>One accountability (问责) the 四必究 rules call for after an inspection, until the measure taken is recorded.</summary>
public sealed class AccountabilityRecord : IAgencyOwned
{
    public Guid Id { get; set; }

    public Guid InspectionId { get; set; }

    /// <summary>The inspection's agency: who may see and handle the record.</summary>
    public Guid AgencyId { get; set; }

    /// <summary><c>AccountabilityLevel</c>.</summary>
    public required string Level { get; set; }

    /// <summary>Who answers: the officer's name, the team's 站(队)长, the agency's head, the transport authority.</summary>
    public required string Holder { get; set; }

    /// <summary>The agency the holder stands for (null for the transport authority, which is not an enforcement agency).</summary>
    public Guid? HolderAgencyId { get; set; }

    public Guid? OfficerId { get; set; }

    /// <summary>The year the enforcement agency's person-times are counted in (四必究 3).</summary>
    public int Year { get; set; }

    /// <summary><c>AccountabilityStatus</c>.</summary>
    public required string Status { get; set; }

    /// <summary><c>AccountabilityMeasure</c>, once handled.</summary>
    public string? Measure { get; set; }

    public string? MeasureNote { get; set; }

    public DateTimeOffset? HandledAt { get; set; }

    public string? HandledBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public int Version { get; set; }
}
