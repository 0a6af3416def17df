using Microsoft.AspNetCore.Authorization;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Terminal.Contracts;
using Vanguard.Server.Modules.Terminal.Features;
using Vanguard.Server.Modules.Terminal.Realtime;
using Vanguard.Server.Modules.Terminal.Records;

namespace Vanguard.Server.Modules.Terminal;

/// <summary>
/// 手持执法终端 (docs/terminal.md): duty and positions, tasks with real-time push (SignalR), roadside look-ups.
/// On-site records (现场笔录) and the simplified procedure (简易程序) live in <c>Records/</c>.
/// </summary>
public static class TerminalModule
{
    public static WebApplicationBuilder AddTerminal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<CurrentOfficer>();
        services.AddScoped<PresenceHandler>();
        services.AddScoped<TasksHandler>();
        services.AddScoped<ITaskDispatch>(sp => sp.GetRequiredService<TasksHandler>());
        services.AddScoped<LookupHandler>();
        services.AddScoped<IOfficerTrack, OfficerTrack>();
        services.AddScoped<ColleaguesHandler>();
        services.AddSingleton<TaskNotifier>();
        services.Configure<AuthorizationOptions>(TerminalPolicies.Add);
        builder.AddTerminalRecords();
        return builder;
    }

    public static RouteGroupBuilder MapTerminal(this RouteGroupBuilder api) => api.MapTerminalRoutes().MapTerminalRecords();

    /// <summary>The SignalR hub at <c>/hubs/terminal</c> (outside <c>/api/v1</c>: it is not a REST resource).</summary>
    public static WebApplication MapTerminalHub(this WebApplication app)
    {
        app.MapHub<TerminalHub>(TerminalHub.Path);
        return app;
    }
}

/// <summary>Who may do what on the terminal.</summary>
public static class TerminalPolicies
{
    /// <summary>Dispatches tasks, sees officers' positions and tracks: 指挥中心值班员 and administrators.</summary>
    public const string Command = "terminal-command";

    /// <summary>Makes records and on-the-spot decisions: officers in the field and case officers (the account must be linked to an officer).</summary>
    public const string Officer = "terminal-records-officer";

    private static readonly string[] CommandRoles = [Role.CommandOperator, Role.AgencyAdmin, Role.ProvinceAdmin];

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Command, p => p.RequireClaim(VanguardClaims.ActorKind, "person").RequireRole(CommandRoles));
        options.AddPolicy(Officer, p => p.RequireClaim(VanguardClaims.ActorKind, "person")
            .RequireRole(Role.FieldOfficer, Role.CaseOfficer, Role.AgencyAdmin, Role.ProvinceAdmin));
    }

    internal static bool IsCommand(ICurrentActor actor) => CommandRoles.Any(actor.IsInRole);
}
