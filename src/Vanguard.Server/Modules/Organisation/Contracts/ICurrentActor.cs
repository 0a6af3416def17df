namespace Vanguard.Server.Modules.Organisation.Contracts;

/// <summary>Who is acting now: a person, a device or the platform itself. Used by audit and scoping.</summary>
public interface ICurrentActor
{
    ActorKind Kind { get; }

    /// <summary>User id, device code or "system".</summary>
    string Id { get; }

    string Name { get; }

    Guid? AgencyId { get; }

    /// <summary>The officer record linked to a person's account, if any.</summary>
    string? OfficerId { get; }

    bool IsInRole(string role);
}

public enum ActorKind
{
    Anonymous,
    Person,
    Device,
    System,
}
