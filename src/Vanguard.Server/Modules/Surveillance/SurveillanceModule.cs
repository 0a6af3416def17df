using Microsoft.AspNetCore.Authorization;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Surveillance.Alerts;
using Vanguard.Server.Modules.Surveillance.Demo;
using Vanguard.Server.Modules.Surveillance.Matching;
using Vanguard.Server.Modules.Surveillance.Suspects;
using Vanguard.Server.Modules.Surveillance.Watchlists;
using Vanguard.Server.Modules.Surveillance.Webhooks;

namespace Vanguard.Server.Modules.Surveillance;

/// <summary>
/// 布控 + 统一指挥 (docs/surveillance.md): watch-lists with approval, matching of every plate read in memory, suspect
/// rules over plate reads (非法营运研判), alerts pushed to the command centre and dispatched to the nearest officer on
/// duty, outcomes and hit precision, signed webhooks to other systems.
/// </summary>
public static class SurveillanceModule
{
    public static WebApplicationBuilder AddSurveillance(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SurveillanceOptions>().Bind(builder.Configuration.GetSection(SurveillanceOptions.Section));
        services.Configure<AuthorizationOptions>(SurveillancePolicies.Add);
        services.AddWatchlists();      // Watchlists/: lists, entries, approval, import, IWatchlistLookup
        services.AddMatching();        // Matching/: the in-memory index and the matcher fed by the ANPR ingest
        services.AddAlerts();          // Alerts/: alerts, dispatch, outcomes, precision, command summary, /hubs/command
        services.AddSuspects();        // Suspects/: hotspot groups, suspect rules, the detection job, the review list
        services.AddWebhooks();        // Webhooks/: signed outgoing webhooks per list (outbox + sender)
        services.AddSurveillanceDemo(); // Demo/: a hotspot, a rule and a list for the demo province
        return builder;
    }

    public static RouteGroupBuilder MapSurveillance(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/surveillance").WithTags("Surveillance");
        group.MapWatchlists();
        group.MapAlerts();
        group.MapSuspects();
        group.MapWebhooks();
        return api;
    }

    /// <summary>The SignalR hub at <c>/hubs/command</c>: alerts to the command centre's screens.</summary>
    public static WebApplication MapCommandHub(this WebApplication app) => app.MapAlertsHub();
}

/// <summary>Who may do what with watch-lists and alerts.</summary>
public static class SurveillancePolicies
{
    /// <summary>Sees lists, hits, suspects and the command page; requests entries; dispatches and closes alerts.</summary>
    public const string Command = "surveillance-command";

    /// <summary>Approves or rejects entries and promotes suspects (布控审批): agency leaders / administrators.</summary>
    public const string Approve = "surveillance-approve";

    public static readonly string[] CommandRoles = [Role.CommandOperator, Role.AgencyAdmin, Role.ProvinceAdmin];

    public static readonly string[] ApproverRoles = [Role.AgencyAdmin, Role.ProvinceAdmin];

    /// <summary>The same test as the <see cref="Approve"/> policy, for handlers that the pages call directly.</summary>
    internal static bool IsApprover(ICurrentActor actor) => ApproverRoles.Any(actor.IsInRole);

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Command, p => p.RequireClaim(VanguardClaims.ActorKind, "person").RequireRole(CommandRoles));
        options.AddPolicy(Approve, p => p.RequireClaim(VanguardClaims.ActorKind, "person").RequireRole(ApproverRoles));
    }
}

/// <summary><c>Vanguard:Surveillance</c> in configuration.</summary>
public sealed class SurveillanceOptions
{
    public const string Section = "Vanguard:Surveillance";

    /// <summary>Further reads of the same entry within this many minutes are sightings of the open alert, not new alerts.</summary>
    public int AlertWindowMinutes { get; set; } = 30;

    /// <summary><c>exact</c> (default): exact hits go to the nearest officer at once, fuzzy ones wait for a person; <c>all</c>; <c>none</c>.</summary>
    public string AutoDispatch { get; set; } = "exact";

    /// <summary>Only officers within this distance of the camera are sent a hit automatically.</summary>
    public double DispatchRadiusKm { get; set; } = 30;

    /// <summary>How often every node's in-memory index catches up with entries changed on other nodes.</summary>
    public int IndexSyncSeconds { get; set; } = 5;

    /// <summary>How often the suspect rules run (minutes); they can also be run by hand.</summary>
    public int SuspectRunMinutes { get; set; } = 60;

    /// <summary>Webhook POST timeout and attempts before giving up.</summary>
    public int WebhookTimeoutSeconds { get; set; } = 10;

    public int WebhookMaxAttempts { get; set; } = 8;
}
