using Microsoft.AspNetCore.Authorization;

namespace Vanguard.Server.Modules.Warnings;

/// <summary>
/// 问题预警 (docs/warnings.md): a rules engine over platform data; warnings go to the responsible leader with a deadline and are closed with a response.
/// </summary>
public static class WarningsModule
{
    public static WebApplicationBuilder AddWarnings(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<AuthorizationOptions>(WarningsPolicies.Add);
        return builder;
    }

    public static RouteGroupBuilder MapWarnings(this RouteGroupBuilder api)
    {
        return api;
    }
}
