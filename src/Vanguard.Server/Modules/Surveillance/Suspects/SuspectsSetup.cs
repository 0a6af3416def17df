using Microsoft.AspNetCore.Http.HttpResults;
using Vanguard.Domain.Common;
using Vanguard.Server.Common;
using Vanguard.Server.Modules.Surveillance.Data;

namespace Vanguard.Server.Modules.Surveillance.Suspects;

/// <summary>Registers and maps hotspot groups, suspect rules and the review list (<c>/api/v1/surveillance/…</c>).</summary>
internal static class SuspectsSetup
{
    public static IServiceCollection AddSuspects(this IServiceCollection services)
    {
        services.AddScoped<SuspectHandler>();
        services.AddScoped<SuspectDetector>();
        services.AddSingleton<SuspectJob>();
        services.AddHostedService(sp => sp.GetRequiredService<SuspectJob>());
        return services;
    }

    public static RouteGroupBuilder MapSuspects(this RouteGroupBuilder group)
    {
        var command = group.MapGroup(string.Empty).RequireAuthorization(SurveillancePolicies.Command);
        command.MapGet("/hotspots", async (SuspectHandler h, CancellationToken ct) => TypedResults.Ok(await h.HotspotsAsync(ct)))
            .WithSummary("热点区域: the hotspot groups (cameras watched together) in your jurisdiction.");
        command.MapPost("/hotspots", CreateHotspotAsync)
            .WithSummary("New hotspot group: {name, kind, deviceCodes[], lat?, lon?, agencyCode?}; the cameras must be plate cameras in your jurisdiction.");
        command.MapPatch("/hotspots/{id:guid}", async (Guid id, HotspotRequest request, SuspectHandler h, HttpContext http) =>
                (await h.UpdateHotspotAsync(id, request, http.RequestAborted)).ToHttp(http))
            .WithSummary("Change a hotspot group (fields given are changed; version required).");

        command.MapGet("/suspect-rules", async (SuspectHandler h, CancellationToken ct) => TypedResults.Ok(await h.RulesAsync(ct)))
            .WithSummary("研判规则 in your jurisdiction, with their pending suspects and last run.");
        command.MapPost("/suspect-rules", CreateRuleAsync)
            .WithSummary("New rule: hotspot_days {hotspotId, windowDays 1–90, threshold 1–31 ≤ windowDays} or round_trips {+ otherHotspotId, maxTripMinutes 5–720}.");
        command.MapPatch("/suspect-rules/{id:guid}", async (Guid id, RuleRequest request, SuspectHandler h, HttpContext http) =>
                (await h.UpdateRuleAsync(id, request, http.RequestAborted)).ToHttp(http))
            .WithSummary("Change a rule (fields given are changed; version required).");
        command.MapPost("/suspect-rules/{id:guid}/run", async (Guid id, SuspectHandler h, HttpContext http) =>
                (await h.RunRuleAsync(id, http.RequestAborted)).ToHttp(http))
            .WithSummary("Run a rule now (also for a disabled one, to try it): {found, created, updated}.");

        command.MapGet("/suspects", ListSuspectsAsync)
            .WithSummary("疑似车辆 review list: ?status=pending|promoted|dismissed|all&rule=&q=&page=&pageSize= (newest first; evidence on the single suspect).");
        command.MapGet("/suspects/{id:guid}", async (Guid id, SuspectHandler h, HttpContext http) =>
                (await h.GetSuspectAsync(id, http.RequestAborted)).ToHttp(http))
            .WithSummary("A suspect with its evidence (the latest reads, at most 50).");
        group.MapPost("/suspects/{id:guid}/promote", async (Guid id, PromoteRequest request, SuspectHandler h, HttpContext http) =>
                (await h.PromoteAsync(id, request, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(SurveillancePolicies.Approve)
            .WithSummary("转布控: {watchlistId, validDays 1–365, reason?, fuzzyMatch?} — an active entry at once (promoting is the approval).");
        command.MapPost("/suspects/{id:guid}/dismiss", async (Guid id, DismissRequest request, SuspectHandler h, HttpContext http) =>
                (await h.DismissAsync(id, request, http.RequestAborted)).ToHttp(http))
            .WithSummary("排除: {note} (required).");
        return group;
    }

    private static async Task<Results<Created<HotspotView>, ProblemHttpResult>> CreateHotspotAsync(HotspotRequest request, SuspectHandler h, HttpContext http)
    {
        var result = await h.CreateHotspotAsync(request, http.RequestAborted);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/surveillance/hotspots/{result.Value.Id}", result.Value)
            : result.Error!.ToProblem(http);
    }

    private static async Task<Results<Created<RuleView>, ProblemHttpResult>> CreateRuleAsync(RuleRequest request, SuspectHandler h, HttpContext http)
    {
        var result = await h.CreateRuleAsync(request, http.RequestAborted);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/surveillance/suspect-rules/{result.Value.Id}", result.Value)
            : result.Error!.ToProblem(http);
    }

    private static async Task<Results<Ok<Page<SuspectView>>, ProblemHttpResult>> ListSuspectsAsync(
        string? status, Guid? rule, string? q, int? page, int? pageSize, SuspectHandler h, HttpContext http)
    {
        var wanted = string.IsNullOrWhiteSpace(status) ? SuspectStatuses.Pending : status.Trim();
        if (wanted != "all" && !SuspectStatuses.All.Contains(wanted))
        {
            return Validator.Invalid("status", "unknown", "status 须为 pending、promoted、dismissed 或 all。", "status must be pending, promoted, dismissed or all.")
                .ToProblem(http);
        }

        var paging = PageRequest.From(page, pageSize);
        return TypedResults.Ok(await h.SuspectsAsync(new SuspectQuery(wanted, rule, q, paging.Page, paging.PageSize), http.RequestAborted));
    }
}
