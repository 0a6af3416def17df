using Vanguard.Domain.Common;

namespace Vanguard.Server.Modules.Payments;

/// <summary>The payments module's stable error codes (docs/payments.md).</summary>
public static class PaymentErrors
{
    public static readonly Error NotPayable = new(
        "payments.not_payable", "该案件当前没有应缴的罚款（未作出罚款决定、决定书未送达或已缴清）。",
        "The case has no fine to pay now (no fine decided, decision not served, or already paid).");

    public static readonly Error CaseNotFound = Error.NotFound("payments.case_not_found", "案件不存在。", "The case does not exist.");

    public static readonly Error OrderNotFound = Error.NotFound("payments.order_not_found", "缴款单不存在。", "The payment order does not exist.");

    public static readonly Error BadReturnUrl = Validator.Invalid(
        "returnUrl", "payments.bad_return_url", "返回地址须为本站以“/”开头的相对地址。", "The return URL must be a path on this site starting with '/'.");

    public static readonly Error UnknownGateway = Error.NotFound("payments.unknown_gateway", "未知的支付通道。", "Unknown payment gateway.");

    public static readonly Error BadSignature = new(
        "payments.bad_signature", "支付通知签名无效，已拒绝。", "The payment notification's signature is invalid; refused.", ErrorKind.Unauthorized);

    public static readonly Error BadCallback = new(
        "payments.bad_callback", "支付通知内容无法解析。", "The payment notification could not be read.", ErrorKind.Validation);

    public static readonly Error Replayed = Error.Conflict(
        "payments.replayed", "重复或过期的支付通知（随机数已使用，或时间戳超出 5 分钟），已拒绝。",
        "A replayed or stale payment notification (nonce already used, or timestamp outside 5 minutes); refused.");

    public static readonly Error AmountMismatch = new(
        "payments.amount_mismatch", "支付金额与缴款单金额不一致，已拒绝，缴款单作废。",
        "The amount paid differs from the order's amount; refused and the order is failed.");

    public static readonly Error OrderNotOpen = Error.Conflict(
        "payments.order_not_open", "缴款单已失效、已作废或已由其他交易支付。", "The order is expired, failed or paid by another transaction.");

    public static readonly Error OrderSuperseded = Error.Conflict(
        "payments.order_superseded", "该缴款单已被新的缴款单取代，不能再支付；请按新的缴款单缴款。",
        "The order was replaced by a newer one and cannot be paid; pay the newer order.");

    public static readonly Error AmountChanged = Error.Conflict(
        "payments.amount_changed", "缴款单金额与案件当前应缴金额不一致（其间已登记其他缴款），已拒绝，缴款单作废，需人工对账。",
        "The order's amount is no longer what the case owes (another payment was recorded meanwhile); refused, the order is failed and needs reconciliation.");

    public static readonly Error NoGateway = Error.Conflict(
        "payments.no_gateway", "在线缴款暂未开通，请按处罚决定书载明的方式缴纳罚款。",
        "Online payment is not available (no payment gateway is enabled); pay as the decision says.");

    public static Error CaseRefused(Error cause) => Error.Conflict(
        "payments.case_refused", "案件未能登记该笔缴款（" + cause.MessageZh + "），缴款单作废，需人工对账。",
        "The case did not accept the payment (" + cause.MessageEn + "); the order is failed and needs reconciliation.");
}
