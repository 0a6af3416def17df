using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Cases;
using Vanguard.Domain.Common;
using Vanguard.Server.Common;
using Vanguard.Server.Common.Idempotency;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Cases.Contracts;
using Vanguard.Server.Modules.Payments.Contracts;
using Vanguard.Server.Modules.Payments.Data;
using Vanguard.Server.Modules.Payments.Gateways;

namespace Vanguard.Server.Modules.Payments.Features;

/// <summary>What a believed callback did: <c>applied</c>, <c>duplicate</c> or <c>gateway_failed</c>.</summary>
public sealed record CallbackResult(string Result, string OrderNo, string Status);

/// <summary>
/// Orders and callbacks. Runs in a DI scope that acts as the platform itself (<see cref="PaymentsScope"/>): the party
/// paying online has no account, and a gateway's callback has no user; who may start a payment is the caller's check.
/// </summary>
internal sealed class PaymentEngine(
    VanguardDbContext db, ICaseExecution cases, IEnumerable<IPaymentGateway> gateways, TimeProvider clock, ILogger<PaymentEngine> logger)
{
    /// <summary>A notification signed longer ago (or further ahead) than this is a replay.</summary>
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromMinutes(5);

    /// <summary>The gateway new orders use: the first registered (the simulated one unless a real one is added first); none when none is enabled.</summary>
    private IPaymentGateway? DefaultGateway => gateways.FirstOrDefault();

    public async Task<Result<AmountDue>> AmountDueAsync(Guid caseId, CancellationToken ct)
    {
        var state = await cases.PaymentStateAsync(caseId, ct);
        if (!state.IsSuccess)
        {
            return state.Error!.Kind == ErrorKind.NotFound ? PaymentErrors.CaseNotFound : state.Error!;
        }

        return Due(state.Value, LegalClock.Today(clock)) is { } due ? due : PaymentErrors.NotPayable;
    }

    /// <summary>行政处罚法 art. 72: 3 % a day after the due date, never more than the fine (CaseDeadlines.LateFeeFen).</summary>
    private static AmountDue? Due(CasePaymentState s, DateOnly today)
    {
        if (s.Stage != "executing" || s.FineFen <= 0)
        {
            return null;
        }

        var lateFee = s.PayBy is { } payBy ? CaseDeadlines.LateFeeFen(s.FineFen, payBy, today) : 0;
        var total = s.FineFen + lateFee - s.PaidFen;
        if (total <= 0)
        {
            return null;
        }

        var daysLate = s.PayBy is { } by ? Math.Max(0, today.DayNumber - by.DayNumber) : 0;
        return new AmountDue(s.CaseId, s.CaseNumber, s.FineFen, lateFee, total, s.PayBy, daysLate);
    }

    public async Task<Result<PaymentOrderView>> CreateOrderAsync(Guid caseId, string returnUrl, CancellationToken ct)
    {
        if (DefaultGateway is not { } gateway)
        {
            return PaymentErrors.NoGateway;
        }

        if (!IsLocalPath(returnUrl))
        {
            return PaymentErrors.BadReturnUrl;
        }

        var state = await cases.PaymentStateAsync(caseId, ct);
        if (!state.IsSuccess)
        {
            return state.Error!.Kind == ErrorKind.NotFound ? PaymentErrors.CaseNotFound : state.Error!;
        }

        var now = clock.GetUtcNow();
        var today = LegalClock.Today(clock);
        if (Due(state.Value, today) is not { } due)
        {
            return PaymentErrors.NotPayable;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var open = await db.Set<PaymentOrder>().Where(o => o.CaseId == caseId && o.Status == PaymentStatus.Open).ToListAsync(ct);
                // Same day, same amount: the order already made (the portal and the terminal may both ask).
                if (open.FirstOrDefault(o => o.AmountAsOf == today && o.TotalFen == due.TotalFen && o.Gateway == gateway.Name) is { } same)
                {
                    same.ReturnUrl = returnUrl;
                    await db.SaveChangesAsync(ct);
                    await tx.CommitAsync(ct);
                    return View(same);
                }

                // An open order of another day or amount would charge the wrong sum: it gives way to the new one, for good
                // (superseded, never payable: paying it as well as the new one would pay twice).
                foreach (var stale in open)
                {
                    stale.Status = PaymentStatus.Superseded;
                    stale.Version++;
                }

                var order = new PaymentOrder
                {
                    Id = Guid.CreateVersion7(), AgencyId = state.Value.AgencyId, OrderNo = await NextOrderNoAsync(today, ct), CaseId = caseId,
                    CaseNumber = state.Value.CaseNumber, FineFen = due.FineFen, LateFeeFen = due.LateFeeFen, TotalFen = due.TotalFen,
                    AmountAsOf = today, Status = PaymentStatus.Open, Gateway = gateway.Name, ReturnUrl = returnUrl, PayUrl = "",
                    Payee = state.Value.AgencyName, CreatedAt = now, ExpiresAt = ChinaMidnightAfter(today), PayToken = NewPayToken(),
                };
                order.PayUrl = await gateway.StartAsync(
                    new GatewayOrder(order.Id, order.OrderNo, order.PayToken, order.TotalFen, order.Payee, order.ExpiresAt), ct);
                db.Add(order);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return View(order);
            }
            catch (DbUpdateException e) when (IdempotentWrites.IsUniqueViolation(e) && attempt < 3)
            {
                // PostgreSQL: another order took the same number (or the same day's order) first; look again.
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task<Result<PaymentOrderView>> FindOrderAsync(Guid orderId, CancellationToken ct) =>
        await db.Set<PaymentOrder>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, ct) is { } order ? View(order) : PaymentErrors.OrderNotFound;

    /// <summary>The order a gateway's page is addressed by (its public token); null for anything else.</summary>
    public async Task<PaymentOrder?> FindByPayTokenAsync(string payToken, CancellationToken ct) =>
        payToken is { Length: > 0 and <= 32 }
            ? await db.Set<PaymentOrder>().AsNoTracking().SingleOrDefaultAsync(o => o.PayToken == payToken, ct)
            : null;

    /// <summary>Open orders of an earlier China day are expired: their amount is no longer the amount due.</summary>
    public async Task<int> ExpireAsync(CancellationToken ct)
    {
        var today = LegalClock.Today(clock);
        return await db.Set<PaymentOrder>().Where(o => o.Status == PaymentStatus.Open && o.AmountAsOf < today)
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, PaymentStatus.Expired).SetProperty(o => o.Version, o => o.Version + 1), ct);
    }

    /// <summary>
    /// A gateway's notification (docs/payments.md): signature, replay window and nonce, order, amount; then the order is
    /// paid and the payment recorded in the case in one transaction. Every callback is stored with its outcome.
    /// </summary>
    public async Task<Result<CallbackResult>> HandleCallbackAsync(
        string gatewayName, IReadOnlyDictionary<string, string> headers, byte[] body, CancellationToken ct)
    {
        var gateway = gateways.FirstOrDefault(g => string.Equals(g.Name, gatewayName, StringComparison.Ordinal));
        if (gateway is null)
        {
            return PaymentErrors.UnknownGateway;
        }

        var now = clock.GetUtcNow();
        var record = new PaymentCallback
        {
            Gateway = gateway.Name, ReceivedAt = now, BodySha256 = Convert.ToHexStringLower(SHA256.HashData(body)), Outcome = "",
        };
        var verified = gateway.VerifyCallback(headers, body);
        if (!verified.IsSuccess)
        {
            // Nothing but the record of the attempt changes.
            return await RefuseAsync(record, verified.Error!, ct);
        }

        var n = verified.Value;
        record.SignatureOk = true;
        record.OrderNo = Truncate(n.OrderNo, 24);
        record.TransactionId = Truncate(n.TransactionId, 64);
        record.Nonce = Truncate(n.Nonce, 64);
        record.AmountFen = n.AmountFen;
        if ((now - n.Timestamp).Duration() > ReplayWindow)
        {
            return await RefuseAsync(record, PaymentErrors.Replayed, ct);
        }

        var order = await db.Set<PaymentOrder>().SingleOrDefaultAsync(o => o.OrderNo == n.OrderNo && o.Gateway == gateway.Name, ct);
        record.OrderId = order?.Id;
        if (await db.Set<PaymentCallback>().AnyAsync(c => c.Gateway == gateway.Name && c.Nonce == record.Nonce && c.SignatureOk, ct))
        {
            // A notification seen before changes nothing. Resent word for word after a lost answer, it is told "already
            // applied" (or the gateway would resend for ever); any other replay is refused. The order is read again: the
            // delivery that used the nonce may have paid it after this one first read it (two deliveries at once).
            var current = order is null ? null : await db.Set<PaymentOrder>().AsNoTracking().SingleAsync(o => o.Id == order.Id, ct);
            return current is { Status: PaymentStatus.Paid } && current.GatewayTransactionId == n.TransactionId
                ? await AcceptAsync(record, new CallbackResult("duplicate", current.OrderNo, current.Status), ct)
                : await RefuseAsync(record, PaymentErrors.Replayed, ct);
        }

        if (order is null)
        {
            return await RefuseAsync(record, PaymentErrors.OrderNotFound, ct);
        }

        if (order.Status == PaymentStatus.Paid)
        {
            // A gateway resends until it hears back: the same transaction again is answered, and applied no second time.
            return order.GatewayTransactionId == n.TransactionId
                ? await AcceptAsync(record, new CallbackResult("duplicate", order.OrderNo, order.Status), ct)
                : await RefuseAsync(record, PaymentErrors.OrderNotOpen, ct);
        }

        if (n.Status == "failed")
        {
            // The party's bank said no; the order stays as it was and may still be paid today.
            return await AcceptAsync(record, new CallbackResult("gateway_failed", order.OrderNo, order.Status), ct);
        }

        if (order.Status == PaymentStatus.Superseded)
        {
            // A newer order replaced it: paying this one too would pay twice. The money that moved is for reconciliation.
            if (logger.IsEnabled(LogLevel.Warning))
            {
                logger.LogWarning("Payment order {OrderNo}: gateway {Gateway} reported a payment for a superseded order; refused", order.OrderNo, gateway.Name);
            }

            return await RefuseAsync(record, PaymentErrors.OrderSuperseded, ct);
        }

        // Paid before midnight but told after it: the order was still good when the money moved.
        var payable = order.Status == PaymentStatus.Open || (order.Status == PaymentStatus.Expired && n.PaidAt < order.ExpiresAt);
        if (!payable)
        {
            return await RefuseAsync(record, PaymentErrors.OrderNotOpen, ct);
        }

        if (n.AmountFen != order.TotalFen)
        {
            // Someone paid a different sum for this order: it can no longer be trusted; the party gets a new order and the
            // money that did move is for reconciliation (docs/payments.md).
            order.Status = PaymentStatus.Failed;
            order.FailureCode = PaymentErrors.AmountMismatch.Code;
            order.Version++;
            if (logger.IsEnabled(LogLevel.Warning))
            {
                logger.LogWarning("Payment order {OrderNo}: gateway {Gateway} reported {Amount} fen for {Total} fen; refused", order.OrderNo, gateway.Name, n.AmountFen, order.TotalFen);
            }

            return await RefuseAsync(record, PaymentErrors.AmountMismatch, ct);
        }

        // Never more than the case owes now, for the order's day: an officer may have recorded a payment since the order
        // was made. Not the order's sum any more → nothing is applied; the money is for reconciliation.
        var state = await cases.PaymentStateAsync(order.CaseId, ct);
        var owed = state.IsSuccess ? Due(state.Value, order.AmountAsOf)?.TotalFen ?? 0 : 0;
        if (owed != order.TotalFen)
        {
            // The same payment delivered twice at once: the other delivery paid the order (and so changed what is owed)
            // after this one read it. That is a duplicate, not a changed amount.
            var current = await db.Set<PaymentOrder>().AsNoTracking().SingleAsync(o => o.Id == order.Id, ct);
            if (current.Status == PaymentStatus.Paid)
            {
                db.ChangeTracker.Clear();
                return current.GatewayTransactionId == n.TransactionId
                    ? await AcceptAsync(record, new CallbackResult("duplicate", current.OrderNo, current.Status), ct)
                    : await RefuseAsync(record, PaymentErrors.OrderNotOpen, ct);
            }

            order.Status = PaymentStatus.Failed;
            order.FailureCode = PaymentErrors.AmountChanged.Code;
            order.Version++;
            if (logger.IsEnabled(LogLevel.Warning))
            {
                logger.LogWarning("Payment order {OrderNo}: the case now owes {Owed} fen, the order is for {Total} fen; refused", order.OrderNo, owed, order.TotalFen);
            }

            return await RefuseAsync(record, PaymentErrors.AmountChanged, ct);
        }

        return await ApplyAsync(order, record, n, gateway.Name, ct);
    }

    private async Task<Result<CallbackResult>> ApplyAsync(PaymentOrder order, PaymentCallback record, GatewayNotification n, string gatewayName, CancellationToken ct)
    {
        var today = LegalClock.Today(clock);
        var paidOn = LegalClock.DayOf(n.PaidAt);
        if (paidOn > today)
        {
            paidOn = today;
        }

        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            order.Status = PaymentStatus.Paid;
            order.PaidAt = n.PaidAt.ToUniversalTime(); // PostgreSQL stores UTC only; gateways send +08:00
            order.GatewayTransactionId = n.TransactionId;
            order.Version++;
            record.Outcome = "applied";
            db.Add(record);
            // In this transaction: the case and the order are paid together or not at all. The key makes a retry a no-op.
            var paid = await cases.RecordPaymentAsync(order.CaseId, order.TotalFen, paidOn, "payments:" + order.Id.ToString("N"), ct);
            if (!paid.IsSuccess)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return await CaseRefusedAsync(order.Id, record, n.TransactionId, paid.Error!, ct);
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Payment order {OrderNo} paid through {Gateway}; case stage now {Stage}", order.OrderNo, gatewayName, paid.Value.Stage);
            }

            return new CallbackResult("applied", order.OrderNo, order.Status);
        }
        catch (DbUpdateException e) when (IdempotentWrites.IsUniqueViolation(e) || e is DbUpdateConcurrencyException)
        {
            // The same notification, delivered twice at once, was applied by the other delivery.
            db.ChangeTracker.Clear();
            var now = await db.Set<PaymentOrder>().AsNoTracking().SingleAsync(o => o.Id == order.Id, ct);
            record.Id = 0;
            return now.Status == PaymentStatus.Paid && now.GatewayTransactionId == n.TransactionId
                ? await AcceptAsync(record, new CallbackResult("duplicate", now.OrderNo, now.Status), ct)
                : await RefuseAsync(record, PaymentErrors.OrderNotOpen, ct);
        }
    }

    private async Task<Result<CallbackResult>> CaseRefusedAsync(Guid orderId, PaymentCallback record, string transactionId, Error cause, CancellationToken ct)
    {
        var order = await db.Set<PaymentOrder>().SingleAsync(o => o.Id == orderId, ct);
        record.Id = 0;
        if (order.Status == PaymentStatus.Paid)
        {
            // The case refused because a concurrent delivery of this payment changed it first (cases.concurrent_update).
            return order.GatewayTransactionId == transactionId
                ? await AcceptAsync(record, new CallbackResult("duplicate", order.OrderNo, order.Status), ct)
                : await RefuseAsync(record, PaymentErrors.OrderNotOpen, ct);
        }

        order.Status = PaymentStatus.Failed;
        order.FailureCode = "payments.case_refused";
        order.Version++;
        if (logger.IsEnabled(LogLevel.Warning))
        {
            logger.LogWarning("Payment order {OrderNo}: the case refused the payment ({Code}); needs reconciliation", order.OrderNo, cause.Code);
        }

        return await RefuseAsync(record, PaymentErrors.CaseRefused(cause), ct);
    }

    private async Task<Result<CallbackResult>> RefuseAsync(PaymentCallback record, Error error, CancellationToken ct)
    {
        record.Outcome = error.Code;
        db.Add(record);
        await db.SaveChangesAsync(ct);
        return error;
    }

    private async Task<Result<CallbackResult>> AcceptAsync(PaymentCallback record, CallbackResult result, CancellationToken ct)
    {
        record.Outcome = result.Result;
        db.Add(record);
        await db.SaveChangesAsync(ct);
        return result;
    }

    /// <summary><c>JF</c> + China date + the day's next 6-digit number: short enough to read out over the phone.</summary>
    private async Task<string> NextOrderNoAsync(DateOnly today, CancellationToken ct)
    {
        var prefix = "JF" + today.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var last = await db.Set<PaymentOrder>().Where(o => o.OrderNo.StartsWith(prefix)).OrderByDescending(o => o.OrderNo).Select(o => o.OrderNo)
            .FirstOrDefaultAsync(ct);
        var next = last is null ? 1 : int.Parse(last.AsSpan(prefix.Length), CultureInfo.InvariantCulture) + 1;
        return prefix + next.ToString("D6", CultureInfo.InvariantCulture);
    }

    private static DateTimeOffset ChinaMidnightAfter(DateOnly day) =>
        LegalClock.StartOf(day.AddDays(1)).ToUniversalTime();

    /// <summary>
    /// Only a path on this site: the pay page redirects there, and must not be an open redirect. One leading <c>/</c>,
    /// no <c>//</c> or <c>/\</c> anywhere, no backslash, whitespace or control character (browsers drop tabs and newlines,
    /// so <c>/\t/evil.com</c> would be <c>//evil.com</c>), and a relative URI.
    /// </summary>
    public static bool IsLocalPath(string? url) =>
        url is { Length: > 0 and <= 500 } && url[0] == '/'
        && !url.Contains("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal)
        && !url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
        && Uri.TryCreate(url, UriKind.Relative, out var relative) && !relative.IsAbsoluteUri;

    /// <summary>128 random bits, base64url without padding (22 characters).</summary>
    private static string NewPayToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];

    public static PaymentOrderView View(PaymentOrder o) => new(
        o.Id, o.CaseId, o.CaseNumber, o.OrderNo, o.FineFen, o.LateFeeFen, o.TotalFen, o.Status, o.Gateway, o.PayUrl, o.CreatedAt, o.PaidAt,
        o.GatewayTransactionId);
}
