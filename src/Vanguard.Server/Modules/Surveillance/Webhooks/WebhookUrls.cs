using System.Net;
using System.Net.Sockets;

namespace Vanguard.Server.Modules.Surveillance.Webhooks;

/// <summary>
/// Which addresses a list's hits may be POSTed to. A hit names a vehicle, a place and a time: personal data that must
/// not cross a network in clear. So: https to any host; plain http only to this machine or to a private IP address
/// written as such (a receiver inside the same 政务内网), never to a host name — a name could resolve anywhere.
/// </summary>
internal static class WebhookUrls
{
    public const int MaxLength = 500;

    public static WebhookUrlVerdict Check(string url)
    {
        if (url.Length > MaxLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || !string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Fragment) || string.IsNullOrEmpty(uri.Host))
        {
            return WebhookUrlVerdict.Malformed;
        }

        // A literal address no receiver has is refused at once; a name resolving to one is refused when sending (WebhookConnections).
        if (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var literal) && WebhookConnections.IsForbidden(literal))
        {
            return WebhookUrlVerdict.Refused;
        }

        return uri.Scheme == "https" || IsLoopbackOrPrivate(uri) ? WebhookUrlVerdict.Acceptable : WebhookUrlVerdict.Insecure;
    }

    private static bool IsLoopbackOrPrivate(Uri uri)
    {
        if (uri.IsLoopback)
        {
            return true;
        }

        if (!IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var address))
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            // fc00::/7: unique local addresses.
            return (address.GetAddressBytes()[0] & 0xFE) == 0xFC;
        }

        var b = address.GetAddressBytes();
        return b[0] == 10 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168) || b[0] == 127;
    }
}

internal enum WebhookUrlVerdict
{
    Acceptable,

    /// <summary>Not an absolute http(s) URL of at most 500 characters without user info or fragment.</summary>
    Malformed,

    /// <summary>Plain http to a host name or a public address.</summary>
    Insecure,

    /// <summary>A link-local, multicast, broadcast or unspecified address (the instance metadata service, say).</summary>
    Refused,
}
