using Microsoft.EntityFrameworkCore;
using Vanguard.Server.Data;

namespace Vanguard.Server.Modules.Registry.Data;

internal static class RegistryModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<RegistryPerson>(e =>
        {
            e.ToTable("registry_persons");
            e.HasIndex(p => p.IdNumber).IsUnique();
            e.HasIndex(p => p.Name);
            e.Property(p => p.Name).HasMaxLength(50);
            e.Property(p => p.IdNumber).HasMaxLength(18);
            e.Property(p => p.Phone).HasMaxLength(20);
            e.Property(p => p.Address).HasMaxLength(200);
        });
        b.Entity<RegistryOrganisation>(e =>
        {
            e.ToTable("registry_organisations");
            e.HasIndex(o => o.CreditCode).IsUnique();
            e.HasIndex(o => o.Name);
            e.Property(o => o.Name).HasMaxLength(100);
            e.Property(o => o.CreditCode).HasMaxLength(18);
            e.Property(o => o.LegalRepresentative).HasMaxLength(50);
            e.Property(o => o.Address).HasMaxLength(200);
            e.Property(o => o.Phone).HasMaxLength(20);
            e.Property(o => o.OperatingLicenceNo).HasMaxLength(40);
        });
        b.Entity<RegistryVehicle>(e =>
        {
            e.ToTable("registry_vehicles", t => t.HasCheckConstraint(
                "ck_registry_vehicles_one_owner",
                "(\"OwnerPersonId\" IS NULL) <> (\"OwnerOrganisationId\" IS NULL)"));
            e.HasIndex(v => new { v.Plate, v.PlateColor }).IsUnique();
            e.HasIndex(v => v.OwnerPersonId);
            e.HasIndex(v => v.OwnerOrganisationId);
            e.Property(v => v.Plate).HasMaxLength(10);
            e.Property(v => v.PlateColor).HasMaxLength(16);
            e.Property(v => v.VehicleTypeCode).HasMaxLength(3);
            e.Property(v => v.VehicleTypeName).HasMaxLength(30);
            e.Property(v => v.TransportCertificateNo).HasMaxLength(40);
            e.Property(v => v.Status).HasMaxLength(16);
            e.HasOne<RegistryPerson>().WithMany().HasForeignKey(v => v.OwnerPersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<RegistryOrganisation>().WithMany().HasForeignKey(v => v.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<RegistryDriver>(e =>
        {
            e.ToTable("registry_drivers");
            e.HasIndex(d => d.QualificationNo).IsUnique();
            e.HasIndex(d => d.PersonId);
            e.HasIndex(d => d.EmployerOrganisationId);
            e.Property(d => d.QualificationNo).HasMaxLength(32);
            e.Property(d => d.QualificationCategory).HasMaxLength(50);
            e.HasOne<RegistryPerson>().WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<RegistryOrganisation>().WithMany().HasForeignKey(d => d.EmployerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}

/// <summary>The module's tables on the platform's one context, without adding properties to it.</summary>
internal static class RegistrySets
{
    extension(VanguardDbContext db)
    {
        public DbSet<RegistryPerson> RegistryPersons => db.Set<RegistryPerson>();

        public DbSet<RegistryOrganisation> RegistryOrganisations => db.Set<RegistryOrganisation>();

        public DbSet<RegistryVehicle> RegistryVehicles => db.Set<RegistryVehicle>();

        public DbSet<RegistryDriver> RegistryDrivers => db.Set<RegistryDriver>();
    }
}
