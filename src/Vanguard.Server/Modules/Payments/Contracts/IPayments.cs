using Vanguard.Domain.Common;

namespace Vanguard.Server.Modules.Payments.Contracts;

/// <summary>
/// 缴纳罚款 online (不见面执法, docs/online.md): how the public portal and the terminal start a payment of a case's fine.
/// The amount is never taken from the caller: it is the decided fine plus the 加处罚款 (行政处罚法 art. 72) as of today.
/// A paid order records the payment in the case (closing its execution stage) through the cases engine.
/// </summary>
public interface IPayments
{
    /// <summary>Whether a payment gateway is enabled; without one <see cref="CreateOrderAsync"/> fails with <c>payments.no_gateway</c>.</summary>
    bool Available { get; }

    /// <summary>
    /// What the party owes now on a decided case: fine, late fee, total, due date. Fails with <c>payments.not_payable</c>
    /// when the case has no fine to pay (not decided, warning only, already paid).
    /// </summary>
    Task<Result<AmountDue>> AmountDueAsync(Guid caseId, CancellationToken ct);

    /// <summary>
    /// Opens (or returns the open) payment order for the case at today's amount due and gives the gateway's page to send
    /// the party to. Idempotent per case and amount: asking twice on one day returns the same order.
    /// </summary>
    Task<Result<PaymentOrderView>> CreateOrderAsync(Guid caseId, string returnUrl, CancellationToken ct);

    /// <summary>The order with its state (<c>open</c>, <c>paid</c>, <c>expired</c>, <c>superseded</c>, <c>failed</c>).</summary>
    Task<Result<PaymentOrderView>> FindOrderAsync(Guid orderId, CancellationToken ct);
}

public sealed record AmountDue(Guid CaseId, string? CaseNumber, long FineFen, long LateFeeFen, long TotalFen, DateOnly? PayBy, int DaysLate);

public sealed record PaymentOrderView(
    Guid Id, Guid CaseId, string? CaseNumber, string OrderNo, long FineFen, long LateFeeFen, long TotalFen, string Status,
    string Gateway, string PayUrl, DateTimeOffset CreatedAt, DateTimeOffset? PaidAt, string? GatewayTransactionId);
