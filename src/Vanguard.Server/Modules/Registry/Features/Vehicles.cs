using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Common;
using Vanguard.Domain.Identifiers;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Registry.Contracts;
using Vanguard.Server.Modules.Registry.Data;

namespace Vanguard.Server.Modules.Registry.Features;

/// <summary>A vehicle with its owner's name and number (a person's number masked in lists) and its 道路运输证 status.</summary>
public sealed record VehicleView(
    Guid Id, string Plate, string PlateColor, string PlateColorName, string VehicleTypeCode, string VehicleTypeName, int? AxleCount,
    int? RegisteredTotalMassKg, string Status, string StatusName, string? TransportCertificateNo, DateOnly? TransportCertificateValidUntil,
    CertificateStatus CertificateStatus, PartyKind OwnerKind, string OwnerName, string OwnerNumber, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>The look-up answer: the vehicle, its owner in full and the drivers the owner stands for (ID numbers masked).</summary>
public sealed record VehicleDetail(VehicleView Vehicle, PartyInfo Owner, IReadOnlyList<DriverView> Drivers);

internal sealed class VehiclesHandler(VanguardDbContext db, RegistryQueries queries, IAuditLog audit, TimeProvider clock)
{
    public static readonly Error NotFound = Error.NotFound("registry.vehicle_not_found", "运政数据中没有该车辆。", "No such vehicle in the registry.");

    public static readonly Error Exists = Error.Conflict(
        "registry.vehicle_exists", "该号牌号码和颜色的车辆已登记。", "A vehicle with that plate and colour is already registered.");

    public static readonly Error Ambiguous = Validator.Invalid("color", "registry.plate_color_required",
        "该号牌号码对应多辆不同颜色号牌的车辆，请指定号牌颜色。", "Several vehicles carry that plate in different colours; give the colour.");

    public async Task<Page<VehicleView>> ListAsync(VehicleFilter filter, PageRequest page, CancellationToken ct)
    {
        var query = db.RegistryVehicles.AsNoTracking();
        if (PlateColor.Parse(filter.Color) is { } color)
        {
            query = query.Where(v => v.PlateColor == color);
        }

        var today = RegistryRules.Today(clock);
        query = filter.Certificate?.Trim().ToLowerInvariant() switch
        {
            "valid" => query.Where(v => v.TransportCertificateNo != null && v.TransportCertificateValidUntil >= today),
            "expired" => query.Where(v => v.TransportCertificateNo != null && (v.TransportCertificateValidUntil == null || v.TransportCertificateValidUntil < today)),
            "none" => query.Where(v => v.TransportCertificateNo == null),
            _ => query,
        };
        if (RegistryRules.Clean(filter.Owner) is { } owner)
        {
            var number = RegistryRules.CanonicalNumber(owner);
            var personIds = db.RegistryPersons.Where(p => p.IdNumber == number).Select(p => p.Id);
            var organisationIds = db.RegistryOrganisations.Where(o => o.CreditCode == number).Select(o => o.Id);
            query = query.Where(v => (v.OwnerPersonId != null && personIds.Contains(v.OwnerPersonId.Value))
                || (v.OwnerOrganisationId != null && organisationIds.Contains(v.OwnerOrganisationId.Value)));
        }

        if (RegistryRules.Clean(filter.Search) is { } term)
        {
            var plate = PlateNumber.Normalise(term);
            var personIds = db.RegistryPersons.Where(p => p.Name.Contains(term)).Select(p => p.Id);
            var organisationIds = db.RegistryOrganisations.Where(o => o.Name.Contains(term)).Select(o => o.Id);
            query = query.Where(v => v.Plate.Contains(plate) || v.VehicleTypeName.Contains(term)
                || (v.TransportCertificateNo != null && v.TransportCertificateNo.Contains(plate))
                || (v.OwnerPersonId != null && personIds.Contains(v.OwnerPersonId.Value))
                || (v.OwnerOrganisationId != null && organisationIds.Contains(v.OwnerOrganisationId.Value)));
        }

        var total = await query.CountAsync(ct);
        var vehicles = await query.OrderBy(v => v.Plate).ThenBy(v => v.PlateColor).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        var owners = await queries.OwnersOfAsync(vehicles, ct);
        var items = vehicles.Select(v => ToView(queries.ToInfo(v, RegistryQueries.Masked(owners[v.Id])), v)).ToList();
        return new Page<VehicleView>(items, page.Page, page.PageSize, total);
    }

    /// <summary>By plate and colour; by plate alone when only one vehicle carries it.</summary>
    public async Task<Result<VehicleDetail>> GetAsync(string plate, string? color, CancellationToken ct)
    {
        VehicleInfo? info;
        if (RegistryRules.Clean(color) is { } c)
        {
            if (PlateColor.Parse(c) is null)
            {
                return Validator.Invalid("color", "registry.plate_color_invalid",
                    $"号牌颜色须为：{string.Join("、", PlateColor.All)}。", $"Plate colour must be one of: {string.Join(", ", PlateColor.All)}.");
            }

            info = await queries.FindVehicleAsync(plate, c, ct);
        }
        else
        {
            var all = await queries.FindVehiclesByPlateAsync(plate, ct);
            if (all.Count > 1)
            {
                return Ambiguous;
            }

            info = all.SingleOrDefault();
        }

        if (info is null)
        {
            return NotFound;
        }

        var vehicle = await db.RegistryVehicles.AsNoTracking().SingleAsync(v => v.Id == info.Id, ct);
        var drivers = await queries.DriversOfOwnerAsync(info.Owner, ct);
        var driverIds = drivers.Select(d => d.Id).ToList();
        var driverRows = await db.RegistryDrivers.AsNoTracking().Where(d => driverIds.Contains(d.Id)).ToListAsync(ct);
        return new VehicleDetail(
            ToView(info, vehicle), info.Owner, drivers.Select(d => DriversHandler.ToView(d, driverRows, masked: true)).ToList());
    }

    public async Task<Result<VehicleDetail>> CreateAsync(CreateVehicleRequest request, CancellationToken ct)
    {
        var checkedData = RegistryRules.Check(request);
        if (!checkedData.IsSuccess)
        {
            return checkedData.Error!;
        }

        var data = checkedData.Value;
        Guid? personId = data.OwnerIdNumber is { } id
            ? await db.RegistryPersons.Where(p => p.IdNumber == id).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(ct)
            : null;
        Guid? organisationId = data.OwnerCreditCode is { } code
            ? await db.RegistryOrganisations.Where(o => o.CreditCode == code).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(ct)
            : null;
        if (personId is null && organisationId is null)
        {
            return OwnerNotFound(data);
        }

        if (await db.RegistryVehicles.AnyAsync(v => v.Plate == data.Plate && v.PlateColor == data.PlateColor, ct))
        {
            return Exists;
        }

        var now = clock.GetUtcNow();
        var vehicle = new RegistryVehicle
        {
            Id = Guid.CreateVersion7(), Plate = data.Plate, PlateColor = data.PlateColor, VehicleTypeCode = data.VehicleTypeCode,
            VehicleTypeName = data.VehicleTypeName, Status = data.Status, CreatedAt = now, UpdatedAt = now,
        };
        RegistryUpserts.Apply(vehicle, data, personId, organisationId);
        db.RegistryVehicles.Add(vehicle);
        audit.Record("registry.vehicles.create", "registry_vehicle", vehicle.Id.ToString(), data);
        if (!await RegistryUpserts.SaveNewAsync(db, ct))
        {
            return Exists;
        }

        return await GetAsync(vehicle.Plate, vehicle.PlateColor, ct);
    }

    public static Error OwnerNotFound(VehicleData data) => data.OwnerIdNumber is not null
        ? Validator.Invalid("ownerIdNumber", "registry.owner_not_found",
            "运政数据中没有该公民身份号码的人员，请先登记所有人。", "No person with that ID number is registered; register the owner first.")
        : Validator.Invalid("ownerCreditCode", "registry.owner_not_found",
            "运政数据中没有该统一社会信用代码的单位，请先登记所有人。", "No organisation with that credit code is registered; register the owner first.");

    public static VehicleView ToView(VehicleInfo i, RegistryVehicle v) => new(
        i.Id, i.Plate, i.PlateColor, PlateColor.NameZh(i.PlateColor), i.VehicleTypeCode, i.VehicleTypeName, i.AxleCount, i.RegisteredTotalMassKg,
        i.Status, VehicleStatus.NameZh(i.Status), i.TransportCertificate.Number, i.TransportCertificate.ValidUntil, i.TransportCertificate.Status,
        i.Owner.Kind, i.Owner.Name, i.Owner.Number, v.CreatedAt, v.UpdatedAt);
}

/// <summary>List filters: <c>q</c> (plate, type, certificate, owner name), <c>color</c>, <c>certificate</c> (valid, expired, none), <c>owner</c> (ID number or credit code).</summary>
public sealed record VehicleFilter(string? Search, string? Color = null, string? Certificate = null, string? Owner = null);

internal static class VehiclesEndpoints
{
    public static void MapVehicles(this RouteGroupBuilder registry)
    {
        var vehicles = registry.MapGroup("/vehicles");
        vehicles.MapGet("/", async (string? q, string? color, string? certificate, string? owner, int? page, int? pageSize, VehiclesHandler handler,
                    CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(new VehicleFilter(q, color, certificate, owner), PageRequest.From(page, pageSize), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Vehicles; q searches plate, type, certificate and owner name; certificate = valid|expired|none; owner = ID number or credit code.");
        vehicles.MapGet("/{plate}", async (string plate, string? color, VehiclesHandler handler, HttpContext http) =>
                (await handler.GetAsync(plate, color, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Look a vehicle up by plate (and colour): owner, 道路运输证 status (valid/expired/none), the owner's drivers.");
        vehicles.MapPost("/", CreateAsync).RequireAuthorization(RegistryPolicies.Editor)
            .WithSummary("Register a vehicle of a registered owner.");
    }

    private static async Task<Results<Created<VehicleDetail>, ProblemHttpResult>> CreateAsync(
        CreateVehicleRequest request, VehiclesHandler handler, HttpContext http)
    {
        var result = await handler.CreateAsync(request, http.RequestAborted);
        return result.IsSuccess
            ? TypedResults.Created(
                $"/api/v1/registry/vehicles/{Uri.EscapeDataString(result.Value.Vehicle.Plate)}?color={result.Value.Vehicle.PlateColor}", result.Value)
            : result.Error!.ToProblem(http);
    }
}
