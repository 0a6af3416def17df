using Microsoft.EntityFrameworkCore;

namespace Vanguard.Server.Modules.Warnings.Data;

internal static class WarningsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Warning>(e =>
        {
            e.ToTable("warnings_warnings");
            // Idempotency is in the database (conventions §7): whichever run or node writes a finding first wins; the other loses here.
            e.HasIndex(x => x.FindingKey).IsUnique();
            e.HasIndex(x => x.OpenKey).IsUnique().HasFilter("\"OpenKey\" IS NOT NULL");
            e.HasIndex(x => new { x.AgencyId, x.ClosedAt });
            e.HasIndex(x => x.RaisedAt);
            e.Property(x => x.RuleCode).HasMaxLength(64);
            e.Property(x => x.Subject).HasMaxLength(120);
            e.Property(x => x.FindingKey).HasMaxLength(300);
            e.Property(x => x.OpenKey).HasMaxLength(200);
            e.Property(x => x.Summary).HasMaxLength(500);
            e.Property(x => x.FiguresJson).HasMaxLength(4000);
            e.Property(x => x.EvidenceRefs).HasMaxLength(4000);
            e.Property(x => x.LeaderAccounts).HasMaxLength(500);
            e.Property(x => x.Response).HasMaxLength(2000);
            e.Property(x => x.RespondedById).HasMaxLength(64);
            e.Property(x => x.RespondedByName).HasMaxLength(100);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        b.Entity<WarningRuleSetting>(e =>
        {
            e.ToTable("warnings_rule_settings");
            e.HasIndex(x => new { x.AgencyId, x.RuleCode }).IsUnique();
            e.Property(x => x.RuleCode).HasMaxLength(64);
            e.Property(x => x.Value).HasPrecision(12, 2);
            e.Property(x => x.Percent).HasPrecision(6, 2);
            e.Property(x => x.UpdatedBy).HasMaxLength(100);
        });
    }
}
