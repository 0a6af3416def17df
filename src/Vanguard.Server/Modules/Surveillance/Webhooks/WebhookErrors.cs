using Vanguard.Domain.Common;

namespace Vanguard.Server.Modules.Surveillance.Webhooks;

internal static class WebhookErrors
{
    public static readonly Error WatchlistNotFound = SurveillanceErrors.WatchlistNotFound;

    public static readonly Error NotSet = Error.Conflict(
        "surveillance.webhook_not_set", "该名单尚未设置推送地址，请先设置。", "The list has no webhook yet; set one first.");

    public static readonly Error InsecureUrl = new(
        "surveillance.webhook_url_insecure",
        "推送地址须使用 https；http 仅允许本机或内网 IP 地址（127.0.0.0/8、10.0.0.0/8、172.16.0.0/12、192.168.0.0/16、::1、fc00::/7）。",
        "The webhook URL must use https; plain http is allowed only to loopback or private IP addresses.",
        ErrorKind.Validation);

    public static readonly Error AddressRefused = new(
        "surveillance.webhook_url_refused",
        "推送地址不允许指向链路本地（169.254.0.0/16、fe80::/10）、组播、广播或未指定地址。",
        "The webhook URL must not point at a link-local, multicast, broadcast or unspecified address.",
        ErrorKind.Validation);

    public static readonly Error VersionConflict = SurveillanceErrors.ConcurrentUpdate;
}
