using Vanguard.Domain.Cases;
using Vanguard.Domain.Common;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Cases.Features;

/// <summary>Turns <c>POST /cases/{id}/actions/{action}</c> with its JSON body into a domain command, naming every missing field.</summary>
internal static class CaseActions
{
    public static IReadOnlyList<string> Codes { get; } =
    [
        "file", "drop", "complete-investigation", "submit-legal-review", "complete-legal-review", "notify", "record-statement", "waive-rights",
        "request-hearing", "schedule-hearing", "record-hearing", "collective-discussion", "decide", "decide-on-spot", "serve",
        "record-service-consent", "record-payment", "issue-reminder", "apply-enforcement", "file-on-spot-record", "close", "archive",
        "assign-officers", "record-review-outcome",
    ];

    public static Result<CaseCommand> Parse(string action, CaseActionRequest r, DateOnly today, ICurrentActor actor)
    {
        var on = r.On ?? today;
        var check = new Validator();
        CaseCommand? command = action switch
        {
            "file" => new FileCase(on, Required(check, "approvedBy", r.ApprovedBy, "批准人", "Approved by") ?? string.Empty),
            "drop" => new DropCase(on, Required(check, "reason", r.Reason, "理由", "Reason") ?? string.Empty),
            "complete-investigation" => new CompleteInvestigation(on),
            "submit-legal-review" => new SubmitLegalReview(on),
            "complete-legal-review" => new CompleteLegalReview(
                on,
                ReviewerOfficer(check, actor),
                Required(check, "passed", r.Passed, "审核结论", "Passed"),
                Required(check, "opinion", r.Opinion, "审核意见", "Opinion") ?? string.Empty),
            "notify" => new Notify(on, r.ProposedFineFen, r.ProposedWarning ?? false),
            "record-statement" => new RecordStatement(on, Required(check, "summary", r.Summary, "陈述申辩内容", "Summary") ?? string.Empty),
            "waive-rights" => new WaiveRights(on, r.Statement ?? false, r.Hearing ?? false),
            "request-hearing" => new RequestHearing(on),
            "schedule-hearing" => new ScheduleHearing(on, Required(check, "hearingDate", r.HearingDate, "听证日期", "Hearing date")),
            "record-hearing" => new RecordHearing(on),
            "collective-discussion" => new HoldCollectiveDiscussion(on),
            "decide" => new Decide(on, Outcome(check, r.Outcome), r.FineFen, r.Warning ?? false),
            "decide-on-spot" => new DecideOnSpot(on, r.FineFen, r.Warning ?? false),
            "serve" => new Serve(on, Method(check, r.Method)),
            "record-service-consent" => new RecordServiceConsent(on),
            "record-payment" => new RecordPayment(on, Required(check, "amountFen", r.AmountFen, "缴款金额（分）", "Amount (fen)")),
            "issue-reminder" => new IssueReminder(on),
            "apply-enforcement" => new ApplyForEnforcement(on),
            "file-on-spot-record" => new FileOnSpotRecord(on),
            "close" => new CloseCase(on),
            "archive" => new ArchiveCase(on),
            // The officers' names and 执法证 are filled in by CasesHandler, which looks them up in the caller's jurisdiction.
            "assign-officers" => new AssignOfficers(on, OfficerIds(check, r.OfficerIds)),
            "record-review-outcome" => new RecordReviewOutcome(
                on,
                Parsed(check, "kind", r.Kind, ReviewOutcomes.ParseKind, "类别须为 review（行政复议）或 lawsuit（行政诉讼）。", "Kind must be review or lawsuit."),
                Parsed(check, "outcome", r.Outcome, ReviewOutcomes.ParseResult,
                    "结果须为 upheld（维持）、revoked（撤销）、changed（变更）、confirmed_illegal（确认违法）或 ordered_to_perform（责令履行）。",
                    "Outcome must be upheld, revoked, changed, confirmed_illegal or ordered_to_perform."),
                Limited(check, "organ", r.Organ, 100, "复议机关或人民法院", "Review organ or court"),
                Limited(check, "documentNumber", r.DocumentNumber, 64, "文书编号", "Document number")),
            _ => null,
        };
        if (command is null)
        {
            return Error.NotFound("cases.unknown_action", $"没有“{action}”这个案件操作。", $"There is no case action '{action}'.");
        }

        check.Check(r.FineFen is null or >= 0, "fineFen", "negative", "罚款金额不能为负数。", "The fine cannot be negative.");
        check.Check(r.ProposedFineFen is null or >= 0, "proposedFineFen", "negative", "罚款金额不能为负数。", "The fine cannot be negative.");
        return check.IsValid ? command : check.ToError();
    }

    private static string? Required(Validator check, string field, string? value, string zh, string en)
    {
        check.Require(field, value, zh, en);
        return value?.Trim();
    }

    private static string Limited(Validator check, string field, string? value, int maxLength, string zh, string en)
    {
        check.Require(field, value, zh, en).MaxLength(field, value?.Trim(), maxLength, zh, en);
        return value?.Trim() ?? string.Empty;
    }

    private static T Parsed<T>(Validator check, string field, string? text, Func<string?, T?> parse, string zh, string en)
        where T : struct
    {
        var value = parse(text);
        check.Check(value is not null, field, "invalid", zh, en);
        return value ?? default;
    }

    private static T Required<T>(Validator check, string field, T? value, string zh, string en)
        where T : struct
    {
        check.Check(value is not null, field, "required", $"{zh}不能为空。", $"{en} is required.");
        return value ?? default;
    }

    private static IReadOnlyList<CaseOfficer> OfficerIds(Validator check, IReadOnlyList<Guid>? ids)
    {
        check.Check(ids is { Count: > 0 and <= 20 }, "officerIds", "required", "请选择 1–20 名承办人员。", "Name 1–20 officers.");
        check.Check(ids is null || ids.All(id => id != Guid.Empty), "officerIds", "invalid", "承办人员标识无效。", "An officer id is invalid.");
        return (ids ?? []).Distinct().Select(id => new CaseOfficer(id, string.Empty, null, null, true)).ToList();
    }

    private static Guid ReviewerOfficer(Validator check, ICurrentActor actor)
    {
        var officer = actor is { } a && a.Kind == ActorKind.Person && Guid.TryParse(a.OfficerId, out var id) ? id : Guid.Empty;
        check.Check(officer != Guid.Empty, "reviewer", "no_officer", "当前账号未关联执法人员，不能签署法制审核意见。",
            "Your account is not linked to an officer; you cannot sign a legal review.");
        return officer;
    }

    private static CaseOutcome Outcome(Validator check, string? text)
    {
        CaseOutcome? outcome = text switch
        {
            "penalty" => CaseOutcome.Penalty,
            "no-penalty-minor" => CaseOutcome.NoPenaltyMinor,
            "no-penalty-not-established" => CaseOutcome.NoPenaltyNotEstablished,
            "transfer" => CaseOutcome.Transfer,
            _ => null,
        };
        check.Check(outcome is not null, "outcome", "invalid", "处理决定须为 penalty、no-penalty-minor、no-penalty-not-established 或 transfer。",
            "Outcome must be penalty, no-penalty-minor, no-penalty-not-established or transfer.");
        return outcome ?? CaseOutcome.Penalty;
    }

    private static ServiceMethod Method(Validator check, string? text)
    {
        ServiceMethod? method = text switch
        {
            "direct" => ServiceMethod.Direct,
            "post" => ServiceMethod.Post,
            "electronic" => ServiceMethod.Electronic,
            "public-notice" => ServiceMethod.PublicNotice,
            _ => null,
        };
        check.Check(method is not null, "method", "invalid", "送达方式须为 direct、post、electronic 或 public-notice。",
            "Method must be direct, post, electronic or public-notice.");
        return method ?? ServiceMethod.Direct;
    }
}
