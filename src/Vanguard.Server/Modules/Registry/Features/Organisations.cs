using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Common;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Registry.Contracts;
using Vanguard.Server.Modules.Registry.Data;

namespace Vanguard.Server.Modules.Registry.Features;

/// <summary>An organisation; its data is public (企业信用信息公示), so lists and detail show the same.</summary>
public sealed record OrganisationView(
    Guid Id, string Name, string CreditCode, string? LegalRepresentative, string? Address, string? Phone, string? OperatingLicenceNo,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

internal sealed class OrganisationsHandler(VanguardDbContext db, IAuditLog audit, TimeProvider clock)
{
    public static readonly Error NotFound = Error.NotFound(
        "registry.organisation_not_found", "运政数据中没有该单位。", "No such organisation in the registry.");

    public static readonly Error Exists = Error.Conflict(
        "registry.organisation_exists", "该统一社会信用代码已登记。", "An organisation with that credit code is already registered.");

    public async Task<Page<OrganisationView>> ListAsync(string? search, PageRequest page, CancellationToken ct)
    {
        var query = db.RegistryOrganisations.AsNoTracking();
        if (RegistryRules.Clean(search) is { } term)
        {
            var upper = term.ToUpperInvariant();
            query = query.Where(o => o.Name.Contains(term) || o.CreditCode.Contains(upper)
                || (o.LegalRepresentative != null && o.LegalRepresentative.Contains(term))
                || (o.OperatingLicenceNo != null && o.OperatingLicenceNo.Contains(term)));
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(o => o.Name).ThenBy(o => o.CreditCode).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new Page<OrganisationView>(items.Select(ToView).ToList(), page.Page, page.PageSize, total);
    }

    public async Task<Result<OrganisationView>> GetAsync(string creditCode, CancellationToken ct)
    {
        var code = RegistryRules.CanonicalNumber(creditCode);
        var organisation = await db.RegistryOrganisations.AsNoTracking().SingleOrDefaultAsync(o => o.CreditCode == code, ct);
        return organisation is null ? NotFound : ToView(organisation);
    }

    public async Task<Result<OrganisationView>> CreateAsync(CreateOrganisationRequest request, CancellationToken ct)
    {
        var checkedData = RegistryRules.Check(request);
        if (!checkedData.IsSuccess)
        {
            return checkedData.Error!;
        }

        var data = checkedData.Value;
        if (await db.RegistryOrganisations.AnyAsync(o => o.CreditCode == data.CreditCode, ct))
        {
            return Exists;
        }

        var now = clock.GetUtcNow();
        var organisation = new RegistryOrganisation
        {
            Id = Guid.CreateVersion7(), Name = data.Name, CreditCode = data.CreditCode, CreatedAt = now, UpdatedAt = now,
        };
        RegistryUpserts.Apply(organisation, data);
        db.RegistryOrganisations.Add(organisation);
        audit.Record("registry.organisations.create", "registry_organisation", organisation.Id.ToString(), data);
        return await RegistryUpserts.SaveNewAsync(db, ct) ? ToView(organisation) : Exists;
    }

    public static OrganisationView ToView(RegistryOrganisation o) =>
        new(o.Id, o.Name, o.CreditCode, o.LegalRepresentative, o.Address, o.Phone, o.OperatingLicenceNo, o.CreatedAt, o.UpdatedAt);
}

internal static class OrganisationsEndpoints
{
    public static void MapOrganisations(this RouteGroupBuilder registry)
    {
        var organisations = registry.MapGroup("/organisations");
        organisations.MapGet("/", async (string? q, int? page, int? pageSize, OrganisationsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(q, PageRequest.From(page, pageSize), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Organisations; q searches name, credit code, legal representative and licence number.");
        organisations.MapGet("/{creditCode}", async (string creditCode, OrganisationsHandler handler, HttpContext http) =>
                (await handler.GetAsync(creditCode, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(Policies.Staff);
        organisations.MapPost("/", CreateAsync).RequireAuthorization(RegistryPolicies.Editor)
            .WithSummary("Register an organisation; the credit code must pass the GB 32100 check.");
    }

    private static async Task<Results<Created<OrganisationView>, ProblemHttpResult>> CreateAsync(
        CreateOrganisationRequest request, OrganisationsHandler handler, HttpContext http)
    {
        var result = await handler.CreateAsync(request, http.RequestAborted);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/registry/organisations/{result.Value.CreditCode}", result.Value)
            : result.Error!.ToProblem(http);
    }
}
