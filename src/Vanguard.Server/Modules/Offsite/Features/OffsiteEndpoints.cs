using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Vanguard.Domain.Common;
using Vanguard.Domain.Overload;
using Vanguard.Server.Common;
using Vanguard.Server.Components;
using Vanguard.Server.Modules.Offsite.Ingest;
using Vanguard.Server.Modules.Offsite.Jobs;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Offsite.Features;

internal static class OffsiteEndpoints
{
    /// <summary>A full batch with inline photos can be large; everything else under /api keeps the small default.</summary>
    private const long IngestBodyLimit = 32 * 1024 * 1024;

    public static void MapOffsiteEndpoints(this RouteGroupBuilder api)
    {
        var offsite = api.MapGroup("/offsite").WithTags("Off-site");
        offsite.MapPost("/wim-records", IngestWimAsync).RequireAuthorization(Policies.Device).RequireRateLimiting(RateLimits.Device)
            .WithMetadata(new RequestSizeLimitAttribute(IngestBodyLimit))
            .WithSummary("A weigh-in-motion station reports up to 1 000 records; idempotent by (station, recordId).");
        offsite.MapPost("/anpr-reads", IngestAnprAsync).RequireAuthorization(Policies.Device).RequireRateLimiting(RateLimits.Device)
            .WithMetadata(new RequestSizeLimitAttribute(IngestBodyLimit))
            .WithSummary("A plate camera reports up to 1 000 reads; idempotent by (camera, readId).");
        offsite.MapGet("/wim-records/{stationCode}/{recordId}", async (string stationCode, string recordId, OffsiteQueries queries, HttpContext http) =>
                (await queries.WimRecordAsync(stationCode, recordId, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("A weighing with its judgement (verdict, limit, tolerance, over-limit, proposed penalty, evidence usability).");
        offsite.MapGet("/review-items", async (string? status, string? plate, int? page, int? pageSize, ReviewHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(status ?? "pending", plate, PageRequest.From(page, pageSize), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("审核 queue (status pending | confirmed | invalidated), oldest due first.");
        offsite.MapGet("/review-items/{id:guid}", async (Guid id, ReviewHandler handler, HttpContext http) => (await handler.GetAsync(id, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(Policies.Staff);
        offsite.MapPost("/review-items/{id:guid}/confirm", async (Guid id, [FromBody] ConfirmRequest? request, ReviewHandler handler, HttpContext http) =>
                (await handler.ConfirmAsync(id, request ?? new ConfirmRequest(null), http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(OffsitePolicies.Reviewer)
            .WithSummary("Confirm an overload: opens an off-site case with the evidence and queues the owner's notice.");
        offsite.MapPost("/review-items/{id:guid}/invalidate", async (Guid id, InvalidateRequest request, ReviewHandler handler, HttpContext http) =>
                (await handler.InvalidateAsync(id, request, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(OffsitePolicies.Reviewer)
            .WithSummary("Invalidate a record with a reason code (unclear_record, plate_mismatch, cloned_plate, emergency_vehicle, …).");
        offsite.MapGet("/stations", async (OffsiteQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.StationsAsync(ct)))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Station health: silent stations and certificates expired or expiring within 30 days.");
        offsite.MapPost("/jobs/{job}", RunJobAsync).RequireAuthorization(Policies.OrganisationAdmin)
            .WithSummary("Run a job now: notifications | anpr-retention.");

        api.MapPost("/rules/overload", Calculate).AllowAnonymous().RequireRateLimiting(RateLimits.Login).WithTags("Public")
            .WithSummary("超限计算器: the same judgement as for WIM records, for drivers and loading companies to check a load before departure.");
    }

    private static async Task<Results<Ok<IngestResult>, ProblemHttpResult>> IngestWimAsync(HttpContext http, IngestHandler handler, ClaimsPrincipal device)
    {
        List<WimRecordInput>? batch;
        try
        {
            batch = await JsonSerializer.DeserializeAsync(http.Request.Body, OffsiteJson.Default.ListWimRecordInput, http.RequestAborted);
        }
        catch (JsonException ex)
        {
            return Malformed(ex, http);
        }

        return (await handler.IngestWimAsync(device.FindFirstValue(ClaimTypes.NameIdentifier)!, batch ?? [], http.RequestAborted)).ToHttp(http);
    }

    private static async Task<Results<Ok<IngestResult>, ProblemHttpResult>> IngestAnprAsync(HttpContext http, IngestHandler handler, ClaimsPrincipal device)
    {
        List<AnprReadInput>? batch;
        try
        {
            batch = await JsonSerializer.DeserializeAsync(http.Request.Body, OffsiteJson.Default.ListAnprReadInput, http.RequestAborted);
        }
        catch (JsonException ex)
        {
            return Malformed(ex, http);
        }

        return (await handler.IngestAnprAsync(device.FindFirstValue(ClaimTypes.NameIdentifier)!, batch ?? [], http.RequestAborted)).ToHttp(http);
    }

    private static ProblemHttpResult Malformed(JsonException ex, HttpContext http) =>
        new Error("request.malformed", "请求内容不是有效的 JSON 数组：" + ex.Message, "The body is not a valid JSON array: " + ex.Message, ErrorKind.Validation).ToProblem(http);

    private static async Task<Results<Ok<object>, ProblemHttpResult>> RunJobAsync(string job, OffsiteJobs jobs, HttpContext http) => job switch
    {
        "notifications" => TypedResults.Ok<object>(new { sent = await jobs.SendPendingNotificationsAsync(http.RequestAborted) }),
        "anpr-retention" => TypedResults.Ok<object>(new { deleted = await jobs.PurgeAnprReadsAsync(http.RequestAborted) }),
        _ => Error.NotFound("offsite.unknown_job", "没有这个任务。", "No such job.").ToProblem(http),
    };

    private static Results<Ok<JudgementView>, ProblemHttpResult> Calculate(CalculatorRequest request, TimeProvider clock, HttpContext http)
    {
        var check = new Validator()
            .Check(request.AxleCount is >= 2 and <= 12, "axleCount", "invalid", "轴数须为 2–12。", "Axle count must be 2–12.")
            .Check(request.VehicleKind is "truck" or "combination", "vehicleKind", "invalid", "车辆类型须为 truck（货车）或 combination（汽车列车）。",
                "Vehicle kind must be truck or combination.")
            .Check(request.SingleTyreAxleCount >= 0 && request.SingleTyreAxleCount <= (request.AxleCount ?? 0), "singleTyreAxleCount", "invalid",
                "单胎轴数不能为负，也不能多于轴数。", "Single-tyre axles cannot be negative or exceed the axle count.")
            .Check(request.GrossWeightKg is > 0 and <= 200_000, "grossWeightKg", "invalid", "车货总质量须在 1–200 000 千克之间。", "Gross weight must be 1–200 000 kg.")
            .Check(request.AccuracyClass is null or (> 0 and <= 10), "accuracyClass", "invalid", "准确度等级须在 0–10 之间。", "Accuracy class must be within 0–10.")
            .Check(request.HeightMm is null or (> 0 and <= 10_000), "heightMm", "invalid", "高度须在 1–10 000 毫米之间。", "Height must be 1–10 000 mm.")
            .Check(request.WidthMm is null or (> 0 and <= 10_000), "widthMm", "invalid", "宽度须在 1–10 000 毫米之间。", "Width must be 1–10 000 mm.")
            .Check(request.LengthMm is null or (> 0 and <= 50_000), "lengthMm", "invalid", "长度须在 1–50 000 毫米之间。", "Length must be 1–50 000 mm.");
        if (!check.IsValid)
        {
            return check.ToError().ToProblem(http);
        }

        var vehicle = new VehicleAxles(request.AxleCount!.Value, request.VehicleKind == "combination" ? VehicleKind.Combination : VehicleKind.Truck,
            request.TractorSingleDriveAxle, request.SingleTyreAxleCount);
        try
        {
            var judgement = OverloadJudge.Judge(
                new WeighingInput(vehicle, request.GrossWeightKg!.Value, request.HeightMm, request.WidthMm, request.LengthMm, request.AccuracyClass),
                OverloadSettings.Default,
                LegalClock.Today(clock));
            return TypedResults.Ok(JudgementView.From(judgement, L.IsEnglish));
        }
        catch (ArgumentOutOfRangeException)
        {
            return Validator.Invalid("singleTyreAxleCount", "invalid", "车辆参数组合不可能存在（单胎轴过多）。", "No vehicle has that combination (too many single-tyre axles).")
                .ToProblem(http);
        }
    }
}
