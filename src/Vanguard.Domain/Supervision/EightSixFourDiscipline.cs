namespace Vanguard.Domain.Supervision;

/// <summary>
/// 河南省交通运输厅 全省交通运输综合行政执法"八不准、六严禁、四必究"工作纪律 ("八六四" discipline), as published on 2021-01-11 by
/// 延津县交通运输综合行政执法大队: eight prohibitions (八不准) and six strict bans (六严禁) an inspection checks item by item, and
/// four rules of accountability (四必究) that say who answers for a breach. Item codes are stable wire names.
/// </summary>
public static class EightSixFourDiscipline
{
    /// <summary>
    /// 四必究 (3): "3人次以上的，追究执法机构负责人责任". Provincial choice, not in the text: person-times are counted per
    /// enforcement agency (the 大队/支队 with its teams and stations) per calendar year (China time) of the inspection date;
    /// one inspection with at least one 违反 item is one person-time.
    /// </summary>
    public const int AgencyHeadThreshold = 3;

    public static IReadOnlyList<DisciplineItem> Items { get; } =
    [
        new("b1", DisciplineGroup.EightProhibitions, 1, "不准酒后上岗执法", "No enforcement after drinking"),
        new("b2", DisciplineGroup.EightProhibitions, 2, "不准未着执法服装或者未持执法证上岗执法", "No enforcement without the uniform or the enforcement certificate"),
        new("b3", DisciplineGroup.EightProhibitions, 3, "不准对当事人有不文明言行", "No uncivil words or conduct towards a party"),
        new("b4", DisciplineGroup.EightProhibitions, 4, "不准未佩戴使用执法记录仪上岗执法", "No enforcement without wearing and using the body camera"),
        new("b5", DisciplineGroup.EightProhibitions, 5, "不准超越法律规范规定范围实施处罚", "No penalty beyond what the law provides"),
        new("b6", DisciplineGroup.EightProhibitions, 6, "不准只罚款不消除违法状态", "No fine without ending the unlawful state"),
        new("b7", DisciplineGroup.EightProhibitions, 7, "不准现场处罚超限超载违法行为", "No on-the-spot penalty for overloading"),
        new("b8", DisciplineGroup.EightProhibitions, 8, "不准强行追缉逃逸车辆", "No forcible pursuit of a fleeing vehicle"),
        new("y1", DisciplineGroup.SixBans, 1, "严禁无执法资格人员执法", "No enforcement by persons without enforcement qualification"),
        new("y2", DisciplineGroup.SixBans, 2, "严禁治超现场执法中直接罚款", "No direct fines at overload checks"),
        new("y3", DisciplineGroup.SixBans, 3, "严禁使用闯岗抓拍系统实施处罚", "No penalties from checkpoint-running cameras"),
        new("y4", DisciplineGroup.SixBans, 4, "严禁勾结“黄牛”", "No collusion with touts (黄牛)"),
        new("y5", DisciplineGroup.SixBans, 5, "严禁违规收费", "No unlawful charges"),
        new("y6", DisciplineGroup.SixBans, 6, "严禁超期扣留违法车辆", "No detention of a vehicle beyond the time limit"),
    ];

    public static DisciplineItem? Find(string? code) => Items.FirstOrDefault(i => i.Code == code);

    public static bool IsKnown(string? code) => Find(code) is not null;

    /// <summary>"八不准第3条：不准对当事人有不文明言行".</summary>
    public static string LabelZh(string code) => Find(code) is { } i ? $"{i.GroupNameZh}第{i.Number}条：{i.TextZh}" : code;

    /// <summary>
    /// 四必究: who answers for one inspection's findings. Nothing when no item was found in breach. Otherwise (1) the officer
    /// (当事人) when the inspection names one; (2) always the 站(队)长 of the team or station; (3) the head of the enforcement
    /// agency when this inspection's person-time is the one that brings the agency's count for the year to
    /// <see cref="AgencyHeadThreshold"/> — once per agency and year, not again at the 4th; (4) the transport authority
    /// (交通运输主管部门) when the breach is serious or has a bad public impact.
    /// </summary>
    /// <param name="personTimesBefore">The agency's person-times already recorded in the inspection's year, this one not included.</param>
    public static IReadOnlyList<string> Accountable(IReadOnlyCollection<ItemFinding> findings, bool namesOfficer, bool serious, int personTimesBefore)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(personTimesBefore);
        if (!findings.Any(f => f.Result == ItemResult.Breach))
        {
            return [];
        }

        var levels = new List<string>();
        if (namesOfficer)
        {
            levels.Add(AccountabilityLevel.Officer);
        }

        levels.Add(AccountabilityLevel.StationHead);
        if (personTimesBefore + 1 == AgencyHeadThreshold)
        {
            levels.Add(AccountabilityLevel.AgencyHead);
        }

        if (serious)
        {
            levels.Add(AccountabilityLevel.Authority);
        }

        return levels;
    }
}

public static class DisciplineGroup
{
    /// <summary>八不准.</summary>
    public const string EightProhibitions = "eight_prohibitions";

    /// <summary>六严禁.</summary>
    public const string SixBans = "six_bans";

    public static string NameZh(string group) => group == EightProhibitions ? "八不准" : "六严禁";
}

/// <summary>One checklist item of the "八六四" discipline.</summary>
public sealed record DisciplineItem(string Code, string Group, int Number, string TextZh, string TextEn)
{
    public string GroupNameZh => DisciplineGroup.NameZh(Group);
}

/// <summary>What an inspection found for one item: 符合, 违反 or 未检查.</summary>
public static class ItemResult
{
    public const string Compliant = "compliant";

    public const string Breach = "breach";

    public const string Unchecked = "unchecked";

    public static IReadOnlyList<string> All { get; } = [Compliant, Breach, Unchecked];

    public static bool IsKnown(string? result) => result is not null && All.Contains(result, StringComparer.Ordinal);

    public static string NameZh(string result) => result switch
    {
        Compliant => "符合",
        Breach => "违反",
        Unchecked => "未检查",
        _ => result,
    };
}

public sealed record ItemFinding(string Code, string Result);

/// <summary>四必究: the four levels held accountable. Wire names are stable.</summary>
public static class AccountabilityLevel
{
    /// <summary>(1) 追究当事人责任.</summary>
    public const string Officer = "officer";

    /// <summary>(2) 追究站(队)长责任.</summary>
    public const string StationHead = "station_head";

    /// <summary>(3) 3人次以上，追究执法机构负责人责任.</summary>
    public const string AgencyHead = "agency_head";

    /// <summary>(4) 情节严重或造成恶劣社会影响，追究交通运输主管部门责任.</summary>
    public const string Authority = "authority";

    public static IReadOnlyList<string> All { get; } = [Officer, StationHead, AgencyHead, Authority];

    public static bool IsKnown(string? level) => level is not null && All.Contains(level, StringComparer.Ordinal);

    public static string NameZh(string level) => level switch
    {
        Officer => "当事人",
        StationHead => "站(队)长",
        AgencyHead => "执法机构负责人",
        Authority => "交通运输主管部门",
        _ => level,
    };
}

/// <summary>What was done about an accountability record (处理措施). Wire names are stable.</summary>
public static class AccountabilityMeasure
{
    public static IReadOnlyList<string> All { get; } = ["criticism", "notice", "admonition", "removal", "certificate_suspension", "referral"];

    public static bool IsKnown(string? measure) => measure is not null && All.Contains(measure, StringComparer.Ordinal);

    public static string NameZh(string measure) => measure switch
    {
        "criticism" => "批评教育",
        "notice" => "通报批评",
        "admonition" => "诫勉谈话",
        "removal" => "调离执法岗位",
        "certificate_suspension" => "暂扣执法证",
        "referral" => "移送纪检监察机关",
        _ => measure,
    };
}

/// <summary>待处理 → 已处理.</summary>
public static class AccountabilityStatus
{
    public const string Pending = "pending";

    public const string Handled = "handled";

    public static string NameZh(string status) => status == Handled ? "已处理" : "待处理";
}
