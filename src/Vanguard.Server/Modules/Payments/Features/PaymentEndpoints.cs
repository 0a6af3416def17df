using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Vanguard.Domain.Common;
using Vanguard.Server.Common;
using Vanguard.Server.Modules.Payments.Contracts;

namespace Vanguard.Server.Modules.Payments.Features;

internal static class PaymentEndpoints
{
    /// <summary>Gateways send a few hundred bytes; anything near this is not a payment notification.</summary>
    private const long CallbackBodyLimit = 64 * 1024;

    public static void MapPaymentEndpoints(this RouteGroupBuilder api)
    {
        var payments = api.MapGroup("/payments").WithTags("Payments");
        payments.MapGet("/orders", ListOrdersAsync).RequireAuthorization(PaymentsPolicies.Reader)
            .WithSummary("The payment orders of a case in the caller's jurisdiction, newest first.");
        payments.MapPost("/callback/{gateway}", CallbackAsync).AllowAnonymous()
            .WithMetadata(new RequestSizeLimitAttribute(CallbackBodyLimit))
            .WithSummary("A payment gateway's signed notification (docs/payments.md). 401 payments.bad_signature, 409 payments.replayed, "
                + "422 payments.amount_mismatch; a repeat of an applied payment answers 200 with result duplicate.");
    }

    private static async Task<Ok<List<PaymentOrderView>>> ListOrdersAsync(Guid caseId, PaymentOrders orders, CancellationToken ct) =>
        TypedResults.Ok(await orders.OfCaseAsync(caseId, ct));

    private static async Task<Results<Ok<CallbackResult>, ProblemHttpResult>> CallbackAsync(string gateway, HttpContext http, CallbackHandler handler)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return (await handler.HandleAsync(gateway, headers, buffer.ToArray(), http.RequestAborted)).ToHttp(http);
    }
}

/// <summary>
/// The one way into callback handling, for <c>POST /api/v1/payments/callback/{gateway}</c> and for the simulated
/// gateway's pay page alike, so the page exercises exactly what a real gateway's callback goes through.
/// </summary>
internal sealed class CallbackHandler(PaymentsScope scope)
{
    public Task<Result<CallbackResult>> HandleAsync(string gateway, IReadOnlyDictionary<string, string> headers, byte[] body, CancellationToken ct) =>
        scope.RunAsync(e => e.HandleCallbackAsync(gateway, headers, body, ct));
}
