using Microsoft.AspNetCore.Authorization;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Modules.Online.Access;
using Vanguard.Server.Modules.Online.Features;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Online;

/// <summary>不见面执法 (leg 2): the public handles a case online — look-up, evidence, statement, hearing request, e-service (docs/online.md).</summary>
public static class OnlineModule
{
    public static WebApplicationBuilder AddOnline(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OnlineOptions>().Bind(builder.Configuration.GetSection("Vanguard:Online")).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<PartySessions>();
        builder.Services.AddSingleton<PayLinks>();
        builder.Services.AddSingleton<Contracts.IOnlinePayLinks>(sp => sp.GetRequiredService<PayLinks>());
        builder.Services.AddSingleton<OnlineThrottle>();
        builder.Services.AddScoped<AccessHandler>();
        builder.Services.AddScoped<PortalHandler>();
        builder.Services.AddScoped<QueueHandler>();
        builder.Services.AddScoped<Contracts.ISmsSender, OutboxSmsSender>();
        builder.Services.Configure<AuthorizationOptions>(OnlinePolicies.Add);
        return builder;
    }

    public static RouteGroupBuilder MapOnline(this RouteGroupBuilder api)
    {
        api.MapOnlineEndpoints();
        return api;
    }

    /// <summary>The portal pages' form posts (outside <c>/api</c>, so antiforgery applies).</summary>
    public static WebApplication MapOnlinePortal(this WebApplication app)
    {
        PortalForms.MapOnlinePortal(app);
        return app;
    }
}

public static class OnlinePolicies
{
    /// <summary>Answers online statements and hearing requests, serves electronically: case officers, legal reviewers, admins.</summary>
    public const string Handle = "online-handle";

    public static void Add(AuthorizationOptions options) =>
        options.AddPolicy(Handle, p => p.RequireClaim(VanguardClaims.ActorKind, "person")
            .RequireRole(Role.CaseOfficer, Role.LegalReviewer, Role.AgencyAdmin, Role.ProvinceAdmin));
}
