using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Vanguard.Domain.Common;
using Vanguard.Server.Common;
using Vanguard.Server.Common.Idempotency;
using Vanguard.Server.Modules.Cases.Contracts;
using Vanguard.Server.Modules.Online.Access;
using Vanguard.Server.Modules.Payments.Contracts;

namespace Vanguard.Server.Modules.Online.Features;

/// <summary>The JSON API under <c>/api/v1/online</c>: the party's (session cookie or <c>X-Online-Session</c>) and the staff's.</summary>
internal static class OnlineEndpoints
{
    /// <summary>Five attachments of 10 MB in base64 and the text.</summary>
    private const long StatementBodyLimit = 72L * 1024 * 1024;

    public static void MapOnlineEndpoints(this RouteGroupBuilder api)
    {
        var online = api.MapGroup("/online").WithTags("Online");
        online.MapPost("/lookup", LookupAsync).AllowAnonymous();
        online.MapPost("/codes", RequestCodeAsync).AllowAnonymous();
        online.MapPost("/codes/verify", VerifyCodeAsync).AllowAnonymous();
        online.MapPost("/session/end", (HttpContext http) =>
        {
            PartySessions.End(http);
            return TypedResults.NoContent();
        }).AllowAnonymous();
        online.MapGet("/cases", ListAsync).AllowAnonymous();
        online.MapGet("/cases/{id:guid}", GetAsync).AllowAnonymous();
        online.MapPost("/cases/{id:guid}/statement", StatementAsync).AllowAnonymous().WithMetadata(new RequestSizeLimitAttribute(StatementBodyLimit));
        online.MapPost("/cases/{id:guid}/hearing-request", (Guid id, HttpContext http, PartySessions s, PortalHandler h, IdempotentWrites w, CancellationToken ct) =>
            PartyWriteAsync(id, "online.hearing-request", null, http, s, h, w, () => h.RequestHearingAsync(id, Ip(http), ct))).AllowAnonymous();
        online.MapPost("/cases/{id:guid}/waive", (Guid id, HttpContext http, PartySessions s, PortalHandler h, IdempotentWrites w, CancellationToken ct) =>
            PartyWriteAsync(id, "online.waive", null, http, s, h, w, () => h.WaiveAsync(id, Ip(http), ct))).AllowAnonymous();
        online.MapPost("/cases/{id:guid}/service-consent", (Guid id, ConsentRequest request, HttpContext http, PartySessions s, PortalHandler h, CancellationToken ct) =>
            PartyAsync(id, http, s, h, () => h.ConsentAsync(id, request, Ip(http), http.Request.Headers.UserAgent.ToString(), ct))).AllowAnonymous();
        online.MapPost("/cases/{id:guid}/payment", PaymentAsync).AllowAnonymous();
        online.MapGet("/cases/{id:guid}/photos/{sha256}", PhotoAsync).AllowAnonymous();
        online.MapGet("/cases/{id:guid}/clips/{evidenceId:guid}", ClipAsync).AllowAnonymous();
        online.MapGet("/cases/{id:guid}/documents/{documentId:guid}", DocumentAsync).AllowAnonymous();
        online.MapGet("/cases/{id:guid}/deliveries/{deliveryId:guid}/file", DeliveredAsync).AllowAnonymous();
        online.MapGet("/cases/{id:guid}/attachments/{attachmentId:guid}", AttachmentAsync).AllowAnonymous();

        var staff = online.MapGroup("/staff").RequireAuthorization(OnlinePolicies.Handle);
        staff.MapGet("/queue", async (string? status, string? kind, bool? overdue, int? page, int? pageSize, QueueHandler h, CancellationToken ct) =>
            TypedResults.Ok(await h.ListAsync(status, kind, overdue ?? false, PageRequest.From(page, pageSize), ct)));
        staff.MapGet("/queue/{id:guid}", async (Guid id, HttpContext http, QueueHandler h, CancellationToken ct) => (await h.GetAsync(id, ct)).ToHttp(http));
        staff.MapPost("/queue/{id:guid}/answer", async (Guid id, AnswerRequest request, HttpContext http, QueueHandler h, CancellationToken ct) =>
            (await h.AnswerAsync(id, request, ct)).ToHttp(http));
        staff.MapGet("/queue/{id:guid}/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, HttpContext http, QueueHandler h, CancellationToken ct) =>
            await h.AttachmentAsync(id, attachmentId, ct) is { } file ? FileResult(http, file.Content, file.MediaType, file.FileName, file.Sha256) : NotFound(http));
        staff.MapPost("/cases/{id:guid}/deliveries", async (Guid id, DeliveryRequest request, HttpContext http, QueueHandler h, CancellationToken ct) =>
            (await h.DeliverAsync(id, request, ct)).ToHttp(http));
        staff.MapGet("/cases/{id:guid}/deliveries", async (Guid id, HttpContext http, QueueHandler h, CancellationToken ct) =>
            (await h.CaseDeliveriesAsync(id, ct)).ToHttp(http));
    }

    public static string? Ip(HttpContext http) => http.Connection.RemoteIpAddress?.ToString();

    /// <summary>429 for the throttle and the lock, the error's own status otherwise.</summary>
    public static ProblemHttpResult Problem(Error error, HttpContext http) =>
        error.Code is "online.rate_limited" or "online.code_locked"
            ? TypedResults.Problem(Problems.Build(error, http, StatusCodes.Status429TooManyRequests))
            : error.ToProblem(http);

    private static async Task<Results<Ok<AccessGranted>, ProblemHttpResult>> LookupAsync(
        LookupRequest request, HttpContext http, AccessHandler access, CancellationToken ct)
    {
        var result = await access.LookupAsync(http, request.Plate, request.NoticeCode, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : Problem(result.Error!, http);
    }

    private static async Task<Results<Accepted<CodeRequested>, ProblemHttpResult>> RequestCodeAsync(
        CodeRequest request, HttpContext http, AccessHandler access, CancellationToken ct)
    {
        var result = await access.RequestCodeAsync(http, request.Plate, request.PlateColor, ct);
        return result.IsSuccess ? TypedResults.Accepted((string?)null, result.Value) : Problem(result.Error!, http);
    }

    private static async Task<Results<Ok<AccessGranted>, ProblemHttpResult>> VerifyCodeAsync(
        VerifyCodeRequest request, HttpContext http, AccessHandler access, CancellationToken ct)
    {
        var result = await access.VerifyCodeAsync(http, request.Plate, request.PlateColor, request.Code, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : Problem(result.Error!, http);
    }

    private static async Task<Results<Ok<IReadOnlyList<PartyCaseSummary>>, ProblemHttpResult>> ListAsync(
        HttpContext http, PartySessions sessions, PortalHandler portal, CancellationToken ct)
    {
        if (sessions.Read(http) is not { } session)
        {
            return Problem(new Error("online.session_required", "请先用号牌和通知码（或验证码）查询案件。", "Look up a case first (plate and notice code, or a one-time code).",
                ErrorKind.Unauthorized), http);
        }

        portal.EnterList(session);
        return TypedResults.Ok(await portal.ListAsync(session, ct));
    }

    private static Task<Results<Ok<OnlineCaseView>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext http, PartySessions sessions, PortalHandler portal, CancellationToken ct) =>
        PartyAsync(id, http, sessions, portal, () => portal.ViewAsync(id, ct));

    private static Task<IResult> StatementAsync(
        Guid id, StatementRequest request, HttpContext http, PartySessions sessions, PortalHandler portal, IdempotentWrites writes, CancellationToken ct) =>
        PartyWriteAsync(id, "online.statement", request, http, sessions, portal, writes, () =>
        {
            var files = new List<(string, byte[])>();
            foreach (var a in request.Attachments ?? [])
            {
                if (a is null)
                {
                    return Task.FromResult<Result<OnlineCaseView>>(Validator.Invalid("attachments", "missing", "附件不能为空。", "An attachment is missing (null)."));
                }

                try
                {
                    files.Add((a.FileName ?? "附件", Convert.FromBase64String(a.Base64 ?? string.Empty)));
                }
                catch (FormatException)
                {
                    return Task.FromResult<Result<OnlineCaseView>>(Validator.Invalid("attachments", "base64", "附件内容不是有效的 Base64。", "An attachment is not valid base64."));
                }
            }

            return portal.StatementAsync(id, request.Text, files, Ip(http), ct);
        });

    /// <summary>
    /// A party's write (statement, hearing request, waiver). With an <c>Idempotency-Key</c> it runs once per key and party
    /// session (the actor is the session): 201 the first time, 200 with <c>Idempotent-Replayed</c> on a retry, so a retried
    /// statement is not stored twice. Without one, 200 as before.
    /// </summary>
    private static async Task<IResult> PartyWriteAsync(
        Guid id, string operation, object? request, HttpContext http, PartySessions sessions, PortalHandler portal, IdempotentWrites writes,
        Func<Task<Result<OnlineCaseView>>> action)
    {
        if (!portal.Enter(sessions.Read(http), id))
        {
            return PortalHandler.CaseNotFound.ToProblem(http);
        }

        if (!http.Request.Headers.ContainsKey(IdempotentWrites.Header))
        {
            var result = await action();
            return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem(http);
        }

        return await writes.RunAsync(http, $"{operation}:{id}", request, async _ =>
        {
            var result = await action();
            return result.IsSuccess
                ? new WriteOutcome<OnlineCaseView>(result.Value, "case", id.ToString(), null)
                : (Result<WriteOutcome<OnlineCaseView>>)result.Error!;
        });
    }

    private static async Task<Results<Ok<PaymentOrderView>, ProblemHttpResult>> PaymentAsync(
        Guid id, HttpContext http, PartySessions sessions, PortalHandler portal, CancellationToken ct)
    {
        if (!portal.Enter(sessions.Read(http), id))
        {
            return PortalHandler.CaseNotFound.ToProblem(http);
        }

        var result = await portal.StartPaymentAsync(id, $"/online/cases/{id}", ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem(http);
    }

    private static async Task<IResult> PhotoAsync(Guid id, string sha256, HttpContext http, PartySessions sessions, PortalHandler portal, CancellationToken ct)
    {
        if (!portal.Enter(sessions.Read(http), id) || sha256.Length != 64 || await portal.PhotoAsync(id, sha256.ToLowerInvariant(), ct) is not { } photo)
        {
            return NotFound(http);
        }

        Headers(http, photo.Sha256);
        return TypedResults.PhysicalFile(photo.Path, photo.ContentType, fileDownloadName: $"{photo.Sha256[..12]}.{(photo.ContentType == "image/png" ? "png" : "jpg")}");
    }

    private static async Task<IResult> ClipAsync(Guid id, Guid evidenceId, HttpContext http, PartySessions sessions, PortalHandler portal, CancellationToken ct)
    {
        if (!portal.Enter(sessions.Read(http), id) || await portal.ClipAsync(id, evidenceId, ct) is not { } clip)
        {
            return NotFound(http);
        }

        Headers(http, clip.Sha256);
        return TypedResults.Stream(clip.Content, clip.MediaType, clip.FileName);
    }

    private static async Task<IResult> DocumentAsync(Guid id, Guid documentId, HttpContext http, PartySessions sessions, PortalHandler portal, CancellationToken ct) =>
        portal.Enter(sessions.Read(http), id) && await portal.DocumentAsync(id, documentId, ct) is { } file
            ? FileResult(http, file.Content, "application/pdf", file.Title + ".pdf", file.Sha256)
            : NotFound(http);

    private static async Task<IResult> DeliveredAsync(Guid id, Guid deliveryId, HttpContext http, PartySessions sessions, PortalHandler portal, CancellationToken ct) =>
        portal.Enter(sessions.Read(http), id) && await portal.DeliveredAsync(id, deliveryId, ct) is { } file
            ? FileResult(http, file.Content, "application/pdf", file.Title + ".pdf", file.Sha256)
            : NotFound(http);

    private static async Task<IResult> AttachmentAsync(Guid id, Guid attachmentId, HttpContext http, PartySessions sessions, PortalHandler portal, CancellationToken ct) =>
        portal.Enter(sessions.Read(http), id) && await portal.AttachmentAsync(id, attachmentId, ct) is { } file
            ? FileResult(http, file.Content, file.MediaType, file.FileName, file.Sha256)
            : NotFound(http);

    private static async Task<Results<Ok<OnlineCaseView>, ProblemHttpResult>> PartyAsync(
        Guid id, HttpContext http, PartySessions sessions, PortalHandler portal, Func<Task<Result<OnlineCaseView>>> action)
    {
        if (!portal.Enter(sessions.Read(http), id))
        {
            return PortalHandler.CaseNotFound.ToProblem(http);
        }

        var result = await action();
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem(http);
    }

    private static IResult FileResult(HttpContext http, byte[] content, string mediaType, string fileName, string sha256)
    {
        Headers(http, sha256);
        return TypedResults.File(content, mediaType, fileName);
    }

    private static void Headers(HttpContext http, string sha256)
    {
        http.Response.Headers.ETag = $"\"{sha256}\"";
        http.Response.Headers["X-Content-SHA256"] = sha256;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store";
    }

    private static IResult NotFound(HttpContext http) => PortalHandler.CaseNotFound.ToProblem(http);
}
