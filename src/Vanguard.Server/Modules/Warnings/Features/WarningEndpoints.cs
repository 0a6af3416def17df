using Microsoft.AspNetCore.Http.HttpResults;
using Vanguard.Domain.Common;
using Vanguard.Domain.Warnings;
using Vanguard.Server.Common;

namespace Vanguard.Server.Modules.Warnings.Features;

/// <summary><c>/api/v1/warnings</c>.</summary>
internal static class WarningEndpoints
{
    public static RouteGroupBuilder MapWarningEndpoints(this RouteGroupBuilder group)
    {
        var read = group.MapGroup(string.Empty).RequireAuthorization(WarningsPolicies.Read);
        read.MapGet("/", ListAsync).WithName("ListWarnings")
            .WithSummary("问题预警 in your jurisdiction: ?rule=&status=open|cleared|closed&agency=<code>&overdue=true|false&page=&pageSize= (open first, nearest deadline first).");
        read.MapGet("/counts", async (WarningsHandler h, CancellationToken ct) => TypedResults.Ok(await h.CountsAsync(ct))).WithName("CountWarnings")
            .WithSummary("Warnings in your jurisdiction by rule: open, overdue, cleared (条件已消除, still open), closed.");
        read.MapGet("/rules", async (WarningsHandler h, CancellationToken ct) => TypedResults.Ok(await h.RulesAsync(ct))).WithName("ListWarningRules")
            .WithSummary("The rules with your province's thresholds (defaults where none was set).");
        read.MapGet("/{id:guid}", async (Guid id, WarningsHandler h, HttpContext http) => (await h.GetAsync(id, http.RequestAborted)).ToHttp(http))
            .WithName("GetWarning").WithSummary("One warning with its figures, evidence references and links, the leader it is addressed to, and its response.");
        group.MapPost("/{id:guid}/respond", async (Guid id, RespondRequest r, WarningsHandler h, HttpContext http) =>
                (await h.RespondAsync(id, r, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(WarningsPolicies.Respond).WithName("RespondToWarning")
            .WithSummary("处置回复 {response, version?}: the responsible leader's response (required) closes the warning, cleared or not.");
        group.MapPut("/rules/{code}", async (string code, RuleUpdate u, WarningsHandler h, HttpContext http) =>
                (await h.UpdateRuleAsync(code, u, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(WarningsPolicies.Settings).WithName("UpdateWarningRule")
            .WithSummary("A rule's settings for your province {enabled?, value?, percent?, responseDays?} (province administrator).");
        return group;
    }

    private static async Task<Results<Ok<Page<WarningSummary>>, ProblemHttpResult>> ListAsync(
        string? rule, string? status, string? agency, bool? overdue, int? page, int? pageSize, WarningsHandler h, HttpContext http)
    {
        var check = new Validator()
            .Check(rule is null || WarningRules.Find(rule) is not null, "rule", "unknown",
                "rule 须为已知的预警规则代码。", "rule must be a known warning rule code.")
            .Check(status is null or "open" or "cleared" or "closed", "status", "unknown",
                "status 须为 open、cleared 或 closed。", "status must be open, cleared or closed.");
        if (!check.IsValid)
        {
            return check.ToError().ToProblem(http);
        }

        var paging = PageRequest.From(page, pageSize);
        var result = await h.ListAsync(new WarningQuery(rule, status, agency, overdue, paging.Page, paging.PageSize), http.RequestAborted);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem(http);
    }
}
