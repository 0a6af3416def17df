using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Vanguard.Server.Modules.Surveillance.Webhooks;

/// <summary>
/// A list's webhook secret: 32 random bytes as 64 hex characters, shown to the caller once and stored only protected
/// with ASP.NET Core Data Protection (keys in the data directory's <c>keys</c> folder; nodes of one installation must
/// share that folder, or a node cannot sign what another queued).
/// </summary>
internal sealed class WebhookSecrets(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Vanguard.Surveillance.WebhookSecret");

    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public string Protect(string secret) => _protector.Protect(secret);

    /// <exception cref="CryptographicException">The key that protected it is gone (the secret must be rotated).</exception>
    public string Unprotect(string stored) => _protector.Unprotect(stored);
}
