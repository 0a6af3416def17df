using Microsoft.AspNetCore.Http.HttpResults;
using Vanguard.Domain.Supervision;
using Vanguard.Server.Common;
using Vanguard.Server.Common.Idempotency;

namespace Vanguard.Server.Modules.Supervision.Features;

/// <summary><c>/api/v1/supervision</c>: officer timelines and "八六四" inspections.</summary>
internal static class SupervisionEndpoints
{
    public static RouteGroupBuilder MapSupervisionEndpoints(this RouteGroupBuilder group)
    {
        var read = group.MapGroup(string.Empty).RequireAuthorization(SupervisionPolicies.Read);
        read.MapGet("/officers/{id:guid}/timeline", TimelineAsync).WithName("SupervisionOfficerTimeline")
            .WithSummary("执法人员全过程轨迹 ?from=&to= (default the last 7 days, at most 31)&kind=&page=&pageSize=: audited actions, positions and recordings (audited).");
        read.MapGet("/rules", () => TypedResults.Ok(InspectionHandler.Rules())).WithName("SupervisionRules")
            .WithSummary("The 14 items of the \"八六四\" discipline (八不准, 六严禁).");
        read.MapGet("/inspections", ListAsync).WithName("SupervisionInspections")
            .WithSummary("督查 in your jurisdiction, newest first: ?officerId=&agencyCode=&breach=true|false&from=&to=&page=&pageSize=.");
        read.MapGet("/inspections/{id:guid}", async (Guid id, InspectionHandler h, HttpContext http) => (await h.GetAsync(id, http.RequestAborted)).ToHttp(http))
            .WithName("SupervisionInspection").WithSummary("One inspection with its 14 items and the accountability records it produced.");
        read.MapGet("/accountability", AccountabilityAsync).WithName("SupervisionAccountability")
            .WithSummary("问责 (四必究) records, newest first: ?status=pending|handled&level=&inspectionId=&page=&pageSize=.");
        group.MapPost("/inspections", CreateAsync).RequireAuthorization(SupervisionPolicies.Inspect).WithName("SupervisionRecordInspection")
            .Produces<InspectionView>(StatusCodes.Status201Created).Produces<InspectionView>(StatusCodes.Status200OK)
            .WithSummary("Record an inspection {officerId | agencyCode, inspectedOn, place, serious, note?, items:[{code, result, finding?, clipId?, caseId?}]}: 201 with the accountability records (Idempotency-Key required; a retry answers 200 with the first result).");
        group.MapPost("/accountability/{id:guid}/measure", async (Guid id, MeasureRequest r, InspectionHandler h, HttpContext http) =>
                (await h.MeasureAsync(id, r, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(SupervisionPolicies.Inspect).WithName("SupervisionRecordMeasure")
            .WithSummary("处理措施 {measure: criticism|notice|admonition|removal|certificate_suspension|referral, note?, version?}: 待处理 → 已处理.");
        return group;
    }

    private static async Task<Results<Ok<OfficerTimelineView>, ProblemHttpResult>> TimelineAsync(
        Guid id, DateTimeOffset? from, DateTimeOffset? to, string? kind, int? page, int? pageSize, TimelineHandler h, HttpContext http) =>
        (await h.TimelineAsync(id, from, to, kind, PageRequest.From(page, pageSize), http.RequestAborted)).ToHttp(http);

    /// <summary>Once per <c>Idempotency-Key</c>: a double submission or a retried request creates one inspection and one set of accountability records.</summary>
    private static Task<IResult> CreateAsync(CreateInspectionRequest request, IdempotentWrites idempotency, InspectionHandler h, HttpContext http) =>
        idempotency.RunAsync(http, InspectionHandler.CreateOperation, request, ct => h.CreateWriteAsync(request, ct));

    private static async Task<Ok<Page<InspectionSummary>>> ListAsync(
        Guid? officerId, string? agencyCode, bool? breach, DateOnly? from, DateOnly? to, int? page, int? pageSize, InspectionHandler h, HttpContext http)
    {
        var paging = PageRequest.From(page, pageSize);
        return TypedResults.Ok(await h.ListAsync(new InspectionQuery(officerId, agencyCode, breach, from, to, paging.Page, paging.PageSize), http.RequestAborted));
    }

    private static async Task<Results<Ok<Page<AccountabilityView>>, ProblemHttpResult>> AccountabilityAsync(
        string? status, string? level, Guid? inspectionId, int? page, int? pageSize, InspectionHandler h, HttpContext http)
    {
        var check = new Vanguard.Domain.Common.Validator()
            .Check(status is null or AccountabilityStatus.Pending or AccountabilityStatus.Handled, "status", "unknown",
                "status 须为 pending 或 handled。", "status must be pending or handled.")
            .Check(level is null || AccountabilityLevel.IsKnown(level), "level", "unknown",
                $"level 须为：{string.Join("、", AccountabilityLevel.All)}。", $"level must be one of: {string.Join(", ", AccountabilityLevel.All)}.");
        if (!check.IsValid)
        {
            return check.ToError().ToProblem(http);
        }

        var paging = PageRequest.From(page, pageSize);
        return TypedResults.Ok(await h.AccountabilityAsync(new AccountabilityQuery(status, level, inspectionId, paging.Page, paging.PageSize), http.RequestAborted));
    }
}
