using Microsoft.AspNetCore.Http.HttpResults;
using Vanguard.Domain.Common;
using Vanguard.Domain.Complaints;
using Vanguard.Server.Common;
using Vanguard.Server.Modules.Complaints.Data;

namespace Vanguard.Server.Modules.Complaints.Features;

/// <summary><c>/api/v1/complaints</c>.</summary>
internal static class ComplaintEndpoints
{
    public static RouteGroupBuilder MapComplaintEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/", FileAsync).RequireAuthorization(ComplaintsPolicies.Intake)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(PublicComplaintEndpoints.BodyLimit))
            .WithSummary("Intake from the 12328 hotline (X-Device-Key of a hotline device) or staff: 201 with the complaint; the same ticketNo again: 200 with the first.");

        var handle = group.MapGroup(string.Empty).RequireAuthorization(ComplaintsPolicies.Handle);
        handle.MapGet("/", ListAsync)
            .WithSummary("投诉举报 in your jurisdiction: ?status=&type=&sla=overdue|breached&q=&page=&pageSize= (complainant masked).");
        handle.MapGet("/warnings", async (ComplaintHandler h, CancellationToken ct) => TypedResults.Ok(await h.WarningsAsync(ct)))
            .WithSummary("两个必须 breaches (newest first, at most 500): complaint, which must, due, breached at.");
        handle.MapGet("/{id:guid}", async (Guid id, ComplaintHandler h, HttpContext http) => (await h.GetAsync(id, http.RequestAborted)).ToHttp(http))
            .WithSummary("One complaint with its steps and the two musts (complainant in full: the handler phones them).");
        handle.MapGet("/{id:guid}/officer-trace", async (Guid id, ComplaintHandler h, HttpContext http) =>
                (await h.OfficerTraceAsync(id, http.RequestAborted)).ToHttp(http))
            .WithSummary("The accused officer's terminal positions and recordings within 2 h of the event (command, administrators, the reviewer; audited).");
        handle.MapGet("/{id:guid}/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, ComplaintHandler h, HttpContext http) =>
                await h.AttachmentAsync(id, attachmentId, http.RequestAborted) is { } file
                    ? Results.File(file.Content, file.MediaType, file.FileName)
                    : (IResult)ComplaintErrors.NotFound.ToProblem(http))
            .WithSummary("A photo the complainant handed in (recorded in the evidence item's chain of custody).");
        handle.MapPost("/{id:guid}/assign", async (Guid id, AssignRequest r, ComplaintHandler h, HttpContext http) =>
                (await h.AssignAsync(id, r, http.RequestAborted)).ToHttp(http))
            .WithSummary("改派 {agencyCode, note?, version?}: only before the first contact; the two musts restart.");
        group.MapPost("/{id:guid}/reviewer", async (Guid id, ReviewerRequest r, ComplaintHandler h, HttpContext http) =>
                (await h.ReviewerAsync(id, r, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(ComplaintsPolicies.Supervise)
            .WithSummary("核查人 {officerId, version?} of a complaint about an officer: not from that officer's own team; required before the result.");
        handle.MapPost("/{id:guid}/contact", async (Guid id, ContactRequest r, ComplaintHandler h, HttpContext http) =>
                (await h.ContactAsync(id, r, http.RequestAborted)).ToHttp(http))
            .WithSummary("首次电话联系 {at?, note, callRecordRef?, version?}.");
        handle.MapPost("/{id:guid}/onsite", async (Guid id, OnsiteRequest r, ComplaintHandler h, HttpContext http) =>
                (await h.OnsiteAsync(id, r, http.RequestAborted)).ToHttp(http))
            .WithSummary("到达现场 {at?, lat, lon, evidenceId?, note?, version?}: after the first contact.");
        handle.MapPost("/{id:guid}/result", async (Guid id, ResultRequest r, ComplaintHandler h, HttpContext http) =>
                (await h.ResultAsync(id, r, http.RequestAborted)).ToHttp(http))
            .WithSummary("处理结果 {note, version?}: after the presence on site (or a re-examination).");
        handle.MapPost("/{id:guid}/reply", async (Guid id, NoteRequest r, ComplaintHandler h, HttpContext http) =>
                (await h.ReplyAsync(id, r, http.RequestAborted)).ToHttp(http))
            .WithSummary("答复投诉人 {note, version?}: after the result.");
        handle.MapPost("/{id:guid}/return-visit", async (Guid id, ReturnVisitRequest r, ComplaintHandler h, HttpContext http) =>
                (await h.ReturnVisitAsync(id, r, http.RequestAborted)).ToHttp(http))
            .WithSummary("回访 {satisfaction: 满意|基本满意|不满意, note?, version?}: after the reply.");
        handle.MapPost("/{id:guid}/reexamine", async (Guid id, NoteRequest r, ComplaintHandler h, HttpContext http) =>
                (await h.ReexamineAsync(id, r, http.RequestAborted)).ToHttp(http))
            .WithSummary("复核 {note, version?}: reopens a complaint whose return visit was 不满意.");
        return group;
    }

    private static async Task<Results<Created<ComplaintView>, Ok<ComplaintView>, ProblemHttpResult>> FileAsync(
        FileComplaintRequest request, ComplaintHandler h, HttpContext http)
    {
        var photos = PublicPhoto.Decode(request.Photos);
        if (!photos.IsSuccess)
        {
            return photos.Error!.ToProblem(http);
        }

        var result = await h.FileAsync(request, http.RequestAborted, photos.Value);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem(http);
        }

        var (view, created) = result.Value;
        return created ? TypedResults.Created($"/api/v1/complaints/{view.Id}", view) : TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<Page<ComplaintSummary>>, ProblemHttpResult>> ListAsync(
        string? status, string? type, string? sla, string? q, int? page, int? pageSize, ComplaintHandler h, HttpContext http)
    {
        var check = new Validator()
            .Check(status is null || ComplaintStatuses.All.Contains(status), "status", "unknown",
                $"status 须为：{string.Join("、", ComplaintStatuses.All)}。", $"status must be one of: {string.Join(", ", ComplaintStatuses.All)}.")
            .Check(type is null || ComplaintType.IsKnown(type), "type", "unknown",
                "type 须为 consultation、suggestion 或 complaint。", "type must be consultation, suggestion or complaint.")
            .Check(sla is null or "overdue" or "breached", "sla", "unknown", "sla 须为 overdue 或 breached。", "sla must be overdue or breached.");
        if (!check.IsValid)
        {
            return check.ToError().ToProblem(http);
        }

        var paging = PageRequest.From(page, pageSize);
        return TypedResults.Ok(await h.ListAsync(new ComplaintQuery(status, type, sla, q, paging.Page, paging.PageSize), http.RequestAborted));
    }
}
