using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Vanguard.Server.Modules.Organisation.Data;

internal static class OrganisationModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Agency>(e =>
        {
            e.ToTable("org_agencies");
            e.HasIndex(a => a.Code).IsUnique();
            e.HasIndex(a => a.ParentId);
            e.Property(a => a.Code).HasMaxLength(32);
            e.Property(a => a.Name).HasMaxLength(100);
            e.Property(a => a.ShortName).HasMaxLength(20);
            e.Property(a => a.DivisionCode).HasMaxLength(6);
            e.HasOne<Agency>().WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Officer>(e =>
        {
            e.ToTable("org_officers");
            e.HasIndex(o => new { o.AgencyId, o.OfficerNo }).IsUnique();
            e.HasIndex(o => o.CertificateNo).IsUnique();
            e.Property(o => o.OfficerNo).HasMaxLength(32);
            e.Property(o => o.Name).HasMaxLength(50);
            e.Property(o => o.CertificateNo).HasMaxLength(32);
            e.Property(o => o.Phone).HasMaxLength(20);
            e.HasOne<Agency>().WithMany().HasForeignKey(o => o.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Device>(e =>
        {
            e.ToTable("org_devices");
            e.HasIndex(d => d.Code).IsUnique();
            e.HasIndex(d => d.KeyHash).IsUnique();
            e.HasIndex(d => d.AgencyId);
            e.Property(d => d.Kind).HasMaxLength(32);
            e.Property(d => d.Code).HasMaxLength(64);
            e.Property(d => d.Name).HasMaxLength(100);
            e.Property(d => d.SerialNumber).HasMaxLength(64);
            e.Property(d => d.Location).HasMaxLength(200);
            e.Property(d => d.KeyHash).HasMaxLength(64);
            e.Property(d => d.KeyPrefix).HasMaxLength(16);
            e.Property(d => d.AccuracyClass).HasPrecision(4, 1);
            e.Property(d => d.CertificateNumber).HasMaxLength(64);
            e.HasOne<Agency>().WithMany().HasForeignKey(d => d.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<StaffUser>(e =>
        {
            e.ToTable("org_users");
            e.Property(u => u.DisplayName).HasMaxLength(50);
            e.HasIndex(u => u.AgencyId);
            e.HasOne<Agency>().WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Officer>().WithMany().HasForeignKey(u => u.OfficerId).OnDelete(DeleteBehavior.SetNull);
        });
        b.Entity<IdentityRole<Guid>>().ToTable("org_roles");
        b.Entity<IdentityUserRole<Guid>>().ToTable("org_user_roles");
        b.Entity<IdentityUserClaim<Guid>>().ToTable("org_user_claims");
        b.Entity<IdentityUserLogin<Guid>>().ToTable("org_user_logins");
        b.Entity<IdentityUserToken<Guid>>().ToTable("org_user_tokens");
        b.Entity<IdentityRoleClaim<Guid>>().ToTable("org_role_claims");
    }
}
