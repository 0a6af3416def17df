using Microsoft.AspNetCore.Http.HttpResults;
using Vanguard.Domain.Common;
using Vanguard.Server.Common;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Terminal.Contracts;

namespace Vanguard.Server.Modules.Terminal.Features;

/// <summary><c>/api/v1/terminal/duty</c>: 上岗 / 下岗.</summary>
internal static class DutyEndpoints
{
    public static void MapDuty(this RouteGroupBuilder terminal)
    {
        terminal.MapGet("/duty", async (PresenceHandler h, HttpContext http) => (await h.StateAsync(http.RequestAborted)).ToHttp(http))
            .WithSummary("Whether the signed-in officer is on duty, since when, and their last position.");
        terminal.MapPost("/duty", async (DutyRequest request, PresenceHandler h, HttpContext http) =>
                (await h.SetDutyAsync(request, http.RequestAborted)).ToHttp(http))
            .WithSummary("Go on duty ({onDuty:true}) or off it; asking for the current state changes nothing.");
    }
}

/// <summary><c>/api/v1/terminal/positions</c> and the command staff's map and tracks.</summary>
internal static class PositionEndpoints
{
    public static void MapPositions(this RouteGroupBuilder terminal)
    {
        terminal.MapPost("/positions", async (PositionsRequest request, PresenceHandler h, HttpContext http) =>
                (await h.AddPositionsAsync(request, http.RequestAborted)).ToHttp(http))
            .WithSummary("1–500 GPS fixes of the officer on duty; idempotent by (officer, at): a resent fix counts as a duplicate.");
        terminal.MapGet("/officers/positions", async (PresenceHandler h, CancellationToken ct) => TypedResults.Ok(await h.OfficerPositionsAsync(ct)))
            .RequireAuthorization(TerminalPolicies.Command)
            .WithSummary("The last position of each officer in your jurisdiction, with whether they are on duty.");
        terminal.MapGet("/officers/{officerId:guid}/track", async (Guid officerId, DateTimeOffset? from, DateTimeOffset? to, PresenceHandler h, HttpContext http) =>
                (await h.TrackAsync(officerId, from, to, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(TerminalPolicies.Command)
            .WithSummary("An officer's fixes between from and to (at most 24 h; default the last 24 h), oldest first.");
    }
}

/// <summary><c>/api/v1/terminal/tasks</c>: 任务派发 and the officer's steps.</summary>
internal static class TaskEndpoints
{
    public static void MapTasks(this RouteGroupBuilder terminal)
    {
        terminal.MapPost("/tasks", DispatchAsync).RequireAuthorization(TerminalPolicies.Command)
            .WithSummary("Dispatch a task to an officer in your jurisdiction; their terminals get taskAssigned.");
        terminal.MapGet("/tasks", async (string? status, DateTimeOffset? since, TasksHandler h, HttpContext http) =>
                (await h.MineAsync(status, since, http.RequestAborted)).ToHttp(http))
            .WithSummary("Your tasks, newest first (status open | done | all; since: only those changed after it, for polling).");
        terminal.MapGet("/tasks/{id:guid}", async (Guid id, TasksHandler h, HttpContext http) => (await h.GetAsync(id, http.RequestAborted)).ToHttp(http))
            .WithSummary("A task: yours, or any in your jurisdiction for command staff.");
        terminal.MapPost("/tasks/{id:guid}/accept", async (Guid id, TasksHandler h, HttpContext http) => (await h.AcceptAsync(id, http.RequestAborted)).ToHttp(http))
            .WithSummary("接收: dispatched → accepted (server time). Repeating it returns the task unchanged.");
        terminal.MapPost("/tasks/{id:guid}/arrive", async (Guid id, ArriveRequest? request, TasksHandler h, HttpContext http) =>
                (await h.ArriveAsync(id, request ?? new ArriveRequest(null, null), http.RequestAborted)).ToHttp(http))
            .WithSummary("到达: accepted → arrived, with where the terminal was. Repeating it returns the task unchanged.");
        terminal.MapPost("/tasks/{id:guid}/finish", async (Guid id, FinishRequest request, TasksHandler h, HttpContext http) =>
                (await h.FinishAsync(id, request, http.RequestAborted)).ToHttp(http))
            .WithSummary("完成: arrived → finished with an outcome (a note for false_hit and other). Repeating it returns the task unchanged.");
    }

    private static async Task<Results<Created<TaskView>, ProblemHttpResult>> DispatchAsync(DispatchTaskRequest request, TasksHandler h, HttpContext http)
    {
        if (request.OfficerId is not { } officerId)
        {
            return Validator.Invalid("officerId", "required", "请选择执法人员。", "officerId is required.").ToProblem(http);
        }

        var result = await h.DispatchAsync(
            new TaskDispatchRequest(officerId, request.Kind, request.Title, request.Detail, request.Place, request.Lat, request.Lon, request.SourceType,
                request.SourceRef, request.DueBy),
            http.RequestAborted);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/terminal/tasks/{result.Value.Id}", result.Value)
            : result.Error!.ToProblem(http);
    }
}

/// <summary><c>/api/v1/terminal/lookup/*</c>: 查询, each with a purpose and audited.</summary>
internal static class LookupEndpoints
{
    public static void MapLookups(this RouteGroupBuilder terminal)
    {
        var lookup = terminal.MapGroup("/lookup");
        lookup.MapGet("/vehicle", async (string? plate, string? plateColor, string? purpose, LookupHandler h, HttpContext http) =>
                (await h.VehicleAsync(plate, plateColor, purpose, http.RequestAborted)).ToHttp(http))
            .WithSummary("A vehicle with its open cases, overload history and the watch-list entries (布控) in force for it (empty when none).");
        lookup.MapGet("/driver", async (string? idNumber, string? qualificationNo, string? purpose, LookupHandler h, HttpContext http) =>
                (await h.DriverAsync(idNumber, qualificationNo, purpose, http.RequestAborted)).ToHttp(http))
            .WithSummary("Drivers' 从业资格证 by ID number (check digit verified first) or qualification number.");
        lookup.MapGet("/enterprise", async (string? creditCode, string? purpose, LookupHandler h, HttpContext http) =>
                (await h.EnterpriseAsync(creditCode, purpose, http.RequestAborted)).ToHttp(http))
            .WithSummary("A transport company by 统一社会信用代码 (check digits verified first) with its vehicles.");
    }
}

internal static class TerminalRoutes
{
    public static RouteGroupBuilder MapTerminalRoutes(this RouteGroupBuilder api)
    {
        var terminal = api.MapGroup("/terminal").WithTags("Terminal").RequireAuthorization(Policies.Staff);
        terminal.MapDuty();
        terminal.MapPositions();
        terminal.MapTasks();
        terminal.MapLookups();
        terminal.MapGet("/colleagues", async (ColleaguesHandler h, HttpContext http) => (await h.ListAsync(http.RequestAborted)).ToHttp(http))
            .WithSummary("The active officers of your agency (you excluded), on duty first, with whether their 执法证 is valid today.");
        return api;
    }
}
