namespace Vanguard.Server.Modules.Disclosure.Features;

/// <summary>A published decision in the public list: the masked party only.</summary>
public sealed record PublicDecision(
    Guid Id, string? DocumentNumber, string AgencyName, string PartyKind, string PartyName, string OffenceName, string Penalty,
    DateOnly DecidedOn, DateOnly PublishedOn, DateOnly ExpiresOn);

/// <summary>One published decision in full public form (行政处罚决定信息公示 fields), everything personal already masked.</summary>
public sealed record PublicDecisionDetail(
    Guid Id, string? DocumentNumber, string AgencyName, string PartyKind, string PartyName, string? PartyIdNumber, string? LegalRepresentative,
    string? VehiclePlate, string? PartyAddress, string OffenceName, string? Facts, string? ViolationBasis, string? PenaltyBasis, string Penalty,
    long? FineFen, bool Warning, string Procedure, DateOnly DecidedOn, DateOnly PublishedOn, DateOnly ExpiresOn);

/// <summary>An off-site detection site (行政处罚法 art. 41: 设置地点应当向社会公布) with its verification (检定) status.</summary>
/// <param name="Verification"><c>valid</c>, <c>expired</c>, <c>missing</c> (a measuring station without a certificate) or
/// <c>not_required</c> (a plate camera is not a measuring instrument).</param>
public sealed record DetectionSite(
    string Code, string Name, string Kind, string KindName, string? Location, double? Latitude, double? Longitude, string AgencyName,
    string? CertificateNumber, DateOnly? CertificateValidUntil, string Verification, string VerificationName);

/// <summary>Publication statuses on the manage page.</summary>
public static class DisclosureStatus
{
    /// <summary>待公示: a penalty decision the job has not published yet, still within its 7 working days.</summary>
    public const string Pending = "pending";

    /// <summary>逾期未公示: not published and past its due day.</summary>
    public const string Overdue = "overdue";

    /// <summary>已公示 (on time).</summary>
    public const string Published = "published";

    /// <summary>逾期公示: published after its due day.</summary>
    public const string PublishedLate = "published_late";

    /// <summary>已撤回.</summary>
    public const string Withdrawn = "withdrawn";

    /// <summary>已到期: past its 公示期.</summary>
    public const string Expired = "expired";

    /// <summary>不予公示: not a penalty (不予处罚, 移送司法机关).</summary>
    public const string Exempt = "exempt";

    /// <summary>不予公开: withheld before publication, with the reason (政府信息公开条例 arts. 14–15).</summary>
    public const string Withheld = "withheld";

    public static IReadOnlyList<string> All { get; } = [Pending, Overdue, Published, PublishedLate, Withdrawn, Withheld, Expired, Exempt];

    public static string Zh(string status) => status switch
    {
        Pending => "待公示",
        Overdue => "逾期未公示",
        Published => "已公示",
        PublishedLate => "逾期公示",
        Withdrawn => "已撤回",
        Expired => "已到期",
        Exempt => "不予公示",
        Withheld => "不予公开",
        _ => status,
    };

    public static string En(string status) => status switch
    {
        Pending => "Pending",
        Overdue => "Overdue",
        Published => "Published",
        PublishedLate => "Published late",
        Withdrawn => "Withdrawn",
        Expired => "Expired",
        Exempt => "Not published",
        Withheld => "Withheld",
        _ => status,
    };
}

/// <summary>A decision of the month on the manage page, with its publication (the party masked as published).</summary>
public sealed record ManagedDecision(
    Guid CaseId, Guid? EntryId, string? DocumentNumber, string AgencyName, string PartyName, string OffenceName, string Penalty,
    DateOnly DecidedOn, DateOnly? DueOn, DateTimeOffset? PublishedAt, DateOnly? ExpiresOn, string Status, DateTimeOffset? WithdrawnAt,
    string? WithdrawnBy, string? WithdrawalNote, int? Version);

/// <summary>The manage page's answer: the month's decisions (one page), the count per status and the on-time rate.</summary>
/// <param name="Required">Penalty decisions of the month (they must be published).</param>
/// <param name="Late">Of those, published after the due day or still unpublished past it; one not yet due is not late.</param>
/// <param name="OnTimeRate">(Required − Late) ÷ Required, as the performance indicator counts it; null when none.</param>
public sealed record ManageQueue(
    string Month, IReadOnlyList<ManagedDecision> Items, int PageNumber, int PageSize, int Total, IReadOnlyDictionary<string, int> Counts,
    int Required, int Late, decimal? OnTimeRate);

public sealed record WithdrawRequest(string? Note, int? Version);
