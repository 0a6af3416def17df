using Microsoft.AspNetCore.Http.HttpResults;
using Vanguard.Domain.Common;
using Vanguard.Server.Common;
using Vanguard.Server.Modules.Surveillance.Data;

namespace Vanguard.Server.Modules.Surveillance.Alerts;

/// <summary><c>/api/v1/surveillance/alerts</c>, <c>/precision</c>, <c>/command/summary</c>: the command centre's side.</summary>
internal static class AlertEndpoints
{
    public static void MapAlertEndpoints(this RouteGroupBuilder surveillance)
    {
        surveillance.MapGet("/alerts", ListAsync).RequireAuthorization(SurveillancePolicies.Command)
            .WithSummary("布控预警 of one day (China time; default today) in your jurisdiction, newest first; filter by status and list.");
        surveillance.MapGet("/alerts/{id:guid}", async (Guid id, AlertHandler h, HttpContext http) => (await h.GetAsync(id, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(SurveillancePolicies.Command)
            .WithSummary("One alert with its sightings, dispatch and outcome.");
        surveillance.MapPost("/alerts/{id:guid}/dispatch", async (Guid id, DispatchAlertRequest request, AlertHandler h, HttpContext http) =>
                (await h.DispatchAsync(id, request, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(SurveillancePolicies.Command)
            .WithSummary("派发 / 改派: send the alert as a watchlist_hit task to an officer on duty in your jurisdiction (409 when closed).");
        surveillance.MapPost("/alerts/{id:guid}/close", async (Guid id, CloseAlertRequest request, AlertHandler h, HttpContext http) =>
                (await h.CloseAsync(id, request, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(SurveillancePolicies.Command)
            .WithSummary("指挥中心处置: close an open alert with an outcome (a note for false_hit and other).");
        surveillance.MapGet("/precision", PrecisionAsync).RequireAuthorization(SurveillancePolicies.Command)
            .WithSummary("命中率 per list and per suspect rule over the alerts raised from..to (China days; default the last 30 days).");
        surveillance.MapGet("/command/summary", async (AlertHandler h, CancellationToken ct) => TypedResults.Ok(await h.SummaryAsync(ct)))
            .RequireAuthorization(SurveillancePolicies.Command)
            .WithSummary("The command page: today's counts, 30 days of alerts and seizures, stations, officers on duty, the last 24 h of alerts.");
    }

    private static async Task<Results<Ok<Page<AlertView>>, ProblemHttpResult>> ListAsync(
        DateOnly? date, string? status, Guid? list, int? page, int? pageSize, AlertHandler h, HttpContext http)
    {
        if (status is not null && !AlertStatuses.All.Contains(status))
        {
            return Validator.Invalid("status", "unknown", "状态须为 " + string.Join("、", AlertStatuses.All) + " 之一。",
                "status must be one of " + string.Join(", ", AlertStatuses.All) + ".").ToProblem(http);
        }

        if (date is { } d && (d.Year < 2000 || d.Year > 9000))
        {
            return Validator.Invalid("date", "out_of_range", "日期超出范围。", "The date is out of range.").ToProblem(http);
        }

        return TypedResults.Ok(await h.ListAsync(new AlertQuery(date, status, list, page ?? 1, pageSize ?? 20), http.RequestAborted));
    }

    private static async Task<Results<Ok<PrecisionReport>, ProblemHttpResult>> PrecisionAsync(
        DateOnly? from, DateOnly? to, AlertHandler h, TimeProvider clock, HttpContext http)
    {
        var end = to ?? LegalClock.Today(clock);
        var start = from ?? end.AddDays(-(AlertHandler.SummaryDays - 1));
        if (start.Year < 2000 || end.Year > 9000 || start > end || end.DayNumber - start.DayNumber >= AlertHandler.MaxPrecisionDays)
        {
            return Validator.Invalid("from", "range", $"统计期间须为 {AlertHandler.MaxPrecisionDays} 天以内，且开始日期不晚于结束日期。",
                $"The period must be at most {AlertHandler.MaxPrecisionDays} days, from before to.").ToProblem(http);
        }

        return TypedResults.Ok(await h.PrecisionAsync(start, end, http.RequestAborted));
    }
}
