using Microsoft.AspNetCore.Authorization;

namespace Vanguard.Server.Modules.Credit;

/// <summary>
/// 信用监管 (docs/credit.md): credit records of vehicles, drivers and enterprises fed by decisions, blacklists (公路安全保护条例 art. 66, joint memorandum), credit repair, source-enterprise dashboards (源头治超).
/// </summary>
public static class CreditModule
{
    public static WebApplicationBuilder AddCredit(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<AuthorizationOptions>(CreditPolicies.Add);
        return builder;
    }

    public static RouteGroupBuilder MapCredit(this RouteGroupBuilder api)
    {
        return api;
    }
}
