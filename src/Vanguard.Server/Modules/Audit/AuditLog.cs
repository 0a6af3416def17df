using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Audit.Data;
using Vanguard.Server.Modules.Audit.Jobs;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Audit;

internal sealed class AuditLog(VanguardDbContext db, ICurrentActor actor, TimeProvider clock, AuditChainer chainer) : IAuditLog
{
    private bool _listening;

    public void Record(string action, string targetType, string targetId, object? payload = null, Guid? agencyId = null) =>
        RecordFor(new AuditActor(actor.Kind.ToString().ToLowerInvariant(), actor.Id, actor.Name, agencyId ?? actor.AgencyId), action, targetType, targetId, payload);

    public void RecordFor(AuditActor who, string action, string targetType, string targetId, object? payload = null)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            ActorKind = who.Kind,
            ActorId = who.Id,
            ActorName = who.Name,
            AgencyId = who.AgencyId,
            Action = action,
            TargetType = targetType,
            TargetId = targetId,
            PayloadDigest = AuditHash.DigestOf(payload),
        });
        if (!_listening)
        {
            _listening = true;
            db.SavedChanges += (_, _) => chainer.Notify();
        }
    }
}
