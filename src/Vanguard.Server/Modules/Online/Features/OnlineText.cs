using System.Globalization;
using Vanguard.Server.Modules.Cases.Contracts;

namespace Vanguard.Server.Modules.Online.Features;

/// <summary>The portal's words: deadlines in plain Chinese with dates, names of things, messages for error codes.</summary>
public static class OnlineText
{
    public static string Date(DateOnly d) => d.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    public static string Money(long fen) => (fen / 100m).ToString(fen % 100 == 0 ? "#,0" : "#,0.00", CultureInfo.InvariantCulture) + " 元";

    public static string KindName(string kind) => kind switch
    {
        "statement" => "陈述申辩",
        "hearing" => "听证申请",
        "waiver" => "放弃陈述申辩和听证",
        _ => kind,
    };

    public static string StatusName(string status) => status switch
    {
        "pending" => "待回复",
        "answered" => "已回复",
        "noted" => "已记录",
        _ => status,
    };

    public static string PenaltyText(long? fineFen, bool warning) =>
        string.Join("，并处", new[] { warning ? "警告" : null, fineFen is > 0 ? "罚款 " + Money(fineFen.Value) : null }.Where(t => t is not null));

    /// <summary>The deadlines that apply to the party, each a sentence a driver understands.</summary>
    public static IReadOnlyList<OnlineDeadlineLine> Deadlines(PartyCaseView c, DateOnly today)
    {
        var lines = new List<OnlineDeadlineLine>();
        if (c.NoticeServedOn is null)
        {
            lines.Add(new("notice", "违法行为通知", null, "执法机关尚未告知拟作出的处罚。告知后，您可以在规定期限内陈述申辩。", "notApplicable"));
        }

        if (c.StatementDue is { } sd)
        {
            var (state, text) = c.DefenceMade ? ("done", $"您已于 {Date(c.StatementOn ?? sd)} 提出陈述申辩，执法机关应当复核，不得因您申辩而加重处罚（《行政处罚法》第四十五条）。")
                : c.StatementWaived ? ("done", "您已放弃陈述申辩。")
                : today <= sd ? ("open", $"请在 {Date(sd)}（含当日）前提出陈述申辩；逾期未提出的，视为放弃（《行政处罚法》第四十四条、第四十五条）。")
                : ("passed", $"陈述申辩期限已于 {Date(sd)} 届满。");
            lines.Add(new("statement", "陈述申辩", sd, text, state));
        }

        if (c.HearingRequestDue is { } hd)
        {
            var (state, text) = !c.HearingEligible ? ("notApplicable", "本案拟作出的处罚未达到听证标准，不适用听证程序（《行政处罚法》第六十三条）。")
                : c.HearingRequestedOn is { } asked ? ("done", $"您已于 {Date(asked)} 申请听证，执法机关将在听证七日前通知您时间和地点。")
                : c.HearingWaived ? ("done", "您已放弃听证。")
                : today <= hd ? ("open", $"本案可以要求听证。请在收到违法行为通知书后 5 个工作日内，即 {Date(hd)}（含当日）前提出（《行政处罚法》第六十四条）。")
                : ("passed", $"听证申请期限已于 {Date(hd)} 届满，逾期视为放弃听证。");
            lines.Add(new("hearing", "申请听证", hd, text, state));
        }

        if (c.PaymentDue is { } pd)
        {
            var text = c.PaidOn is { } paid ? $"您已于 {Date(paid)} 缴纳罚款 {Money(c.PaidFen)}。"
                : $"请在 {Date(pd)}（含当日）前缴纳罚款。逾期不缴纳的，每日按罚款数额的 3% 加处罚款，加处罚款的数额不超过罚款本数（《行政处罚法》第七十二条）。" +
                  (c.LateFeeFen > 0 ? $"截至今天已产生加处罚款 {Money(c.LateFeeFen)}，应缴合计 {Money(c.AmountOwedFen)}。" : string.Empty);
            lines.Add(new("payment", "缴纳罚款", pd, text, c.PaidOn is not null ? "done" : today <= pd ? "open" : "passed"));
        }
        else if (c.DecidedOn is not null && c.ServedOn is null && c.DecidedFineFen is > 0)
        {
            lines.Add(new("payment", "缴纳罚款", null, "处罚决定书送达后 15 日内缴纳罚款；送达日期以系统记录的发送成功日期为准。", "notApplicable"));
        }

        return lines;
    }

    /// <summary>What the portal page says for an error code passed back after a form post.</summary>
    public static string Message(string code) => code switch
    {
        "online.lookup_failed" => "号牌号码或通知码不正确，请核对短信中的号牌和通知码后重试。",
        "online.code_invalid" => "验证码不正确或已过期，请重新输入或重新获取。",
        "online.code_locked" => "验证码输错次数过多，已暂时锁定，请稍后重新获取验证码。",
        "online.rate_limited" => "操作过于频繁，请稍后再试。",
        "online.case_not_found" => "找不到该案件，或您的验证已过期，请重新查询。",
        "online.payments_unavailable" => "在线缴款暂未开通，请按处罚决定书载明的方式缴纳罚款。",
        "cases.hearing_not_eligible" => "本案拟作出的处罚未达到听证标准，不能申请听证（《行政处罚法》第六十三条）。",
        "cases.hearing_request_late" => "已超过听证申请期限：应当在收到违法行为通知书后 5 个工作日内提出（《行政处罚法》第六十四条）。",
        "cases.invalid_transition" => "案件当前所处的环节不能办理该事项。",
        "validation.failed" => "填写的内容有误，请检查后重新提交。",
        "request.antiforgery" => "页面已过期，请刷新页面后重试。",
        _ => "办理未成功，请稍后重试；如仍有问题，请联系办案机关。",
    };
}
