using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Cases;

namespace Vanguard.Server.Modules.Cases.Data;

internal static class CasesModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Case>(e =>
        {
            e.ToTable("cases_cases");
            e.HasIndex(c => c.CaseNumber).IsUnique();
            e.HasIndex(c => new { c.AgencyId, c.CreatedAt });
            e.HasIndex(c => c.UpdatedAt);   // ICaseDecisions.ChangedSinceAsync: the credit job follows decisions with a cursor
            // The evaluation reads a month of decisions by State_DecidedOn; EF cannot index a complex property, so that index
            // (IX_cases_cases_State_DecidedOn) is written by hand in the migration ComplaintFindings (both providers).
            e.Property(c => c.CaseNumber).HasMaxLength(64);
            e.Property(c => c.Title).HasMaxLength(200);
            e.Property(c => c.OffenceCode).HasMaxLength(64);
            e.Property(c => c.PartyName).HasMaxLength(100);
            e.Property(c => c.PartyIdNumber).HasMaxLength(18);
            e.Property(c => c.PartyAddress).HasMaxLength(200);
            e.Property(c => c.PartyPhone).HasMaxLength(20);
            e.Property(c => c.VehiclePlate).HasMaxLength(8);
            e.Property(c => c.PlateColor).HasMaxLength(16);
            e.Property(c => c.Facts).HasMaxLength(4000);
            e.Property(c => c.PenaltyFactsJson).HasMaxLength(2000);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.ComplexProperty(c => c.State, s =>
            {
                s.Property(x => x.Procedure).HasConversion<string>().HasMaxLength(16);
                s.Property(x => x.Stage).HasConversion<string>().HasMaxLength(16);
                s.Property(x => x.PartyKind).HasConversion<string>().HasMaxLength(16);
                s.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(32);
                s.Property(x => x.ServiceMethod).HasConversion<string>().HasMaxLength(16);
            });
        });
        b.Entity<CaseOfficerLink>(e =>
        {
            e.ToTable("cases_officers");
            e.HasKey(l => new { l.CaseId, l.OfficerId });
            e.HasOne<Case>().WithMany().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<CaseEvent>(e =>
        {
            e.ToTable("cases_events");
            e.HasIndex(x => x.CaseId);
            e.HasIndex(x => new { x.CaseId, x.IdempotencyKey }).IsUnique();
            e.Property(x => x.ActionCode).HasMaxLength(64);
            e.Property(x => x.DescriptionZh).HasMaxLength(1000);
            e.Property(x => x.DescriptionEn).HasMaxLength(1000);
            e.Property(x => x.ActorId).HasMaxLength(64);
            e.Property(x => x.ActorName).HasMaxLength(100);
            e.Property(x => x.Warnings).HasMaxLength(200);
            e.Property(x => x.IdempotencyKey).HasMaxLength(100);
            e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<CaseDocumentFile>(e =>
        {
            e.ToTable("cases_documents");
            e.HasIndex(x => x.CaseId);
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.CreatedBy).HasMaxLength(100);
            e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<CaseFileItem>(e =>
        {
            e.ToTable("cases_file_items");
            e.HasIndex(x => x.CaseId);
            e.Property(x => x.Code).HasMaxLength(64);
            e.Property(x => x.Description).HasMaxLength(500);
            e.Property(x => x.Reference).HasMaxLength(200);
            e.Property(x => x.AddedBy).HasMaxLength(100);
            e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<CaseReviewOutcome>(e =>
        {
            e.ToTable("cases_review_outcomes");
            // The same 决定书 / 判决书 is recorded once per case; the evaluation reads a month of outcomes by their date.
            e.HasIndex(x => new { x.CaseId, x.Kind, x.DocumentNumber }).IsUnique();
            e.HasIndex(x => x.DecidedOn);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Result).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Organ).HasMaxLength(100);
            e.Property(x => x.DocumentNumber).HasMaxLength(64);
            e.Property(x => x.RecordedBy).HasMaxLength(100);
            e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<CaseNumberCounter>(e =>
        {
            e.ToTable("cases_number_counters");
            e.HasKey(x => new { x.AgencyCode, x.Year });
            e.Property(x => x.AgencyCode).HasMaxLength(32);
        });
        b.Entity<HolidayYear>(e =>
        {
            e.ToTable("cases_holiday_years");
            e.HasKey(x => x.Year);
            e.Property(x => x.Year).ValueGeneratedNever();
            e.Property(x => x.Text).HasMaxLength(20_000);
            e.Property(x => x.UploadedBy).HasMaxLength(100);
        });
        b.Entity<CaseSettings>(e =>
        {
            e.ToTable("cases_settings");
            e.Property(x => x.Id).ValueGeneratedNever();
        });

    }
}
