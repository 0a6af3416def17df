using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Vanguard.Server.Modules.Online.Contracts;

namespace Vanguard.Server.Modules.Online.Access;

/// <summary>
/// Pay links (<see cref="IOnlinePayLinks"/>): the token is the case id, data-protected for <c>PayLinkDays</c> under a
/// purpose of its own, so it proves that one case and nothing else, and a session token is never a pay token.
/// </summary>
internal sealed class PayLinks(IDataProtectionProvider protection, IOptions<OnlineOptions> options, TimeProvider clock) : IOnlinePayLinks
{
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("Vanguard.Online.PayLink.v1").ToTimeLimitedDataProtector();

    public string PayUrl(Guid caseId)
    {
        var token = _protector.Protect(caseId.ToString("N"), clock.GetUtcNow().AddDays(options.Value.PayLinkDays));
        return $"{options.Value.PortalUrl.TrimEnd('/')}/pay/{caseId}?t={Uri.EscapeDataString(token)}";
    }

    /// <summary>Whether the token proves this case and has not expired.</summary>
    public bool Proves(Guid caseId, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return false;
        }

        try
        {
            var payload = _protector.Unprotect(token, out var expires);
            return expires >= clock.GetUtcNow() && payload == caseId.ToString("N");
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
