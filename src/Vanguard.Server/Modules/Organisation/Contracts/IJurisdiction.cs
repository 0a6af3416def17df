namespace Vanguard.Server.Modules.Organisation.Contracts;

/// <summary>
/// The agencies whose data the current caller may see and change: their own agency and everything under it.
/// The DbContext applies it to every <see cref="IAgencyOwned"/> entity as a query filter and checks it on save,
/// so no endpoint has to remember it.
/// </summary>
public interface IJurisdiction
{
    /// <summary>True for the province administrator, evaluators of the province and the platform's own jobs.</summary>
    bool IsUnrestricted { get; }

    /// <summary>The agencies in scope when <see cref="IsUnrestricted"/> is false (empty for anonymous callers).</summary>
    IReadOnlyCollection<Guid> AgencyIds { get; }

    bool Covers(Guid agencyId) => IsUnrestricted || AgencyIds.Contains(agencyId);
}

/// <summary>An entity that belongs to one agency and is therefore subject to jurisdiction scoping.</summary>
public interface IAgencyOwned
{
    Guid AgencyId { get; }
}

/// <summary>A fixed jurisdiction, for background jobs, seeding and tools.</summary>
public sealed class FixedJurisdiction(bool unrestricted, IReadOnlyCollection<Guid> agencyIds) : IJurisdiction
{
    /// <summary>The platform itself (migrations, seeding, scheduled jobs).</summary>
    public static FixedJurisdiction System { get; } = new(true, []);

    public static FixedJurisdiction Nothing { get; } = new(false, []);

    public bool IsUnrestricted { get; } = unrestricted;

    public IReadOnlyCollection<Guid> AgencyIds { get; } = agencyIds;
}

/// <summary>Raised when a save would touch data outside the caller's jurisdiction; a bug or an attack, never a user error.</summary>
public sealed class JurisdictionViolationException(string message) : Exception(message);
