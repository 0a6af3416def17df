using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Vanguard.Server.Data;
using Vanguard.Server.Hosting;
using Vanguard.Server.Modules.Organisation.Auth;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Organisation.Data;
using Vanguard.Server.Modules.Organisation.Demo;
using Vanguard.Server.Modules.Organisation.Features;

namespace Vanguard.Server.Modules.Organisation;

/// <summary>Agencies, officers, accounts, roles, devices and jurisdiction (管辖范围).</summary>
public static class OrganisationModule
{
    public static WebApplicationBuilder AddOrganisation(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.AddSingleton<IAgencyDirectory, AgencyDirectory>();
        services.AddSingleton<IDeviceDirectory, DeviceDirectory>();
        services.AddScoped<PrincipalAccessor>();
        services.AddScoped<ICurrentActor, CurrentActor>();
        services.AddScoped<IJurisdiction, ActorJurisdiction>();
        services.AddScoped<IPublicPartyScope, PublicPartyScope>();
        services.AddScoped<IOfficerDirectory, OfficerDirectory>();
        services.AddScoped<IOfficerAccounts, OfficerAccounts>(); // supervision: an officer's accounts in the audit chain
        services.AddScoped<IAgencyLeaders, AgencyLeaders>(); // early warning and 四必究: who answers for an agency

        services.AddAuthentication(Schemes.Smart)
            .AddPolicyScheme(Schemes.Smart, "Cookie, bearer token or device key", o => o.ForwardDefaultSelector = SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, DeviceKeyAuthenticationHandler>(Schemes.DeviceKey, null)
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddIdentityCookies();
        services.AddOptions<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions>(IdentityConstants.BearerScheme)
            .Configure<IOptions<VanguardOptions>>((o, v) =>
            {
                o.BearerTokenExpiration = TimeSpan.FromMinutes(v.Value.Auth.AccessTokenMinutes);
                o.Events.OnMessageReceived = ReadHubToken;
            });
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.AccessDeniedPath = "/forbidden";
            o.Cookie.Name = "vanguard.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.Events.OnRedirectToLogin = ApiAwareRedirect(StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ApiAwareRedirect(StatusCodes.Status403Forbidden);
        });

        services.AddIdentityCore<StaffUser>()
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<VanguardDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>()
            .AddDefaultTokenProviders();
        services.AddOptions<IdentityOptions>().Configure<IOptions<VanguardOptions>>((o, v) =>
        {
            o.Lockout.AllowedForNewUsers = true;
            o.Lockout.MaxFailedAccessAttempts = v.Value.Auth.MaxFailedAttempts;
            o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(v.Value.Auth.LockoutMinutes);
            o.Password.RequiredLength = 8;
            o.User.RequireUniqueEmail = false;
            o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
        });
        services.AddAuthorization(Policies.Add);

        services.AddScoped<AgenciesHandler>();
        services.AddScoped<DevicesHandler>();
        services.AddScoped<OfficersHandler>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<AdminAccounts>();
        return builder;
    }

    public static RouteGroupBuilder MapOrganisation(this RouteGroupBuilder api)
    {
        api.MapToken();
        api.MapMe();
        api.MapAgencies();
        api.MapOfficers();
        api.MapDevices();
        return api;
    }

    private static string SelectScheme(HttpContext http)
    {
        if (http.Request.Headers.ContainsKey(Schemes.DeviceKeyHeader))
        {
            return Schemes.DeviceKey;
        }

        var authorization = http.Request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || HubToken(http) is not null
            ? IdentityConstants.BearerScheme
            : IdentityConstants.ApplicationScheme;
    }

    /// <summary>
    /// Browsers cannot put headers on a WebSocket or an EventSource, so SignalR sends the bearer token as
    /// <c>access_token</c> in the query string. Accepted on the hub paths only: anywhere else a token in a URL would end up
    /// in logs and browser history.
    /// </summary>
    private static string? HubToken(HttpContext http) =>
        http.Request.Path.StartsWithSegments(HubPaths) && http.Request.Query["access_token"].ToString() is { Length: > 0 } token ? token : null;

    /// <summary>Where the platform's SignalR hubs live (<c>/hubs/terminal</c> …).</summary>
    public const string HubPaths = "/hubs";

    private static Task ReadHubToken(Microsoft.AspNetCore.Authentication.BearerToken.MessageReceivedContext context)
    {
        if (string.IsNullOrEmpty(context.Token) && HubToken(context.HttpContext) is { } token)
        {
            context.Token = token;
        }

        return Task.CompletedTask;
    }

    /// <summary>API and hub callers get a status code (and problem details), people in the browser get the login page.</summary>
    private static Func<RedirectContext<CookieAuthenticationOptions>, Task> ApiAwareRedirect(int status) => context =>
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments(HubPaths))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    };
}
