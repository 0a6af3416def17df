namespace Vanguard.Server.Modules.Organisation.Contracts;

/// <summary>
/// The responsible leaders of agencies: the accounts holding the agency administrator role (单位管理员/负责人), for the modules that
/// address something to a leader (问题预警). Not filtered by jurisdiction: the platform's jobs ask, and only names are given.
/// </summary>
public interface IAgencyLeaders
{
    /// <summary>Per agency, its administrators' accounts (active, not locked out), by user name.</summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<LeaderAccount>>> AdministratorsAsync(CancellationToken ct);
}

public sealed record LeaderAccount(string UserName, string DisplayName);
