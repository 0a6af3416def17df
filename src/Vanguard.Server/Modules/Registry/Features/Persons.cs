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

/// <summary>A person; lists carry the ID number and phone masked, the detail in full.</summary>
public sealed record PersonView(Guid Id, string Name, string IdNumber, string? Phone, string? Address, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

internal sealed class PersonsHandler(VanguardDbContext db, IAuditLog audit, TimeProvider clock)
{
    public static readonly Error NotFound = Error.NotFound("registry.person_not_found", "运政数据中没有该人员。", "No such person in the registry.");

    public static readonly Error Exists = Error.Conflict(
        "registry.person_exists", "该公民身份号码已登记。", "A person with that ID number is already registered.");

    public async Task<Page<PersonView>> ListAsync(string? search, PageRequest page, CancellationToken ct)
    {
        var query = db.RegistryPersons.AsNoTracking();
        if (RegistryRules.Clean(search) is { } term)
        {
            var upper = term.ToUpperInvariant();
            query = query.Where(p => p.Name.Contains(term) || p.IdNumber.Contains(upper) || (p.Phone != null && p.Phone.Contains(term)));
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(p => p.Name).ThenBy(p => p.IdNumber).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new Page<PersonView>(items.Select(p => ToView(p) with
        {
            IdNumber = ResidentIdNumber.Mask(p.IdNumber),
            Phone = RegistryRules.MaskPhone(p.Phone),
            Address = null,
        }).ToList(), page.Page, page.PageSize, total);
    }

    /// <summary>By ID number, or by id (what a list, which masks ID numbers, gives to open the detail).</summary>
    public async Task<Result<PersonView>> GetAsync(string idNumberOrId, CancellationToken ct)
    {
        var number = RegistryRules.CanonicalNumber(idNumberOrId);
        var person = Guid.TryParse(idNumberOrId, out var id)
            ? await db.RegistryPersons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct)
            : await db.RegistryPersons.AsNoTracking().SingleOrDefaultAsync(p => p.IdNumber == number, ct);
        return person is null ? NotFound : ToView(person);
    }

    public async Task<Result<PersonView>> CreateAsync(CreatePersonRequest request, CancellationToken ct)
    {
        var checkedData = RegistryRules.Check(request);
        if (!checkedData.IsSuccess)
        {
            return checkedData.Error!;
        }

        var data = checkedData.Value;
        if (await db.RegistryPersons.AnyAsync(p => p.IdNumber == data.IdNumber, ct))
        {
            return Exists;
        }

        var now = clock.GetUtcNow();
        var person = new RegistryPerson { Id = Guid.CreateVersion7(), Name = data.Name, IdNumber = data.IdNumber, CreatedAt = now, UpdatedAt = now };
        RegistryUpserts.Apply(person, data);
        db.RegistryPersons.Add(person);
        audit.Record("registry.persons.create", "registry_person", person.Id.ToString(), data);
        return await RegistryUpserts.SaveNewAsync(db, ct) ? ToView(person) : Exists;
    }

    public static PersonView ToView(RegistryPerson p) => new(p.Id, p.Name, p.IdNumber, p.Phone, p.Address, p.CreatedAt, p.UpdatedAt);
}

internal static class PersonsEndpoints
{
    public static void MapPersons(this RouteGroupBuilder registry)
    {
        var persons = registry.MapGroup("/persons");
        persons.MapGet("/", async (string? q, int? page, int? pageSize, PersonsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(q, PageRequest.From(page, pageSize), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Persons, ID numbers and phones masked; q searches name, ID number and phone.");
        persons.MapGet("/{idNumber}", async (string idNumber, PersonsHandler handler, HttpContext http) =>
                (await handler.GetAsync(idNumber, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("One person in full, by ID number or by the id a list gives.");
        persons.MapPost("/", CreateAsync).RequireAuthorization(RegistryPolicies.Editor)
            .WithSummary("Register a person; the ID number must pass the GB 11643 check.");
    }

    private static async Task<Results<Created<PersonView>, ProblemHttpResult>> CreateAsync(
        CreatePersonRequest request, PersonsHandler handler, HttpContext http)
    {
        var result = await handler.CreateAsync(request, http.RequestAborted);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/registry/persons/{result.Value.Id}", result.Value)
            : result.Error!.ToProblem(http);
    }
}
