namespace Vanguard.Domain.Warnings;

/// <summary>
/// 案件临近办案期限: a filed case not yet decided whose decision deadline (行政处罚法 art. 60: 90 days from 立案, on the holiday
/// calendar) is at most <see cref="WarningThresholds.Value"/> days away (default 10), and not yet passed.
/// </summary>
public sealed class CaseDeadlineNear : WarningRule
{
    public override string Code => "case_deadline_near";

    public override string NameZh => "案件临近办案期限";

    public override string NameEn => "Case near its decision deadline";

    public override string Protects => "《行政处罚法》第六十条：自立案之日起九十日内作出行政处罚决定";

    public override string ThresholdZh => "距决定期限不超过 N 日";

    public override decimal DefaultValue => 10m;

    public override bool SelfClearing => true;

    public static bool Fires(DateOnly today, DateOnly decisionDue, decimal days) =>
        today <= decisionDue && decisionDue.DayNumber - today.DayNumber <= days;
}

/// <summary>案件超过办案期限: a filed case still undecided more than <see cref="WarningThresholds.Value"/> days (default 0) after its deadline.</summary>
public sealed class CaseDeadlinePassed : WarningRule
{
    public override string Code => "case_deadline_passed";

    public override string NameZh => "案件超过办案期限";

    public override string NameEn => "Case past its decision deadline";

    public override string Protects => "《行政处罚法》第六十条：自立案之日起九十日内作出行政处罚决定";

    public override string ThresholdZh => "超过决定期限 N 日以上";

    public override decimal DefaultValue => 0m;

    public override int DefaultResponseDays => 1;

    public override bool SelfClearing => true;

    public static bool Fires(DateOnly today, DateOnly decisionDue, decimal graceDays) => today.DayNumber - decisionDue.DayNumber > graceDays;
}

/// <summary>
/// 处罚偏离裁量基准: a decision the cases module flagged as departing from the discretion standard (裁量基准) whose fine lies outside the
/// proposed range by at least <see cref="WarningThresholds.Value"/> % of the nearer bound (default 0: any departure, a warning where
/// none was proposed or the reverse included).
/// </summary>
public sealed class PenaltyDepartsStandard : WarningRule
{
    public override string Code => "penalty_departs_standard";

    public override string NameZh => "处罚偏离裁量基准";

    public override string NameEn => "Penalty departs from the discretion standard";

    public override string Protects => "《行政处罚法》第三十四条：行政机关可以依法制定行政处罚裁量基准，规范行使行政处罚裁量权";

    public override string ThresholdZh => "罚款偏离裁量幅度不低于 N %";

    public override decimal DefaultValue => 0m;

    /// <summary>How far outside [min, max] the fine lies, in % of the bound it crossed; 0 inside the range.</summary>
    public static decimal DeparturePercent(long fineFen, long minFen, long maxFen)
    {
        if (fineFen > maxFen)
        {
            return maxFen == 0 ? 100m : Math.Round((fineFen - maxFen) * 100m / maxFen, 2);
        }

        if (fineFen < minFen)
        {
            return minFen == 0 ? 100m : Math.Round((minFen - fineFen) * 100m / minFen, 2);
        }

        return 0m;
    }

    /// <param name="flagged">The cases module marked the decision <c>departs_from_standard</c> (the warning/no-warning mismatch included).</param>
    public static bool Fires(bool flagged, long fineFen, long? minFen, long? maxFen, decimal thresholdPercent)
    {
        if (!flagged)
        {
            return false;
        }

        // A departure without a range to measure (a warning instead of a fine, or the reverse) is a departure in full.
        if (minFen is not { } min || maxFen is not { } max || (fineFen >= min && fineFen <= max))
        {
            return true;
        }

        return DeparturePercent(fineFen, min, max) >= thresholdPercent;
    }
}

/// <summary>
/// 现场执法无音像记录: an on-the-spot decision (简易程序) whose case file names fewer than <see cref="WarningThresholds.Value"/>
/// body-camera clips (default 1) — "八不准" 第四条 不准未佩戴使用执法记录仪上岗执法; 执法全过程记录制度.
/// </summary>
public sealed class OnsiteWithoutBodycam : WarningRule
{
    public override string Code => "onsite_without_bodycam";

    public override string NameZh => "现场执法无音像记录";

    public override string NameEn => "On-the-spot decision without a body-camera clip";

    public override string Protects => "交通运输执法“八不准”第四条：不准未佩戴使用执法记录仪上岗执法；执法全过程记录制度";

    public override string ThresholdZh => "卷宗所附执法记录仪视频少于 N 段";

    public override decimal DefaultValue => 1m;

    public static bool Fires(int clips, decimal minimum) => clips < minimum;
}
