using Microsoft.EntityFrameworkCore;

namespace Vanguard.Server.Modules.Online.Data;

/// <summary>The online module's tables (<c>online_*</c>).</summary>
public static class OnlineModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<OnlineSubmission>(e =>
        {
            e.ToTable("online_submissions");
            e.HasKey(x => x.Id);
            e.Property(x => x.CaseNumber).HasMaxLength(64);
            e.Property(x => x.CaseTitle).HasMaxLength(200);
            e.Property(x => x.Kind).HasMaxLength(16);
            e.Property(x => x.Text).HasMaxLength(4000);
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.Answer).HasMaxLength(4000);
            e.Property(x => x.AnsweredBy).HasMaxLength(100);
            e.Property(x => x.ClientIp).HasMaxLength(64);
            e.HasIndex(x => new { x.AgencyId, x.Status, x.AnswerDueOn });
            e.HasIndex(x => x.CaseId);
        });
        builder.Entity<OnlineAttachment>(e =>
        {
            e.ToTable("online_attachments");
            e.HasKey(x => x.Id);
            e.Property(x => x.FileName).HasMaxLength(200);
            e.Property(x => x.MediaType).HasMaxLength(64);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.HasIndex(x => x.SubmissionId);
        });
        builder.Entity<OnlineServiceConsent>(e =>
        {
            e.ToTable("online_service_consents");
            e.HasKey(x => x.Id);
            e.Property(x => x.Phone).HasMaxLength(20);
            e.Property(x => x.Email).HasMaxLength(200);
            e.Property(x => x.ClientIp).HasMaxLength(64);
            e.Property(x => x.UserAgent).HasMaxLength(300);
            e.HasIndex(x => x.CaseId);
        });
        builder.Entity<OnlineDelivery>(e =>
        {
            e.ToTable("online_deliveries");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.Recipient).HasMaxLength(20);
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.SentBy).HasMaxLength(100);
            e.HasIndex(x => x.CaseId);
        });
        builder.Entity<OnlineOneTimeCode>(e =>
        {
            e.ToTable("online_one_time_codes");
            e.HasKey(x => x.Id);
            e.Property(x => x.PlateHash).HasMaxLength(64);
            e.Property(x => x.CodeHash).HasMaxLength(64);
            e.Property(x => x.Salt).HasMaxLength(32);
            e.HasIndex(x => new { x.PlateHash, x.CreatedAt });
        });
        builder.Entity<OnlineSmsMessage>(e =>
        {
            e.ToTable("online_sms_outbox");
            e.HasKey(x => x.Id);
            e.Property(x => x.Phone).HasMaxLength(20);
            e.Property(x => x.Text).HasMaxLength(500);
            e.Property(x => x.Purpose).HasMaxLength(16);
            e.HasIndex(x => x.CreatedAt);
        });
    }
}
