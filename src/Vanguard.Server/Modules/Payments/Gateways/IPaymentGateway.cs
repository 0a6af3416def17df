using Vanguard.Domain.Common;

namespace Vanguard.Server.Modules.Payments.Gateways;

/// <summary>
/// A payment channel (docs/payments.md): the simulated one for demo and tests; a real one (非税收入缴款 / 统一公共支付平台,
/// UnionPay …) implements the same three members and is registered under its own name.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>Stable name, stored on orders and in the callback URL (<c>/api/v1/payments/callback/{name}</c>).</summary>
    string Name { get; }

    /// <summary>Registers the order with the gateway where it needs that, and returns the page to send the party to.</summary>
    Task<string> StartAsync(GatewayOrder order, CancellationToken ct);

    /// <summary>
    /// Checks a callback's signature over the raw body and reads it. Fails with <c>payments.bad_signature</c> when it is
    /// not the gateway's, <c>payments.bad_callback</c> when it cannot be read. Replay and amount checks are the caller's.
    /// </summary>
    Result<GatewayNotification> VerifyCallback(IReadOnlyDictionary<string, string> headers, byte[] body);
}

/// <param name="PayToken">The order's unguessable public token (base64url): what a gateway's own page is addressed by.</param>
public sealed record GatewayOrder(Guid OrderId, string OrderNo, string PayToken, long TotalFen, string Payee, DateTimeOffset ExpiresAt);

/// <param name="Status"><c>paid</c> or <c>failed</c>.</param>
/// <param name="Nonce">Unique per notification sent (a retry of one payment has a new nonce, the same transaction).</param>
/// <param name="Timestamp">When the gateway signed it; older than the replay window → refused.</param>
public sealed record GatewayNotification(
    string OrderNo, string TransactionId, long AmountFen, string Status, DateTimeOffset PaidAt, string Nonce, DateTimeOffset Timestamp);
