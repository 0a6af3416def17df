namespace Vanguard.Server.Modules.Organisation.Contracts;

/// <summary>
/// For the public portal (不见面执法): a party has proven a case (plate + notice code, or a one-time code) and acts on it
/// without a staff account. <see cref="Enter"/> lets the current unit of work read and change data of any agency (the
/// portal itself limits it to the proven cases) and names the party in case events and audit entries.
/// Call it before the first database query of the unit of work.
/// </summary>
public interface IPublicPartyScope
{
    /// <param name="partyId">A stable pseudonymous id (e.g. <c>online:ab12…</c>), never a plate or a phone.</param>
    /// <param name="displayName">What the timeline shows (当事人（网上办理）).</param>
    void Enter(string partyId, string displayName);
}
