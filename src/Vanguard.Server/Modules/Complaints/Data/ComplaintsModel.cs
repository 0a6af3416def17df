using Microsoft.EntityFrameworkCore;

namespace Vanguard.Server.Modules.Complaints.Data;

internal static class ComplaintsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Complaint>(e =>
        {
            e.ToTable("complaints_complaints");
            // Idempotency of the hotline is in the database (conventions §7): one complaint per 12328 ticket.
            e.HasIndex(x => x.TicketNo).IsUnique().HasFilter("\"TicketNo\" IS NOT NULL");
            e.HasIndex(x => new { x.AgencyId, x.Status });
            e.HasIndex(x => x.ReceivedAt);
            // The breach job looks for undone musts past their due time.
            e.HasIndex(x => new { x.ContactedAt, x.ContactDueAt });
            e.HasIndex(x => new { x.OnsiteAt, x.OnsiteDueAt });
            e.Property(x => x.TicketNo).HasMaxLength(64);
            e.Property(x => x.Source).HasMaxLength(16);
            e.Property(x => x.Type).HasMaxLength(32);
            e.Property(x => x.Domain).HasMaxLength(32);
            e.Property(x => x.Place).HasMaxLength(200);
            e.Property(x => x.PlaceAgencyCode).HasMaxLength(32);
            e.Property(x => x.ComplainantName).HasMaxLength(50);
            e.Property(x => x.ComplainantPhone).HasMaxLength(32);
            e.Property(x => x.Accused).HasMaxLength(200);
            e.Property(x => x.AccusedOfficerNo).HasMaxLength(32);
            e.Property(x => x.AccusedOfficerName).HasMaxLength(50);
            e.Property(x => x.ReviewerOfficerNo).HasMaxLength(32);
            e.Property(x => x.ReviewerName).HasMaxLength(50);
            e.Property(x => x.Description).HasMaxLength(4000);
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.ReceivedBy).HasMaxLength(100);
            e.Property(x => x.Satisfaction).HasMaxLength(8);
            e.Property(x => x.Finding).HasMaxLength(24);
            e.HasIndex(x => x.FindingAt);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        b.Entity<ComplaintStep>(e =>
        {
            e.ToTable("complaints_steps");
            e.HasIndex(x => new { x.ComplaintId, x.Seq }).IsUnique();
            e.Property(x => x.Kind).HasMaxLength(16);
            e.Property(x => x.ById).HasMaxLength(64);
            e.Property(x => x.ByName).HasMaxLength(100);
            e.Property(x => x.OfficerId).HasMaxLength(64);
            e.Property(x => x.Note).HasMaxLength(2000);
            e.Property(x => x.EvidenceRef).HasMaxLength(200);
            e.Property(x => x.Satisfaction).HasMaxLength(8);
            e.Property(x => x.Finding).HasMaxLength(24);
        });
        b.Entity<ComplaintAttachment>(e =>
        {
            e.ToTable("complaints_attachments");
            e.HasIndex(x => x.ComplaintId);
            e.HasIndex(x => x.AgencyId);
            e.Property(x => x.FileName).HasMaxLength(255);
            e.Property(x => x.MediaType).HasMaxLength(64);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.AddedBy).HasMaxLength(100);
        });
        b.Entity<ComplaintWarning>(e =>
        {
            e.ToTable("complaints_warnings");
            // Written once per complaint, must and due time (a reassignment restarts the timers), whichever node or step finds it first.
            e.HasIndex(x => new { x.ComplaintId, x.Must, x.DueAt }).IsUnique();
            e.HasIndex(x => new { x.AgencyId, x.BreachedAt });
            e.Property(x => x.Must).HasMaxLength(16);
        });
    }
}
