using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Vanguard.Server.Modules.Online.Access;

/// <summary>
/// A party's proof of the cases it may see (architecture: "the public portal authenticates a party per case"): the ids
/// proven by a notice code or a one-time code, data-protected with an expiry, carried in an HttpOnly, SameSite=Strict
/// cookie (browsers) or the <c>X-Online-Session</c> header (apps). Nothing of it is stored server-side.
/// </summary>
internal sealed class PartySessions(IDataProtectionProvider protection, IOptions<OnlineOptions> options, TimeProvider clock)
{
    public const string CookieName = "vg_online";
    public const string HeaderName = "X-Online-Session";

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("Vanguard.Online.PartySession.v1").ToTimeLimitedDataProtector();

    public PartySession? Read(HttpContext http)
    {
        var token = http.Request.Headers[HeaderName].ToString();
        if (string.IsNullOrEmpty(token))
        {
            token = http.Request.Cookies[CookieName] ?? string.Empty;
        }

        if (token.Length == 0)
        {
            return null;
        }

        try
        {
            var json = _protector.Unprotect(token, out var expires);
            return expires < clock.GetUtcNow() ? null : JsonSerializer.Deserialize<PartySession>(json);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Adds the cases to the caller's session (or starts one) and writes the cookie; returns the token.</summary>
    public string Grant(HttpContext http, IEnumerable<Guid> caseIds, string? plate) => Open(http, caseIds, plate).Token;

    /// <summary>As <see cref="Grant"/>, also giving the session itself (for the page that opens it in the same request).</summary>
    public (string Token, PartySession Session) Open(HttpContext http, IEnumerable<Guid> caseIds, string? plate)
    {
        var current = Read(http);
        var session = new PartySession(
            current?.Id ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            (current?.CaseIds ?? []).Concat(caseIds).Distinct().Take(50).ToList(),
            plate ?? current?.Plate);
        var lifetime = TimeSpan.FromMinutes(options.Value.SessionMinutes);
        var token = _protector.Protect(JsonSerializer.Serialize(session), clock.GetUtcNow().Add(lifetime));
        http.Response.Cookies.Append(CookieName, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            IsEssential = true,
            Path = "/",
            MaxAge = lifetime,
        });
        return (token, session);
    }

    public static void End(HttpContext http) => http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/", SameSite = SameSiteMode.Strict });
}

/// <param name="Id">Pseudonymous session id: what case events and audit entries name.</param>
/// <param name="Plate">The plate proven by a one-time code, when the session came from one.</param>
internal sealed record PartySession(string Id, IReadOnlyList<Guid> CaseIds, string? Plate)
{
    public bool Covers(Guid caseId) => CaseIds.Contains(caseId);
}
