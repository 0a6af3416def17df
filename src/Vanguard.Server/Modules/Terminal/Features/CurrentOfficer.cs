using Vanguard.Domain.Common;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Terminal.Features;

/// <summary>Who is acting on the terminal: the officer linked to the signed-in account.</summary>
internal sealed class CurrentOfficer(ICurrentActor actor, IOfficerDirectory officers)
{
    private OfficerInfo? _officer;

    public async Task<Result<OfficerInfo>> GetAsync(CancellationToken ct)
    {
        if (_officer is not null)
        {
            return _officer;
        }

        if (!Guid.TryParse(actor.OfficerId, out var id) || await officers.FindAsync(id, ct) is not { Active: true } officer)
        {
            return TerminalErrors.NotAnOfficer;
        }

        _officer = officer;
        return officer;
    }
}
