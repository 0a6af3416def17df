using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Vanguard.Domain.Cases;
using Vanguard.Server.Common;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Cases.Features;

internal static class CaseEndpoints
{
    public static void MapCaseEndpoints(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("Cases");
        cases.MapPost("/", CreateAsync).RequireAuthorization(CasesPolicies.Handle)
            .WithSummary("受案: register a case (ordinary, simplified or off-site procedure).");
        cases.MapGet("/", ListAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("Cases in the caller's jurisdiction; filters: stage, agencyCode, officerId, q, due=soon|overdue.");
        cases.MapGet("/legal-review", async (int? page, int? pageSize, CasesHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(new CaseListQuery(CaseStage.LegalReview, null, null, null, null), PageRequest.From(page, pageSize), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("法制审核 queue: cases waiting for a legal reviewer.");
        cases.MapGet("/{id:guid}", async (Guid id, CasesHandler handler, HttpContext http) => (await handler.GetAsync(id, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("A case with its deadlines, timeline, checklist, documents and the actions allowed now.");
        cases.MapPost("/{id:guid}/actions/{action}", ActAsync).RequireAuthorization(CasesPolicies.Handle)
            .WithSummary("Perform a procedural action; refused with the code of the rule that forbids it. Send Idempotency-Key to retry safely.");
        cases.MapPost("/{id:guid}/file-items", AddFileItemAsync).RequireAuthorization(CasesPolicies.Handle)
            .WithSummary("Add a piece of the case file (卷宗) against the checklist.");
    }

    private static async Task<Results<Created<CaseDetail>, ProblemHttpResult>> CreateAsync(CreateCaseRequest request, CasesHandler handler, HttpContext http)
    {
        var result = await handler.CreateAsync(request, http.RequestAborted);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/cases/{result.Value.Summary.Id}", result.Value) : result.Error!.ToProblem(http);
    }

    private static async Task<Ok<Page<CaseSummary>>> ListAsync(
        CaseStage? stage, string? agencyCode, Guid? officerId, string? q, string? due, int? page, int? pageSize, CasesHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.ListAsync(new CaseListQuery(stage, agencyCode, officerId, q, due is "soon" or "overdue" ? due : null), PageRequest.From(page, pageSize), ct));

    private static async Task<Results<Ok<CaseDetail>, ProblemHttpResult>> ActAsync(
        Guid id, string action, [FromBody] CaseActionRequest? request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        CasesHandler handler, HttpContext http) =>
        (await handler.ActAsync(id, action, request ?? new CaseActionRequest(), idempotencyKey, http.RequestAborted)).ToHttp(http);

    private static async Task<Results<Ok<CaseDetail>, ProblemHttpResult>> AddFileItemAsync(
        Guid id, FileItemRequest request, CasesHandler handler, HttpContext http) =>
        (await handler.AddFileItemAsync(id, request.Code, request.Description, request.Reference, http.RequestAborted)).ToHttp(http);
}

public sealed record FileItemRequest(string? Code, string? Description, string? Reference);
