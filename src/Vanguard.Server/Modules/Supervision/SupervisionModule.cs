using Microsoft.AspNetCore.Authorization;
using Vanguard.Server.Common.Idempotency;
using Vanguard.Server.Modules.Performance.Contracts;
using Vanguard.Server.Modules.Supervision.Demo;
using Vanguard.Server.Modules.Supervision.Features;

namespace Vanguard.Server.Modules.Supervision;

/// <summary>
/// 执法监督 (docs/supervision.md): the officer trace (可溯) from the audit chain, positions and clips, and the "八六四" discipline inspections.
/// </summary>
public static class SupervisionModule
{
    public static WebApplicationBuilder AddSupervision(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<AuthorizationOptions>(SupervisionPolicies.Add);
        services.AddScoped<TimelineHandler>();
        services.AddScoped<InspectionHandler>();
        services.AddIdempotency(); // Idempotency-Key of POST /inspections (also added by the terminal; added once)
        services.AddScoped<IIndicatorSource, NegativeIncidentsSource>(); // 负面舆情和违纪事件: breaches found by inspections
        services.AddScoped<SupervisionDemoSeeder>();
        return builder;
    }

    public static RouteGroupBuilder MapSupervision(this RouteGroupBuilder api)
    {
        api.MapGroup("/supervision").WithTags("Supervision").MapSupervisionEndpoints();
        return api;
    }
}
