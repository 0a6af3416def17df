namespace Vanguard.Server.Modules.Organisation.Contracts;

/// <summary>
/// How people and officers meet: an audit entry names the account (<c>ActorId</c> = the account's id), an officer is a
/// record of the organisation; an account may be linked to one officer (<c>StaffUser.OfficerId</c>). For the officer trace
/// (the agency's leaders: <see cref="IAgencyLeaders"/>).
/// </summary>
public interface IOfficerAccounts
{
    /// <summary>The ids (as audit entries carry them) of the accounts linked to the officer; the officer must be in the caller's jurisdiction.</summary>
    Task<IReadOnlyList<string>> AccountIdsAsync(Guid officerId, CancellationToken ct);
}
