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

    /// <summary>The officers with that officer number the caller may see (unique per agency, so possibly more than one).</summary>
    Task<IReadOnlyList<OfficerInfo>> FindByNumberAsync(string officerNo, CancellationToken ct);

    /// <summary>The active officers of one agency (not its sub-agencies) with their 执法证, by officer number.</summary>
    Task<IReadOnlyList<OfficerCard>> InAgencyAsync(Guid agencyId, CancellationToken ct);
}

public sealed record OfficerInfo(Guid Id, Guid AgencyId, string OfficerNo, string Name, bool Active);

/// <summary>An officer with their 执法证 (number and validity), e.g. to pick the second officer of an on-the-spot decision.</summary>
public sealed record OfficerCard(Guid Id, Guid AgencyId, string OfficerNo, string Name, string? CertificateNo, DateOnly? CertificateValidUntil);
