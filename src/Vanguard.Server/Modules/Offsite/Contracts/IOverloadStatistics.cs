namespace Vanguard.Server.Modules.Offsite.Contracts;

/// <summary>
/// Monthly aggregates of off-site enforcement for the performance evaluation (检测站超限率, 非现场记录 5 日内审核率, 重复违法车辆),
/// and anonymised facts of the weighings they name. Every method reads the caller's jurisdiction.
/// </summary>
public interface IOverloadStatistics
{
    /// <summary>
    /// Per agency in the caller's jurisdiction with weighings captured in [<paramref name="from"/>, <paramref name="to"/>): how many,
    /// how many judged overloaded, and the ids of at most <paramref name="maxIds"/> overloaded ones (lowest first).
    /// </summary>
    Task<IReadOnlyList<AgencyWeighings>> WeighingsAsync(DateTimeOffset from, DateTimeOffset to, int maxIds, CancellationToken ct);

    /// <summary>
    /// Per agency: the review items (审核, an overloaded weighing usable as evidence) of weighings captured in
    /// [<paramref name="from"/>, <paramref name="to"/>), and those not reviewed by their due day (5 working days after capture,
    /// <c>ReviewDueOn</c>) — reviewed after it, or still pending when the due day is over by now. At most <paramref name="maxIds"/>
    /// late weighing ids per agency (lowest first); the counts are complete.
    /// </summary>
    Task<IReadOnlyList<AgencyReviewTimeliness>> ReviewTimelinessAsync(DateTimeOffset from, DateTimeOffset to, int maxIds, CancellationToken ct);

    /// <summary>
    /// One row per agency and vehicle (plate and colour) with an overloaded weighing captured in [<paramref name="from"/>,
    /// <paramref name="to"/>) at the agency's stations that was not invalidated on review; a repeat offence when an earlier-captured
    /// overloaded weighing of the same vehicle (anywhere in the jurisdiction) was confirmed on review (became an off-site case).
    /// </summary>
    Task<IReadOnlyList<VehicleOverloads>> VehicleOverloadsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct);

    /// <summary>The weighings of these ids that still exist in the caller's jurisdiction, anonymised (the plate masked), in id order.</summary>
    Task<IReadOnlyList<WeighingFacts>> DescribeWeighingsAsync(IReadOnlyCollection<long> weighingIds, CancellationToken ct);
}

public sealed record AgencyWeighings(Guid AgencyId, int Weighings, int Overloaded, IReadOnlyList<long> OverloadedIds);

public sealed record AgencyReviewTimeliness(Guid AgencyId, int Due, int Late, IReadOnlyList<long> LateWeighingIds);

/// <param name="VehicleKey">An opaque key of the vehicle (not the plate): the same vehicle has the same key in every row.</param>
/// <param name="FirstRepeatWeighingId">The agency's first weighing of the period that repeated an offence already confirmed; null when none did.</param>
public sealed record VehicleOverloads(Guid AgencyId, string VehicleKey, long? FirstRepeatWeighingId, DateTimeOffset? FirstRepeatAt);

/// <summary>A weighing as a third-party evaluator may see it: the plate masked (豫A·***45), no owner or driver.</summary>
/// <param name="OverloadPercent">Over-limit share in percent, two decimals.</param>
/// <param name="ReviewStatus"><c>pending</c>, <c>confirmed</c>, <c>invalidated</c>; null when the weighing needed no review.</param>
public sealed record WeighingFacts(
    long WeighingId, DateTimeOffset CapturedAt, string StationCode, string StationName, string MaskedPlate, string PlateColor, int AxleCount,
    int GrossWeightKg, int LimitKg, int OverKg, decimal OverloadPercent, bool Overloaded, bool EvidenceUsable, string? ReviewStatus,
    DateOnly? ReviewDueOn, DateTimeOffset? ReviewedAt, string? InvalidReason, bool CaseOpened);
