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

    /// <summary>Set for a public party acting online (<see cref="IPublicPartyScope"/>): the id and name events carry.</summary>
    public (string Id, string Name)? PublicParty { get; private set; }

    public void Set(ClaimsPrincipal principal) => _explicit = principal;

    /// <summary>For background jobs and tools: act as the platform itself, with no jurisdiction limits.</summary>
    public void SetSystem()
    {
        IsSystem = true;
        _explicit = new ClaimsPrincipal(new ClaimsIdentity());
    }

    /// <summary>A public party on its proven cases: unrestricted like the platform's jobs, but named as the party.</summary>
    public void SetPublicParty(string id, string name)
    {
        SetSystem();
        PublicParty = (id, name);
    }
}
