using System.Security.Claims;

namespace Vanguard.Server.Modules.Organisation.Contracts;

/// <summary>
/// Holds the principal of the current unit of work: the HTTP request's user, or — inside a Blazor circuit, where
/// there is no request — the user the circuit handler put here. Background jobs of any module act as the platform
/// through <see cref="SetSystem"/>.
/// </summary>
public sealed class PrincipalAccessor(IHttpContextAccessor http)
{
    private ClaimsPrincipal? _explicit;

    public ClaimsPrincipal Principal => _explicit ?? http.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());

    public bool IsSystem { get; private set; }

    public void Set(ClaimsPrincipal principal) => _explicit = principal;

    /// <summary>For background jobs and tools: act as the platform itself, with no jurisdiction limits.</summary>
    public void SetSystem()
    {
        IsSystem = true;
        _explicit = new ClaimsPrincipal(new ClaimsIdentity());
    }
}
