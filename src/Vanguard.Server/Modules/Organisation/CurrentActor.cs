using System.Security.Claims;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Organisation;

internal sealed class PublicPartyScope(PrincipalAccessor accessor) : IPublicPartyScope
{
    public void Enter(string partyId, string displayName) => accessor.SetPublicParty(partyId, displayName);
}

internal sealed class CurrentActor(PrincipalAccessor accessor) : ICurrentActor
{
    private ClaimsPrincipal User => accessor.Principal;

    public ActorKind Kind => accessor.IsSystem
        ? ActorKind.System
        : User.Identity?.IsAuthenticated != true
            ? ActorKind.Anonymous
            : User.FindFirstValue(VanguardClaims.ActorKind) == "device" ? ActorKind.Device : ActorKind.Person;

    public string Id => Kind switch
    {
        ActorKind.System => accessor.PublicParty?.Id ?? "system",
        ActorKind.Anonymous => "anonymous",
        _ => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown",
    };

    public string Name => Kind switch
    {
        ActorKind.System => accessor.PublicParty?.Name ?? "系统",
        ActorKind.Anonymous => "匿名",
        _ => User.FindFirstValue(VanguardClaims.DisplayName) ?? User.Identity?.Name ?? Id,
    };

    public Guid? AgencyId => Guid.TryParse(User.FindFirstValue(VanguardClaims.AgencyId), out var id) ? id : null;

    public string? OfficerId => Kind == ActorKind.Person ? User.FindFirstValue(VanguardClaims.OfficerId) : null;

    public bool IsInRole(string role) => Kind != ActorKind.Anonymous && User.IsInRole(role);
}

/// <summary>The jurisdiction of the current actor, worked out once per unit of work.</summary>
internal sealed class ActorJurisdiction(ICurrentActor actor, IAgencyDirectory directory) : IJurisdiction
{
    private IJurisdiction? _resolved;

    public bool IsUnrestricted => Resolve().IsUnrestricted;

    public IReadOnlyCollection<Guid> AgencyIds => Resolve().AgencyIds;

    private IJurisdiction Resolve() => _resolved ??= actor.Kind switch
    {
        ActorKind.System => FixedJurisdiction.System,
        ActorKind.Anonymous => FixedJurisdiction.Nothing,
        _ when actor.IsInRole(Role.ProvinceAdmin) => FixedJurisdiction.System,
        _ when actor.AgencyId is { } agency => new FixedJurisdiction(false, directory.Current.Subtree(agency)),
        _ => FixedJurisdiction.Nothing,
    };
}
