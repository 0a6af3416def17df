using Microsoft.EntityFrameworkCore;

namespace Vanguard.Server.Modules.Credit.Data;

internal static class CreditModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<CreditEvent>(e =>
        {
            e.ToTable("credit_events");
            // Written once per case, subject and role, whichever node's job gets there first (conventions §7).
            e.HasIndex(x => new { x.CaseId, x.SubjectKind, x.SubjectKey, x.Role }).IsUnique();
            e.HasIndex(x => new { x.SubjectKind, x.SubjectKey, x.ActOn });
            e.HasIndex(x => new { x.Role, x.ActOn });
            e.Property(x => x.SubjectKind).HasMaxLength(16);
            e.Property(x => x.SubjectKey).HasMaxLength(64);
            e.Property(x => x.SubjectName).HasMaxLength(200);
            e.Property(x => x.Role).HasMaxLength(16);
            e.Property(x => x.CaseNumber).HasMaxLength(100);
            e.Property(x => x.OffenceCode).HasMaxLength(64);
            e.Property(x => x.OffenceName).HasMaxLength(200);
            e.Property(x => x.VoidReason).HasMaxLength(500);
        });
        b.Entity<OverloadParties>(e =>
        {
            e.ToTable("credit_overload_parties");
            e.HasKey(x => x.CaseId);
            e.HasIndex(x => x.ProcessedAt);
            e.Property(x => x.DriverIdNumber).HasMaxLength(18);
            e.Property(x => x.DriverName).HasMaxLength(50);
            e.Property(x => x.DriverQualificationNo).HasMaxLength(32);
            e.Property(x => x.SourceCreditCode).HasMaxLength(18);
            e.Property(x => x.SourceName).HasMaxLength(200);
            e.Property(x => x.RecordedBy).HasMaxLength(100);
        });
        b.Entity<CreditCursor>(e =>
        {
            e.ToTable("credit_cursors");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(32);
        });
        b.Entity<BlacklistEntry>(e =>
        {
            e.ToTable("credit_blacklist");
            // One open entry per subject and rule: a second node's job proposing the same listing loses here.
            e.HasIndex(x => new { x.SubjectKind, x.SubjectKey, x.Rule }).IsUnique().HasFilter("\"Status\" IN ('proposed', 'listed')");
            e.HasIndex(x => new { x.Status, x.ProposedAt });
            e.HasIndex(x => x.ExpiresOn);
            e.Property(x => x.SubjectKind).HasMaxLength(16);
            e.Property(x => x.SubjectKey).HasMaxLength(64);
            e.Property(x => x.SubjectName).HasMaxLength(200);
            e.Property(x => x.Rule).HasMaxLength(32);
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.Reason).HasMaxLength(1000);
            e.Property(x => x.CountedCaseIds).HasMaxLength(8000);
            e.Property(x => x.CountedCaseNumbers).HasMaxLength(8000);
            e.Property(x => x.ListedBy).HasMaxLength(100);
            e.Property(x => x.ListNote).HasMaxLength(1000);
            e.Property(x => x.DelistKind).HasMaxLength(16);
            e.Property(x => x.DelistReason).HasMaxLength(1000);
            e.Property(x => x.DelistedBy).HasMaxLength(100);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        b.Entity<RepairApplication>(e =>
        {
            e.ToTable("credit_repairs");
            // One pending application per entry.
            e.HasIndex(x => x.EntryId).IsUnique().HasFilter("\"Status\" = 'pending'");
            e.HasIndex(x => new { x.Status, x.AppliedAt });
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.Commitment).HasMaxLength(4000);
            e.Property(x => x.Rectification).HasMaxLength(4000);
            e.Property(x => x.AppliedBy).HasMaxLength(100);
            e.Property(x => x.DecidedBy).HasMaxLength(100);
            e.Property(x => x.DecisionNote).HasMaxLength(1000);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
    }
}
