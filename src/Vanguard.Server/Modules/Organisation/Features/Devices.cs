using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Common;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Organisation.Auth;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Organisation.Data;

namespace Vanguard.Server.Modules.Organisation.Features;

public sealed record RegisterDeviceRequest(
    string? Kind, string? Code, string? Name, string? AgencyCode, string? SerialNumber, string? Location, double? Latitude, double? Longitude);

public sealed record DeviceView(
    string Code, string Kind, string KindName, string Name, string AgencyCode, string AgencyName, string? SerialNumber, string? Location,
    double? Latitude, double? Longitude, bool KeyActive, string? KeyPrefix, DateTimeOffset? KeyIssuedAt, DateTimeOffset CreatedAt);

/// <summary>The key is in the response once and never again.</summary>
public sealed record DeviceWithKey(DeviceView Device, string ApiKey);

/// <summary>Device registry: register, list, issue and revoke keys.</summary>
internal sealed class DevicesHandler(VanguardDbContext db, IAgencyDirectory directory, IAuditLog audit, TimeProvider clock)
{
    public static readonly Error NotFound = Error.NotFound("devices.not_found", "设备不存在或不在您的管辖范围内。", "No such device in your jurisdiction.");

    public async Task<Result<DeviceWithKey>> RegisterAsync(RegisterDeviceRequest request, CancellationToken ct)
    {
        var check = new Validator()
            .Require("kind", request.Kind, "设备类型", "Kind")
            .Check(request.Kind is null || DeviceKind.IsKnown(request.Kind), "kind", "unknown",
                $"设备类型须为：{string.Join("、", DeviceKind.All)}。", $"Kind must be one of: {string.Join(", ", DeviceKind.All)}.")
            .Require("code", request.Code, "设备编号", "Code")
            .MaxLength("code", request.Code, 64, "设备编号", "Code")
            .Check(request.Code is null || request.Code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'), "code", "invalid",
                "设备编号只能包含字母、数字、短横线、下划线和点。", "Code may contain letters, digits, '-', '_' and '.' only.")
            .Require("name", request.Name, "设备名称", "Name")
            .MaxLength("name", request.Name, 100, "设备名称", "Name")
            .Require("agencyCode", request.AgencyCode, "所属机构", "Agency")
            .MaxLength("serialNumber", request.SerialNumber, 64, "出厂序列号", "Serial number")
            .MaxLength("location", request.Location, 200, "安装位置", "Location")
            .Check(request.Latitude is null or (>= -90 and <= 90), "latitude", "out_of_range", "纬度须在 -90 至 90 之间。", "Latitude must be within -90..90.")
            .Check(request.Longitude is null or (>= -180 and <= 180), "longitude", "out_of_range", "经度须在 -180 至 180 之间。", "Longitude must be within -180..180.");
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Code == request.AgencyCode, ct);
        if (agency is null)
        {
            return AgenciesHandler.NotFound;
        }

        var code = request.Code!.Trim();
        if (await db.Devices.IgnoreQueryFilters().AnyAsync(d => d.Code == code, ct))
        {
            return Error.Conflict("devices.code_taken", "设备编号已被注册。", "A device with that code is already registered.");
        }

        var key = DeviceKeys.NewKey();
        var now = clock.GetUtcNow();
        var device = new Device
        {
            Id = Guid.CreateVersion7(),
            AgencyId = agency.Id,
            Kind = request.Kind!,
            Code = code,
            Name = request.Name!.Trim(),
            SerialNumber = request.SerialNumber?.Trim(),
            Location = request.Location?.Trim(),
            Latitude = request.Latitude,
            Longitude = request.Longitude,
            KeyHash = DeviceKeys.Hash(key),
            KeyPrefix = DeviceKeys.Display(key),
            KeyIssuedAt = now,
            CreatedAt = now,
        };
        db.Devices.Add(device);
        audit.Record("devices.register", "device", device.Code, request with { }, agency.Id);
        await db.SaveChangesAsync(ct);
        return new DeviceWithKey(ToView(device), key);
    }

    public async Task<Result<DeviceWithKey>> IssueKeyAsync(string code, CancellationToken ct)
    {
        var device = await db.Devices.SingleOrDefaultAsync(d => d.Code == code, ct);
        if (device is null)
        {
            return NotFound;
        }

        var key = DeviceKeys.NewKey();
        device.KeyHash = DeviceKeys.Hash(key);
        device.KeyPrefix = DeviceKeys.Display(key);
        device.KeyIssuedAt = clock.GetUtcNow();
        device.KeyRevokedAt = null;
        audit.Record("devices.issue_key", "device", device.Code, new { device.KeyPrefix }, device.AgencyId);
        await db.SaveChangesAsync(ct);
        return new DeviceWithKey(ToView(device), key);
    }

    public async Task<Result<DeviceView>> RevokeKeyAsync(string code, CancellationToken ct)
    {
        var device = await db.Devices.SingleOrDefaultAsync(d => d.Code == code, ct);
        if (device is null)
        {
            return NotFound;
        }

        if (device.KeyHash is not null)
        {
            device.KeyHash = null;
            device.KeyRevokedAt = clock.GetUtcNow();
            audit.Record("devices.revoke_key", "device", device.Code, new { device.KeyPrefix }, device.AgencyId);
            await db.SaveChangesAsync(ct);
        }

        return ToView(device);
    }

    public async Task<Page<DeviceView>> ListAsync(string? kind, string? agencyCode, string? search, PageRequest page, CancellationToken ct)
    {
        var query = db.Devices.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(kind))
        {
            query = query.Where(d => d.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(agencyCode) && directory.Current.FindByCode(agencyCode) is { } agency)
        {
            var subtree = directory.Current.Subtree(agency.Id);
            query = query.Where(d => subtree.Contains(d.AgencyId));
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(d => d.Code.Contains(term) || d.Name.Contains(term) || (d.Location != null && d.Location.Contains(term)));
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(d => d.Code).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new Page<DeviceView>(items.Select(ToView).ToList(), page.Page, page.PageSize, total);
    }

    public async Task<Result<DeviceView>> GetAsync(string code, CancellationToken ct)
    {
        var device = await db.Devices.AsNoTracking().SingleOrDefaultAsync(d => d.Code == code, ct);
        return device is null ? NotFound : ToView(device);
    }

    private DeviceView ToView(Device d)
    {
        var agency = directory.Current.Find(d.AgencyId);
        return new DeviceView(
            d.Code, d.Kind, DeviceKind.NameZh(d.Kind), d.Name, agency?.Code ?? string.Empty, agency?.Name ?? string.Empty, d.SerialNumber, d.Location,
            d.Latitude, d.Longitude, d.KeyHash is not null, d.KeyPrefix, d.KeyIssuedAt, d.CreatedAt);
    }
}

internal static class DevicesEndpoints
{
    public static void MapDevices(this RouteGroupBuilder api)
    {
        var devices = api.MapGroup("/devices").WithTags("Organisation");
        devices.MapPost("/", RegisterAsync).RequireAuthorization(Policies.OrganisationAdmin)
            .WithSummary("Register a device; the response carries its API key, shown this once.");
        devices.MapGet("/", async (string? kind, string? agencyCode, string? q, int? page, int? pageSize, DevicesHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(kind, agencyCode, q, PageRequest.From(page, pageSize), ct)))
            .RequireAuthorization(Policies.Staff);
        devices.MapGet("/me", WhoAmIAsync).RequireAuthorization(Policies.Device)
            .RequireRateLimiting(RateLimits.Device)
            .WithSummary("The calling device, as its key identifies it.");
        devices.MapGet("/{code}", async (string code, DevicesHandler handler, HttpContext http) =>
                (await handler.GetAsync(code, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(Policies.Staff);
        devices.MapPost("/{code}/key", async (string code, DevicesHandler handler, HttpContext http) =>
                (await handler.IssueKeyAsync(code, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(Policies.OrganisationAdmin)
            .WithSummary("Issue a new key; the old one stops working at once.");
        devices.MapDelete("/{code}/key", RevokeAsync).RequireAuthorization(Policies.OrganisationAdmin)
            .WithSummary("Revoke the device's key.");
    }

    private static async Task<Results<Created<DeviceWithKey>, ProblemHttpResult>> RegisterAsync(
        RegisterDeviceRequest request, DevicesHandler handler, HttpContext http)
    {
        var result = await handler.RegisterAsync(request, http.RequestAborted);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/devices/{result.Value.Device.Code}", result.Value)
            : result.Error!.ToProblem(http);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(string code, DevicesHandler handler, HttpContext http)
    {
        var result = await handler.RevokeKeyAsync(code, http.RequestAborted);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error!.ToProblem(http);
    }

    private static async Task<Results<Ok<DeviceView>, ProblemHttpResult>> WhoAmIAsync(ClaimsPrincipal device, DevicesHandler handler, HttpContext http) =>
        (await handler.GetAsync(device.FindFirstValue(ClaimTypes.NameIdentifier)!, http.RequestAborted)).ToHttp(http);
}
