using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Payments.Data;

/// <summary>
/// 缴款单: one attempt to pay a case's fine online, at the amount due on the China-time day it was created
/// (罚款 + 加处罚款, 行政处罚法 arts. 67, 72). Open until paid, refused or China midnight; a later day needs a new order.
/// </summary>
public sealed class PaymentOrder : IAgencyOwned
{
    public Guid Id { get; set; }

    /// <summary>The case's agency (the 收款单位).</summary>
    public Guid AgencyId { get; set; }

    /// <summary><c>JF</c> + China date + a 6-digit sequence of the day: what the party and the gateway see.</summary>
    public required string OrderNo { get; set; }

    public Guid CaseId { get; set; }

    public string? CaseNumber { get; set; }

    public long FineFen { get; set; }

    public long LateFeeFen { get; set; }

    /// <summary>What the gateway must collect: fine + late fee − anything paid before.</summary>
    public long TotalFen { get; set; }

    /// <summary>The China-time day the amount was worked out for.</summary>
    public DateOnly AmountAsOf { get; set; }

    /// <summary><see cref="PaymentStatus"/>.</summary>
    public required string Status { get; set; }

    public required string Gateway { get; set; }

    public string? GatewayTransactionId { get; set; }

    public required string ReturnUrl { get; set; }

    /// <summary>
    /// 128 random bits, base64url: what addresses the order on a gateway's own pages (the simulated pay page), so nobody
    /// reaches an order by guessing its sequential number. Null on orders made before it existed.
    /// </summary>
    public string? PayToken { get; set; }

    /// <summary>The gateway's page for the party (<see cref="Gateways.IPaymentGateway.StartAsync"/>).</summary>
    public required string PayUrl { get; set; }

    /// <summary>收款单位: the deciding agency's name as shown to the party.</summary>
    public required string Payee { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>China midnight after <see cref="CreatedAt"/>: the amount is only right for its day.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? PaidAt { get; set; }

    /// <summary>Why the order failed (<c>payments.amount_mismatch</c>, <c>payments.case_refused</c> …).</summary>
    public string? FailureCode { get; set; }

    public int Version { get; set; }
}

public static class PaymentStatus
{
    public const string Open = "open";
    public const string Paid = "paid";
    public const string Expired = "expired";
    public const string Failed = "failed";

    /// <summary>Replaced by a newer order for the case (another amount or day): never payable (docs/payments.md).</summary>
    public const string Superseded = "superseded";
}

/// <summary>Every callback a gateway sent, as received, whether it was believed or not.</summary>
public sealed class PaymentCallback
{
    public long Id { get; set; }

    public required string Gateway { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>Lower-case hex SHA-256 of the raw body.</summary>
    public required string BodySha256 { get; set; }

    public bool SignatureOk { get; set; }

    /// <summary>From the body, when it could be read.</summary>
    public string? OrderNo { get; set; }

    public Guid? OrderId { get; set; }

    public string? TransactionId { get; set; }

    public string? Nonce { get; set; }

    public long? AmountFen { get; set; }

    /// <summary><c>applied</c>, <c>duplicate</c>, or the error code it was refused with.</summary>
    public required string Outcome { get; set; }
}
