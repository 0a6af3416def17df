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

/// <summary>检定证书 of a measuring device.</summary>
public sealed record DeviceCertificate(string? Number, DateOnly? ValidFrom, DateOnly? ValidUntil);

public sealed record RegisterDeviceRequest(
    string? Kind, string? Code, string? Name, string? AgencyCode, string? SerialNumber, string? Location, double? Latitude, double? Longitude,
    decimal? AccuracyClass = null, DeviceCertificate? Certificate = null);

/// <summary><c>PATCH /api/v1/devices/{code}</c>: only the fields present change.</summary>
public sealed record UpdateDeviceRequest(
    string? Name = null, string? Location = null, double? Latitude = null, double? Longitude = null, decimal? AccuracyClass = null,
    DeviceCertificate? Certificate = null);

public sealed record DeviceView(
    string Code, string Kind, string KindName, string Name, string AgencyCode, string AgencyName, string? SerialNumber, string? Location,
    double? Latitude, double? Longitude, bool KeyActive, string? KeyPrefix, DateTimeOffset? KeyIssuedAt, DateTimeOffset CreatedAt,
    decimal? AccuracyClass = null, DeviceCertificate? Certificate = null);

/// <summary>The key is in the response once and never again.</summary>
public sealed record DeviceWithKey(DeviceView Device, string ApiKey);

/// <summary>Device registry: register, list, issue and revoke keys.</summary>
internal sealed class DevicesHandler(VanguardDbContext db, IAgencyDirectory directory, IAuditLog audit, TimeProvider clock, IDeviceDirectory deviceDirectory)
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
        CheckMeasurement(check, request.AccuracyClass, request.Certificate);
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
            AccuracyClass = request.AccuracyClass,
            CertificateNumber = request.Certificate?.Number?.Trim(),
            CertificateValidFrom = request.Certificate?.ValidFrom,
            CertificateValidUntil = request.Certificate?.ValidUntil,
        };
        db.Devices.Add(device);
        audit.Record("devices.register", "device", device.Code, request with { }, agency.Id);
        await db.SaveChangesAsync(ct);
        return new DeviceWithKey(ToView(device), key);
    }

    public async Task<Result<DeviceView>> UpdateAsync(string code, UpdateDeviceRequest request, CancellationToken ct)
    {
        var check = new Validator()
            .Check(request.Name is null || request.Name.Trim().Length is > 0 and <= 100, "name", "invalid", "设备名称须为 1–100 个字符。", "Name must be 1–100 characters.")
            .MaxLength("location", request.Location, 200, "安装位置", "Location")
            .Check(request.Latitude is null or (>= -90 and <= 90), "latitude", "out_of_range", "纬度须在 -90 至 90 之间。", "Latitude must be within -90..90.")
            .Check(request.Longitude is null or (>= -180 and <= 180), "longitude", "out_of_range", "经度须在 -180 至 180 之间。", "Longitude must be within -180..180.");
        CheckMeasurement(check, request.AccuracyClass, request.Certificate);
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var device = await db.Devices.SingleOrDefaultAsync(d => d.Code == code, ct);
        if (device is null)
        {
            return NotFound;
        }

        device.Name = request.Name?.Trim() ?? device.Name;
        device.Location = request.Location?.Trim() ?? device.Location;
        device.Latitude = request.Latitude ?? device.Latitude;
        device.Longitude = request.Longitude ?? device.Longitude;
        device.AccuracyClass = request.AccuracyClass ?? device.AccuracyClass;
        if (request.Certificate is { } certificate)
        {
            device.CertificateNumber = certificate.Number?.Trim();
            device.CertificateValidFrom = certificate.ValidFrom;
            device.CertificateValidUntil = certificate.ValidUntil;
        }

        audit.Record("devices.update", "device", device.Code, request, device.AgencyId);
        await db.SaveChangesAsync(ct);
        deviceDirectory.Invalidate(device.Code);
        return ToView(device);
    }

    /// <summary>JJG 907-2006 accuracy classes; a certificate needs a number and a sensible validity period.</summary>
    private static void CheckMeasurement(Validator check, decimal? accuracyClass, DeviceCertificate? certificate)
    {
        check.Check(accuracyClass is null || AccuracyClasses.Contains(accuracyClass.Value), "accuracyClass", "invalid",
            "准确度等级须为 JJG 907 规定的 0.2、0.5、1、2、5 或 10。", "The accuracy class must be one of JJG 907's 0.2, 0.5, 1, 2, 5, 10.");
        if (certificate is not null)
        {
            check.Require("certificate.number", certificate.Number, "检定证书编号", "Certificate number")
                .MaxLength("certificate.number", certificate.Number, 64, "检定证书编号", "Certificate number")
                .Check(certificate.ValidFrom is not null, "certificate.validFrom", "required", "检定日期不能为空。", "The certificate's start date is required.")
                .Check(certificate.ValidUntil is not null, "certificate.validUntil", "required", "检定有效期不能为空。", "The certificate's end date is required.")
                .Check(certificate.ValidFrom is null || certificate.ValidUntil is null || certificate.ValidFrom <= certificate.ValidUntil,
                    "certificate.validUntil", "before_start", "有效期截止日不能早于检定日期。", "The certificate cannot end before it starts.");
        }
    }

    private static readonly decimal[] AccuracyClasses = [0.2m, 0.5m, 1m, 2m, 5m, 10m];

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
        deviceDirectory.Invalidate(device.Code);
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
            deviceDirectory.Invalidate(device.Code);
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
            d.Latitude, d.Longitude, d.KeyHash is not null, d.KeyPrefix, d.KeyIssuedAt, d.CreatedAt, d.AccuracyClass,
            d.CertificateNumber is null ? null : new DeviceCertificate(d.CertificateNumber, d.CertificateValidFrom, d.CertificateValidUntil));
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
        devices.MapPatch("/{code}", async (string code, UpdateDeviceRequest request, DevicesHandler handler, HttpContext http) =>
                (await handler.UpdateAsync(code, request, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(Policies.OrganisationAdmin)
            .WithSummary("Change a device's name, place, accuracy class or verification certificate.");
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
