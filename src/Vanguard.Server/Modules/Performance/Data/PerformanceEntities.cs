using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Performance.Data;

public static class CatalogueStatuses
{
    public const string Draft = "draft";
    public const string Published = "published";

    /// <summary>A published version that a later one replaced; still the basis of the runs scored with it.</summary>
    public const string Retired = "retired";
}

/// <summary>A version of the indicator catalogue (<c>performance_catalogues</c>); published versions are frozen.</summary>
internal sealed class CatalogueVersion
{
    public Guid Id { get; set; }

    /// <summary>1, 2, 3 … in order of creation.</summary>
    public int Number { get; set; }

    public required string Status { get; set; }

    /// <summary>The <see cref="Vanguard.Domain.Performance.IndicatorCatalogue"/> as JSON.</summary>
    public required string ContentJson { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public string? PublishedBy { get; set; }

    public int Version { get; set; }
}

public static class RunStatuses
{
    public const string Computed = "computed";
    public const string Published = "published";

    /// <summary>A published run that a later published run of the same month replaced (recomputation or an upheld objection).</summary>
    public const string Superseded = "superseded";
}

/// <summary>One scoring of one month (<c>performance_runs</c>): version <see cref="Number"/> of that month; published runs are frozen.</summary>
internal sealed class ScoringRun
{
    public Guid Id { get; set; }

    /// <summary><c>yyyy-MM</c>, the month in China Standard Time.</summary>
    public required string Month { get; set; }

    public int Number { get; set; }

    public int CatalogueNumber { get; set; }

    public required string Status { get; set; }

    /// <summary>Why this version exists: the scheduled run, a recomputation, or the objection it settles (with the change).</summary>
    public required string Reason { get; set; }

    /// <summary>The objection whose upholding produced this version, if any.</summary>
    public Guid? ObjectionId { get; set; }

    public DateTimeOffset ComputedAt { get; set; }

    public required string ComputedBy { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public string? PublishedBy { get; set; }

    public int Version { get; set; }
}

/// <summary>
/// One agency's score in one run (<c>performance_scores</c>). Not <see cref="IAgencyOwned"/>: every score is public; the record
/// ids behind a deduction are shown only within jurisdiction (the drill-down checks it).
/// </summary>
internal sealed class AgencyScore
{
    public long Id { get; set; }

    public Guid RunId { get; set; }

    public Guid AgencyId { get; set; }

    public decimal Score { get; set; }

    public int Rank { get; set; }

    /// <summary>The <see cref="Vanguard.Domain.Performance.IndicatorResult"/> list as JSON: deductions and their record ids.</summary>
    public required string ResultsJson { get; set; }
}

public static class ObjectionStatuses
{
    public const string Pending = "pending";
    public const string Upheld = "upheld";
    public const string Rejected = "rejected";
}

/// <summary>An agency's objection (质疑) to a deduction of a published run (<c>performance_objections</c>).</summary>
internal sealed class Objection : IAgencyOwned
{
    public Guid Id { get; set; }

    public Guid AgencyId { get; set; }

    public Guid RunId { get; set; }

    public required string Month { get; set; }

    public required string IndicatorCode { get; set; }

    public required string Reason { get; set; }

    /// <summary>Evidence archive ids (JSON array) the agency attached.</summary>
    public string? AttachmentsJson { get; set; }

    public required string Status { get; set; }

    public DateTimeOffset RaisedAt { get; set; }

    public required string RaisedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }

    public string? DecisionNote { get; set; }

    /// <summary>The deduction the province settled on when upholding (0: the deduction is withdrawn).</summary>
    public decimal? CorrectedDeduction { get; set; }

    /// <summary>The run version the upholding published.</summary>
    public Guid? ResultRunId { get; set; }

    public int Version { get; set; }
}
