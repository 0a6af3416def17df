using Microsoft.EntityFrameworkCore;

namespace Vanguard.Server.Modules.Supervision.Data;

internal static class SupervisionModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Inspection>(e =>
        {
            e.ToTable("supervision_inspections");
            e.HasIndex(x => new { x.AgencyId, x.InspectedOn });
            // 四必究 (3) counts an enforcement agency's person-times in a year; the evaluation counts a month's breaches.
            e.HasIndex(x => new { x.EnforcementAgencyId, x.InspectedOn });
            e.HasIndex(x => x.OfficerId);
            e.Property(x => x.OfficerNo).HasMaxLength(32);
            e.Property(x => x.OfficerName).HasMaxLength(50);
            e.Property(x => x.Place).HasMaxLength(200);
            e.Property(x => x.Note).HasMaxLength(2000);
            e.Property(x => x.InspectorId).HasMaxLength(64);
            e.Property(x => x.InspectorName).HasMaxLength(100);
        });
        b.Entity<InspectionItem>(e =>
        {
            e.ToTable("supervision_inspection_items");
            e.HasKey(x => new { x.InspectionId, x.Code });
            e.Property(x => x.Code).HasMaxLength(8);
            e.Property(x => x.Result).HasMaxLength(16);
            e.Property(x => x.Finding).HasMaxLength(1000);
            e.Property(x => x.CaseNumber).HasMaxLength(64);
        });
        b.Entity<AccountabilityRecord>(e =>
        {
            e.ToTable("supervision_accountability");
            e.HasIndex(x => x.InspectionId);
            e.HasIndex(x => new { x.AgencyId, x.Status });
            // 四必究 (3) holds an enforcement agency's head accountable once a year (docs/supervision.md): two inspections saved at
            // once that both bring the count to 3 are settled here.
            e.HasIndex(x => new { x.HolderAgencyId, x.Year }).IsUnique().HasFilter("\"Level\" = 'agency_head'");
            e.Property(x => x.Level).HasMaxLength(16);
            e.Property(x => x.Holder).HasMaxLength(200);
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.Measure).HasMaxLength(32);
            e.Property(x => x.MeasureNote).HasMaxLength(1000);
            e.Property(x => x.HandledBy).HasMaxLength(100);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
    }
}
