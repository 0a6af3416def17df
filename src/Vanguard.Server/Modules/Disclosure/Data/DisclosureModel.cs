using Microsoft.EntityFrameworkCore;

namespace Vanguard.Server.Modules.Disclosure.Data;

internal static class DisclosureModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<DisclosureEntry>(e =>
        {
            e.ToTable("disclosure_entries");
            // One publication per decision, whichever node publishes first (conventions §7).
            e.HasIndex(x => x.CaseId).IsUnique();
            e.HasIndex(x => new { x.AgencyId, x.DecidedOn });
            // The public list: in force (not withdrawn, not expired), newest decision first.
            e.HasIndex(x => new { x.WithdrawnAt, x.ExpiresOn, x.DecidedOn });
            e.Property(x => x.AgencyName).HasMaxLength(100);
            e.Property(x => x.DocumentNumber).HasMaxLength(64);
            e.Property(x => x.PartyKind).HasMaxLength(16);
            e.Property(x => x.PartyName).HasMaxLength(200);
            e.Property(x => x.PartyIdNumber).HasMaxLength(32);
            e.Property(x => x.LegalRepresentative).HasMaxLength(50);
            e.Property(x => x.VehiclePlate).HasMaxLength(16);
            e.Property(x => x.PartyAddress).HasMaxLength(300);
            e.Property(x => x.OffenceCode).HasMaxLength(64);
            e.Property(x => x.OffenceName).HasMaxLength(200);
            e.Property(x => x.Facts).HasMaxLength(4000);
            e.Property(x => x.ViolationBasis).HasMaxLength(500);
            e.Property(x => x.PenaltyBasis).HasMaxLength(500);
            e.Property(x => x.Penalty).HasMaxLength(200);
            e.Property(x => x.Procedure).HasMaxLength(16);
            e.Property(x => x.WithdrawnBy).HasMaxLength(100);
            e.Property(x => x.WithdrawalKind).HasMaxLength(16);
            e.Property(x => x.WithdrawalNote).HasMaxLength(500);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
    }
}
