using Microsoft.EntityFrameworkCore;

namespace Vanguard.Server.Modules.Offsite.Data;

internal static class OffsiteModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<WimRecord>(e =>
        {
            e.ToTable("offsite_wim_records");
            // Idempotency lives in the database: a resent record is a duplicate, never a second row.
            e.HasIndex(r => new { r.DeviceId, r.RecordId }).IsUnique();
            e.HasIndex(r => new { r.Plate, r.CapturedAtMs });
            // Station health asks for each station's latest record; every index costs the ingest path, so no more than this.
            e.HasIndex(r => new { r.DeviceId, r.ReceivedAtMs });
            // The monthly evaluation's overload rate per agency and its drill-down ids (绩效评价): without it each month's scoring
            // scanned all weighings — 280 s (SQLite) / 336 s (PostgreSQL) at 10 M rows, 1–3 s with it (docs/performance.md).
            e.HasIndex(r => new { r.AgencyId, r.Verdict, r.CapturedAtMs });
            e.Property(r => r.RecordId).HasMaxLength(64);
            e.Property(r => r.Plate).HasMaxLength(8);
            e.Property(r => r.PlateColor).HasMaxLength(16);
            e.Property(r => r.VehicleKind).HasMaxLength(16);
            e.Property(r => r.AxleWeightsKg).HasMaxLength(100);
            e.Property(r => r.PenaltyKind).HasMaxLength(8);
            e.Property(r => r.ImagesJson).HasMaxLength(2000);
            e.Ignore(r => r.CapturedAt);
        });
        b.Entity<AnprRead>(e =>
        {
            e.ToTable("offsite_anpr_reads");
            e.HasIndex(r => new { r.DeviceId, r.ReadId }).IsUnique();
            e.HasIndex(r => new { r.Plate, r.CapturedAtMs });
            e.HasIndex(r => r.CapturedAtMs);
            e.HasIndex(r => new { r.DeviceId, r.ReceivedAtMs });
            // The suspect rules read a hotspot's few cameras over 30 days; without it that is a scan of the whole province's month.
            e.HasIndex(r => new { r.DeviceId, r.CapturedAtMs });
            e.Property(r => r.ReadId).HasMaxLength(64);
            e.Property(r => r.Plate).HasMaxLength(8);
            e.Property(r => r.PlateColor).HasMaxLength(16);
            e.Property(r => r.Direction).HasMaxLength(16);
            e.Property(r => r.ImageSha256).HasMaxLength(64);
        });
        b.Entity<ReviewItem>(e =>
        {
            e.ToTable("offsite_review_items");
            e.HasIndex(r => r.WimRecordId).IsUnique();
            e.HasIndex(r => new { r.Status, r.ReviewDueOn });
            // The performance evaluation reads a month of review items by capture time (5-day review rate, repeat offenders) and
            // looks for an earlier confirmed overload of each vehicle; the review items, not the weighings, carry these indexes,
            // so the ingest path pays only for the few rows that need review.
            e.HasIndex(r => r.CapturedAtMs);
            e.HasIndex(r => new { r.Plate, r.PlateColor, r.CapturedAtMs });
            e.Property(r => r.Plate).HasMaxLength(8);
            e.Property(r => r.PlateColor).HasMaxLength(16);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.ReviewedBy).HasMaxLength(100);
            e.Property(r => r.StationCode).HasMaxLength(64);
            e.Property(r => r.InvalidReason).HasMaxLength(32);
            e.Property(r => r.Note).HasMaxLength(500);
        });
        b.Entity<OffsiteNotification>(e =>
        {
            e.ToTable("offsite_notifications");
            e.HasIndex(n => new { n.Status, n.CreatedAt });
            e.HasIndex(n => n.NoticeCode).IsUnique();
            e.Property(n => n.Plate).HasMaxLength(8);
            e.Property(n => n.Recipient).HasMaxLength(20);
            e.Property(n => n.NoticeCode).HasMaxLength(16);
            e.Property(n => n.Text).HasMaxLength(500);
            e.Property(n => n.Status).HasMaxLength(16);
            e.Property(n => n.LastError).HasMaxLength(500);
        });
    }
}
