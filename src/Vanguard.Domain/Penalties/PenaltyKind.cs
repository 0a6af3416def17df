namespace Vanguard.Domain.Penalties;

/// <summary>处罚种类 / 裁量方式 (how a rule sets the penalty, and the shape of a proposal).</summary>
public enum PenaltyKind
{
    /// <summary>警告: a warning, no fine.</summary>
    Warning,

    /// <summary>定额罚款: one fixed amount.</summary>
    Fixed,

    /// <summary>幅度罚款: an amount within [min, max] chosen by the officer (e.g. 3 000–10 000 元).</summary>
    Range,

    /// <summary>按单位计罚: an amount per unit of excess (e.g. 500 元 per 1 000 kg over), with a cap.</summary>
    PerUnit,

    /// <summary>
    /// 分档裁量: ordered tiers with conditions (dimensions, 情节严重); a schedule resolves to one tier, so a proposal's
    /// kind is never <see cref="Schedule"/> but the kind of the tier it landed in.
    /// </summary>
    Schedule,
}

/// <summary>
/// 不足 1 000 kg 部分的计罚方式 (how a partial 1 000 kg counts under 超限规定 art. 43 para. 1(2) "每超1000千克罚款500元").
/// The rule does not say; the provincial 裁量基准 decides (domain reference §2.2, marked unverified). Default
/// <see cref="Floor"/> ("500 yuan per full 1 000 kg", as docs/conventions.md states it): 1 001 kg over → 1 unit → 500 yuan;
/// with <see cref="Ceiling"/> the same excess is 2 units → 1 000 yuan. Where the text is ambiguous, Floor is the reading
/// more favourable to the party.
/// </summary>
public enum OverloadUnitRounding
{
    /// <summary>按整吨计 (only full units count: 3 400 kg → 3).</summary>
    Floor,

    /// <summary>不足 1 000 kg 按 1 000 kg 计 (a started unit counts: 3 400 kg → 4).</summary>
    Ceiling,
}

/// <summary>违法行为代码 (offence codes of the default 裁量基准); stable strings used by cases and the API.</summary>
public static class OffenceCodes
{
    /// <summary>车货总质量超限 (超限规定 art. 43 para. 1(2)).</summary>
    public const string OverloadMass = "overload.mass";

    /// <summary>车货外廓尺寸超限 (超限规定 art. 43 para. 1(1)).</summary>
    public const string OverloadDimensions = "overload.dimensions";

    /// <summary>未取得道路运输经营许可擅自从事道路普通货物运输经营 (道路运输条例 art. 63(1)).</summary>
    public const string UnlicensedFreight = "unlicensed.freight";

    /// <summary>未取得道路运输经营许可擅自从事道路客运经营 (道路运输条例 art. 63(2)).</summary>
    public const string UnlicensedPassenger = "unlicensed.passenger";

    /// <summary>未取得道路运输经营许可擅自从事道路危险货物运输经营 (道路运输条例 art. 63(3)).</summary>
    public const string UnlicensedDangerousGoods = "unlicensed.dangerous_goods";
}
