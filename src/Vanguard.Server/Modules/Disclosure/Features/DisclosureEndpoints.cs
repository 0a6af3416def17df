using Microsoft.AspNetCore.Http.HttpResults;
using Vanguard.Server.Common;

namespace Vanguard.Server.Modules.Disclosure.Features;

/// <summary><c>/api/v1/disclosure</c>: the public publication (no sign-in, rate-limited per address) and the staff queue.</summary>
internal static class DisclosureEndpoints
{
    public static RouteGroupBuilder MapPublicDisclosureEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/decisions", async (string? q, string? agencyCode, string? month, int? page, int? pageSize, DisclosureHandler h, HttpContext http) =>
                (await h.PublicListAsync(q, agencyCode, month, page, pageSize, http.RequestAborted)).ToHttp(http))
            .WithName("ListDisclosedDecisions")
            .WithSummary("行政处罚决定公示 (双公示), in force: ?q= (document number, offence, masked party)&agencyCode=&month=yyyy-MM&page=&pageSize=. The party masked.");
        group.MapGet("/decisions/{id:guid}", async (Guid id, DisclosureHandler h, HttpContext http) =>
                (await h.PublicDetailAsync(id, http.RequestAborted)).ToHttp(http))
            .WithName("GetDisclosedDecision")
            .WithSummary("One published decision (masked); 404 disclosure.not_found once withdrawn or expired.");
        group.MapGet("/sites", async (string? agencyCode, DisclosureHandler h, CancellationToken ct) => TypedResults.Ok(await h.SitesAsync(agencyCode, ct)))
            .WithName("ListDetectionSites")
            .WithSummary("非现场执法 detection sites (行政处罚法 art. 41): WIM stations and plate cameras with place, agency and 检定 status. ?agencyCode=");
        return group;
    }

    public static RouteGroupBuilder MapManageDisclosureEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/queue", async (string? month, string? status, string? q, int? page, int? pageSize, DisclosureHandler h, HttpContext http) =>
                (await h.QueueAsync(month, status, q, page, pageSize, http.RequestAborted)).ToHttp(http))
            .WithName("DisclosureQueue")
            .WithSummary("The month's decisions in your jurisdiction with due day and status (pending, overdue, published, published_late, withdrawn, expired, exempt), counts and the on-time rate. ?month=yyyy-MM&status=&q=&page=&pageSize=");
        group.MapPost("/entries/{id:guid}/withdraw", async (Guid id, WithdrawRequest r, DisclosureHandler h, HttpContext http) =>
                (await h.WithdrawAsync(id, r, http.RequestAborted)).ToHttp(http))
            .WithName("WithdrawDisclosure")
            .WithSummary("撤回 a publication {note, version?}: it leaves the public list at once; audited.");
        group.MapPost("/queue/{caseId:guid}/withhold", async (Guid caseId, WithdrawRequest r, DisclosureHandler h, HttpContext http) =>
                (await h.WithholdAsync(caseId, r, http.RequestAborted)).ToHttp(http))
            .WithName("WithholdDisclosure")
            .WithSummary("不予公开 a penalty decision not yet published {note} (政府信息公开条例 arts. 14–15): the job never publishes it; audited.");
        return group;
    }
}
