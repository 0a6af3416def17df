using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Vanguard.Domain.Common;
using Vanguard.Server.Common;
using Vanguard.Server.Components;
using Vanguard.Server.Modules.Offsite.Bus;
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
            .WithSummary("A weigh-in-motion station reports up to 1 000 records; idempotent by (station, recordId). With the NATS bus: accepted = queued; 503 offsite.bus_unavailable = resend later.");
        offsite.MapPost("/anpr-reads", IngestAnprAsync).RequireAuthorization(Policies.Device).RequireRateLimiting(RateLimits.Device)
            .WithMetadata(new RequestSizeLimitAttribute(IngestBodyLimit))
            .WithSummary("A plate camera reports up to 1 000 reads; idempotent by (camera, readId). With the NATS bus: accepted = queued; 503 offsite.bus_unavailable = resend later.");
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
        offsite.MapGet("/review-summary", async (ReviewHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.SummaryAsync(ct)))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("How many items are pending review, how many of them are overdue, and how many were confirmed or invalidated.");
        offsite.MapGet("/images/{sha256}", GetImageAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("A vehicle photo sent inline with a weighing, by its SHA-256 (64 lower-case hex characters).");
        offsite.MapGet("/stations", async (OffsiteQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.StationsAsync(ct)))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Station health: silent stations and certificates expired or expiring within 30 days.");
        offsite.MapPost("/jobs/{job}", RunJobAsync).RequireAuthorization(Policies.OrganisationAdmin)
            .WithSummary("Run a job now: notifications | anpr-retention.");

        api.MapPost("/rules/overload", Calculate).AllowAnonymous().RequireRateLimiting(RateLimits.Public).WithTags("Public")
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

        return Answer(await handler.IngestWimAsync(device.FindFirstValue(ClaimTypes.NameIdentifier)!, batch ?? [], http.RequestAborted), http);
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

        return Answer(await handler.IngestAnprAsync(device.FindFirstValue(ClaimTypes.NameIdentifier)!, batch ?? [], http.RequestAborted), http);
    }

    /// <summary>The batch's answer; when the bus could not store it, 503 with Retry-After: the device keeps its records and resends.</summary>
    private static Results<Ok<IngestResult>, ProblemHttpResult> Answer(Result<IngestResult> result, HttpContext http)
    {
        if (result.Error is { Code: IngestBusErrors.UnavailableCode } unavailable)
        {
            http.Response.Headers.RetryAfter = IngestBusErrors.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(Problems.Build(unavailable, http, StatusCodes.Status503ServiceUnavailable));
        }

        return result.ToHttp(http);
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
        var judged = OverloadCalculator.Judge(request, clock);
        return judged.IsSuccess ? TypedResults.Ok(JudgementView.From(judged.Value, L.IsEnglish)) : judged.Error!.ToProblem(http);
    }

    /// <summary>
    /// A stored photo by its hash. The hash is only learnt from a record the user may see; the bytes are served as the
    /// image type they start with (never as what the device claimed: a "text/html" photo must not run in our origin).
    /// </summary>
    private static async Task<Results<PhysicalFileHttpResult, ProblemHttpResult>> GetImageAsync(string sha256, ImageStore images, HttpContext http)
    {
        if (sha256.Length != 64 || !sha256.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            return Validator.Invalid("sha256", "invalid", "图片标识须为 64 位小写十六进制 SHA-256。", "The image id must be a 64-character lower-case hex SHA-256.")
                .ToProblem(http);
        }

        if (images.Find(sha256) is not { } path)
        {
            return Error.NotFound("offsite.image_not_found", "照片未上传到平台。", "The photo was not uploaded to the platform.").ToProblem(http);
        }

        var contentType = await ImageStore.ContentTypeAsync(path, http.RequestAborted);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        // Content-addressed: the bytes under a hash never change.
        http.Response.Headers.CacheControl = "private, max-age=31536000, immutable";
        return TypedResults.PhysicalFile(path, contentType, entityTag: new EntityTagHeaderValue($"\"{sha256}\""));
    }
}
