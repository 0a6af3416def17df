using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Organisation.Auth;

/// <summary>Authenticates a field device by its <c>X-Device-Key</c> header.</summary>
internal sealed class DeviceKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IServiceProvider services)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Schemes.DeviceKeyHeader, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = DeviceKeys.Hash(values.ToString().Trim());
        await using var db = SystemDb.Create(services);
        var device = await db.Devices.AsNoTracking()
            .Where(d => d.KeyHash == hash)
            .Select(d => new { d.Id, d.Code, d.Name, d.Kind, d.AgencyId })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (device is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked device key.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, device.Code),
                new Claim(ClaimTypes.Name, device.Code),
                new Claim(ClaimTypes.Role, Role.Device),
                new Claim(VanguardClaims.ActorKind, "device"),
                new Claim(VanguardClaims.DeviceKind, device.Kind),
                new Claim(VanguardClaims.AgencyId, device.AgencyId.ToString()),
                new Claim(VanguardClaims.DisplayName, device.Name),
            ],
            Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
