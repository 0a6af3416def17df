using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Identifiers;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Registry.Contracts;
using Vanguard.Server.Modules.Registry.Data;

namespace Vanguard.Server.Modules.Registry;

/// <summary>The registry as other modules see it (<see cref="IRegistry"/>); the vehicle look-up endpoint uses it too.</summary>
internal sealed class RegistryQueries(VanguardDbContext db, TimeProvider clock) : IRegistry
{
    public async Task<VehicleInfo?> FindVehicleAsync(string plate, string plateColor, CancellationToken ct)
    {
        var normalised = PlateNumber.Normalise(plate);
        if (PlateColor.Parse(plateColor) is not { } color)
        {
            return null;
        }

        var vehicle = await db.RegistryVehicles.AsNoTracking().SingleOrDefaultAsync(v => v.Plate == normalised && v.PlateColor == color, ct);
        return vehicle is null ? null : await ToInfoAsync(vehicle, ct);
    }

    public async Task<IReadOnlyDictionary<(string Plate, string PlateColor), int>> RegisteredMassesAsync(
        IReadOnlyCollection<(string Plate, string PlateColor)> vehicles, CancellationToken ct)
    {
        if (vehicles.Count == 0)
        {
            return new Dictionary<(string, string), int>();
        }

        var plates = vehicles.Select(v => v.Plate).Distinct().ToList();
        var rows = await db.RegistryVehicles.AsNoTracking()
            .Where(v => plates.Contains(v.Plate) && v.RegisteredTotalMassKg != null)
            .Select(v => new { v.Plate, v.PlateColor, Mass = v.RegisteredTotalMassKg!.Value })
            .ToListAsync(ct);
        var wanted = vehicles.ToHashSet();
        return rows.Where(r => wanted.Contains((r.Plate, r.PlateColor))).ToDictionary(r => (r.Plate, r.PlateColor), r => r.Mass);
    }

    public async Task<IReadOnlySet<(string Plate, string PlateColor)>> LicensedAsync(
        IReadOnlyCollection<(string Plate, string PlateColor)> vehicles, DateOnly day, CancellationToken ct)
    {
        var wanted = vehicles.ToHashSet();
        var licensed = new HashSet<(string Plate, string PlateColor)>();
        // Chunked by plate so a hotspot's month of suspects stays within every provider's parameter limit.
        foreach (var plates in wanted.Select(v => v.Plate).Distinct().Chunk(LicensedChunk))
        {
            var rows = await db.RegistryVehicles.AsNoTracking()
                .Where(v => plates.Contains(v.Plate) && v.TransportCertificateNo != null && v.TransportCertificateValidUntil >= day)
                .Select(v => new { v.Plate, v.PlateColor })
                .ToListAsync(ct);
            licensed.UnionWith(rows.Select(r => (r.Plate, r.PlateColor)).Where(wanted.Contains));
        }

        return licensed;
    }

    private const int LicensedChunk = 500;

    /// <summary>All vehicles with that plate, whatever their colour (a look-up by plate alone).</summary>
    public async Task<IReadOnlyList<VehicleInfo>> FindVehiclesByPlateAsync(string plate, CancellationToken ct)
    {
        var normalised = PlateNumber.Normalise(plate);
        var vehicles = await db.RegistryVehicles.AsNoTracking().Where(v => v.Plate == normalised).OrderBy(v => v.PlateColor).ToListAsync(ct);
        var result = new List<VehicleInfo>();
        foreach (var vehicle in vehicles)
        {
            result.Add(await ToInfoAsync(vehicle, ct));
        }

        return result;
    }

    public async Task<PartyInfo?> FindPartyAsync(string idNumberOrCreditCode, CancellationToken ct)
    {
        var number = RegistryRules.CanonicalNumber(idNumberOrCreditCode);
        var person = await db.RegistryPersons.AsNoTracking().SingleOrDefaultAsync(p => p.IdNumber == number, ct);
        if (person is not null)
        {
            return ToParty(person);
        }

        var organisation = await db.RegistryOrganisations.AsNoTracking().SingleOrDefaultAsync(o => o.CreditCode == number, ct);
        return organisation is null ? null : ToParty(organisation);
    }

    public async Task<IReadOnlyList<DriverInfo>> FindDriversAsync(string idNumberOrQualificationNo, CancellationToken ct)
    {
        var number = RegistryRules.CanonicalNumber(idNumberOrQualificationNo);
        var personIds = db.RegistryPersons.Where(p => p.IdNumber == number).Select(p => p.Id);
        var drivers = await db.RegistryDrivers.AsNoTracking()
            .Where(d => d.QualificationNo == number || personIds.Contains(d.PersonId))
            .OrderBy(d => d.QualificationNo)
            .ToListAsync(ct);
        return await ToInfoAsync(drivers, ct);
    }

    public async Task<IReadOnlyList<VehicleInfo>> VehiclesOfOwnerAsync(Guid partyId, int max, CancellationToken ct)
    {
        var vehicles = await db.RegistryVehicles.AsNoTracking()
            .Where(v => v.OwnerOrganisationId == partyId || v.OwnerPersonId == partyId)
            .OrderBy(v => v.Plate).ThenBy(v => v.PlateColor)
            .Take(max)
            .ToListAsync(ct);
        var owners = await OwnersOfAsync(vehicles, ct);
        return vehicles.Select(v => ToInfo(v, owners[v.Id])).ToList();
    }

    /// <summary>The drivers an owner stands for: those an organisation employs, or a private owner's own qualifications.</summary>
    public async Task<IReadOnlyList<DriverInfo>> DriversOfOwnerAsync(PartyInfo owner, CancellationToken ct)
    {
        var query = db.RegistryDrivers.AsNoTracking();
        query = owner.Kind == PartyKind.Organisation
            ? query.Where(d => d.EmployerOrganisationId == owner.Id)
            : query.Where(d => d.PersonId == owner.Id);
        var drivers = await query.OrderBy(d => d.QualificationNo).ToListAsync(ct);
        return await ToInfoAsync(drivers, ct);
    }

    public async Task<IReadOnlyList<DriverInfo>> ToInfoAsync(IReadOnlyCollection<RegistryDriver> drivers, CancellationToken ct)
    {
        var personIds = drivers.Select(d => d.PersonId).Distinct().ToList();
        var employerIds = drivers.Where(d => d.EmployerOrganisationId is not null).Select(d => d.EmployerOrganisationId!.Value).Distinct().ToList();
        var persons = await db.RegistryPersons.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var employers = await db.RegistryOrganisations.AsNoTracking().Where(o => employerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var today = RegistryRules.Today(clock);
        return drivers.Select(d => new DriverInfo(
                d.Id,
                ToParty(persons[d.PersonId]),
                d.QualificationNo,
                d.QualificationCategory,
                new CertificateInfo(d.QualificationNo, d.ValidUntil, RegistryRules.StatusOf(d.QualificationNo, d.ValidUntil, today)),
                d.EmployerOrganisationId is { } e && employers.TryGetValue(e, out var employer) ? ToParty(employer) : null))
            .ToList();
    }

    public async Task<VehicleInfo> ToInfoAsync(RegistryVehicle vehicle, CancellationToken ct)
    {
        var owners = await OwnersOfAsync([vehicle], ct);
        return ToInfo(vehicle, owners[vehicle.Id]);
    }

    /// <summary>The owner of each vehicle, in two queries however many vehicles there are.</summary>
    public async Task<IReadOnlyDictionary<Guid, PartyInfo>> OwnersOfAsync(IReadOnlyCollection<RegistryVehicle> vehicles, CancellationToken ct)
    {
        var personIds = vehicles.Where(v => v.OwnerPersonId is not null).Select(v => v.OwnerPersonId!.Value).Distinct().ToList();
        var organisationIds = vehicles.Where(v => v.OwnerOrganisationId is not null).Select(v => v.OwnerOrganisationId!.Value).Distinct().ToList();
        var persons = await db.RegistryPersons.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var organisations = await db.RegistryOrganisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        return vehicles.ToDictionary(
            v => v.Id,
            v => v.OwnerPersonId is { } p ? ToParty(persons[p]) : ToParty(organisations[v.OwnerOrganisationId!.Value]));
    }

    public VehicleInfo ToInfo(RegistryVehicle v, PartyInfo owner) => new(
        v.Id, v.Plate, v.PlateColor, v.VehicleTypeCode, v.VehicleTypeName, v.AxleCount, v.RegisteredTotalMassKg, v.Status,
        new CertificateInfo(
            v.TransportCertificateNo, v.TransportCertificateValidUntil,
            RegistryRules.StatusOf(v.TransportCertificateNo, v.TransportCertificateValidUntil, RegistryRules.Today(clock))),
        owner);

    public static PartyInfo ToParty(RegistryPerson p) => new(p.Id, PartyKind.Person, p.Name, p.IdNumber, p.Phone, p.Address, null, null);

    public static PartyInfo ToParty(RegistryOrganisation o) =>
        new(o.Id, PartyKind.Organisation, o.Name, o.CreditCode, o.Phone, o.Address, o.LegalRepresentative, o.OperatingLicenceNo);

    /// <summary>A party as a list shows it: a person's ID number and phone masked, an organisation's data as is (it is public).</summary>
    public static PartyInfo Masked(PartyInfo party) => party.Kind == PartyKind.Person
        ? party with { Number = ResidentIdNumber.Mask(party.Number), Phone = RegistryRules.MaskPhone(party.Phone), Address = null }
        : party;
}
