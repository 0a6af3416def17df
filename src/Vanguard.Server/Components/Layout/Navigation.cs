using Microsoft.AspNetCore.Components.Routing;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Surveillance;

namespace Vanguard.Server.Components.Layout;

/// <summary>The module navigation: the head, the two hands, the two legs and what surrounds them.</summary>
public static class Navigation
{
    /// <summary>A menu entry; <paramref name="Policy"/>, when set, hides it from users the page would refuse.</summary>
    public sealed record Item(string Href, string TitleZh, string TitleEn, string? ComingZh = null, string? ComingEn = null, string? Policy = null);

    public sealed record Group(string TitleZh, string TitleEn, IReadOnlyList<Item> Items);

    public static IReadOnlyList<Group> Groups { get; } =
    [
        new("大脑：指挥与办案", "Head: command and cases",
        [
            new("/command", "指挥调度", "Command centre", Policy: SurveillancePolicies.Command),
            new("/cases", "案件办理", "Cases", Policy: Policies.Staff),
            new("/cases/due", "期限预警", "Deadlines", Policy: Policies.Staff),
            new("/cases/legal-review", "法制审核", "Legal review", Policy: Policies.Staff),
        ]),
        new("双手：执法装备", "Hands: field equipment",
        [
            new("/evidence", "执法记录仪证据", "Body-camera evidence", Policy: Policies.Staff),
            new("/terminal", "手持执法终端", "Handheld terminal", Policy: Policies.Staff),
        ]),
        new("双腿：非现场与不见面", "Legs: off-site and online",
        [
            new("/offsite", "非现场执法", "Off-site enforcement", Policy: Policies.Staff),
            new("/offsite/review", "超限审核", "Overload review", Policy: Policies.Staff),
            new("/online-queue", "网上陈述申辩/听证", "Online statements and hearings", Policy: Modules.Online.OnlinePolicies.Handle),
        ]),
        new("监督与公开", "Supervision and openness",
        [
            new("/watchlist", "布控预警", "Watch-list", Policy: SurveillancePolicies.Command),
            new("/watchlist/suspects", "疑似车辆研判", "Suspect vehicles", Policy: SurveillancePolicies.Command),
            new("/watchlist/alerts", "预警记录", "Alert records", Policy: SurveillancePolicies.Command),
            new("/complaints", "投诉举报", "Complaints", Policy: Modules.Complaints.ComplaintsPolicies.Handle),
            new("/performance", "绩效评价", "Performance"),
            new("/performance/manage", "绩效评价管理", "Performance evaluation", Policy: Modules.Performance.PerformancePolicies.Read),
            new("/disclosure/manage", "执法公开", "Disclosure", Policy: Modules.Disclosure.DisclosurePolicies.Manage),
            new("/credit", "信用监管", "Credit", Policy: Modules.Credit.CreditPolicies.Read),
            new("/credit/sources", "源头治超", "Loading sources", Policy: Modules.Credit.CreditPolicies.Read),
            new("/warnings", "问题预警", "Early warnings", Policy: Modules.Warnings.WarningsPolicies.Read),
            new("/supervision/officers", "执法人员轨迹", "Officer trace", Policy: Modules.Supervision.SupervisionPolicies.Read),
            new("/supervision/inspections", "“八六四”督查", "Discipline inspections", Policy: Modules.Supervision.SupervisionPolicies.Read),
            new("/audit", "审计追溯", "Audit trail", Policy: Policies.AuditReader),
        ]),
        new("系统管理", "Administration",
        [
            new("/agencies", "组织机构", "Agencies", Policy: Policies.Staff),
            new("/officers", "执法人员", "Officers", Policy: Policies.Staff),
            new("/devices", "设备管理", "Devices", Policy: Policies.Staff),
            new("/registry", "运政数据", "Registry", Policy: Policies.Staff),
        ]),
    ];

    public static Item? Find(string href) => Groups.SelectMany(g => g.Items).FirstOrDefault(i => i.Href == href);

    /// <summary>The entry a path belongs to: the longest href that is the path or a parent of it.</summary>
    public static Item? Active(string path) => Groups.SelectMany(g => g.Items)
        .Where(i => path == i.Href || path.StartsWith(i.Href + "/", StringComparison.Ordinal))
        .MaxBy(i => i.Href.Length);
}
