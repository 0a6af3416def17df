using Vanguard.Domain.Cases;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Cases.Data;

/// <summary>
/// 行政处罚案件. Its legal state is the domain's <see cref="CaseSnapshot"/>, stored as columns of the same row
/// (an EF complex type), so what the law checks and what the database holds are the same thing.
/// </summary>
public sealed class Case : IAgencyOwned
{
    public Guid Id { get; set; }

    public Guid AgencyId { get; set; }

    /// <summary>案号, assigned at 立案 (or at the on-the-spot decision); null for a lead.</summary>
    public string? CaseNumber { get; set; }

    /// <summary>案由.</summary>
    public required string Title { get; set; }

    /// <summary>Offence code in the discretion standard (裁量基准).</summary>
    public required string OffenceCode { get; set; }

    /// <summary>案件来源 (立案登记表): 1 检查发现, 2 举报核实, 3 上级交办, 4 下级报请, 5 部门移送, 6 其他.</summary>
    public int Source { get; set; } = 1;

    public required string PartyName { get; set; }

    /// <summary>身份证号码 or 统一社会信用代码.</summary>
    public string? PartyIdNumber { get; set; }

    public string? PartyAddress { get; set; }

    public string? PartyPhone { get; set; }

    public string? VehiclePlate { get; set; }

    public string? PlateColor { get; set; }

    /// <summary>违法事实.</summary>
    public string? Facts { get; set; }

    /// <summary>The facts the discretion standard needs (over-limit kg, dimensions …) as JSON.</summary>
    public string? PenaltyFactsJson { get; set; }

    public CaseSnapshot State { get; set; } = new();

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: two officers acting on one case at once cannot both win.</summary>
    public int Version { get; set; }
}

/// <summary>An officer on a case (承办人员); investigators may not do its legal review.</summary>
public sealed class CaseOfficerLink
{
    public Guid CaseId { get; set; }

    public Guid OfficerId { get; set; }

    public bool Investigating { get; set; } = true;
}

/// <summary>One line of the case timeline (全过程记录, 行政处罚法 art. 47).</summary>
public sealed class CaseEvent
{
    public long Id { get; set; }

    public Guid CaseId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The legal date of the step (may differ from <see cref="At"/>, when it was entered).</summary>
    public DateOnly On { get; set; }

    public required string ActionCode { get; set; }

    public required string DescriptionZh { get; set; }

    public required string DescriptionEn { get; set; }

    public required string ActorId { get; set; }

    public required string ActorName { get; set; }

    /// <summary>Comma-separated warning codes (decision_late …).</summary>
    public string? Warnings { get; set; }

    /// <summary>The client's <c>Idempotency-Key</c>: a retried request returns the first result.</summary>
    public string? IdempotencyKey { get; set; }
}

/// <summary>A generated official document (文书) with its fingerprint.</summary>
public sealed class CaseDocumentFile
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public required string Kind { get; set; }

    public required string Title { get; set; }

    public required string Sha256 { get; set; }

    public required byte[] Content { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }
}

/// <summary>A piece of the case file (卷宗) ticked against the checklist: evidence, a record, a document.</summary>
public sealed class CaseFileItem
{
    public long Id { get; set; }

    public Guid CaseId { get; set; }

    /// <summary>Checklist code (<c>scene-record</c>, <c>bodycam-clip</c> …).</summary>
    public required string Code { get; set; }

    public required string Description { get; set; }

    /// <summary>Where the item lives: an evidence id, a document id, a file reference.</summary>
    public string? Reference { get; set; }

    public DateTimeOffset AddedAt { get; set; }

    public required string AddedBy { get; set; }
}

/// <summary>
/// 复议诉讼结果: the outcome of a 行政复议 or 行政诉讼 against the case's decision, as its 复议决定书 / 判决书 states it.
/// A case may have several (a review, then a lawsuit); the performance evaluation counts those that corrected the agency.
/// </summary>
public sealed class CaseReviewOutcome
{
    public long Id { get; set; }

    public Guid CaseId { get; set; }

    public ReviewKind Kind { get; set; }

    public ReviewResult Result { get; set; }

    /// <summary>The day the review organ or court decided.</summary>
    public DateOnly DecidedOn { get; set; }

    /// <summary>复议机关 or 人民法院.</summary>
    public required string Organ { get; set; }

    /// <summary>文书编号 of the 复议决定书 or 判决书.</summary>
    public required string DocumentNumber { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedBy { get; set; }
}

/// <summary>Case-number sequence per agency per year: incremented inside the case's transaction, so no gaps and no repeats.</summary>
public sealed class CaseNumberCounter
{
    public required string AgencyCode { get; set; }

    public int Year { get; set; }

    public long LastValue { get; set; }
}

/// <summary>An uploaded holiday calendar for one year (节假日安排).</summary>
public sealed class HolidayYear
{
    public int Year { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public required string UploadedBy { get; set; }
}

/// <summary>Province settings for cases: 较大数额 hearing thresholds (听证标准).</summary>
public sealed class CaseSettings
{
    public int Id { get; set; } = 1;

    public long HearingThresholdPersonFen { get; set; }

    public long HearingThresholdOrganisationFen { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
