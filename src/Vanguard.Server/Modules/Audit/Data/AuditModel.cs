using Microsoft.EntityFrameworkCore;

namespace Vanguard.Server.Modules.Audit.Data;

internal static class AuditModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.HasIndex(a => a.Sequence).IsUnique();
            e.HasIndex(a => new { a.ActorId, a.At });
            e.HasIndex(a => new { a.TargetType, a.TargetId });
            // The monthly evaluation finds a month's span of the chain and its agencies by time (审计链完整).
            e.HasIndex(a => new { a.At, a.AgencyId });
            e.Property(a => a.ActorKind).HasMaxLength(16);
            e.Property(a => a.ActorId).HasMaxLength(64);
            e.Property(a => a.ActorName).HasMaxLength(100);
            e.Property(a => a.Action).HasMaxLength(64);
            e.Property(a => a.TargetType).HasMaxLength(64);
            e.Property(a => a.TargetId).HasMaxLength(128);
            e.Property(a => a.PayloadDigest).HasMaxLength(64);
            e.Property(a => a.PreviousHash).HasMaxLength(64);
            e.Property(a => a.Hash).HasMaxLength(64);
        });
        b.Entity<AuditChainHead>(e =>
        {
            e.ToTable("audit_chain_head");
            e.Property(h => h.Id).ValueGeneratedNever();
            e.Property(h => h.LastHash).HasMaxLength(64);
        });
    }
}
