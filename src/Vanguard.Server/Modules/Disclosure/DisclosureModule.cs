using Microsoft.AspNetCore.Authorization;

namespace Vanguard.Server.Modules.Disclosure;

/// <summary>
/// 执法公开 (双公示, docs/disclosure.md): penalty decisions published within 7 working days with personal data masked, withdrawal, and the off-site detection sites (行政处罚法 art. 41).
/// </summary>
public static class DisclosureModule
{
    public static WebApplicationBuilder AddDisclosure(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<AuthorizationOptions>(DisclosurePolicies.Add);
        return builder;
    }

    public static RouteGroupBuilder MapDisclosure(this RouteGroupBuilder api)
    {
        return api;
    }
}
