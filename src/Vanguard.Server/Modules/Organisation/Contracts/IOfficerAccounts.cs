namespace Vanguard.Server.Modules.Organisation.Contracts;

/// <summary>
/// How people and officers meet: an audit entry names the account (<c>ActorId</c> = the account's id), an officer is a
/// record of the organisation; an account may be linked to one officer (<c>StaffUser.OfficerId</c>). For the officer trace
/// and the "八六四" accountability records of supervision.
/// </summary>
public interface IOfficerAccounts
{
    /// <summary>The ids (as audit entries carry them) of the accounts linked to the officer; the officer must be in the caller's jurisdiction.</summary>
    Task<IReadOnlyList<string>> AccountIdsAsync(Guid officerId, CancellationToken ct);

    /// <summary>The administrators (机构管理员) of exactly that agency, by name: who stands for its 站(队)长 or head on the platform.</summary>
    Task<IReadOnlyList<AgencyLeader>> LeadersAsync(Guid agencyId, CancellationToken ct);
}

public sealed record AgencyLeader(string AccountId, string Name, Guid? OfficerId);
