using Microsoft.AspNetCore.Http.HttpResults;
using Vanguard.Domain.Common;
using Vanguard.Server.Common;

namespace Vanguard.Server.Modules.Surveillance.Watchlists;

/// <summary><c>/api/v1/surveillance/watchlists</c>: 布控名单.</summary>
internal static class WatchlistListEndpoints
{
    public static void MapWatchlistLists(this RouteGroupBuilder surveillance)
    {
        surveillance.MapGet("/watchlists", async (WatchlistHandler h, CancellationToken ct) => TypedResults.Ok(await h.ListsAsync(ct)))
            .RequireAuthorization(SurveillancePolicies.Command)
            .WithSummary("The watch-lists in your jurisdiction with their active and pending entry counts.");
        surveillance.MapPost("/watchlists", CreateAsync).RequireAuthorization(SurveillancePolicies.Command)
            .WithSummary("Create a watch-list in your agency or, by agencyCode, in an agency under it.");
        surveillance.MapPatch("/watchlists/{id:guid}", async (Guid id, UpdateWatchlistRequest request, WatchlistHandler h, HttpContext http) =>
                (await h.UpdateListAsync(id, request, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(SurveillancePolicies.Command)
            .WithSummary("Rename, describe, or switch a list off (isActive:false: none of its entries matches) or on; version required.");
    }

    private static async Task<Results<Created<WatchlistView>, ProblemHttpResult>> CreateAsync(CreateWatchlistRequest request, WatchlistHandler h, HttpContext http)
    {
        var result = await h.CreateListAsync(request, http.RequestAborted);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/surveillance/watchlists/{result.Value.Id}", result.Value)
            : result.Error!.ToProblem(http);
    }
}

/// <summary><c>/api/v1/surveillance/watchlist</c>: 布控车辆, their approval (布控审批) and import.</summary>
internal static class WatchlistEntryEndpoints
{
    public static void MapWatchlistEntries(this RouteGroupBuilder surveillance)
    {
        surveillance.MapGet("/watchlist", async (Guid? list, string? q, string? status, string? source, int? page, int? pageSize, WatchlistHandler h, CancellationToken ct) =>
                TypedResults.Ok(await h.EntriesAsync(new EntryQuery(list, q, status, source, page ?? 1, pageSize ?? 20), ct)))
            .RequireAuthorization(SurveillancePolicies.Command)
            .WithSummary("Entries in your jurisdiction, newest first: by list, plate fragment (q), status and source; paged.");
        surveillance.MapPost("/watchlist", CreateAsync).RequireAuthorization(SurveillancePolicies.Command)
            .WithSummary("Request an entry (pending: it matches nothing until someone else with the approve policy approves it).");
        surveillance.MapPost("/watchlist/import", ImportAsync).RequireAuthorization(SurveillancePolicies.Command)
            .WithSummary("Import entries from CSV (text/csv body or a multipart file; ?list=): 号牌号码,号牌颜色,布控事由,有效期至[,模糊匹配]. " +
                "Good lines are stored pending under one batchId; bad ones are listed by line.");
        surveillance.MapPost("/watchlist/approve-batch", async (ApproveBatchRequest request, WatchlistHandler h, HttpContext http) =>
            {
                if (request.BatchId is not { } batchId)
                {
                    return Validator.Invalid("batchId", "required", "请提供导入批次号。", "batchId is required.").ToProblem(http);
                }

                var result = await h.ApproveBatchAsync(batchId, http.RequestAborted);
                return result.IsSuccess ? (IResult)TypedResults.Ok(new { approved = result.Value }) : result.Error!.ToProblem(http);
            })
            .RequireAuthorization(SurveillancePolicies.Approve)
            .WithSummary("Approve every pending, unexpired entry of an import batch (not by the person who imported it).");
        surveillance.MapPatch("/watchlist/{id:guid}", async (Guid id, UpdateEntryRequest request, WatchlistHandler h, HttpContext http) =>
                (await h.UpdateEntryAsync(id, request, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(SurveillancePolicies.Command)
            .WithSummary("Change a pending or active entry's reason, validity, channels, fuzzy matching or alert agencies; version required. " +
                "An active entry only by an approver (403 surveillance.approver_required otherwise).");
        surveillance.MapPost("/watchlist/{id:guid}/approve", async (Guid id, WatchlistHandler h, HttpContext http) =>
                (await h.ApproveAsync(id, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(SurveillancePolicies.Approve)
            .WithSummary("布控审批: approve a pending entry; it matches at once. Refused to the person who requested it (surveillance.same_person).");
        surveillance.MapPost("/watchlist/{id:guid}/reject", async (Guid id, ReasonRequest request, WatchlistHandler h, HttpContext http) =>
                (await h.RejectAsync(id, request, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(SurveillancePolicies.Approve)
            .WithSummary("Reject a pending entry, with a reason.");
        surveillance.MapPost("/watchlist/{id:guid}/revoke", async (Guid id, ReasonRequest request, WatchlistHandler h, HttpContext http) =>
                (await h.RevokeAsync(id, request, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(SurveillancePolicies.Approve)
            .WithSummary("撤控: end a pending or active entry, with a reason; it stops matching at once.");
    }

    private static async Task<Results<Created<EntryView>, ProblemHttpResult>> CreateAsync(CreateEntryRequest request, WatchlistHandler h, HttpContext http)
    {
        var result = await h.CreateEntryAsync(request, http.RequestAborted);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/surveillance/watchlist/{result.Value.Id}", result.Value)
            : result.Error!.ToProblem(http);
    }

    private static async Task<Results<Ok<ImportResult>, ProblemHttpResult>> ImportAsync(Guid? list, WatchlistHandler h, HttpContext http)
    {
        if (list is not { } listId)
        {
            return Validator.Invalid("list", "required", "请指定导入的布控名单（?list=）。", "The list (?list=) is required.").ToProblem(http);
        }

        if (!http.Request.HasFormContentType)
        {
            return (await h.ImportAsync(listId, http.Request.Body, http.RequestAborted)).ToHttp(http);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (form.Files.Count == 0)
        {
            return Validator.Invalid("file", "required", "请选择要导入的 CSV 文件。", "A CSV file is required.").ToProblem(http);
        }

        await using var file = form.Files[0].OpenReadStream();
        return (await h.ImportAsync(listId, file, http.RequestAborted)).ToHttp(http);
    }
}
