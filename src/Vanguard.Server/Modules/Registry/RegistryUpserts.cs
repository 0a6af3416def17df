using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Registry.Data;

namespace Vanguard.Server.Modules.Registry;

/// <summary>
/// Copies checked values onto an entity and says whether anything changed: the one place that decides "unchanged",
/// so a create, an import and a re-import agree.
/// </summary>
internal static class RegistryUpserts
{
    public static bool Apply(RegistryPerson p, PersonData d)
    {
        var changed = p.Name != d.Name || p.Phone != d.Phone || p.Address != d.Address;
        p.Name = d.Name;
        p.Phone = d.Phone;
        p.Address = d.Address;
        return changed;
    }

    public static bool Apply(RegistryOrganisation o, OrganisationData d)
    {
        var changed = o.Name != d.Name || o.LegalRepresentative != d.LegalRepresentative || o.Address != d.Address || o.Phone != d.Phone
            || o.OperatingLicenceNo != d.OperatingLicenceNo;
        o.Name = d.Name;
        o.LegalRepresentative = d.LegalRepresentative;
        o.Address = d.Address;
        o.Phone = d.Phone;
        o.OperatingLicenceNo = d.OperatingLicenceNo;
        return changed;
    }

    public static bool Apply(RegistryVehicle v, VehicleData d, Guid? ownerPersonId, Guid? ownerOrganisationId)
    {
        var changed = v.VehicleTypeCode != d.VehicleTypeCode || v.VehicleTypeName != d.VehicleTypeName || v.OwnerPersonId != ownerPersonId
            || v.OwnerOrganisationId != ownerOrganisationId || v.AxleCount != d.AxleCount || v.RegisteredTotalMassKg != d.RegisteredTotalMassKg
            || v.TransportCertificateNo != d.TransportCertificateNo || v.TransportCertificateValidUntil != d.TransportCertificateValidUntil
            || v.Status != d.Status;
        v.VehicleTypeCode = d.VehicleTypeCode;
        v.VehicleTypeName = d.VehicleTypeName;
        v.OwnerPersonId = ownerPersonId;
        v.OwnerOrganisationId = ownerOrganisationId;
        v.AxleCount = d.AxleCount;
        v.RegisteredTotalMassKg = d.RegisteredTotalMassKg;
        v.TransportCertificateNo = d.TransportCertificateNo;
        v.TransportCertificateValidUntil = d.TransportCertificateValidUntil;
        v.Status = d.Status;
        return changed;
    }

    public static bool Apply(RegistryDriver r, DriverData d, Guid personId, Guid? employerId)
    {
        var changed = r.PersonId != personId || r.QualificationCategory != d.QualificationCategory || r.ValidUntil != d.ValidUntil
            || r.EmployerOrganisationId != employerId;
        r.PersonId = personId;
        r.QualificationCategory = d.QualificationCategory;
        r.ValidUntil = d.ValidUntil;
        r.EmployerOrganisationId = employerId;
        return changed;
    }

    /// <summary>
    /// Saves a new row; false when another request registered the same natural key between our check and our insert
    /// (the unique index decides, as conventions.md asks), with nothing of this unit of work left pending.
    /// </summary>
    public static async Task<bool> SaveNewAsync(VanguardDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555, // SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
