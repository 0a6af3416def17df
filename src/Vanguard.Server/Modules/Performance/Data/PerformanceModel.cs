using Microsoft.EntityFrameworkCore;

namespace Vanguard.Server.Modules.Performance.Data;

internal static class PerformanceModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<CatalogueVersion>(e =>
        {
            e.ToTable("performance_catalogues");
            e.HasIndex(x => x.Number).IsUnique();
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.Note).HasMaxLength(500);
            e.Property(x => x.CreatedBy).HasMaxLength(100);
            e.Property(x => x.PublishedBy).HasMaxLength(100);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        b.Entity<ScoringRun>(e =>
        {
            e.ToTable("performance_runs");
            e.HasIndex(x => new { x.Month, x.Number }).IsUnique();
            e.Property(x => x.Month).HasMaxLength(7);
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.Reason).HasMaxLength(1000);
            e.Property(x => x.ComputedBy).HasMaxLength(100);
            e.Property(x => x.PublishedBy).HasMaxLength(100);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        b.Entity<AgencyScore>(e =>
        {
            e.ToTable("performance_scores");
            e.HasIndex(x => new { x.RunId, x.AgencyId }).IsUnique();
            e.Property(x => x.Score).HasPrecision(6, 2);
        });
        b.Entity<Objection>(e =>
        {
            e.ToTable("performance_objections");
            e.HasIndex(x => new { x.AgencyId, x.Status });
            e.HasIndex(x => x.RunId);
            e.Property(x => x.Month).HasMaxLength(7);
            e.Property(x => x.IndicatorCode).HasMaxLength(64);
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.Property(x => x.AttachmentsJson).HasMaxLength(2000);
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.RaisedBy).HasMaxLength(100);
            e.Property(x => x.DecidedBy).HasMaxLength(100);
            e.Property(x => x.DecisionNote).HasMaxLength(1000);
            e.Property(x => x.CorrectedDeduction).HasPrecision(6, 2);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
    }
}
