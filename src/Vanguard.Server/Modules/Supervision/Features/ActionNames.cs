namespace Vanguard.Server.Modules.Supervision.Features;

/// <summary>
/// The audit chain's action codes (<c>module.verb</c>) as a supervisor reads them, in zh-CN; a code not listed is shown
/// as it is. Case steps are <c>cases.{action}</c> with the workflow's action codes.
/// </summary>
internal static class ActionNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["auth.login"] = "登录平台",
        ["auth.login_failed"] = "登录失败",
        ["auth.login_locked_out"] = "登录锁定",
        ["cases.accept"] = "受理案件线索",
        ["cases.file"] = "立案",
        ["cases.drop"] = "不予立案 / 撤销案件",
        ["cases.assign-officers"] = "指派承办人员",
        ["cases.decide-on-spot"] = "当场作出处罚决定",
        ["cases.file-on-spot-record"] = "当场处罚备案",
        ["cases.complete-investigation"] = "调查终结",
        ["cases.submit-legal-review"] = "提交法制审核",
        ["cases.complete-legal-review"] = "完成法制审核",
        ["cases.notify"] = "告知当事人",
        ["cases.record-service-consent"] = "登记送达地址确认",
        ["cases.record-statement"] = "记录陈述申辩",
        ["cases.waive-rights"] = "当事人放弃陈述申辩",
        ["cases.request-hearing"] = "登记听证申请",
        ["cases.schedule-hearing"] = "安排听证",
        ["cases.record-hearing"] = "记录听证",
        ["cases.collective-discussion"] = "集体讨论",
        ["cases.decide"] = "作出处罚决定",
        ["cases.serve"] = "送达",
        ["cases.record-payment"] = "登记缴纳罚款",
        ["cases.issue-reminder"] = "催告",
        ["cases.apply-enforcement"] = "申请强制执行",
        ["cases.record-review-outcome"] = "登记复议 / 诉讼结果",
        ["cases.close"] = "结案",
        ["cases.document"] = "制作执法文书",
        ["cases.add_file_item"] = "材料归入卷宗",
        ["terminal.duty_on"] = "上岗（签到）",
        ["terminal.duty_off"] = "下岗（签退）",
        ["terminal.record_created"] = "制作现场笔录",
        ["terminal.on_spot_penalty"] = "终端当场处罚",
        ["terminal.payment_recorded"] = "当场收缴罚款",
        ["terminal.lookup_vehicle"] = "路检查询车辆",
        ["terminal.lookup_driver"] = "路检查询驾驶员",
        ["terminal.lookup_enterprise"] = "路检查询企业",
        ["terminal.task_dispatched"] = "派发任务",
        ["terminal.task_cancelled"] = "取消任务",
        ["terminal.task_accept"] = "接受任务",
        ["terminal.task_arrive"] = "到达任务现场",
        ["terminal.task_finish"] = "完成任务",
        ["evidence.upload"] = "上传执法记录",
        ["evidence.view"] = "调阅证据",
        ["evidence.link"] = "证据关联案件",
        ["evidence.export"] = "导出证据",
        ["evidence.delete"] = "删除证据",
        ["evidence.legal_hold"] = "证据保全",
        ["evidence.transfer"] = "证据移交",
        ["evidence.report"] = "出具证据报告",
        ["evidence.retention"] = "变更保存期限",
        ["evidence.integrity"] = "证据完整性校验",
        ["evidence.upload_rejected"] = "上传被拒收",
        ["complaints.filed"] = "登记投诉举报",
        ["complaints.contact"] = "投诉首次电话联系",
        ["complaints.onsite"] = "投诉到达现场",
        ["complaints.result"] = "登记投诉处理结果",
        ["complaints.reply"] = "答复投诉人",
        ["complaints.return_visit"] = "投诉回访",
        ["complaints.reexamine"] = "投诉复核",
        ["complaints.reviewer"] = "指定投诉核查人",
        ["complaints.assign"] = "改派投诉",
        ["complaints.officer_trace"] = "查看被投诉人员轨迹",
        ["offsite.review_confirm"] = "确认非现场执法记录",
        ["offsite.review_invalidate"] = "作废非现场执法记录",
        ["online.deliver"] = "电子送达",
        ["surveillance.alert_dispatched"] = "布控预警派警",
        ["surveillance.alert_closed"] = "处置布控预警",
        ["surveillance.entry_created"] = "新增布控",
        ["surveillance.entry_approved"] = "审批布控",
        ["registry.import"] = "导入运政数据",
        ["officers.create"] = "新增执法人员",
        ["accounts.create"] = "创建账号",
        ["devices.register"] = "登记设备",
        ["supervision.officer_trace"] = "查看执法人员轨迹",
        ["supervision.inspection_recorded"] = "登记“八六四”督查",
        ["supervision.accountability_handled"] = "登记问责处理措施",
    };

    public static string NameZh(string action) => Names.GetValueOrDefault(action) ?? action;

    /// <summary>The timeline's kinds, in the order of the filter.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["case", "record", "evidence", "lookup", "complaint", "task", "duty", "other", "clip", "position"];

    public static string KindNameZh(string kind) => kind switch
    {
        "case" => "案件办理",
        "record" => "现场笔录",
        "evidence" => "证据",
        "lookup" => "路检查询",
        "complaint" => "投诉处理",
        "task" => "指挥任务",
        "duty" => "上下岗",
        "clip" => "执法记录仪",
        "position" => "终端位置",
        _ => "其他操作",
    };

    public static string KindOf(string action, string targetType) => action switch
    {
        _ when action.StartsWith("terminal.record", StringComparison.Ordinal) => "record",
        _ when action.StartsWith("terminal.lookup_", StringComparison.Ordinal) => "lookup",
        _ when action.StartsWith("terminal.duty_", StringComparison.Ordinal) => "duty",
        _ when action.StartsWith("terminal.task_", StringComparison.Ordinal) => "task",
        _ when action.StartsWith("terminal.on_spot", StringComparison.Ordinal) || action.StartsWith("terminal.payment", StringComparison.Ordinal) => "case",
        _ when action.StartsWith("cases.", StringComparison.Ordinal) || targetType == "case" => "case",
        _ when action.StartsWith("evidence.", StringComparison.Ordinal) => "evidence",
        _ when action.StartsWith("complaints.", StringComparison.Ordinal) => "complaint",
        _ => "other",
    };
}
