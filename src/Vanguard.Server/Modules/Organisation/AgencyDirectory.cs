using Microsoft.EntityFrameworkCore;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Organisation;

/// <summary>Keeps the agencies tree in memory: a province has a few hundred agencies, read on every request.</summary>
internal sealed class AgencyDirectory(IServiceScopeFactory scopes, TimeProvider clock) : IAgencyDirectory
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private readonly Lock _gate = new();
    private (AgencyTree Tree, DateTimeOffset LoadedAt)? _cached;

    public AgencyTree Current
    {
        get
        {
            var cached = _cached;
            if (cached is { } c && clock.GetUtcNow() - c.LoadedAt < MaxAge)
            {
                return c.Tree;
            }

            lock (_gate)
            {
                if (_cached is { } again && clock.GetUtcNow() - again.LoadedAt < MaxAge)
                {
                    return again.Tree;
                }

                var tree = Load();
                _cached = (tree, clock.GetUtcNow());
                return tree;
            }
        }
    }

    public void Invalidate() => _cached = null;

    private AgencyTree Load()
    {
        using var scope = scopes.CreateScope();
        using var db = SystemDb.Create(scope.ServiceProvider);
        var agencies = db.Agencies.AsNoTracking()
            .Select(a => new AgencyInfo(a.Id, a.Code, a.Name, a.ShortName, (int)a.Level, a.ParentId, a.DivisionCode))
            .ToList();
        return new AgencyTree(agencies);
    }
}
