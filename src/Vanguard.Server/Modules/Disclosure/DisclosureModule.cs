using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Vanguard.Server.Common;
using Vanguard.Server.Modules.Disclosure.Features;
using Vanguard.Server.Modules.Disclosure.Publication;
using Vanguard.Server.Modules.Performance.Contracts;

namespace Vanguard.Server.Modules.Disclosure;

/// <summary>
/// 执法公开 (双公示, docs/disclosure.md): penalty decisions published within 7 working days with personal data masked, withdrawal, and the off-site detection sites (行政处罚法 art. 41).
/// </summary>
public static class DisclosureModule
{
    public static WebApplicationBuilder AddDisclosure(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DisclosureOptions>().Bind(builder.Configuration.GetSection(DisclosureOptions.Section))
            .Validate(o => o.Period.IsValid, "Vanguard:Disclosure:PersonMonths and OrganisationMonths must be 3–36 (公示期 ≥ 3 months, ≤ 3 years).")
            .Validate(o => o.WindowDays is >= 1 and <= 3660 && o.RunMinutes is >= 1 and <= 1440,
                "Vanguard:Disclosure:WindowDays must be 1–3660 and RunMinutes 1–1440.")
            .ValidateOnStart();
        services.Configure<AuthorizationOptions>(DisclosurePolicies.Add);
        services.AddScoped<DisclosurePublisher>();
        services.AddScoped<DisclosureHandler>();
        services.AddScoped<IIndicatorSource, DisclosedWithin7WorkingDaysSource>(); // 绩效评价: 处罚决定 7 个工作日内公示率
        services.AddScoped<Demo.DisclosureDemoSeeder>();
        services.AddSingleton<DisclosureJob>();
        services.AddHostedService(sp => sp.GetRequiredService<DisclosureJob>());
        return builder;
    }

    public static RouteGroupBuilder MapDisclosure(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/disclosure").WithTags("Disclosure");
        // Public, like the complaint form: the per-address limiter of the other public doors.
        group.MapGroup(string.Empty).AllowAnonymous().RequireRateLimiting(RateLimits.Public).MapPublicDisclosureEndpoints();
        group.MapGroup(string.Empty).RequireAuthorization(DisclosurePolicies.Manage).MapManageDisclosureEndpoints();
        return api;
    }
}
