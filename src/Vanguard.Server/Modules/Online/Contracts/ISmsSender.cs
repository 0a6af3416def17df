namespace Vanguard.Server.Modules.Online.Contracts;

/// <summary>
/// How the portal texts a party (one-time codes, notices of electronic service). Pluggable: the default keeps the message
/// in the <c>online_sms_outbox</c> table for the operator's SMS gateway; a real gateway replaces it in DI. Throwing
/// means "not sent": a delivery is then not served.
/// </summary>
public interface ISmsSender
{
    Task SendAsync(string phone, string text, string purpose, CancellationToken ct);
}
