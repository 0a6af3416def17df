using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Common;
using Vanguard.Domain.Identifiers;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Organisation.Data;

namespace Vanguard.Server.Modules.Organisation.Features;

public sealed record AgencyNode(
    string Code, string Name, string? ShortName, AgencyLevel Level, string DivisionCode, string? ParentCode, List<AgencyNode> Children);

public sealed record AgencyDetail(
    string Code, string Name, string? ShortName, AgencyLevel Level, string DivisionCode, string? ParentCode, int Officers, int Devices);

public sealed record CreateAgencyRequest(string? Code, string? Name, string? ShortName, AgencyLevel? Level, string? DivisionCode, string? ParentCode);

/// <summary>The agencies tree, as far as the caller's jurisdiction reaches.</summary>
internal sealed class AgenciesHandler(VanguardDbContext db, IAgencyDirectory directory, IAuditLog audit, TimeProvider clock)
{
    public static readonly Error NotFound = Error.NotFound("agencies.not_found", "执法机构不存在或不在您的管辖范围内。", "No such agency in your jurisdiction.");

    public async Task<List<AgencyNode>> TreeAsync(CancellationToken ct)
    {
        // The query filter has already cut the tree to the caller's jurisdiction.
        var visible = await db.Agencies.AsNoTracking().ToListAsync(ct);
        var codes = visible.ToDictionary(a => a.Id, a => a.Code);
        var nodes = visible.ToDictionary(
            a => a.Id,
            a => new AgencyNode(a.Code, a.Name, a.ShortName, a.Level, a.DivisionCode, a.ParentId is { } p ? codes.GetValueOrDefault(p) : null, []));
        var roots = new List<AgencyNode>();
        foreach (var agency in visible.OrderBy(a => a.Level).ThenBy(a => a.Code, StringComparer.Ordinal))
        {
            if (agency.ParentId is { } parent && nodes.TryGetValue(parent, out var parentNode))
            {
                parentNode.Children.Add(nodes[agency.Id]);
            }
            else
            {
                roots.Add(nodes[agency.Id]);
            }
        }

        return roots;
    }

    public async Task<Result<AgencyDetail>> GetAsync(string code, CancellationToken ct)
    {
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Code == code, ct);
        if (agency is null)
        {
            return NotFound;
        }

        var parentCode = agency.ParentId is { } p ? directory.Current.Find(p)?.Code : null;
        var officers = await db.Officers.CountAsync(o => o.AgencyId == agency.Id, ct);
        var devices = await db.Devices.CountAsync(d => d.AgencyId == agency.Id, ct);
        return new AgencyDetail(agency.Code, agency.Name, agency.ShortName, agency.Level, agency.DivisionCode, parentCode, officers, devices);
    }

    public async Task<Result<AgencyDetail>> CreateAsync(CreateAgencyRequest request, CancellationToken ct)
    {
        var check = new Validator()
            .Require("code", request.Code, "机构代码", "Code")
            .MaxLength("code", request.Code, 32, "机构代码", "Code")
            .Require("name", request.Name, "机构名称", "Name")
            .MaxLength("name", request.Name, 100, "机构名称", "Name")
            .MaxLength("shortName", request.ShortName, 20, "机构简称", "Short name")
            .Require("parentCode", request.ParentCode, "上级机构", "Parent agency")
            .Check(request.Level is AgencyLevel.City or AgencyLevel.County or AgencyLevel.Team, "level", "invalid",
                "机构层级须为 City（市）、County（县）或 Team（队/站）。", "Level must be City, County or Team.")
            .Check(AdministrativeDivisionCode.TryParse(request.DivisionCode, out _), "divisionCode", "invalid",
                "行政区划代码须为 6 位 GB/T 2260 代码。", "Division code must be a 6-digit GB/T 2260 code.");
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var parent = await db.Agencies.SingleOrDefaultAsync(a => a.Code == request.ParentCode, ct);
        if (parent is null)
        {
            return NotFound;
        }

        if ((int)request.Level!.Value <= (int)parent.Level)
        {
            return Validator.Invalid("level", "below_parent", "下级机构的层级必须低于上级机构。", "A child agency must sit below its parent's level.");
        }

        if (await db.Agencies.IgnoreQueryFilters().AnyAsync(a => a.Code == request.Code, ct))
        {
            return Error.Conflict("agencies.code_taken", "机构代码已被使用。", "That agency code is already in use.");
        }

        var agency = new Agency
        {
            Id = Guid.CreateVersion7(),
            Code = request.Code!.Trim(),
            Name = request.Name!.Trim(),
            ShortName = request.ShortName?.Trim(),
            Level = request.Level.Value,
            DivisionCode = request.DivisionCode!,
            ParentId = parent.Id,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Agencies.Add(agency);
        audit.Record("agencies.create", "agency", agency.Code, request, parent.Id);
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
        return new AgencyDetail(agency.Code, agency.Name, agency.ShortName, agency.Level, agency.DivisionCode, parent.Code, 0, 0);
    }
}

internal static class AgenciesEndpoints
{
    public static void MapAgencies(this RouteGroupBuilder api)
    {
        var agencies = api.MapGroup("/agencies").WithTags("Organisation");
        agencies.MapGet("/", async (AgenciesHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.TreeAsync(ct)))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("The agencies tree within the caller's jurisdiction.");
        agencies.MapGet("/{code}", async (string code, AgenciesHandler handler, HttpContext http) =>
                (await handler.GetAsync(code, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(Policies.Staff);
        agencies.MapPost("/", CreateAsync).RequireAuthorization(Policies.OrganisationAdmin);
    }

    private static async Task<Results<Created<AgencyDetail>, ProblemHttpResult>> CreateAsync(
        CreateAgencyRequest request, AgenciesHandler handler, HttpContext http)
    {
        var result = await handler.CreateAsync(request, http.RequestAborted);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/agencies/{result.Value.Code}", result.Value)
            : result.Error!.ToProblem(http);
    }
}
