namespace Vanguard.Server.Modules.Organisation.Contracts;

/// <summary>
/// The responsible leaders of agencies: the accounts holding the agency administrator role (机构管理员, who stands for the
/// 站(队)长 or head on the platform), for the modules that address something to a leader (问题预警) or name one ("八六四" 四必究).
/// Not filtered by jurisdiction: the platform's jobs ask, and only names are given. Locked-out accounts are left out.
/// </summary>
public interface IAgencyLeaders
{
    /// <summary>Per agency, its administrators' accounts, by user name.</summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<LeaderAccount>>> AdministratorsAsync(CancellationToken ct);

    /// <summary>The administrators of exactly that agency, by user name.</summary>
    Task<IReadOnlyList<LeaderAccount>> OfAgencyAsync(Guid agencyId, CancellationToken ct);
}

public sealed record LeaderAccount(string UserName, string DisplayName);
