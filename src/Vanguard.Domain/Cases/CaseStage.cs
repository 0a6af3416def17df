namespace Vanguard.Domain.Cases;

/// <summary>
/// 案件阶段 — where a penalty case stands. Ordinary procedure: 线索/受案 → 立案 → 调查取证 → 审查 → [法制审核] → 告知 →
/// 陈述申辩/听证 → [集体讨论] → 决定 → 送达 → 执行 → 结案 → 归档 (行政处罚法 arts. 54–73; 交通运输行政执法程序规定 ch. 5–7).
/// </summary>
public enum CaseStage
{
    /// <summary>线索/受案: received, not yet opened.</summary>
    Lead,

    /// <summary>调查取证: opened (立案) and under investigation.</summary>
    Investigation,

    /// <summary>审查: investigation finished (调查终结报告), under review before notice.</summary>
    Review,

    /// <summary>法制审核 (行政处罚法 art. 58).</summary>
    LegalReview,

    /// <summary>已告知: 违法行为通知书 served; the party may state, defend and request a hearing.</summary>
    Notified,

    /// <summary>听证: a hearing was requested.</summary>
    Hearing,

    /// <summary>已决定: 行政处罚决定书 (or 不予处罚/移送) made, not yet served.</summary>
    Decided,

    /// <summary>已送达.</summary>
    Served,

    /// <summary>执行中: payment due, late fee, 催告.</summary>
    Executing,

    /// <summary>执行完毕: the fine and any 加处罚款 (行政处罚法 art. 72) paid in full; what remains is 结案.</summary>
    Executed,

    /// <summary>已结案: 结案报告.</summary>
    Closed,

    /// <summary>已归档.</summary>
    Archived,

    /// <summary>不予立案 / 撤销.</summary>
    Dropped,
}

/// <summary>处理决定 (行政处罚法 art. 57).</summary>
public enum CaseOutcome
{
    /// <summary>给予行政处罚.</summary>
    Penalty,

    /// <summary>违法行为轻微，依法不予行政处罚.</summary>
    NoPenaltyMinor,

    /// <summary>违法事实不能成立，不予行政处罚.</summary>
    NoPenaltyNotEstablished,

    /// <summary>移送司法机关.</summary>
    Transfer,
}

/// <summary>送达方式 (行政处罚法 art. 61; 交通运输行政执法程序规定 art. 18).</summary>
public enum ServiceMethod
{
    /// <summary>直接送达 / 当场交付.</summary>
    Direct,

    /// <summary>邮寄送达.</summary>
    Post,

    /// <summary>电子送达: only with the party's consent (送达地址确认书).</summary>
    Electronic,

    /// <summary>公告送达.</summary>
    PublicNotice,
}

public static class CaseStageNames
{
    public static string Zh(CaseStage stage) => stage switch
    {
        CaseStage.Lead => "受案",
        CaseStage.Investigation => "调查取证",
        CaseStage.Review => "审查",
        CaseStage.LegalReview => "法制审核",
        CaseStage.Notified => "已告知",
        CaseStage.Hearing => "听证",
        CaseStage.Decided => "已决定",
        CaseStage.Served => "已送达",
        CaseStage.Executing => "执行中",
        CaseStage.Executed => "执行完毕",
        CaseStage.Closed => "已结案",
        CaseStage.Archived => "已归档",
        CaseStage.Dropped => "不予立案",
    };

    public static string En(CaseStage stage) => stage switch
    {
        CaseStage.Lead => "Lead",
        CaseStage.Investigation => "Investigation",
        CaseStage.Review => "Review",
        CaseStage.LegalReview => "Legal review",
        CaseStage.Notified => "Notified",
        CaseStage.Hearing => "Hearing",
        CaseStage.Decided => "Decided",
        CaseStage.Served => "Served",
        CaseStage.Executing => "Executing",
        CaseStage.Executed => "Paid",
        CaseStage.Closed => "Closed",
        CaseStage.Archived => "Archived",
        CaseStage.Dropped => "Dropped",
    };
}
