namespace Vanguard.Domain.Warnings;

/// <summary>执法人员被重复投诉: at least <see cref="WarningThresholds.Value"/> complaints (default 3) about the same officer within <see cref="WindowDays"/> days.</summary>
public sealed class OfficerRepeatedComplaints : WarningRule
{
    public const int WindowDays = 90;

    public override string Code => "officer_repeated_complaints";

    public override string NameZh => "执法人员被重复投诉";

    public override string NameEn => "Officer complained about repeatedly";

    public override string Protects => "执法作风：群众反映集中的执法人员早发现、早处置（交通运输执法领域突出问题专项整治）";

    public override string ThresholdZh => "90 日内被投诉不少于 N 次";

    public override decimal DefaultValue => 3m;

    public static bool Fires(int complaints, decimal minimum) => complaints > 0 && complaints >= minimum;
}

/// <summary>
/// 罚款集中顶格: an officer with at least <see cref="WarningThresholds.Value"/> decided fines (default 5) within <see cref="WindowDays"/>
/// days where the standard leaves a range, of which at least <see cref="WarningThresholds.Percent"/> % (default 80 %) were at its top.
/// Fixed or per-unit amounts leave no discretion and are not counted.
/// </summary>
public sealed class OfficerTopOfRange : WarningRule
{
    public const int WindowDays = 30;

    public override string Code => "officer_top_of_range";

    public override string NameZh => "罚款集中顶格";

    public override string NameEn => "Fines concentrated at the top of the range";

    public override string Protects => "《行政处罚法》第五条：过罚相当；裁量基准（不得一律顶格处罚）";

    public override string ThresholdZh => "30 日内有裁量幅度的罚款决定不少于 N 件";

    public override decimal DefaultValue => 5m;

    public override string PercentZh => "其中顶格处罚占比不低于 X %";

    public override decimal? DefaultPercent => 80m;

    public static bool AtTop(long fineFen, long maxFen) => fineFen >= maxFen;

    public static bool Fires(int decided, int atTop, decimal minimumCases, decimal percent) =>
        decided > 0 && decided >= minimumCases && atTop * 100m >= percent * decided;
}
