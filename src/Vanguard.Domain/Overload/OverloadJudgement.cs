using Vanguard.Domain.Penalties;

namespace Vanguard.Domain.Overload;

/// <summary>超限认定结论: 未超限 (compliant) or 超限 (over the mass limit, a dimension limit, or both).</summary>
public enum OverloadVerdict
{
    /// <summary>未超限.</summary>
    Compliant,

    /// <summary>超限.</summary>
    Overloaded,
}

/// <summary>
/// 外廓尺寸超限认定 (超限规定 art. 3 para. 1(1)–(3)): whether any measured dimension is over its limit, and by how many mm
/// each one is over (null when within the limit or not measured).
/// </summary>
public sealed record DimensionJudgement(bool Over, int? OverHeightMm, int? OverWidthMm, int? OverLengthMm)
{
    /// <summary>No dimension over (or none measured).</summary>
    public static DimensionJudgement Within { get; } = new(false, null, null, null);
}

/// <summary>
/// 处罚建议 for one weighing (超限规定 art. 43), with the reasoning in Chinese and English.
/// <para><see cref="Kind"/>:</para>
/// <list type="bullet">
/// <item><c>"none"</c> (不予处罚): nothing over, or only a dimension tier whose range starts at 0 (art. 43 para. 1(1) "可以处200元以下罚款")
/// and the automatic proposal takes that lower bound; <see cref="MaxFen"/> then says what the officer may still impose.</item>
/// <item><c>"warning"</c> (警告): mass ≤ 1 000 kg over and no positive fine.</item>
/// <item><c>"fine"</c> (罚款): a positive <see cref="AmountFen"/>. When a warning-level mass excess comes with a dimension fine,
/// the kind is "fine", the fine stands and <see cref="IncludesWarning"/> is true: art. 43 para. 2 adds up the penalties
/// of several violations, so the 警告 is imposed together with the 罚款, not dropped.</item>
/// </list>
/// <see cref="AmountFen"/> is set only for "fine". A range (dimension tiers) is proposed at its lower bound, capped as
/// <see cref="DiscretionStandard.Combine(IReadOnlyList{PenaltyProposal})"/> caps it; <see cref="MinFen"/>–<see cref="MaxFen"/>
/// keep the whole range the officer may choose in.
/// </summary>
public sealed record OverloadPenalty(string Kind, long? AmountFen, IReadOnlyList<string> ExplanationZh, IReadOnlyList<string> ExplanationEn)
{
    /// <summary>不予处罚.</summary>
    public const string KindNone = "none";

    /// <summary>警告.</summary>
    public const string KindWarning = "warning";

    /// <summary>罚款 (possibly with a 警告, see <see cref="IncludesWarning"/>).</summary>
    public const string KindFine = "fine";

    /// <summary><see cref="AmountFen"/> in whole yuan (amounts under art. 43 are always whole yuan).</summary>
    public long? AmountYuan => AmountFen / 100;

    /// <summary>A 警告 is part of the penalty (alone for "warning", with the fine for "fine").</summary>
    public bool IncludesWarning { get; init; }

    /// <summary>Lower end of the lawful fine range after adding up and capping; null when there is no fine range (compliant, warning only).</summary>
    public long? MinFen { get; init; }

    /// <summary>Upper end of the lawful fine range after adding up and capping.</summary>
    public long? MaxFen { get; init; }

    /// <summary>The discretion-standard proposal behind this penalty (combined when mass and dimensions are both over); null when compliant.</summary>
    public PenaltyProposal? Proposal { get; init; }

    /// <summary>不予处罚: not over.</summary>
    internal static OverloadPenalty None(IReadOnlyList<string> zh, IReadOnlyList<string> en) => new(KindNone, null, zh, en);
}

/// <summary>
/// 超限认定结果 (the outcome of <see cref="OverloadJudge.Judge"/>): the limit, the deduction for the device accuracy, the
/// adjusted mass and excess, the dimensions and the proposed penalty.
/// </summary>
/// <param name="Verdict">超限 iff the mass or a dimension is over.</param>
/// <param name="LimitKg">限定标准 (超限规定 art. 3), see <see cref="OverloadLimits.LimitKg"/>.</param>
/// <param name="ToleranceKg">扣除的称重误差: <c>GrossWeightKg − AdjustedKg</c>.</param>
/// <param name="AdjustedKg">扣除误差后的车货总质量: <c>floor(GrossWeightKg × (1 − AccuracyClass / 100))</c>.</param>
/// <param name="OverKg">超限质量: <c>AdjustedKg − LimitKg</c> when positive, else 0 (never negative).</param>
/// <param name="OverPercent">超限率: <c>OverKg / LimitKg × 100</c>, 2 decimals, midpoint away from zero; 0 when not over.</param>
/// <param name="MassOver">车货总质量超限: <c>OverKg &gt; 0</c>.</param>
/// <param name="Dimensions">外廓尺寸超限认定.</param>
/// <param name="Penalty">处罚建议.</param>
public sealed record OverloadJudgement(
    OverloadVerdict Verdict,
    int LimitKg,
    int ToleranceKg,
    int AdjustedKg,
    int OverKg,
    decimal OverPercent,
    bool MassOver,
    DimensionJudgement Dimensions,
    OverloadPenalty Penalty)
{
    /// <summary>The day whose discretion-standard rules were applied (the date passed, or <see cref="OverloadJudge.DefaultRuleDate"/>).</summary>
    public DateOnly RuleDate { get; init; }
}
