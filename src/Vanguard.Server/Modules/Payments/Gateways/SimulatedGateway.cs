using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Vanguard.Domain.Common;
using Vanguard.Server.Common;
using Vanguard.Server.Data;

namespace Vanguard.Server.Modules.Payments.Gateways;

/// <summary>
/// 模拟支付通道 for demo and tests, registered only when <see cref="SimulatedGatewaySettings"/> says so: its pay page is
/// <c>/online/pay/sim/{payToken}</c> (the order's random token, never its number); on 支付 it signs a notification and
/// delivers it through the same callback handler as <c>POST /api/v1/payments/callback/simulated</c>.
/// Signature: <c>X-Sim-Signature: hex(HMAC-SHA256(secret, raw body))</c>; the body carries the nonce and the timestamp,
/// so both are signed. The secret is <c>Vanguard:Payments:Simulated:Secret</c>, or one generated once and kept in
/// <c>{data}/keys/payments-simulated.secret</c>.
/// </summary>
public sealed class SimulatedGateway : IPaymentGateway
{
    public const string GatewayName = "simulated";
    public const string SignatureHeader = "X-Sim-Signature";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // A signed order number with a NUL in it would reach the database as one (a 500 on PostgreSQL).
        Converters = { new TextWithoutNul() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    private readonly byte[] _secret;
    private readonly TimeProvider _clock;

    public SimulatedGateway(IConfiguration configuration, TimeProvider clock)
    {
        _clock = clock;
        _secret = Encoding.UTF8.GetBytes(configuration["Vanguard:Payments:Simulated:Secret"] is { Length: > 0 } configured
            ? configured
            : StoredSecret(Path.Combine(DataDirectory.Resolve(configuration), "keys", "payments-simulated.secret")));
    }

    public string Name => GatewayName;

    public Task<string> StartAsync(GatewayOrder order, CancellationToken ct) => Task.FromResult("/online/pay/sim/" + Uri.EscapeDataString(order.PayToken));

    /// <summary>What the simulated bank sends when the party presses 支付 (or what a test forges).</summary>
    public (Dictionary<string, string> Headers, byte[] Body) Sign(SimulatedNotice notice)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(notice, Json);
        return (new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [SignatureHeader] = SignatureOf(body) }, body);
    }

    /// <summary>A notice of a payment made now, with a new transaction id and nonce.</summary>
    public SimulatedNotice NewPayment(string orderNo, long amountFen)
    {
        var now = _clock.GetUtcNow();
        return new SimulatedNotice(orderNo, "SIM" + Guid.NewGuid().ToString("N")[..20].ToUpperInvariant(), amountFen, "paid", now,
            Guid.NewGuid().ToString("N"), now.ToUnixTimeSeconds());
    }

    public string SignatureOf(byte[] body) => Convert.ToHexStringLower(HMACSHA256.HashData(_secret, body));

    public Result<GatewayNotification> VerifyCallback(IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        var given = headers.FirstOrDefault(h => string.Equals(h.Key, SignatureHeader, StringComparison.OrdinalIgnoreCase)).Value;
        byte[] givenBytes;
        try
        {
            givenBytes = Convert.FromHexString(given ?? "");
        }
        catch (FormatException)
        {
            return PaymentErrors.BadSignature;
        }

        var expected = HMACSHA256.HashData(_secret, body);
        if (givenBytes.Length != expected.Length || !CryptographicOperations.FixedTimeEquals(givenBytes, expected))
        {
            return PaymentErrors.BadSignature;
        }

        SimulatedNotice? notice;
        try
        {
            notice = JsonSerializer.Deserialize<SimulatedNotice>(body, Json);
        }
        catch (JsonException)
        {
            return PaymentErrors.BadCallback;
        }

        if (notice is not { OrderNo.Length: > 0, TransactionId.Length: > 0, Nonce.Length: > 0 } || notice.Status is not ("paid" or "failed"))
        {
            return PaymentErrors.BadCallback;
        }

        // Signed, but still only a number: one outside DateTimeOffset's range is an unreadable notification, not a crash.
        if (notice.Timestamp < DateTimeOffset.MinValue.ToUnixTimeSeconds() || notice.Timestamp > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return PaymentErrors.BadCallback;
        }

        return new GatewayNotification(
            notice.OrderNo, notice.TransactionId, notice.AmountFen, notice.Status, notice.PaidAt, notice.Nonce,
            DateTimeOffset.FromUnixTimeSeconds(notice.Timestamp));
    }

    private static string StoredSecret(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            file.Write(Encoding.UTF8.GetBytes(secret));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another node or instance wrote it first: use theirs.
            return File.ReadAllText(path).Trim();
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return secret;
    }
}

/// <summary>The simulated gateway's callback body (camelCase JSON).</summary>
/// <param name="Timestamp">Unix seconds when signed.</param>
public sealed record SimulatedNotice(
    string OrderNo, string TransactionId, long AmountFen, string Status, DateTimeOffset PaidAt, string Nonce, long Timestamp);
