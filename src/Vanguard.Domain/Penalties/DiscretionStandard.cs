using Vanguard.Domain.Common;

namespace Vanguard.Domain.Penalties;

/// <summary>
/// 行政处罚裁量基准 (discretion standard): versioned <see cref="PenaltyRule"/> entries and the engine that turns facts into a
/// <see cref="PenaltyProposal"/> with its arithmetic spelled out. Rules are data; a province changes the table, not the code.
/// <see cref="Default"/> holds the national rules: 超限 mass and dimensions (超限运输车辆行驶公路管理规定 art. 43) and
/// unlicensed operation (道路运输条例 art. 63, 2023).
/// </summary>
public sealed class DiscretionStandard
{
    private readonly Dictionary<string, List<PenaltyRule>> _rules;

    public DiscretionStandard(IEnumerable<PenaltyRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = new(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            Validate(rule);
            if (!_rules.TryGetValue(rule.OffenceCode, out var versions))
            {
                versions = [];
                _rules[rule.OffenceCode] = versions;
            }

            if (versions.Any(v => v.Version == rule.Version))
            {
                throw new ArgumentException($"Rule {rule.OffenceCode} version {rule.Version} is listed twice.", nameof(rules));
            }

            versions.Add(rule);
        }
    }

    /// <summary>The national defaults with partial 1 000 kg not counted (<see cref="OverloadUnitRounding.Floor"/>).</summary>
    public static DiscretionStandard Default { get; } = CreateDefault();

    /// <summary>The national defaults with the province's choice on partial 1 000 kg.</summary>
    public static DiscretionStandard CreateDefault(OverloadUnitRounding overloadRounding = OverloadUnitRounding.Floor) =>
        new(DefaultPenaltyRules.All(overloadRounding));

    public IEnumerable<PenaltyRule> Rules => _rules.Values.SelectMany(v => v);

    /// <summary>A copy with one more rule (a new version, or a new offence).</summary>
    public DiscretionStandard With(PenaltyRule rule) => new(Rules.Append(rule));

    /// <summary>
    /// The rule in force on <paramref name="onDate"/>: the latest <see cref="PenaltyRule.EffectiveFrom"/> on or before it
    /// (highest version on a tie); null if none. Pass the date of the act: 行政处罚法 art. 37 applies the rules in force
    /// then, unless a rule in force at decision time is lighter (从旧兼从轻) — propose for both dates to compare.
    /// </summary>
    public PenaltyRule? Find(string offenceCode, DateOnly onDate) =>
        _rules.TryGetValue(offenceCode, out var versions)
            ? versions.Where(r => r.EffectiveFrom <= onDate).OrderByDescending(r => r.EffectiveFrom).ThenByDescending(r => r.Version).FirstOrDefault()
            : null;

    /// <summary>Like <see cref="TryPropose"/>, but an unknown offence or missing facts throw (for callers that checked already).</summary>
    public PenaltyProposal Propose(string offenceCode, PenaltyFacts facts, DateOnly onDate)
    {
        var result = TryPropose(offenceCode, facts, onDate);
        return result.IsSuccess ? result.Value : throw new ArgumentException($"{result.Error!.Code}: {result.Error.MessageEn}", nameof(facts));
    }

    /// <summary>
    /// The proposal for an offence on a day, or an error: <c>penalties.no_rule</c> (no rule in force),
    /// <c>penalties.facts_missing</c> (the rule needs a measurement) or <c>penalties.not_an_offence</c> (the facts do not
    /// reach the offence, e.g. 0 kg over).
    /// </summary>
    public Result<PenaltyProposal> TryPropose(string offenceCode, PenaltyFacts facts, DateOnly onDate)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (Find(offenceCode, onDate) is not { } rule)
        {
            return Error.NotFound("penalties.no_rule",
                $"裁量基准中没有 {onDate:yyyy-MM-dd} 适用的“{offenceCode}”条目。",
                $"No discretion rule for '{offenceCode}' in force on {onDate:yyyy-MM-dd}.");
        }

        var zh = new List<string> { $"适用{rule.LegalBasis}（{rule.NameZh}；裁量基准第 {rule.Version} 版，{rule.EffectiveFrom:yyyy-MM-dd} 起适用）。" };
        var en = new List<string> { $"Rule: {rule.LegalBasis} ({(rule.NameEn.Length > 0 ? rule.NameEn : rule.OffenceCode)}; standard version {rule.Version}, from {rule.EffectiveFrom:yyyy-MM-dd})." };

        if (rule.IllegalGains is { } gains && facts.IllegalGainsFen is { } gainsFen && gainsFen > gains.ThresholdFen)
        {
            var fine = new IllegalGainsFine(gainsFen, gains.MinMultiple, gains.MaxMultiple);
            zh.Add($"违法所得 {AmountText.YuanZh(gainsFen)}，超过 {AmountText.YuanZh(gains.ThresholdFen)} → 没收违法所得，并处违法所得 {gains.MinMultiple} 倍以上 {gains.MaxMultiple} 倍以下罚款（{AmountText.RangeZh(fine.MinFineFen, fine.MaxFineFen)}，以认定的违法所得为准）。");
            en.Add($"Illegal gains {AmountText.YuanEn(gainsFen)} exceed {AmountText.YuanEn(gains.ThresholdFen)} → confiscate the gains and fine {gains.MinMultiple}× to {gains.MaxMultiple}× the gains ({AmountText.RangeEn(fine.MinFineFen, fine.MaxFineFen)}, subject to the gains as established).");
            return Proposal(rule, PenaltyKind.Range, null, null, null, false, zh, en) with { IllegalGainsFine = fine };
        }

        if (rule.IllegalGains is { } g)
        {
            zh.Add(facts.IllegalGainsFen is { } f
                ? $"违法所得 {AmountText.YuanZh(f)}，未超过 {AmountText.YuanZh(g.ThresholdFen)}：按罚款幅度裁量。"
                : $"未认定违法所得（没有违法所得或者不足 {AmountText.YuanZh(g.ThresholdFen)}）：按罚款幅度裁量。");
            en.Add(facts.IllegalGainsFen is { } fe
                ? $"Illegal gains {AmountText.YuanEn(fe)}, not above {AmountText.YuanEn(g.ThresholdFen)}: the fine range applies."
                : $"No illegal gains established (none, or not above {AmountText.YuanEn(g.ThresholdFen)}): the fine range applies.");
        }

        return rule.Kind switch
        {
            PenaltyKind.Warning => Proposal(rule, PenaltyKind.Warning, null, null, null, true, Add(zh, "予以警告。"), Add(en, "Warning.")),
            PenaltyKind.Fixed => Proposal(rule, PenaltyKind.Fixed, rule.MinFen, rule.MinFen, rule.MinFen, false,
                Add(zh, $"罚款 {AmountText.YuanZh(rule.MinFen!.Value)}。"), Add(en, $"Fine {AmountText.YuanEn(rule.MinFen.Value)}.")),
            PenaltyKind.Range => Proposal(rule, PenaltyKind.Range, null, rule.MinFen, rule.MaxFen, false,
                Add(zh, $"处 {AmountText.RangeZh(rule.MinFen, rule.MaxFen)}罚款。"), Add(en, $"Fine {AmountText.RangeEn(rule.MinFen, rule.MaxFen)}.")),
            PenaltyKind.PerUnit => ProposePerUnit(rule, facts, zh, en),
            PenaltyKind.Schedule => ProposeSchedule(rule, facts, zh, en),
        };
    }

    /// <summary>
    /// Whether a decision departs from the proposal (偏离裁量基准, to be explained in the decision and flagged for legal
    /// review): a warning where none was proposed or the reverse, or an amount outside the proposed range (the exact
    /// amount for a fixed or per-unit proposal, the multiples of the gains when the fine depends on illegal gains).
    /// </summary>
    public static bool DepartsFrom(PenaltyProposal proposal, long decidedFen, bool decidedWarning)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentOutOfRangeException.ThrowIfNegative(decidedFen);
        if (decidedWarning != proposal.Warning)
        {
            return true;
        }

        var (low, high) = proposal.IllegalGainsFine is { } g
            ? (g.MinFineFen, g.MaxFineFen)
            : (proposal.AmountFen ?? proposal.MinFen ?? 0, proposal.AmountFen ?? proposal.MaxFen ?? 0);
        return decidedFen < low || decidedFen > high;
    }

    /// <summary>
    /// 多项违法行为合并 (several violations found in one act): the fines are added up and the total capped
    /// (超限规定 art. 43 para. 2: "相应违法行为的罚款数额应当累计，但累计罚款数额最高不得超过30000元"). Every part must
    /// belong to the same combine group; combining rules of different laws is a caller bug (行政处罚法 art. 29 decides
    /// those instead: one act, the heavier provision). A range stays a range: its minimum and maximum are summed.
    /// </summary>
    public static PenaltyProposal Combine(IReadOnlyList<PenaltyProposal> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
        {
            throw new ArgumentException("Nothing to combine.", nameof(parts));
        }

        var group = parts[0].CombineGroup;
        if (group is null || parts.Any(p => p.CombineGroup != group || p.IllegalGainsFine is not null))
        {
            throw new ArgumentException(
                $"Only proposals of one combine group can be added up; got: {string.Join(", ", parts.Select(p => $"{p.OffenceCode} ({p.CombineGroup ?? "none"})"))}.",
                nameof(parts));
        }

        var cap = parts.Select(p => p.CombinedCapFen).Min() ?? long.MaxValue;
        var low = parts.Sum(p => p.AmountFen ?? p.MinFen ?? 0);
        var high = parts.Sum(p => p.AmountFen ?? p.MaxFen ?? 0);
        var warning = parts.Any(p => p.Warning);
        var (cappedLow, cappedHigh) = (Math.Min(low, cap), Math.Min(high, cap));

        var zh = new List<string>();
        var en = new List<string>();
        for (var i = 0; i < parts.Count; i++)
        {
            zh.AddRange(parts[i].ExplanationZh.Select(line => $"（{i + 1}）{line}"));
            en.AddRange(parts[i].ExplanationEn.Select(line => $"({i + 1}) {line}"));
        }

        var capZh = cap == long.MaxValue ? "" : $"（累计不得超过 {AmountText.YuanZh(cap)}）";
        var capEn = cap == long.MaxValue ? "" : $" (at most {AmountText.YuanEn(cap)} in total)";
        PenaltyKind kind;
        long? amount = null;
        if (high == 0)
        {
            kind = PenaltyKind.Warning;
            zh.Add("多项违法行为均为警告：予以警告。");
            en.Add("All violations call for a warning: warning.");
        }
        else if (cappedLow == cappedHigh)
        {
            kind = PenaltyKind.Fixed;
            amount = cappedHigh;
            var sumZh = low == high ? AmountText.YuanZh(high) : AmountText.RangeZh(low, high);
            var sumEn = low == high ? AmountText.YuanEn(high) : AmountText.RangeEn(low, high);
            zh.Add($"多项违法行为罚款累计 {sumZh}{capZh} → {AmountText.YuanZh(cappedHigh)}{(warning ? "，并予以警告" : "")}。");
            en.Add($"Fines added up: {sumEn}{capEn} → {AmountText.YuanEn(cappedHigh)}{(warning ? ", plus a warning" : "")}.");
        }
        else
        {
            kind = PenaltyKind.Range;
            zh.Add($"多项违法行为罚款累计 {AmountText.RangeZh(low, high)}{capZh} → {AmountText.RangeZh(cappedLow, cappedHigh)}{(warning ? "，并予以警告" : "")}。");
            en.Add($"Fines added up: {AmountText.RangeEn(low, high)}{capEn} → {AmountText.RangeEn(cappedLow, cappedHigh)}{(warning ? ", plus a warning" : "")}.");
        }

        return new PenaltyProposal(
            string.Join("+", parts.Select(p => p.OffenceCode)),
            kind,
            amount,
            kind == PenaltyKind.Warning ? null : cappedLow,
            kind == PenaltyKind.Warning ? null : cappedHigh,
            warning,
            zh,
            en,
            parts.Max(p => p.RuleVersion))
        {
            LegalBasis = string.Join("；", parts.Select(p => p.LegalBasis).Distinct()),
            CombineGroup = group,
            CombinedCapFen = cap == long.MaxValue ? null : cap,
            Parts = parts,
        };
    }

    /// <summary>Params convenience for <see cref="Combine(IReadOnlyList{PenaltyProposal})"/>.</summary>
    public static PenaltyProposal Combine(params PenaltyProposal[] parts) => Combine((IReadOnlyList<PenaltyProposal>)parts);

    private static Result<PenaltyProposal> ProposePerUnit(PenaltyRule rule, PenaltyFacts facts, List<string> zh, List<string> en)
    {
        var terms = rule.PerUnit!;
        if (facts.OverKg is not { } over)
        {
            return FactsMissing("超限质量（kg）", "the excess mass (kg)");
        }

        if (over <= 0)
        {
            return NotAnOffence($"超限质量为 {AmountText.KgZh(over)}，未超过限定标准。", $"Excess mass {AmountText.KgEn(over)}: not over the limit.");
        }

        if (over <= terms.WarningUpToKg)
        {
            zh.Add($"超限 {AmountText.KgZh(over)}，未超过 {AmountText.KgZh(terms.WarningUpToKg)} → 予以警告。");
            en.Add($"Over by {AmountText.KgEn(over)}, not more than {AmountText.KgEn(terms.WarningUpToKg)} → warning.");
            return Proposal(rule, PenaltyKind.Warning, null, null, null, true, zh, en);
        }

        long units = terms.Rounding switch
        {
            OverloadUnitRounding.Floor => over / terms.UnitKg,
            OverloadUnitRounding.Ceiling => (over / terms.UnitKg) + (over % terms.UnitKg == 0 ? 0 : 1),
        };
        var raw = units * terms.FenPerUnit;
        var amount = rule.MaxFen is { } cap ? Math.Min(raw, cap) : raw;
        var (unitsZh, unitsEn) = terms.Rounding switch
        {
            OverloadUnitRounding.Floor => ($"{units} 个整吨", units == 1 ? "1 full unit" : $"{units} full units"),
            OverloadUnitRounding.Ceiling => ($"不足 {AmountText.KgZh(terms.UnitKg)} 按 {AmountText.KgZh(terms.UnitKg)} 计，{units} 个计罚单位",
                $"a started {AmountText.KgEn(terms.UnitKg)} counts in full: {units} units"),
        };
        var capZh = amount < raw ? $"，超过上限 {AmountText.YuanZh(amount)} → {AmountText.YuanZh(amount)}" : "";
        var capEn = amount < raw ? $", above the cap → {AmountText.YuanEn(amount)}" : "";
        zh.Add($"超限 {AmountText.KgZh(over)} → 按每超 {AmountText.KgZh(terms.UnitKg)} 罚款 {AmountText.YuanZh(terms.FenPerUnit)}计，{unitsZh} → {AmountText.YuanZh(raw)}{capZh}。");
        en.Add($"Over by {AmountText.KgEn(over)} → {AmountText.YuanEn(terms.FenPerUnit)} per {AmountText.KgEn(terms.UnitKg)} over, {unitsEn} → {AmountText.YuanEn(raw)}{capEn}.");
        return Proposal(rule, PenaltyKind.PerUnit, amount, amount, amount, false, zh, en);
    }

    private static Result<PenaltyProposal> ProposeSchedule(PenaltyRule rule, PenaltyFacts facts, List<string> zh, List<string> en)
    {
        if (rule.Tiers.Any(t => t.When.UsesDimensions) && facts is { HeightMm: null, WidthMm: null, LengthMm: null })
        {
            return FactsMissing("车货总高度、宽度或长度（mm）", "height, width or length (mm)");
        }

        var tier = rule.Tiers.FirstOrDefault(t => t.When.Matches(facts));
        if (tier is null || tier.NotAnOffence)
        {
            return NotAnOffence($"事实情节{(tier is null ? "不符合任何裁量阶次" : tier.ConditionZh)}。", $"The facts {(tier is null ? "match no tier" : tier.ConditionEn)}.");
        }

        var measured = MeasuredZh(facts);
        zh.Add($"{measured}{tier.ConditionZh} → {Outcome(tier, zh: true)}。");
        en.Add($"{MeasuredEn(facts)}{tier.ConditionEn} → {Outcome(tier, zh: false)}.");
        return tier.Kind switch
        {
            PenaltyKind.Warning => Proposal(rule, PenaltyKind.Warning, null, null, null, true, zh, en),
            PenaltyKind.Fixed => Proposal(rule, PenaltyKind.Fixed, tier.MinFen, tier.MinFen, tier.MinFen, false, zh, en),
            PenaltyKind.Range or PenaltyKind.PerUnit or PenaltyKind.Schedule => Proposal(rule, PenaltyKind.Range, null, tier.MinFen, tier.MaxFen, false, zh, en),
        };
    }

    private static string Outcome(PenaltyTier tier, bool zh) => tier.Kind switch
    {
        PenaltyKind.Warning => zh ? "予以警告" : "warning",
        PenaltyKind.Fixed => zh ? $"罚款 {AmountText.YuanZh(tier.MinFen!.Value)}" : $"fine {AmountText.YuanEn(tier.MinFen!.Value)}",
        PenaltyKind.Range or PenaltyKind.PerUnit or PenaltyKind.Schedule => zh
            ? $"处 {AmountText.RangeZh(tier.MinFen, tier.MaxFen)}罚款"
            : $"fine {AmountText.RangeEn(tier.MinFen, tier.MaxFen)}",
    };

    private static string MeasuredZh(PenaltyFacts f)
    {
        var parts = new List<string>();
        if (f.HeightMm is { } h) { parts.Add($"高 {AmountText.MetresZh(h)}"); }
        if (f.WidthMm is { } w) { parts.Add($"宽 {AmountText.MetresZh(w)}"); }
        if (f.LengthMm is { } l) { parts.Add($"长 {AmountText.MetresZh(l)}"); }
        return parts.Count > 0 ? $"车货总{string.Join("、", parts)}：" : "";
    }

    private static string MeasuredEn(PenaltyFacts f)
    {
        var parts = new List<string>();
        if (f.HeightMm is { } h) { parts.Add($"height {AmountText.MetresEn(h)}"); }
        if (f.WidthMm is { } w) { parts.Add($"width {AmountText.MetresEn(w)}"); }
        if (f.LengthMm is { } l) { parts.Add($"length {AmountText.MetresEn(l)}"); }
        return parts.Count > 0 ? $"{string.Join(", ", parts)}: " : "";
    }

    private static PenaltyProposal Proposal(PenaltyRule rule, PenaltyKind kind, long? amount, long? min, long? max, bool warning, List<string> zh, List<string> en) =>
        new(rule.OffenceCode, kind, amount, min, max, warning, zh, en, rule.Version)
        {
            LegalBasis = rule.LegalBasis,
            CombineGroup = rule.CombineGroup,
            CombinedCapFen = rule.CombinedCapFen,
        };

    private static List<string> Add(List<string> lines, string line)
    {
        lines.Add(line);
        return lines;
    }

    private static Error FactsMissing(string zh, string en) => new("penalties.facts_missing", $"缺少裁量所需事实：{zh}。", $"Missing fact: {en}.", ErrorKind.Validation);

    private static Error NotAnOffence(string zh, string en) => new("penalties.not_an_offence", zh, en);

    private static void Validate(PenaltyRule rule)
    {
        var problem = rule.Kind switch
        {
            PenaltyKind.Warning => null,
            PenaltyKind.Fixed => rule.MinFen is null || rule.MinFen != rule.MaxFen ? "a fixed rule needs MinFen = MaxFen" : null,
            PenaltyKind.Range => rule.MaxFen is null || (rule.MinFen ?? 0) > rule.MaxFen ? "a range rule needs MinFen ≤ MaxFen" : null,
            PenaltyKind.PerUnit => rule.PerUnit is not { UnitKg: > 0, FenPerUnit: > 0 } ? "a per-unit rule needs PerUnit terms with positive unit and amount" : null,
            PenaltyKind.Schedule => rule.Tiers.Count == 0 ? "a schedule rule needs tiers" : null,
        };
        if (problem is not null)
        {
            throw new ArgumentException($"Rule {rule.OffenceCode} v{rule.Version}: {problem}.", nameof(rule));
        }
    }
}
