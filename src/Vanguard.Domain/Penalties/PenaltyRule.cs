namespace Vanguard.Domain.Penalties;

/// <summary>
/// 裁量基准条目 (one entry of the discretion standard): an offence, the article the penalty rests on
/// (<see cref="LegalBasis"/>, 处罚依据, as cited on the decision), the penalty wording (<see cref="PenaltyBasis"/>, 处罚标准),
/// the version and the day it applies from, and the terms as data. The engine in <see cref="DiscretionStandard"/>
/// interprets <see cref="Kind"/> with the matching terms; no rule has code of its own.
/// </summary>
/// <remarks>
/// <see cref="MinFen"/>/<see cref="MaxFen"/>: the overall range of the rule (for <see cref="PenaltyKind.PerUnit"/> the cap).
/// <see cref="ConditionZh"/>: when the rule applies, in words.
/// </remarks>
public sealed record PenaltyRule(
    string OffenceCode,
    string NameZh,
    string LegalBasis,
    string PenaltyBasis,
    int Version,
    DateOnly EffectiveFrom,
    PenaltyKind Kind,
    long? MinFen,
    long? MaxFen,
    string? ConditionZh)
{
    public string NameEn { get; init; } = "";

    /// <summary>违法依据 (the provision the act breaks), when known.</summary>
    public string? ViolationBasis { get; init; }

    /// <summary>Terms of a <see cref="PenaltyKind.PerUnit"/> rule.</summary>
    public PerUnitTerms? PerUnit { get; init; }

    /// <summary>Ordered tiers of a <see cref="PenaltyKind.Schedule"/> rule; the first that matches applies.</summary>
    public IReadOnlyList<PenaltyTier> Tiers { get; init; } = [];

    /// <summary>没收违法所得 + multiples, when illegal gains pass a threshold (道路运输条例 art. 63).</summary>
    public IllegalGainsTerms? IllegalGains { get; init; }

    /// <summary>
    /// Rules whose fines for several violations of one act are added up and capped together (超限规定 art. 43 para. 2);
    /// null if the rule is not combinable that way.
    /// </summary>
    public string? CombineGroup { get; init; }

    /// <summary>The cap of the summed fines of <see cref="CombineGroup"/>.</summary>
    public long? CombinedCapFen { get; init; }
}

/// <summary>
/// 按单位计罚 terms, for the excess mass in kg: up to <see cref="WarningUpToKg"/> a warning; above it
/// <see cref="FenPerUnit"/> per <see cref="UnitKg"/> (partial units per <see cref="Rounding"/>), capped at the rule's MaxFen.
/// </summary>
public sealed record PerUnitTerms(int UnitKg, long FenPerUnit, int WarningUpToKg, OverloadUnitRounding Rounding);

/// <summary>
/// When a tier applies: every bound that is set must hold (a measured value ≤ the bound; a value not measured counts
/// as within), and <see cref="Serious"/>, when set, must equal the 情节严重 finding. All bounds null = always.
/// </summary>
public sealed record TierCondition(int? MaxHeightMm = null, int? MaxWidthMm = null, int? MaxLengthMm = null, bool? Serious = null)
{
    public bool UsesDimensions => MaxHeightMm is not null || MaxWidthMm is not null || MaxLengthMm is not null;

    public bool Matches(PenaltyFacts facts) =>
        Within(facts.HeightMm, MaxHeightMm)
        && Within(facts.WidthMm, MaxWidthMm)
        && Within(facts.LengthMm, MaxLengthMm)
        && (Serious is null || Serious == facts.Serious);

    private static bool Within(int? value, int? max) => max is null || value is null || value <= max;
}

/// <summary>
/// 裁量阶次 (one tier of a schedule): its condition, the outcome (a warning, a fixed amount or a range) and the wording.
/// <see cref="NotAnOffence"/> marks a tier that means "this is not the offence" (e.g. within the legal dimensions).
/// </summary>
public sealed record PenaltyTier(
    string ConditionZh,
    string ConditionEn,
    TierCondition When,
    PenaltyKind Kind,
    long? MinFen,
    long? MaxFen,
    bool NotAnOffence = false);

/// <summary>
/// 违法所得超过 <see cref="ThresholdFen"/> → 没收违法所得，并处违法所得 <see cref="MinMultiple"/>–<see cref="MaxMultiple"/> 倍罚款.
/// "超过" is strict: gains exactly at the threshold stay in the ordinary range.
/// </summary>
public sealed record IllegalGainsTerms(long ThresholdFen, int MinMultiple, int MaxMultiple);

/// <summary>事实情节 (facts the proposal depends on); set what the case established.</summary>
public sealed record PenaltyFacts
{
    /// <summary>超限质量 (kg over the art. 3 limit, after whatever tolerance policy applies).</summary>
    public int? OverKg { get; init; }

    /// <summary>车货总高度 from the ground, mm.</summary>
    public int? HeightMm { get; init; }

    /// <summary>车货总宽度, mm.</summary>
    public int? WidthMm { get; init; }

    /// <summary>车货总长度, mm.</summary>
    public int? LengthMm { get; init; }

    /// <summary>违法所得, fen.</summary>
    public long? IllegalGainsFen { get; init; }

    /// <summary>情节严重, as found by the officer under the provincial standard.</summary>
    public bool Serious { get; init; }
}

/// <summary>没收违法所得并处倍数罚款 (confiscation plus a multiple of the illegal gains), as a note on a proposal.</summary>
public sealed record IllegalGainsFine(long GainsFen, int MinMultiple, int MaxMultiple)
{
    public long MinFineFen => GainsFen * MinMultiple;

    public long MaxFineFen => GainsFen * MaxMultiple;
}
