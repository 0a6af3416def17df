namespace Vanguard.Server.Modules.Audit.Contracts;

/// <summary>
/// The hash-chained audit log (可溯). <see cref="Record"/> stages an entry in the caller's unit of work, so the entry
/// commits or rolls back together with the change it describes; the chainer links committed entries in order.
/// </summary>
public interface IAuditLog
{
    /// <summary>Stage an entry; it is written by the caller's next <c>SaveChangesAsync</c>.</summary>
    void Record(string action, string targetType, string targetId, object? payload = null, Guid? agencyId = null);

    /// <summary>Stage an entry on behalf of a named person, for actions taken before they are signed in (login).</summary>
    void RecordFor(AuditActor actor, string action, string targetType, string targetId, object? payload = null);
}

/// <summary>Who an entry is about when it is not the current actor.</summary>
public sealed record AuditActor(string Kind, string Id, string Name, Guid? AgencyId);
