namespace Vanguard.Server.Modules.Online.Contracts;

/// <summary>
/// A link that lets the party of one case pay it on the portal without the SMS notice code: the terminal puts it in the
/// payment QR code it shows on the spot (docs/online.md, "Pay links"). The link carries a data-protected, time-limited
/// proof of that one case; opening it starts a party session for the case.
/// </summary>
public interface IOnlinePayLinks
{
    /// <summary>The absolute URL (<c>{PortalUrl}/pay/{caseId}?t=…</c>) of the case's payment page.</summary>
    string PayUrl(Guid caseId);
}
