using Microsoft.EntityFrameworkCore;

namespace Vanguard.Server.Modules.Surveillance.Data;

internal static class SurveillanceModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Watchlist>(e =>
        {
            e.ToTable("surveillance_watchlists");
            e.HasIndex(x => x.AgencyId);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Description).HasMaxLength(1000);
            e.Property(x => x.WebhookUrl).HasMaxLength(500);
            e.Property(x => x.WebhookSecret).HasMaxLength(1000);
            e.Property(x => x.CreatedBy).HasMaxLength(100);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        b.Entity<WatchlistEntry>(e =>
        {
            e.ToTable("surveillance_watchlist_entries");
            // One live (pending or active) entry per vehicle and list; the handlers check first, this index settles races.
            e.HasIndex(x => new { x.WatchlistId, x.Plate, x.PlateColor }).IsUnique().HasFilter("\"Status\" IN ('pending', 'active')");
            e.HasIndex(x => new { x.Plate, x.PlateColor });
            e.HasIndex(x => new { x.AgencyId, x.Status });
            // The in-memory index of every node catches up with changes by this column.
            e.HasIndex(x => x.UpdatedAt);
            e.HasIndex(x => x.ImportBatchId);
            e.Property(x => x.Plate).HasMaxLength(16);
            e.Property(x => x.PlateColor).HasMaxLength(16);
            e.Property(x => x.Reason).HasMaxLength(500);
            e.Property(x => x.Source).HasMaxLength(16);
            e.Property(x => x.SourceRef).HasMaxLength(64);
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.AlertAgencyIdsJson).HasMaxLength(2000);
            e.Property(x => x.Channels).HasMaxLength(64);
            e.Property(x => x.RequestedBy).HasMaxLength(100);
            e.Property(x => x.RequestedById).HasMaxLength(64);
            e.Property(x => x.ApprovedBy).HasMaxLength(100);
            e.Property(x => x.ApprovedById).HasMaxLength(64);
            e.Property(x => x.RevokedBy).HasMaxLength(100);
            e.Property(x => x.ClosingReason).HasMaxLength(500);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        b.Entity<HotspotGroup>(e =>
        {
            e.ToTable("surveillance_hotspot_groups");
            e.HasIndex(x => x.AgencyId);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.DeviceIdsJson).HasMaxLength(8000);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        b.Entity<SuspectRule>(e =>
        {
            e.ToTable("surveillance_suspect_rules");
            e.HasIndex(x => x.AgencyId);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        b.Entity<Suspect>(e =>
        {
            e.ToTable("surveillance_suspects");
            e.HasIndex(x => new { x.RuleId, x.Plate, x.PlateColor, x.Status });
            e.HasIndex(x => new { x.AgencyId, x.Status, x.DetectedAt });
            e.Property(x => x.Plate).HasMaxLength(16);
            e.Property(x => x.PlateColor).HasMaxLength(16);
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.DecidedBy).HasMaxLength(100);
            e.Property(x => x.DecisionNote).HasMaxLength(1000);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        b.Entity<Alert>(e =>
        {
            e.ToTable("surveillance_alerts");
            e.HasIndex(x => new { x.AgencyId, x.RaisedAt });
            e.HasIndex(x => new { x.WatchlistId, x.RaisedAt });
            e.HasIndex(x => new { x.EntryId, x.LastSeenAt });
            e.HasIndex(x => x.TaskId);
            // A read handed to the matcher twice (a redelivery) raises one alert.
            e.HasIndex(x => new { x.EntryId, x.ReadId }).IsUnique();
            e.Property(x => x.DeviceName).HasMaxLength(100);
            e.Property(x => x.LastDeviceName).HasMaxLength(100);
            e.Property(x => x.Plate).HasMaxLength(16);
            e.Property(x => x.PlateColor).HasMaxLength(16);
            e.Property(x => x.EntryPlate).HasMaxLength(16);
            e.Property(x => x.MatchKind).HasMaxLength(16);
            e.Property(x => x.ImageSha256).HasMaxLength(64);
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.OfficerName).HasMaxLength(100);
            e.Property(x => x.Outcome).HasMaxLength(16);
            e.Property(x => x.OutcomeNote).HasMaxLength(1000);
            e.Property(x => x.ClosedBy).HasMaxLength(100);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        b.Entity<WebhookDelivery>(e =>
        {
            e.ToTable("surveillance_webhook_deliveries");
            e.HasIndex(x => new { x.Status, x.NextAttemptAt });
            e.HasIndex(x => new { x.WatchlistId, x.CreatedAt });
            e.Property(x => x.EventType).HasMaxLength(32);
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.LastError).HasMaxLength(1000);
        });
    }
}
