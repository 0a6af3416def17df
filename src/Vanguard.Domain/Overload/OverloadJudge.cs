using System.Globalization;
using Vanguard.Domain.Penalties;

namespace Vanguard.Domain.Overload;

/// <summary>
/// 超限认定 and 处罚建议 for one weighing: the 超限认定标准 (超限运输车辆行驶公路管理规定 art. 3), a deduction for the
/// weighing device's accuracy class (domain reference §2.4: tolerance policy is local, here the issue's rule), and the
/// penalty from the 裁量基准 (art. 43, <see cref="DiscretionStandard"/>). Pure: no clock, no I/O.
/// </summary>
public static class OverloadJudge
{
    /// <summary>
    /// The rule date used when the caller passes none. A fixed day (not the clock) so that <see cref="Judge"/> stays pure
    /// and repeatable. Callers judging a real case should pass the date of the act: 行政处罚法 art. 37 applies the rules in
    /// force then (从旧兼从轻). The national table has one overload version (2016-09-21), so any later date gives the same
    /// result until a province loads a new version.
    /// </summary>
    public static readonly DateOnly DefaultRuleDate = new(2026, 11, 1);

    /// <summary>The coarsest JJG 907-2006 accuracy class (10); a larger deduction is not an accuracy class.</summary>
    public const decimal MaxAccuracyClass = 10m;

    private static readonly DiscretionStandard CeilingStandard = DiscretionStandard.CreateDefault(OverloadUnitRounding.Ceiling);

    private static readonly NumberFormatInfo Zh = new() { NumberGroupSeparator = " ", NumberDecimalSeparator = "." };

    private static readonly NumberFormatInfo En = new() { NumberGroupSeparator = ",", NumberDecimalSeparator = "." };

    /// <summary>
    /// Judges one weighing:
    /// <list type="number">
    /// <item><c>LimitKg</c> = <see cref="OverloadLimits.LimitKg"/> (art. 3 para. 1(4)–(8), para. 2(2), 行驶证 mass).</item>
    /// <item><c>tol = AccuracyClass / 100</c> (null → 0); <c>AdjustedKg = floor(GrossWeightKg × (1 − tol))</c> in decimal;
    /// <c>ToleranceKg = GrossWeightKg − AdjustedKg</c>. The excess and the fine are computed on the adjusted mass, which
    /// favours the party (§2.4: whether to deduct first is local policy; this is the issue's rule).</item>
    /// <item><c>OverKg = max(0, AdjustedKg − LimitKg)</c>: clamped, so it always means "excess"; the headroom of a
    /// compliant vehicle is <c>LimitKg − AdjustedKg</c>. Mass is over iff <c>OverKg &gt; 0</c> (art. 3 "超过").</item>
    /// <item><c>OverPercent = OverKg / LimitKg × 100</c>, 2 decimals, midpoint away from zero; 0 when not over.</item>
    /// <item>Dimensions over iff height &gt; 4 000, width &gt; 2 550 or length &gt; 18 100 mm (art. 3 para. 1(1)–(3)); unmeasured ones count as within.</item>
    /// <item>Penalty (art. 43): mass via <see cref="OffenceCodes.OverloadMass"/>, dimensions via
    /// <see cref="OffenceCodes.OverloadDimensions"/>, both together added up and capped at 30 000 yuan by
    /// <see cref="DiscretionStandard.Combine(IReadOnlyList{PenaltyProposal})"/>. A dimension tier is a range; the
    /// automatic proposal takes its lower bound and says so (see <see cref="OverloadPenalty"/> for the kinds).</item>
    /// </list>
    /// </summary>
    /// <param name="input">The weighing.</param>
    /// <param name="settings">Provincial choices; null = <see cref="OverloadSettings.Default"/> (Floor).</param>
    /// <param name="onDate">Date of the act, selecting the discretion-standard version; null = <see cref="DefaultRuleDate"/> (the explanation says so).</param>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> or its vehicle is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// Gross mass ≤ 0; a measured dimension ≤ 0; an accuracy class outside 0–<see cref="MaxAccuracyClass"/>; a date before
    /// the rule came into force (2016-09-21, the limits coded here are that rule's); or a vehicle
    /// <see cref="OverloadLimits.LimitKg"/> refuses. Ingest validation should stop such data before it gets here.
    /// </exception>
    public static OverloadJudgement Judge(WeighingInput input, OverloadSettings? settings = null, DateOnly? onDate = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        settings ??= OverloadSettings.Default;
        var date = onDate ?? DefaultRuleDate;
        if (date < DefaultPenaltyRules.OverloadRuleInForce)
        {
            throw new ArgumentOutOfRangeException(nameof(onDate), date, $"超限规定 (the limits and penalties coded here) is in force from {DefaultPenaltyRules.OverloadRuleInForce:yyyy-MM-dd}.");
        }

        Validate(input);

        var limit = OverloadLimits.LimitKg(input.Vehicle, input.RegisteredMassKg);
        var accuracyClass = input.AccuracyClass ?? 0m;
        var exact = input.GrossWeightKg * (1m - (accuracyClass / 100m));
        var adjusted = (int)decimal.Floor(exact);
        var toleranceKg = input.GrossWeightKg - adjusted;
        var overKg = Math.Max(0, adjusted - limit);
        var massOver = overKg > 0;
        // OverKg × 100 / LimitKg equals OverKg / LimitKg × 100; dividing last keeps an exact midpoint exact in decimal.
        var overPercent = massOver ? Math.Round(overKg * 100m / limit, 2, MidpointRounding.AwayFromZero) : 0m;
        var dimensions = JudgeDimensions(input);
        var verdict = massOver || dimensions.Over ? OverloadVerdict.Overloaded : OverloadVerdict.Compliant;

        var zh = new List<string>();
        var en = new List<string>();
        ExplainLimit(input, limit, zh, en);
        ExplainTolerance(input, accuracyClass, exact, adjusted, toleranceKg, zh, en);
        ExplainMass(adjusted, limit, overKg, overPercent, zh, en);
        ExplainDimensions(input, dimensions, zh, en);

        var penalty = Propose(input, settings, date, onDate is null, massOver, overKg, dimensions, zh, en);
        return new OverloadJudgement(verdict, limit, toleranceKg, adjusted, overKg, overPercent, massOver, dimensions, penalty) { RuleDate = date };
    }

    private static void Validate(WeighingInput input)
    {
        ArgumentNullException.ThrowIfNull(input.Vehicle, nameof(input));
        if (input.GrossWeightKg <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.GrossWeightKg, "The gross weight must be positive.");
        }

        if (input.HeightMm is <= 0 || input.WidthMm is <= 0 || input.LengthMm is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(input), (input.HeightMm, input.WidthMm, input.LengthMm), "A measured dimension must be positive.");
        }

        if (input.AccuracyClass is < 0m or > MaxAccuracyClass)
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.AccuracyClass, $"An accuracy class is between 0 and {MaxAccuracyClass} (JJG 907-2006).");
        }
    }

    /// <summary>超限规定 art. 3 para. 1(1)–(3): each limit is "超过", so the limit value itself is allowed.</summary>
    private static DimensionJudgement JudgeDimensions(WeighingInput input)
    {
        var height = Excess(input.HeightMm, OverloadLimits.HeightLimitMm);
        var width = Excess(input.WidthMm, OverloadLimits.WidthLimitMm);
        var length = Excess(input.LengthMm, OverloadLimits.LengthLimitMm);
        return height is null && width is null && length is null
            ? DimensionJudgement.Within
            : new DimensionJudgement(true, height, width, length);
    }

    private static int? Excess(int? measured, int limit) => measured > limit ? measured - limit : null;

    private static OverloadPenalty Propose(
        WeighingInput input, OverloadSettings settings, DateOnly date, bool defaultDate, bool massOver, int overKg, DimensionJudgement dimensions, List<string> zh, List<string> en)
    {
        if (!massOver && !dimensions.Over)
        {
            zh.Add("未超限，不予处罚。");
            en.Add("Not over any limit: no penalty.");
            return OverloadPenalty.None(zh, en);
        }

        if (defaultDate)
        {
            zh.Add($"未指定违法行为发生日期：按 {date:yyyy-MM-dd} 适用的裁量基准提出建议。");
            en.Add($"No date of the act given: proposed under the discretion standard in force on {date:yyyy-MM-dd}.");
        }

        var standard = settings.Rounding switch
        {
            OverloadUnitRounding.Floor => DiscretionStandard.Default,
            OverloadUnitRounding.Ceiling => CeilingStandard,
        };
        var parts = new List<PenaltyProposal>();
        if (massOver)
        {
            parts.Add(standard.Propose(OffenceCodes.OverloadMass, new PenaltyFacts { OverKg = overKg }, date));
        }

        if (dimensions.Over)
        {
            var facts = new PenaltyFacts { HeightMm = input.HeightMm, WidthMm = input.WidthMm, LengthMm = input.LengthMm };
            parts.Add(standard.Propose(OffenceCodes.OverloadDimensions, facts, date));
        }

        // 超限规定 art. 43 para. 2: several violations → fines added up, at most 30 000 yuan.
        var proposal = parts.Count == 1 ? parts[0] : DiscretionStandard.Combine(parts);
        zh.AddRange(proposal.ExplanationZh);
        en.AddRange(proposal.ExplanationEn);

        switch (proposal.Kind)
        {
            case PenaltyKind.Warning:
                return new OverloadPenalty(OverloadPenalty.KindWarning, null, zh, en) { IncludesWarning = true, Proposal = proposal };
            case PenaltyKind.Fixed or PenaltyKind.PerUnit:
                zh.Add($"处理建议：罚款 {Yuan(proposal.AmountFen!.Value, Zh)} 元{(proposal.Warning ? "，并予以警告" : "")}。");
                en.Add($"Proposal: fine {Yuan(proposal.AmountFen.Value, En)} yuan{(proposal.Warning ? ", plus a warning" : "")}.");
                return new OverloadPenalty(OverloadPenalty.KindFine, proposal.AmountFen, zh, en)
                {
                    IncludesWarning = proposal.Warning,
                    MinFen = proposal.AmountFen,
                    MaxFen = proposal.AmountFen,
                    Proposal = proposal,
                };
            case PenaltyKind.Range or PenaltyKind.Schedule:
                return LowerBound(proposal, zh, en);
            default:
                throw new InvalidOperationException($"Unexpected proposal kind {proposal.Kind}.");
        }
    }

    /// <summary>
    /// 幅度罚款 (超限规定 art. 43 para. 1(1) tiers): the automatic proposal takes the lower bound of the (summed, capped) range;
    /// the officer may choose within it under the provincial standard. A lower bound of 0 (the "200元以下" tier) means no fine.
    /// </summary>
    private static OverloadPenalty LowerBound(PenaltyProposal proposal, List<string> zh, List<string> en)
    {
        var low = proposal.MinFen ?? 0;
        var high = proposal.MaxFen!.Value;
        var rangeZh = $"{Yuan(low, Zh)} 元至 {Yuan(high, Zh)} 元";
        var rangeEn = $"{Yuan(low, En)} to {Yuan(high, En)} yuan";
        if (low > 0)
        {
            zh.Add($"处理建议：罚款幅度为 {rangeZh}，自动建议取下限，罚款 {Yuan(low, Zh)} 元{(proposal.Warning ? "，并予以警告" : "")}；执法人员可依裁量基准在幅度内调整。");
            en.Add($"Proposal: the fine range is {rangeEn}; the automatic proposal takes the lower bound, a fine of {Yuan(low, En)} yuan{(proposal.Warning ? ", plus a warning" : "")}; the officer may choose within the range under the discretion standard.");
            return new OverloadPenalty(OverloadPenalty.KindFine, low, zh, en)
            {
                IncludesWarning = proposal.Warning, MinFen = low, MaxFen = high, Proposal = proposal,
            };
        }

        var kind = proposal.Warning ? OverloadPenalty.KindWarning : OverloadPenalty.KindNone;
        zh.Add(proposal.Warning
            ? $"处理建议：罚款幅度为 {rangeZh}，自动建议取下限 0 元，即予以警告、不罚款；执法人员可依裁量基准处 {Yuan(high, Zh)} 元以下罚款。"
            : $"处理建议：罚款幅度为 {rangeZh}（“可以处”），自动建议取下限 0 元，即不予罚款；执法人员可依裁量基准处 {Yuan(high, Zh)} 元以下罚款。");
        en.Add(proposal.Warning
            ? $"Proposal: the fine range is {rangeEn}; the automatic proposal takes the lower bound, 0: a warning and no fine; the officer may fine up to {Yuan(high, En)} yuan under the discretion standard."
            : $"Proposal: the fine range is {rangeEn} (\"may\"); the automatic proposal takes the lower bound, 0: no fine; the officer may fine up to {Yuan(high, En)} yuan under the discretion standard.");
        return new OverloadPenalty(kind, null, zh, en) { IncludesWarning = proposal.Warning, MinFen = 0, MaxFen = high, Proposal = proposal };
    }

    private static void ExplainLimit(WeighingInput input, int limit, List<string> zh, List<string> en)
    {
        var vehicle = input.Vehicle;
        var table = OverloadLimits.TableLimitKg(vehicle);
        var (nameZh, nameEn) = OverloadLimits.Describe(vehicle);
        zh.Add($"限定标准：{nameZh}，车货总质量 {Kg(table, Zh)}（《超限运输车辆行驶公路管理规定》第三条）。");
        en.Add($"Limit: {nameEn}, gross mass {Kg(table, En)} (超限规定 art. 3).");
        var reduced = table - (OverloadLimits.SingleTyreReductionKg * vehicle.SingleTyreAxleCount);
        if (vehicle.SingleTyreAxleCount > 0)
        {
            zh.Add($"单轮胎轴 {vehicle.SingleTyreAxleCount} 根，每根减 {Kg(OverloadLimits.SingleTyreReductionKg, Zh)}（第三条第二款第（二）项）→ {Kg(reduced, Zh)}。");
            en.Add($"{vehicle.SingleTyreAxleCount} single-tyred axle(s), {Kg(OverloadLimits.SingleTyreReductionKg, En)} off each (art. 3 para. 2(2)) → {Kg(reduced, En)}.");
        }

        if (limit < reduced)
        {
            zh.Add($"行驶证总质量 {Kg(limit, Zh)} 低于限定标准，二轴货车以行驶证总质量为限 → {Kg(limit, Zh)}。");
            en.Add($"Registered (行驶证) total mass {Kg(limit, En)} is lower; for a 2-axle truck it is the limit → {Kg(limit, En)}.");
        }
    }

    private static void ExplainTolerance(WeighingInput input, decimal accuracyClass, decimal exact, int adjusted, int toleranceKg, List<string> zh, List<string> en)
    {
        var gross = input.GrossWeightKg;
        if (input.AccuracyClass is null)
        {
            zh.Add($"未提供称重设备准确度等级（静态衡器）：不扣除误差，车货总质量按 {Kg(gross, Zh)} 认定。");
            en.Add($"No accuracy class given (static scale): no deduction, gross mass {Kg(gross, En)}.");
            return;
        }

        var cls = accuracyClass.ToString("0.##########", CultureInfo.InvariantCulture);
        zh.Add($"称重设备准确度等级 {cls} 级：扣除 {cls}%，{Kg(gross, Zh)} × (1 − {cls}%) = {exact.ToString("#,0.##########", Zh)} kg，向下取整 → {Kg(adjusted, Zh)}（扣除 {Kg(toleranceKg, Zh)}）。");
        en.Add($"Accuracy class {cls}: {cls}% deducted, {Kg(gross, En)} × (1 − {cls}%) = {exact.ToString("#,0.##########", En)} kg, rounded down → {Kg(adjusted, En)} ({Kg(toleranceKg, En)} deducted).");
    }

    private static void ExplainMass(int adjusted, int limit, int overKg, decimal overPercent, List<string> zh, List<string> en)
    {
        var percent = overPercent.ToString("0.00", CultureInfo.InvariantCulture);
        if (overKg > 0)
        {
            zh.Add($"车货总质量 {Kg(adjusted, Zh)}，超过限定标准 {Kg(limit, Zh)}：超限 {Kg(overKg, Zh)}（超限率 {percent}%）。");
            en.Add($"Gross mass {Kg(adjusted, En)} is over the limit of {Kg(limit, En)}: over by {Kg(overKg, En)} ({percent}%).");
        }
        else
        {
            zh.Add($"车货总质量 {Kg(adjusted, Zh)}，未超过限定标准 {Kg(limit, Zh)}。");
            en.Add($"Gross mass {Kg(adjusted, En)} is within the limit of {Kg(limit, En)}.");
        }
    }

    private static void ExplainDimensions(WeighingInput input, DimensionJudgement d, List<string> zh, List<string> en)
    {
        if (input is { HeightMm: null, WidthMm: null, LengthMm: null })
        {
            zh.Add("未测量外廓尺寸。");
            en.Add("Dimensions not measured.");
            return;
        }

        if (!d.Over)
        {
            zh.Add("外廓尺寸未超过第三条第一款第（一）至（三）项限定标准（高 4 米、宽 2.55 米、长 18.1 米）。");
            en.Add("Dimensions within art. 3 para. 1(1)–(3) (4 m high, 2.55 m wide, 18.1 m long).");
            return;
        }

        var partsZh = new List<string>();
        var partsEn = new List<string>();
        AddOver("高", "height", input.HeightMm, OverloadLimits.HeightLimitMm, d.OverHeightMm, partsZh, partsEn);
        AddOver("宽", "width", input.WidthMm, OverloadLimits.WidthLimitMm, d.OverWidthMm, partsZh, partsEn);
        AddOver("长", "length", input.LengthMm, OverloadLimits.LengthLimitMm, d.OverLengthMm, partsZh, partsEn);
        zh.Add($"外廓尺寸超限（第三条第一款第（一）至（三）项）：{string.Join("；", partsZh)}。");
        en.Add($"Dimensions over art. 3 para. 1(1)–(3): {string.Join("; ", partsEn)}.");
    }

    private static void AddOver(string nameZh, string nameEn, int? measured, int limit, int? over, List<string> zh, List<string> en)
    {
        if (measured is { } m && over is { } o)
        {
            zh.Add($"车货总{nameZh} {Metres(m, Zh)} 米，超过 {Metres(limit, Zh)} 米 {o} mm");
            en.Add($"{nameEn} {Metres(m, En)} m, {o} mm over {Metres(limit, En)} m");
        }
    }

    private static string Kg(int kg, NumberFormatInfo format) => $"{kg.ToString("#,0", format)} kg";

    private static string Metres(int mm, NumberFormatInfo format) => (mm / 1000m).ToString("0.00#", format);

    private static string Yuan(long fen, NumberFormatInfo format) => (fen / 100).ToString("#,0", format);
}
