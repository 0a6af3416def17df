namespace Vanguard.Server.Modules.Organisation.Contracts;

/// <summary>
/// Officers as other modules see them (the terminal's duty, tasks and command map). Reads go through the caller's
/// jurisdiction: an officer outside it is not found.
/// </summary>
public interface IOfficerDirectory
{
    Task<OfficerInfo?> FindAsync(Guid officerId, CancellationToken ct);

    /// <summary>The officers with those ids that the caller may see.</summary>
    Task<IReadOnlyDictionary<Guid, OfficerInfo>> FindManyAsync(IReadOnlyCollection<Guid> officerIds, CancellationToken ct);
}

public sealed record OfficerInfo(Guid Id, Guid AgencyId, string OfficerNo, string Name, bool Active);
