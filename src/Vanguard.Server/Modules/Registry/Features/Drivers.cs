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

/// <summary>A 从业资格证 with its holder; lists carry the holder's ID number and phone masked.</summary>
public sealed record DriverView(
    Guid Id, string Name, string IdNumber, string? Phone, string QualificationNo, string QualificationCategory, DateOnly ValidUntil,
    CertificateStatus QualificationStatus, string? EmployerCreditCode, string? EmployerName, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

internal sealed class DriversHandler(VanguardDbContext db, RegistryQueries queries, IAuditLog audit, TimeProvider clock)
{
    public static readonly Error NotFound = Error.NotFound("registry.driver_not_found", "运政数据中没有该从业资格证。", "No such driver qualification in the registry.");

    public static readonly Error Exists = Error.Conflict(
        "registry.driver_exists", "该从业资格证号已登记。", "A driver with that qualification number is already registered.");

    public async Task<Page<DriverView>> ListAsync(string? search, string? employerCreditCode, PageRequest page, CancellationToken ct)
    {
        var query = db.RegistryDrivers.AsNoTracking();
        if (RegistryRules.Clean(employerCreditCode) is { } code)
        {
            var employerCode = RegistryRules.CanonicalNumber(code);
            var employerIds = db.RegistryOrganisations.Where(o => o.CreditCode == employerCode).Select(o => o.Id);
            query = query.Where(d => d.EmployerOrganisationId != null && employerIds.Contains(d.EmployerOrganisationId.Value));
        }

        if (RegistryRules.Clean(search) is { } term)
        {
            var upper = term.ToUpperInvariant();
            var personIds = db.RegistryPersons.Where(p => p.Name.Contains(term) || p.IdNumber.Contains(upper)).Select(p => p.Id);
            query = query.Where(d => d.QualificationNo.Contains(upper) || d.QualificationCategory.Contains(term) || personIds.Contains(d.PersonId));
        }

        var total = await query.CountAsync(ct);
        var drivers = await query.OrderBy(d => d.QualificationNo).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        var infos = await queries.ToInfoAsync(drivers, ct);
        return new Page<DriverView>(infos.Select(i => ToView(i, drivers, masked: true)).ToList(), page.Page, page.PageSize, total);
    }

    /// <summary>By qualification number, or by id (a list masks a qualification number that is the holder's ID number).</summary>
    public async Task<Result<DriverView>> GetAsync(string qualificationNoOrId, CancellationToken ct)
    {
        var number = RegistryRules.CanonicalNumber(qualificationNoOrId);
        var driver = Guid.TryParse(qualificationNoOrId, out var id)
            ? await db.RegistryDrivers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct)
            : await db.RegistryDrivers.AsNoTracking().SingleOrDefaultAsync(d => d.QualificationNo == number, ct);
        if (driver is null)
        {
            return NotFound;
        }

        var info = (await queries.ToInfoAsync([driver], ct))[0];
        return ToView(info, [driver], masked: false);
    }

    public async Task<Result<DriverView>> CreateAsync(CreateDriverRequest request, CancellationToken ct)
    {
        var checkedData = RegistryRules.Check(request);
        if (!checkedData.IsSuccess)
        {
            return checkedData.Error!;
        }

        var data = checkedData.Value;
        var person = await db.RegistryPersons.AsNoTracking().SingleOrDefaultAsync(p => p.IdNumber == data.IdNumber, ct);
        RegistryOrganisation? employer = null;
        if (data.EmployerCreditCode is { } code)
        {
            employer = await db.RegistryOrganisations.AsNoTracking().SingleOrDefaultAsync(o => o.CreditCode == code, ct);
        }

        var references = new Validator()
            .Check(person is not null, "idNumber", "registry.person_not_found",
                "运政数据中没有该公民身份号码的人员，请先登记人员。", "No person with that ID number is registered; register the person first.")
            .Check(data.EmployerCreditCode is null || employer is not null, "employerCreditCode", "registry.organisation_not_found",
                "运政数据中没有该统一社会信用代码的单位。", "No organisation with that credit code is registered.");
        if (!references.IsValid)
        {
            return references.ToError();
        }

        if (await db.RegistryDrivers.AnyAsync(d => d.QualificationNo == data.QualificationNo, ct))
        {
            return Exists;
        }

        var now = clock.GetUtcNow();
        var driver = new RegistryDriver
        {
            Id = Guid.CreateVersion7(), QualificationNo = data.QualificationNo, QualificationCategory = data.QualificationCategory,
            CreatedAt = now, UpdatedAt = now,
        };
        RegistryUpserts.Apply(driver, data, person!.Id, employer?.Id);
        db.RegistryDrivers.Add(driver);
        audit.Record("registry.drivers.create", "registry_driver", driver.Id.ToString(), data);
        if (!await RegistryUpserts.SaveNewAsync(db, ct))
        {
            return Exists;
        }

        return await GetAsync(driver.QualificationNo, ct);
    }

    public static DriverView ToView(DriverInfo i, IReadOnlyCollection<RegistryDriver> drivers, bool masked)
    {
        var driver = drivers.First(d => d.Id == i.Id);
        // Since 2017 the qualification number is usually the ID number: a list masks it just the same.
        var qualificationNo = masked && i.QualificationNo == i.Person.Number ? ResidentIdNumber.Mask(i.QualificationNo) : i.QualificationNo;
        return new DriverView(
            i.Id, i.Person.Name, masked ? ResidentIdNumber.Mask(i.Person.Number) : i.Person.Number,
            masked ? RegistryRules.MaskPhone(i.Person.Phone) : i.Person.Phone, qualificationNo, i.QualificationCategory, driver.ValidUntil,
            i.Qualification.Status, i.Employer?.Number, i.Employer?.Name, driver.CreatedAt, driver.UpdatedAt);
    }
}

internal static class DriversEndpoints
{
    public static void MapDrivers(this RouteGroupBuilder registry)
    {
        var drivers = registry.MapGroup("/drivers");
        drivers.MapGet("/", async (string? q, string? employer, int? page, int? pageSize, DriversHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(q, employer, PageRequest.From(page, pageSize), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Drivers (从业资格证), ID numbers masked; q searches name, ID number, qualification; employer filters by credit code.");
        drivers.MapGet("/{qualificationNo}", async (string qualificationNo, DriversHandler handler, HttpContext http) =>
                (await handler.GetAsync(qualificationNo, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("One driver in full, by qualification number or by the id a list gives.");
        drivers.MapPost("/", CreateAsync).RequireAuthorization(RegistryPolicies.Editor)
            .WithSummary("Register a driver's qualification for a registered person.");
    }

    private static async Task<Results<Created<DriverView>, ProblemHttpResult>> CreateAsync(
        CreateDriverRequest request, DriversHandler handler, HttpContext http)
    {
        var result = await handler.CreateAsync(request, http.RequestAborted);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/registry/drivers/{result.Value.Id}", result.Value)
            : result.Error!.ToProblem(http);
    }
}
