using Microsoft.EntityFrameworkCore;

namespace Vanguard.Server.Modules.Terminal.Data;

internal static class TerminalModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<DutySession>(e =>
        {
            e.ToTable("terminal_duty_sessions");
            e.HasIndex(x => new { x.OfficerId, x.EndedAt });
            e.HasIndex(x => x.AgencyId);
        });
        b.Entity<PositionPoint>(e =>
        {
            e.ToTable("terminal_positions");
            // Idempotency lives in the database: a fix resent by the terminal's queue is a duplicate, never a second row.
            e.HasIndex(x => new { x.OfficerId, x.At }).IsUnique();
        });
        b.Entity<LastPosition>(e =>
        {
            e.ToTable("terminal_last_positions");
            e.HasKey(x => x.OfficerId);
            e.HasIndex(x => x.AgencyId);
        });
        b.Entity<TerminalTask>(e =>
        {
            e.ToTable("terminal_tasks");
            e.HasIndex(x => new { x.OfficerId, x.UpdatedAt });
            e.HasIndex(x => new { x.AgencyId, x.DispatchedAt });
            e.HasIndex(x => new { x.SourceType, x.SourceRef });
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.Detail).HasMaxLength(2000);
            e.Property(x => x.Place).HasMaxLength(200);
            e.Property(x => x.SourceType).HasMaxLength(32);
            e.Property(x => x.SourceRef).HasMaxLength(64);
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.DispatchedBy).HasMaxLength(100);
            e.Property(x => x.DispatchedById).HasMaxLength(64);
            e.Property(x => x.Outcome).HasMaxLength(16);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        b.Entity<LookupRecord>(e =>
        {
            e.ToTable("terminal_lookups");
            e.HasIndex(x => new { x.AgencyId, x.At });
            e.HasIndex(x => new { x.ActorId, x.At });
            e.Property(x => x.ActorId).HasMaxLength(64);
            e.Property(x => x.ActorName).HasMaxLength(100);
            e.Property(x => x.Kind).HasMaxLength(16);
            e.Property(x => x.Query).HasMaxLength(64);
            e.Property(x => x.Purpose).HasMaxLength(100);
            e.Property(x => x.TargetId).HasMaxLength(64);
        });
    }
}
