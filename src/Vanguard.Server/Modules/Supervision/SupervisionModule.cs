using Microsoft.AspNetCore.Authorization;

namespace Vanguard.Server.Modules.Supervision;

/// <summary>
/// 执法监督 (docs/supervision.md): the officer trace (可溯) from the audit chain, positions and clips, and the "八六四" discipline inspections.
/// </summary>
public static class SupervisionModule
{
    public static WebApplicationBuilder AddSupervision(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<AuthorizationOptions>(SupervisionPolicies.Add);
        return builder;
    }

    public static RouteGroupBuilder MapSupervision(this RouteGroupBuilder api)
    {
        return api;
    }
}
