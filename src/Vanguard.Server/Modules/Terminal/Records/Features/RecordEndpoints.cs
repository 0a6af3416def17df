using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Vanguard.Domain.Common;
using Vanguard.Server.Common;
using Vanguard.Server.Common.Idempotency;
using Vanguard.Server.Modules.Evidence.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Terminal;

namespace Vanguard.Server.Modules.Terminal.Records.Features;

internal static class RecordEndpoints
{
    public static readonly Error ImageNotFound = Error.NotFound("terminal.image_not_found", "图片不存在。", "No such image.");

    public static void MapRecordEndpoints(this RouteGroupBuilder api)
    {
        var records = api.MapGroup("/terminal/records").WithTags("Terminal");
        records.MapPost("/", CreateAsync).RequireAuthorization(TerminalPolicies.Officer)
            .WithMetadata(new RequestSizeLimitAttribute(RecordsHandler.BodyLimitBytes))
            .Produces<RecordView>(StatusCodes.Status201Created).Produces<RecordView>(StatusCodes.Status200OK)
            .WithSummary("现场笔录: store an on-site record with photos and signature (Idempotency-Key required; a retry answers 200 with the first result).");
        records.MapGet("/", ListAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("Records in your jurisdiction, newest first; mine=true: only your own.");
        records.MapGet("/{id:guid}", async (Guid id, RecordsHandler h, HttpContext http) => (await h.GetAsync(id, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("A record with its photos, signature and questions.");
        records.MapGet("/{id:guid}/photos/{n:int}", (Guid id, int n, RecordsHandler h, IEvidenceArchive archive, HttpContext http) =>
                ImageAsync(id, n, h, archive, http))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Photo n (1-based) of a record; the ETag is its SHA-256. Recorded in the photo's chain of custody.");
        records.MapGet("/{id:guid}/signature", (Guid id, RecordsHandler h, IEvidenceArchive archive, HttpContext http) =>
                ImageAsync(id, null, h, archive, http))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("The party's signature (PNG); the ETag is its SHA-256.");
    }

    private static Task<IResult> CreateAsync(CreateRecordRequest request, IdempotentWrites idempotency, RecordsHandler handler, HttpContext http) =>
        idempotency.RunAsync(http, "terminal.records.create", request, ct => handler.CreateAsync(request, ct));

    private static async Task<Results<Ok<Page<RecordSummary>>, ProblemHttpResult>> ListAsync(
        bool? mine, int? page, int? pageSize, RecordsHandler handler, HttpContext http) =>
        (await handler.ListAsync(mine ?? false, PageRequest.From(page, pageSize), http.RequestAborted)).ToHttp(http);

    private static async Task<IResult> ImageAsync(Guid id, int? n, RecordsHandler handler, IEvidenceArchive archive, HttpContext http)
    {
        var ct = http.RequestAborted;
        if (await handler.ImageAsync(id, n, ct) is not { } evidenceId)
        {
            return (await handler.GetAsync(id, ct)).IsSuccess ? ImageNotFound.ToProblem(http) : RecordsHandler.NotFound.ToProblem(http);
        }

        if (await archive.OpenAsync(evidenceId, ct) is not { } file)
        {
            return ImageNotFound.ToProblem(http);
        }

        http.Response.Headers["Evidence-Sha256"] = file.Sha256;
        return TypedResults.Stream(file.Content, file.MediaType, entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""));
    }
}

internal static class OnSpotPenaltyEndpoints
{
    public static void MapOnSpotPenaltyEndpoints(this RouteGroupBuilder api)
    {
        var penalties = api.MapGroup("/terminal/on-spot-penalties").WithTags("Terminal");
        penalties.MapPost("/", DecideAsync).RequireAuthorization(TerminalPolicies.Officer)
            .Produces<OnSpotPenaltyView>(StatusCodes.Status201Created).Produces<OnSpotPenaltyView>(StatusCodes.Status200OK)
            .WithSummary("简易程序: open a simplified-procedure case, decide on the spot, store the decision PDF (Idempotency-Key required).");
        penalties.MapGet("/{caseId:guid}/decision.pdf", DecisionAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("The 当场行政处罚决定书 (PDF); the ETag is its SHA-256.");
        penalties.MapGet("/{caseId:guid}/payment-qr.png", PaymentQrAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("A QR code (PNG) of the payment reference VANGUARD-PAY:<caseNumber>:<fineFen>.");
        penalties.MapPost("/{caseId:guid}/payment", PaymentAsync).RequireAuthorization(TerminalPolicies.Officer)
            .Produces<PaymentView>(StatusCodes.Status201Created).Produces<PaymentView>(StatusCodes.Status200OK)
            .WithSummary("Record a payment reference for the fine (Idempotency-Key required), through the case's record-payment action.");
    }

    private static Task<IResult> DecideAsync(OnSpotPenaltyRequest request, IdempotentWrites idempotency, OnSpotPenaltiesHandler handler, HttpContext http) =>
        idempotency.RunAsync(http, "terminal.on_spot_penalties.create", request, ct => handler.DecideAsync(request, ct));

    private static Task<IResult> PaymentAsync(
        Guid caseId, PaymentRequest request, IdempotentWrites idempotency, OnSpotPenaltiesHandler handler, HttpContext http) =>
        idempotency.RunAsync(http, "terminal.on_spot_penalties.payment", new { caseId, request }, ct => handler.RecordPaymentAsync(caseId, request, ct));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DecisionAsync(Guid caseId, OnSpotPenaltiesHandler handler, HttpContext http)
    {
        var document = await handler.DecisionAsync(caseId, http.RequestAborted);
        return document.IsSuccess
            ? TypedResults.File(document.Value.Content, "application/pdf", $"{document.Value.Title}.pdf", entityTag: new EntityTagHeaderValue($"\"{document.Value.Sha256}\""))
            : document.Error!.ToProblem(http);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PaymentQrAsync(Guid caseId, OnSpotPenaltiesHandler handler, HttpContext http)
    {
        var png = await handler.PaymentQrAsync(caseId, http.RequestAborted);
        return png.IsSuccess ? TypedResults.File(png.Value, "image/png") : png.Error!.ToProblem(http);
    }
}
