namespace Vanguard.Server.Modules.Organisation.Contracts;

/// <summary>A cached, read-only view of the whole agencies tree, for scoping and look-ups by code.</summary>
public interface IAgencyDirectory
{
    AgencyTree Current { get; }

    /// <summary>Forget the cache after the tree changed on this node (other nodes refresh within a minute).</summary>
    void Invalidate();
}

public sealed record AgencyInfo(Guid Id, string Code, string Name, string? ShortName, int Level, Guid? ParentId, string DivisionCode);

public sealed class AgencyTree
{
    private readonly Dictionary<Guid, AgencyInfo> _byId;
    private readonly Dictionary<string, AgencyInfo> _byCode;
    private readonly ILookup<Guid?, AgencyInfo> _children;

    public AgencyTree(IEnumerable<AgencyInfo> agencies)
    {
        All = agencies.OrderBy(a => a.Level).ThenBy(a => a.Code, StringComparer.Ordinal).ToList();
        _byId = All.ToDictionary(a => a.Id);
        _byCode = All.ToDictionary(a => a.Code, StringComparer.Ordinal);
        _children = All.ToLookup(a => a.ParentId);
    }

    public IReadOnlyList<AgencyInfo> All { get; }

    public AgencyInfo? Find(Guid id) => _byId.GetValueOrDefault(id);

    public AgencyInfo? FindByCode(string code) => _byCode.GetValueOrDefault(code);

    public IEnumerable<AgencyInfo> Children(Guid? parentId) => _children[parentId];

    /// <summary>The agency and every agency under it.</summary>
    public HashSet<Guid> Subtree(Guid id)
    {
        var result = new HashSet<Guid>();
        var pending = new Stack<Guid>();
        pending.Push(id);
        while (pending.TryPop(out var next))
        {
            if (result.Add(next))
            {
                foreach (var child in _children[next])
                {
                    pending.Push(child.Id);
                }
            }
        }

        return result;
    }

    /// <summary>The agency's ancestors from the root down, itself last.</summary>
    public IReadOnlyList<AgencyInfo> PathTo(Guid id)
    {
        var path = new List<AgencyInfo>();
        for (var a = Find(id); a is not null; a = a.ParentId is { } p ? Find(p) : null)
        {
            path.Insert(0, a);
        }

        return path;
    }
}
