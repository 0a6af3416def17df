using Microsoft.AspNetCore.Http.HttpResults;
using Vanguard.Server.Common;
using Vanguard.Server.Modules.Performance.Board;
using Vanguard.Server.Modules.Performance.Catalogue;
using Vanguard.Server.Modules.Performance.Objections;
using Vanguard.Server.Modules.Performance.Scoring;

namespace Vanguard.Server.Modules.Performance;

/// <summary><c>/api/v1/performance/indicators</c>: 指标体系 and its versions.</summary>
internal static class CatalogueEndpoints
{
    public static void MapCatalogue(this RouteGroupBuilder performance)
    {
        performance.MapGet("/indicators", async (CatalogueHandler h, HttpContext http) => (await h.PublishedAsync(http.RequestAborted)).ToHttp(http))
            .AllowAnonymous()
            .WithSummary("The published indicator catalogue (public): groups, indicators, formulas, weights, rules, and whether each is measured yet.");
        performance.MapGet("/indicators/versions", async (CatalogueHandler h, HttpContext http) =>
                TypedResults.Ok(await h.VersionsAsync(MayManage(http), http.RequestAborted)))
            .AllowAnonymous()
            .WithSummary("The catalogue's versions, newest first (drafts only for the province).");
        performance.MapGet("/indicators/versions/{number:int}", async (int number, CatalogueHandler h, HttpContext http) =>
                (await h.VersionAsync(number, MayManage(http), http.RequestAborted)).ToHttp(http))
            .AllowAnonymous()
            .WithSummary("One catalogue version (drafts only for the province).");
        performance.MapPost("/indicators/versions", CreateAsync).RequireAuthorization(PerformancePolicies.Manage)
            .WithSummary("Draft a new catalogue version: the whole tree; refused unless it is sound and sums to 100.");
        performance.MapPut("/indicators/versions/{number:int}", async (int number, CatalogueRequest request, CatalogueHandler h, HttpContext http) =>
                (await h.ReplaceDraftAsync(number, request, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(PerformancePolicies.Manage)
            .WithSummary("Replace a draft (version required); a published version is frozen (409 performance.catalogue_frozen).");
        performance.MapPost("/indicators/versions/{number:int}/publish", async (int number, CatalogueHandler h, HttpContext http) =>
                (await h.PublishAsync(number, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(PerformancePolicies.Manage)
            .WithSummary("Publish a draft: it is frozen and scores the months computed from now on; the previous version is retired.");
    }

    private static async Task<Results<Created<CatalogueView>, ProblemHttpResult>> CreateAsync(CatalogueRequest request, CatalogueHandler h, HttpContext http)
    {
        var result = await h.CreateAsync(request, http.RequestAborted);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/performance/indicators/versions/{result.Value.Number}", result.Value)
            : result.Error!.ToProblem(http);
    }

    private static bool MayManage(HttpContext http) => http.User.IsInRole(Vanguard.Domain.Organisation.Role.ProvinceAdmin);
}

/// <summary><c>/api/v1/performance/runs</c>: monthly scoring runs, their publication and the drill-down.</summary>
internal static class ScoringEndpoints
{
    public static void MapScoring(this RouteGroupBuilder performance)
    {
        performance.MapGet("/runs", async (string? month, ScoringHandler h, CancellationToken ct) => TypedResults.Ok(await h.RunsAsync(month, ct)))
            .RequireAuthorization(PerformancePolicies.Read)
            .WithSummary("The scoring runs (versions), newest first; by month.");
        performance.MapPost("/runs", async (ScoreRunRequest request, ScoringHandler h, HttpContext http) =>
            {
                var result = await h.ComputeAsync(request, http.RequestAborted);
                return result.IsSuccess
                    ? (IResult)TypedResults.Created($"/api/v1/performance/runs/{result.Value.Month}/{result.Value.Number}", result.Value)
                    : result.Error!.ToProblem(http);
            })
            .RequireAuthorization(PerformancePolicies.Manage)
            .WithSummary("Compute (or recompute) a month that is over: a new version, not yet published.");
        performance.MapPost("/runs/{month}/{number:int}/publish", async (string month, int number, ScoringHandler h, HttpContext http) =>
                (await h.PublishAsync(month, number, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(PerformancePolicies.Manage)
            .WithSummary("Publish a computed version: frozen from now on; the month's previously published version is superseded.");
        performance.MapGet("/runs/{month}/{number:int}/agencies/{code}", async (string month, int number, string code, ScoringHandler h, HttpContext http) =>
                (await h.DrillDownAsync(month, number, code, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(PerformancePolicies.Read)
            .WithSummary("Drill-down: an agency's indicators in a run with the ids of the records behind each deduction (within jurisdiction).");
    }
}

/// <summary><c>/api/v1/performance/scores</c>: the public board and its Excel export.</summary>
internal static class BoardEndpoints
{
    public static void MapBoard(this RouteGroupBuilder performance)
    {
        performance.MapGet("/scores", async (string? month, BoardHandler h, HttpContext http) => (await h.BoardAsync(month, http.RequestAborted)).ToHttp(http))
            .AllowAnonymous()
            .WithSummary("The published board of a month (yyyy-MM; latest when omitted): scores, ranks, points lost by indicator, trend. No personal data.");
        performance.MapGet("/scores.xlsx", async (string? month, BoardHandler h, HttpContext http) =>
            {
                var board = await h.BoardAsync(month, http.RequestAborted);
                return board.IsSuccess
                    ? (IResult)TypedResults.File(await BoardHandler.ExcelAsync(board.Value, http.RequestAborted),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"绩效评价-{board.Value.Month}.xlsx")
                    : board.Error!.ToProblem(http);
            })
            .AllowAnonymous()
            .WithSummary("The published board of a month as an Excel workbook.");
    }
}

/// <summary><c>/api/v1/performance/objections</c>: 质疑.</summary>
internal static class ObjectionEndpoints
{
    public static void MapObjections(this RouteGroupBuilder performance)
    {
        performance.MapGet("/objections", async (string? status, ObjectionHandler h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(status, ct)))
            .RequireAuthorization(PerformancePolicies.Read)
            .WithSummary("Objections in your jurisdiction, newest first; by status (pending, upheld, rejected).");
        performance.MapPost("/objections", async (RaiseObjectionRequest request, ObjectionHandler h, HttpContext http) =>
            {
                var result = await h.RaiseAsync(request, http.RequestAborted);
                return result.IsSuccess
                    ? (IResult)TypedResults.Created($"/api/v1/performance/objections/{result.Value.Id}", result.Value)
                    : result.Error!.ToProblem(http);
            })
            .RequireAuthorization(PerformancePolicies.Objector)
            .WithSummary("Object to a deduction of the month's published run, with reasons and evidence attachments.");
        performance.MapPost("/objections/{id:guid}/uphold", async (Guid id, DecideObjectionRequest request, ObjectionHandler h, HttpContext http) =>
                (await h.UpholdAsync(id, request, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(PerformancePolicies.Manage)
            .WithSummary("Uphold with the corrected deduction: publishes a new version of the month with the change logged in its reason.");
        performance.MapPost("/objections/{id:guid}/reject", async (Guid id, DecideObjectionRequest request, ObjectionHandler h, HttpContext http) =>
                (await h.RejectAsync(id, request, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(PerformancePolicies.Manage)
            .WithSummary("Reject with a reason; the published version stands.");
    }
}
