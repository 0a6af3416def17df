using Microsoft.EntityFrameworkCore;

namespace Vanguard.Server.Modules.Evidence.Data;

internal static class EvidenceModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<EvidenceItem>(e =>
        {
            e.ToTable("evidence_items");
            e.HasIndex(x => x.Sha256);
            // One live item per content per agency: a re-upload of the same clip finds the item it already became.
            e.HasIndex(x => new { x.AgencyId, x.Sha256 }).IsUnique().HasFilter("\"DeletedAt\" IS NULL");
            e.HasIndex(x => new { x.AgencyId, x.RecordedFrom });
            e.HasIndex(x => x.OfficerId);
            e.HasIndex(x => x.RetainUntil);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.FileName).HasMaxLength(255);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.OfficerNo).HasMaxLength(32);
            e.Property(x => x.OfficerName).HasMaxLength(100);
            e.Property(x => x.DeviceSerial).HasMaxLength(64);
            e.Property(x => x.UploadedByKind).HasMaxLength(16);
            e.Property(x => x.UploadedById).HasMaxLength(64);
            e.Property(x => x.UploadedByName).HasMaxLength(100);
            e.Property(x => x.GpsTrackJson).HasMaxLength(200_000);
            e.Property(x => x.Category).HasMaxLength(32);
            e.Property(x => x.RetentionClass).HasMaxLength(16);
            e.Property(x => x.LegalHoldReason).HasMaxLength(500);
            e.Property(x => x.DeletedReason).HasMaxLength(200);
            e.Property(x => x.MediaStatus).HasMaxLength(16);
            e.Property(x => x.MediaReason).HasMaxLength(500);
            e.Property(x => x.VideoCodec).HasMaxLength(32);
            e.Property(x => x.AudioCodec).HasMaxLength(32);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        b.Entity<EvidenceTag>(e =>
        {
            e.ToTable("evidence_tags");
            e.HasKey(x => new { x.EvidenceId, x.Tag });
            e.HasIndex(x => x.Tag);
            e.Property(x => x.Tag).HasMaxLength(32);
            e.HasOne<EvidenceItem>().WithMany().HasForeignKey(x => x.EvidenceId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<EvidenceCaseLink>(e =>
        {
            e.ToTable("evidence_case_links");
            e.HasKey(x => new { x.EvidenceId, x.CaseId });
            e.HasIndex(x => x.CaseId);
            e.Property(x => x.CaseNumber).HasMaxLength(64);
            e.Property(x => x.LinkedBy).HasMaxLength(100);
            e.HasOne<EvidenceItem>().WithMany().HasForeignKey(x => x.EvidenceId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<CustodyEntry>(e =>
        {
            e.ToTable("evidence_custody");
            e.HasIndex(x => new { x.EvidenceId, x.Id });
            e.Property(x => x.Action).HasMaxLength(32);
            e.Property(x => x.ActorKind).HasMaxLength(16);
            e.Property(x => x.ActorId).HasMaxLength(64);
            e.Property(x => x.ActorName).HasMaxLength(100);
            e.Property(x => x.RemoteIp).HasMaxLength(64);
            e.Property(x => x.UserAgent).HasMaxLength(300);
            e.Property(x => x.Details).HasMaxLength(1000);
            e.HasOne<EvidenceItem>().WithMany().HasForeignKey(x => x.EvidenceId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<IntegrityFinding>(e =>
        {
            e.ToTable("evidence_integrity_findings");
            e.HasIndex(x => new { x.EvidenceId, x.ResolvedAt });
            e.HasIndex(x => x.DetectedAt);
            e.Property(x => x.Kind).HasMaxLength(16);
            e.Property(x => x.ExpectedSha256).HasMaxLength(64);
            e.Property(x => x.ActualSha256).HasMaxLength(64);
            e.HasOne<EvidenceItem>().WithMany().HasForeignKey(x => x.EvidenceId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<EvidenceUpload>(e =>
        {
            e.ToTable("evidence_uploads");
            e.HasIndex(x => new { x.Status, x.ExpiresAt });
            e.Property(x => x.CreatedByKind).HasMaxLength(16);
            e.Property(x => x.CreatedById).HasMaxLength(64);
            e.Property(x => x.CreatedByName).HasMaxLength(100);
            e.Property(x => x.RawMetadata).HasMaxLength(210_000);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.FileName).HasMaxLength(255);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.DeviceSerial).HasMaxLength(64);
            e.Property(x => x.Category).HasMaxLength(32);
            e.Property(x => x.Tags).HasMaxLength(400);
            e.Property(x => x.GpsTrackJson).HasMaxLength(200_000);
            e.Property(x => x.Status).HasMaxLength(16);
            // Two nodes appending to one upload: the second save fails instead of overwriting the first's offset.
            e.Property(x => x.Offset).IsConcurrencyToken();
        });
    }
}
