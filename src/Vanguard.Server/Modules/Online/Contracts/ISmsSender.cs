namespace Vanguard.Server.Modules.Online.Contracts;

/// <summary>
/// How the portal texts a party (one-time codes, notices of electronic service). Pluggable: the default keeps the message
/// in the <c>online_sms_outbox</c> table for the operator's SMS gateway; a real gateway replaces it in DI. Throwing
/// means "not sent": a delivery is then not served (the serve step is rolled back). Returning means "sent" as far as the
/// platform records it — for the default outbox, staged in the caller's transaction; a production gateway must record
/// the time the carrier reports success, which is the date of electronic service (docs/online.md).
/// </summary>
public interface ISmsSender
{
    Task SendAsync(string phone, string text, string purpose, CancellationToken ct);
}
