using Microsoft.EntityFrameworkCore;

namespace Vanguard.Server.Modules.Terminal.Records.Data;

public static class TerminalRecordsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<TerminalRecord>(e =>
        {
            e.ToTable("terminal_records");
            e.HasIndex(x => new { x.AgencyId, x.CreatedAt });
            e.HasIndex(x => new { x.OfficerId, x.CreatedAt });
            e.HasIndex(x => x.TaskId);
            e.Property(x => x.Kind).HasMaxLength(16);
            e.Property(x => x.OfficerName).HasMaxLength(100);
            e.Property(x => x.CreatedById).HasMaxLength(64);
            e.Property(x => x.Place).HasMaxLength(200);
            e.Property(x => x.Plate).HasMaxLength(16);
            e.Property(x => x.PlateColor).HasMaxLength(16);
            e.Property(x => x.PartyKind).HasMaxLength(16);
            e.Property(x => x.PartyName).HasMaxLength(100);
            e.Property(x => x.PartyIdNumber).HasMaxLength(18);
            e.Property(x => x.PartyPhone).HasMaxLength(32);
            e.Property(x => x.PartyAddress).HasMaxLength(200);
            e.Property(x => x.Content).HasMaxLength(10_000);
            e.Property(x => x.QuestionsJson).HasMaxLength(500_000);
            e.Property(x => x.SignatureSha256).HasMaxLength(64);
        });
        b.Entity<TerminalRecordPhoto>(e =>
        {
            e.ToTable("terminal_record_photos");
            e.HasKey(x => new { x.RecordId, x.N });
            e.HasIndex(x => x.EvidenceId);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.MediaType).HasMaxLength(32);
            e.Property(x => x.Note).HasMaxLength(200);
            e.HasOne<TerminalRecord>().WithMany().HasForeignKey(x => x.RecordId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<TerminalOnSpotPenalty>(e =>
        {
            e.ToTable("terminal_on_spot_penalties");
            e.HasKey(x => x.CaseId);
            e.HasIndex(x => new { x.AgencyId, x.CreatedAt });
            e.HasIndex(x => x.RecordId);
            e.Property(x => x.CaseNumber).HasMaxLength(64);
            e.Property(x => x.OffenceCode).HasMaxLength(64);
            e.Property(x => x.PaymentReference).HasMaxLength(128);
            e.Property(x => x.CreatedById).HasMaxLength(64);
        });
        b.Entity<TerminalOnSpotPayment>(e =>
        {
            e.ToTable("terminal_on_spot_payments");
            // A bank or receipt reference pays one fine once.
            e.HasIndex(x => new { x.CaseId, x.Reference }).IsUnique();
            e.Property(x => x.Reference).HasMaxLength(100);
            e.Property(x => x.Channel).HasMaxLength(32);
            e.Property(x => x.RecordedById).HasMaxLength(64);
            e.Property(x => x.RecordedByName).HasMaxLength(100);
            e.HasOne<TerminalOnSpotPenalty>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
