using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Evidence.Data;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Evidence.Features;

/// <summary>
/// The chain of custody (证据保管链): every access to or change of an item is staged twice in the caller's unit of work —
/// as a line of the item's custody table, and in the hash-chained audit log — and commits with the caller's save.
/// Who comes from the current actor; from where from the HTTP request (remote address, user agent) when there is one.
/// </summary>
internal sealed class CustodyLog(VanguardDbContext db, ICurrentActor actor, IAuditLog audit, TimeProvider clock, IHttpContextAccessor http)
{
    public const int UserAgentMax = 300;

    public CustodyEntry Record(EvidenceItem item, string action, string? details = null)
    {
        var request = http.HttpContext;
        var entry = new CustodyEntry
        {
            EvidenceId = item.Id,
            AgencyId = item.AgencyId,
            At = clock.GetUtcNow(),
            Action = action,
            ActorKind = actor.Kind.ToString().ToLowerInvariant(),
            ActorId = actor.Id,
            ActorName = actor.Name,
            RemoteIp = request?.Connection.RemoteIpAddress?.ToString(),
            UserAgent = request?.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua[..Math.Min(ua.Length, UserAgentMax)] : null,
            Details = details is { Length: > 1000 } ? details[..1000] : details,
        };
        db.Add(entry);
        audit.Record("evidence." + action, "evidence", item.Id.ToString(),
            new { item.Sha256, details, entry.RemoteIp, entry.UserAgent }, item.AgencyId);
        return entry;
    }
}
