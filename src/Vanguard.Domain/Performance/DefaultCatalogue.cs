namespace Vanguard.Domain.Performance;

/// <summary>The data sources the platform names (the key an indicator refers to; the server implements those it can measure).</summary>
public static class SourceKeys
{
    public const string CasesDecidedWithinLimit = "cases.decided_within_limit";
    public const string OffsiteReviewedWithin5Days = "offsite.reviewed_within_5_days";
    public const string ComplaintsTwoMustsOnTime = "complaints.two_musts_on_time";
    public const string DispatchHitRate = "surveillance.dispatch_hit_rate";
    public const string CasesReversed = "cases.reversed_on_review_or_lawsuit";
    public const string DecisionsDisclosedWithin7WorkingDays = "cases.disclosed_within_7_working_days";
    public const string OnsiteCasesWithBodycam = "cases.onsite_with_bodycam_clip";
    public const string AuditChainIntact = "audit.chain_intact";
    public const string StationOverloadRate = "offsite.station_overload_rate";
    public const string RepeatOffenders = "offsite.repeat_offenders";
    public const string ComplaintsUpheld = "complaints.upheld";
    public const string NegativeIncidents = "conduct.negative_incidents";
    public const string WarningsOverdue = "warnings.overdue";
}

/// <summary>
/// The catalogue preloaded as version 1 (issue #9; domain reference §9: a weighted tree, rules ratio / per-occurrence / threshold,
/// data taken automatically). Weights lean on what the speech asks for: fewer violations rather than more fines, so no indicator
/// rewards the number or amount of penalties.
/// </summary>
public static class DefaultCatalogue
{
    public static IndicatorCatalogue Create() => new(
    [
        new("timeliness", "执法时效", 28m,
        [
            new("cases_within_limit", "案件按期办结率",
                "当月作出决定的案件中，自立案起在法定期限（行政处罚法第六十条：九十日）内作出决定的比例。",
                "按期决定的案件数 ÷ 当月作出决定的案件数", 10m, SourceKeys.CasesDecidedWithinLimit, DeductionRule.Ratio(1m, 0.8m)),
            new("offsite_review_5_days", "非现场记录 5 日内审核率",
                "当月采集的超限检测记录中，5 日内完成审核的比例（参照《道路交通安全违法行为处理程序规定》第十九条：采集后 5 日内审核）。",
                "5 日内审核的记录数 ÷ 当月应审核的记录数", 8m, SourceKeys.OffsiteReviewedWithin5Days, DeductionRule.Ratio(1m, 0.8m)),
            new("complaint_two_musts", "投诉“两个必须”按时率",
                "当月受理的投诉中，按时联系投诉人和当事人、按时到达现场的比例。",
                "两项均按时的投诉数 ÷ 当月受理的投诉数", 7m, SourceKeys.ComplaintsTwoMustsOnTime, DeductionRule.Ratio(1m, 0.8m)),
            new("warnings_on_time", "问题预警按期处置",
                "当月发出的问题预警中，评分时仍逾期未处置或逾期后才处置的（建立问题预警机制，切实防止小问题演变成大问题）。",
                "每件扣 1 分，最多扣 3 分", 3m, SourceKeys.WarningsOverdue, DeductionRule.PerOccurrence(1m, 3m)),
        ]),
        new("precision", "执法精准", 20m,
        [
            new("dispatch_hit_rate", "布控派警命中率",
                "当月派警处置的布控预警中，现场核实为查获的比例。",
                "查获数 ÷ 已办结的派警预警数", 10m, SourceKeys.DispatchHitRate, DeductionRule.Ratio(0.6m, 0.2m)),
            new("case_reversal", "复议诉讼纠错",
                "当月因行政复议或行政诉讼被撤销、变更或确认违法的案件。",
                "每件扣 2 分，最多扣 10 分", 10m, SourceKeys.CasesReversed, DeductionRule.PerOccurrence(2m, 10m)),
        ]),
        new("openness", "执法公开", 12m,
        [
            new("disclosed_7_days", "处罚决定 7 个工作日内公示率",
                "当月作出的行政处罚决定中，7 个工作日内公示的比例（国办发〔2018〕118号“双公示”）。",
                "按时公示的决定数 ÷ 当月应公示的决定数", 12m, SourceKeys.DecisionsDisclosedWithin7WorkingDays, DeductionRule.Ratio(1m, 0.8m)),
        ]),
        new("traceability", "全程可溯", 15m,
        [
            new("onsite_bodycam", "现场执法音像记录率",
                "当月现场执法案件中，卷宗附有执法记录仪视频的比例（执法全过程记录制度）。",
                "附视频的现场案件数 ÷ 当月现场案件数", 10m, SourceKeys.OnsiteCasesWithBodycam, DeductionRule.Ratio(1m, 0.8m)),
            new("audit_chain", "审计链完整",
                "当月本单位审计记录的哈希链校验是否完好。",
                "出现任何断链即扣完本项分值", 5m, SourceKeys.AuditChainIntact, DeductionRule.Threshold(0m)),
        ]),
        new("effect", "治理成效", 15m,
        [
            new("station_overload_rate", "检测站超限率",
                "当月辖区检测点检测车辆中超限车辆的比例；以违法行为减少而非罚款多少论成效。",
                "超限车辆数 ÷ 检测车辆数，超过 2% 扣完本项分值", 10m, SourceKeys.StationOverloadRate, DeductionRule.Threshold(0.02m)),
            new("repeat_offenders", "重复违法车辆",
                "当月在辖区内再次超限的、此前已被处理过的车辆。",
                "每辆扣 1 分，最多扣 5 分", 5m, SourceKeys.RepeatOffenders, DeductionRule.PerOccurrence(1m, 5m)),
        ]),
        new("conduct", "执法作风", 10m,
        [
            new("complaints_upheld", "有效投诉",
                "当月经调查属实的对执法单位或人员的投诉。",
                "每件扣 2 分，最多扣 6 分", 6m, SourceKeys.ComplaintsUpheld, DeductionRule.PerOccurrence(2m, 6m)),
            new("negative_incidents", "负面舆情和违纪事件",
                "当月经核实的负面舆情、违纪违法事件。",
                "每件扣 4 分，最多扣 4 分", 4m, SourceKeys.NegativeIncidents, DeductionRule.PerOccurrence(4m, 4m)),
        ]),
    ]);
}
