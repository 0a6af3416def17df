using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Vanguard.Server.Modules.Surveillance.Webhooks;

/// <summary>
/// The <c>Vanguard-Signature</c> header of a webhook delivery: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256&gt;</c> over
/// <c>"&lt;t&gt;.&lt;body&gt;"</c>, keyed with the UTF-8 bytes of the list's secret exactly as it was shown (64 hex characters).
/// The timestamp inside the signed text lets a receiver refuse a captured request replayed later.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "Vanguard-Signature";

    /// <summary>How far the signature's time may be from the receiver's clock by default (either way).</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    public static string Compute(string secret, long unixSeconds, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(Signed(unixSeconds, body)));
        return "t=" + unixSeconds.ToString(CultureInfo.InvariantCulture) + ",v1=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>
    /// True when <paramref name="header"/> carries a <c>v1</c> signature of <paramref name="body"/> made with
    /// <paramref name="secret"/> and its <c>t</c> is within <paramref name="tolerance"/> of <paramref name="now"/>.
    /// The comparison takes constant time.
    /// </summary>
    public static bool Verify(string secret, string? header, string body, DateTimeOffset now, TimeSpan? tolerance = null)
    {
        if (!TryParse(header, out var unixSeconds, out var signatures))
        {
            return false;
        }

        var skew = Math.Abs(now.ToUnixTimeSeconds() - unixSeconds);
        if (skew > (long)(tolerance ?? DefaultTolerance).TotalSeconds)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(Signed(unixSeconds, body)));
        var ok = false;
        foreach (var signature in signatures)
        {
            // Every v1 value is checked (a sender may list several during a key change); hex that does not parse never matches.
            var given = TryHex(signature);
            ok |= given is not null && CryptographicOperations.FixedTimeEquals(given, expected);
        }

        return ok;
    }

    private static string Signed(long unixSeconds, string body) => unixSeconds.ToString(CultureInfo.InvariantCulture) + "." + body;

    private static bool TryParse(string? header, out long unixSeconds, out List<string> signatures)
    {
        unixSeconds = 0;
        signatures = [];
        var hasTime = false;
        foreach (var part in (header ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var key = part[..eq];
            var value = part[(eq + 1)..];
            if (key == "t" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                unixSeconds = t;
                hasTime = true;
            }
            else if (key == "v1")
            {
                signatures.Add(value);
            }
        }

        return hasTime && signatures.Count > 0;
    }

    private static byte[]? TryHex(string hex)
    {
        try
        {
            return hex.Length == 64 ? Convert.FromHexString(hex) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
