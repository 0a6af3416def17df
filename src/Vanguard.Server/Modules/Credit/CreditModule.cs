using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Vanguard.Server.Common;
using Vanguard.Server.Modules.Credit.Contracts;
using Vanguard.Server.Modules.Credit.Features;
using Vanguard.Server.Modules.Credit.Jobs;

namespace Vanguard.Server.Modules.Credit;

/// <summary>
/// 信用监管 (docs/credit.md): credit records of vehicles, drivers and enterprises fed by decisions, blacklists (公路安全保护条例 art. 66, joint memorandum), credit repair, source-enterprise dashboards (源头治超).
/// </summary>
public static class CreditModule
{
    public static WebApplicationBuilder AddCredit(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CreditOptions>().Bind(builder.Configuration.GetSection(CreditOptions.Section))
            .Validate(o => o.Thresholds.WindowMonths is >= 1 and <= 60 && o.Thresholds.VehicleMoreThan >= 0 && o.Thresholds.DriverMoreThan >= 0
                && o.Thresholds.SourceMoreThan >= 0 && o.Thresholds.EnterpriseMoreThanPercent is >= 0 and < 100 && o.Thresholds.EnterpriseMinimumFleet >= 1,
                "Vanguard:Credit:Thresholds: WindowMonths 1–60, counts ≥ 0, EnterpriseMoreThanPercent 0–99, EnterpriseMinimumFleet ≥ 1.")
            .Validate(o => o.Periods.ListingMonths >= 1 && o.Periods.MinimumPublicationMonths >= 0 && o.Periods.MinimumPublicationMonths <= o.Periods.ListingMonths,
                "Vanguard:Credit:Periods: ListingMonths ≥ 1 and 0 ≤ MinimumPublicationMonths ≤ ListingMonths.")
            .Validate(o => o.RunMinutes is >= 1 and <= 1440, "Vanguard:Credit: RunMinutes 1–1440.")
            .ValidateOnStart();
        services.Configure<AuthorizationOptions>(CreditPolicies.Add);
        services.AddScoped<BlacklistEvaluator>();
        services.AddScoped<CreditProcessor>();
        services.AddScoped<CreditHandler>();
        services.AddScoped<ICreditLookup>(sp => sp.GetRequiredService<CreditHandler>()); // the terminal's roadside look-up
        services.AddScoped<PublicCreditHandler>();
        services.AddScoped<Demo.CreditDemoSeeder>(); // wired into Hosting/StartupTasks by the lead
        services.AddSingleton<CreditJob>();
        services.AddHostedService(sp => sp.GetRequiredService<CreditJob>());
        return builder;
    }

    public static RouteGroupBuilder MapCredit(this RouteGroupBuilder api)
    {
        api.MapGroup("/credit").WithTags("Credit").MapCreditEndpoints();
        api.MapGroup("/public/credit").WithTags("Public").AllowAnonymous().RequireRateLimiting(RateLimits.Public).MapPublicCreditEndpoints();
        return api;
    }
}
