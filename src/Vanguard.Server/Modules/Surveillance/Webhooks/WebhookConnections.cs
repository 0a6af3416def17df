using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;

namespace Vanguard.Server.Modules.Surveillance.Webhooks;

/// <summary>
/// How the webhook client connects. The URL rule (<see cref="WebhookUrls"/>) is checked when a list's URL is set, but a
/// host name can resolve anywhere at send time: so every connection resolves the name itself and refuses addresses no
/// receiver has — link-local (169.254.0.0/16 with the cloud metadata service, fe80::/10), multicast, unspecified and
/// broadcast. Loopback and private addresses stay allowed: receivers inside the same 政务内网 are legitimate.
/// </summary>
internal static class WebhookConnections
{
    public static SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        ConnectCallback = ConnectAsync,
    };

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var allowed = addresses.Where(a => !IsForbidden(a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new WebhookAddressRefusedException(host);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Addresses a webhook never goes to (see the class summary).</summary>
    public static bool IsForbidden(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return address.IsIPv6LinkLocal || address.IsIPv6Multicast || address.Equals(IPAddress.IPv6Any);
        }

        var b = address.GetAddressBytes();
        return b[0] == 0 // 0.0.0.0/8: "this network", unspecified
            || (b[0] == 169 && b[1] == 254) // link-local, incl. 169.254.169.254 (instance metadata)
            || b[0] >= 224 // multicast 224/4, reserved 240/4 and the broadcast address
            || address.Equals(IPAddress.Broadcast);
    }

    /// <summary>What a failed delivery records: a category an officer understands, never the raw exception text.</summary>
    public static string Category(HttpRequestException failure)
    {
        for (Exception? e = failure; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case WebhookAddressRefusedException:
                    return "地址不允许（链路本地、组播或未指定地址）";
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return "连接被拒绝";
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain }:
                    return "域名无法解析";
                case SocketException { SocketErrorCode: SocketError.TimedOut }:
                    return "连接超时";
                case SocketException { SocketErrorCode: SocketError.NetworkUnreachable or SocketError.HostUnreachable }:
                    return "网络不可达";
                case AuthenticationException:
                    return "TLS 握手失败（证书无效或不受信任）";
            }
        }

        return "网络错误";
    }
}

/// <summary>Raised inside the connect callback when every address of the receiver is one a webhook never goes to.</summary>
internal sealed class WebhookAddressRefusedException(string host) : IOException($"Webhook receiver {host} resolves only to refused addresses.");
