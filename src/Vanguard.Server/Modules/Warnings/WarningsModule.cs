using Microsoft.AspNetCore.Authorization;
using Vanguard.Server.Modules.Performance.Contracts;
using Vanguard.Server.Modules.Warnings.Engine;
using Vanguard.Server.Modules.Warnings.Features;
using Vanguard.Server.Modules.Warnings.Jobs;

namespace Vanguard.Server.Modules.Warnings;

/// <summary>
/// 问题预警 (docs/warnings.md): a rules engine over platform data; warnings go to the responsible leader with a deadline and are closed with a response.
/// </summary>
public static class WarningsModule
{
    public static WebApplicationBuilder AddWarnings(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WarningsOptions>().Bind(builder.Configuration.GetSection(WarningsOptions.Section))
            .Validate(o => o.PeriodMinutes is >= 1 and <= 1440, "Vanguard:Warnings:PeriodMinutes must be 1–1440.")
            .Validate(o => o.FirstRunDelaySeconds is >= 0 and <= 3600, "Vanguard:Warnings:FirstRunDelaySeconds must be 0–3600.")
            .Validate(o => o.DecisionLookbackDays is >= 1 and <= 366, "Vanguard:Warnings:DecisionLookbackDays must be 1–366.")
            .ValidateOnStart();
        services.Configure<AuthorizationOptions>(WarningsPolicies.Add);
        services.AddScoped<RuleEvaluators>();
        services.AddScoped<WarningEngine>();
        services.AddScoped<WarningsHandler>();
        services.AddScoped<Demo.WarningsDemoSeeder>();
        services.AddScoped<IIndicatorSource, WarningsOverdueSource>(); // the performance evaluation: 问题预警按期处置
        services.AddSingleton<WarningJob>();
        services.AddHostedService(sp => sp.GetRequiredService<WarningJob>());
        return builder;
    }

    public static RouteGroupBuilder MapWarnings(this RouteGroupBuilder api)
    {
        api.MapGroup("/warnings").WithTags("Warnings").MapWarningEndpoints();
        return api;
    }
}
