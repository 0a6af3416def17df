using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Common;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Organisation.Data;

namespace Vanguard.Server.Modules.Organisation.Features;

public sealed record AccountRequest(string? Username, string? Password, IReadOnlyList<string>? Roles);

public sealed record CreateOfficerRequest(
    string? AgencyCode, string? OfficerNo, string? Name, string? CertificateNo, DateOnly? CertificateValidUntil, string? Phone, AccountRequest? Account);

public sealed record OfficerView(
    Guid Id, string OfficerNo, string Name, string AgencyCode, string AgencyName, string? CertificateNo, DateOnly? CertificateValidUntil,
    bool CertificateValid, bool Active, string? Username, IReadOnlyList<string> Roles);

internal sealed class OfficersHandler(
    VanguardDbContext db, IAgencyDirectory directory, ICurrentActor actor, UserManager<StaffUser> users, IAuditLog audit, TimeProvider clock)
{
    public async Task<Page<OfficerView>> ListAsync(string? agencyCode, string? search, PageRequest page, CancellationToken ct)
    {
        var query = db.Officers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(agencyCode) && directory.Current.FindByCode(agencyCode) is { } agency)
        {
            var subtree = directory.Current.Subtree(agency.Id);
            query = query.Where(o => subtree.Contains(o.AgencyId));
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(o => o.Name.Contains(term) || o.OfficerNo.Contains(term) || (o.CertificateNo != null && o.CertificateNo.Contains(term)));
        }

        var total = await query.CountAsync(ct);
        var officers = await query.OrderBy(o => o.OfficerNo).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        var ids = officers.Select(o => o.Id).ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => u.OfficerId != null && ids.Contains(u.OfficerId.Value))
            .Select(u => new { u.Id, u.OfficerId, u.UserName }).ToListAsync(ct);
        var userIds = accounts.Select(a => a.Id).ToList();
        var roles = await db.UserRoles.AsNoTracking().Where(r => userIds.Contains(r.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var items = officers.Select(o =>
        {
            var account = accounts.FirstOrDefault(a => a.OfficerId == o.Id);
            var agency = directory.Current.Find(o.AgencyId);
            return new OfficerView(
                o.Id, o.OfficerNo, o.Name, agency?.Code ?? string.Empty, agency?.Name ?? string.Empty, o.CertificateNo, o.CertificateValidUntil,
                EnforcementCertificateNumber.IsValidOn(o.CertificateValidUntil, today), o.Active, account?.UserName,
                account is null ? [] : roles.Where(r => r.UserId == account.Id).Select(r => r.Name!).ToList());
        }).ToList();
        return new Page<OfficerView>(items, page.Page, page.PageSize, total);
    }

    public async Task<Result<OfficerView>> CreateAsync(CreateOfficerRequest request, CancellationToken ct)
    {
        var check = new Validator()
            .Require("agencyCode", request.AgencyCode, "所属机构", "Agency")
            .Require("officerNo", request.OfficerNo, "工号", "Officer number")
            .MaxLength("officerNo", request.OfficerNo, 32, "工号", "Officer number")
            .Require("name", request.Name, "姓名", "Name")
            .MaxLength("name", request.Name, 50, "姓名", "Name")
            .Check(request.CertificateNo is null || EnforcementCertificateNumber.IsValid(request.CertificateNo), "certificateNo", "invalid",
                "执法证号格式不正确（应为 8–15 位数字，以省级行政区划代码开头）。", "The enforcement certificate number is malformed.")
            .Check(request.CertificateNo is null || request.CertificateValidUntil is not null, "certificateValidUntil", "required",
                "填写执法证号时须填写有效期。", "A certificate needs its expiry date.");
        var account = request.Account;
        if (account is not null)
        {
            check.Require("account.username", account.Username, "登录账号", "Username")
                .Require("account.password", account.Password, "初始密码", "Password")
                .Check(account.Roles is { Count: > 0 }, "account.roles", "required", "至少分配一个角色。", "At least one role is required.");
            foreach (var role in account.Roles ?? [])
            {
                check.Check(Role.Staff.Contains(role), "account.roles", "unknown", $"未知角色：{role}。", $"Unknown role: {role}.");
                check.Check(role != Role.ProvinceAdmin || actor.IsInRole(Role.ProvinceAdmin), "account.roles", "not_grantable",
                    "只有省级管理员可以授予省级管理员角色。", "Only a province administrator can grant that role.");
            }
        }

        if (!check.IsValid)
        {
            return check.ToError();
        }

        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Code == request.AgencyCode, ct);
        if (agency is null)
        {
            return AgenciesHandler.NotFound;
        }

        if (await db.Officers.IgnoreQueryFilters().AnyAsync(o => (o.AgencyId == agency.Id && o.OfficerNo == request.OfficerNo)
                || (request.CertificateNo != null && o.CertificateNo == request.CertificateNo), ct))
        {
            return Error.Conflict("officers.duplicate", "该机构已有相同工号，或执法证号已被登记。", "Officer number or certificate number already registered.");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var officer = new Officer
        {
            Id = Guid.CreateVersion7(),
            AgencyId = agency.Id,
            OfficerNo = request.OfficerNo!.Trim(),
            Name = request.Name!.Trim(),
            CertificateNo = request.CertificateNo,
            CertificateValidUntil = request.CertificateValidUntil,
            Phone = request.Phone,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Officers.Add(officer);
        audit.Record("officers.create", "officer", officer.Id.ToString(), request with { Account = null, Phone = null }, agency.Id);
        await db.SaveChangesAsync(ct);

        if (account is not null)
        {
            var user = new StaffUser
            {
                UserName = account.Username!.Trim(),
                DisplayName = officer.Name,
                AgencyId = agency.Id,
                OfficerId = officer.Id,
                CreatedAt = clock.GetUtcNow(),
            };
            var created = await users.CreateAsync(user, account.Password!);
            if (created.Succeeded)
            {
                created = await users.AddToRolesAsync(user, account.Roles!);
            }

            if (!created.Succeeded)
            {
                await tx.RollbackAsync(ct);
                return IdentityErrors.ToError(created, "account");
            }

            audit.Record("accounts.create", "user", user.Id.ToString(), new { user.UserName, account.Roles }, agency.Id);
            await db.SaveChangesAsync(ct);
        }

        await tx.CommitAsync(ct);
        var page = await ListAsync(agency.Code, officer.OfficerNo, new PageRequest(1, 200), ct);
        return page.Items.First(o => o.Id == officer.Id);
    }
}

/// <summary>Turns ASP.NET Core Identity's errors into our field errors.</summary>
internal static class IdentityErrors
{
    public static Error ToError(IdentityResult result, string prefix)
    {
        var check = new Validator();
        foreach (var error in result.Errors)
        {
            var (field, zh) = error.Code switch
            {
                "DuplicateUserName" => ("username", "登录账号已存在。"),
                "InvalidUserName" => ("username", "登录账号只能包含字母、数字和 . _ - @。"),
                var c when c.StartsWith("Password", StringComparison.Ordinal) =>
                    ("password", "密码至少 8 位，且须包含大写字母、小写字母、数字和符号。"),
                _ => ("account", "账号创建失败：" + error.Description),
            };
            check.Add($"{prefix}.{field}", error.Code, zh, error.Description);
        }

        return check.ToError();
    }
}

internal static class OfficersEndpoints
{
    public static void MapOfficers(this RouteGroupBuilder api)
    {
        var officers = api.MapGroup("/officers").WithTags("Organisation");
        officers.MapGet("/", async (string? agencyCode, string? q, int? page, int? pageSize, OfficersHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(agencyCode, q, PageRequest.From(page, pageSize), ct)))
            .RequireAuthorization(Policies.Staff);
        officers.MapPost("/", CreateAsync).RequireAuthorization(Policies.OrganisationAdmin)
            .WithSummary("Register an officer, optionally with a login account.");
    }

    private static async Task<Results<Created<OfficerView>, ProblemHttpResult>> CreateAsync(
        CreateOfficerRequest request, OfficersHandler handler, HttpContext http)
    {
        var result = await handler.CreateAsync(request, http.RequestAborted);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/officers/{result.Value.Id}", result.Value) : result.Error!.ToProblem(http);
    }
}
