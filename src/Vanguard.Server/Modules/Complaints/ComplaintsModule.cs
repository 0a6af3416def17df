using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Vanguard.Domain.Complaints;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Common;
using Vanguard.Server.Modules.Complaints.Demo;
using Vanguard.Server.Modules.Complaints.Features;
using Vanguard.Server.Modules.Complaints.Jobs;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Complaints;

/// <summary>
/// 投诉举报 (docs/complaints.md): intake from the 12328 hotline system and from staff, assignment to the responsible
/// agency, the two musts (first phone contact, presence on site) on timers, handling result, reply, return visit and
/// re-examination, and warnings when a must is missed.
/// </summary>
public static class ComplaintsModule
{
    public static WebApplicationBuilder AddComplaints(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ComplaintsOptions>().Bind(builder.Configuration.GetSection(ComplaintsOptions.Section))
            .Validate(o => o.Sla.All(kv => ComplaintType.IsKnown(kv.Key) && kv.Value.ContactHours > 0 && kv.Value.OnsiteHours > 0),
                "Vanguard:Complaints:Sla: keys must be consultation, suggestion or complaint, with positive ContactHours and OnsiteHours.")
            .Validate(o => o.BreachScanSeconds is >= 1 and <= 3600, "Vanguard:Complaints:BreachScanSeconds must be 1–3600.")
            .Validate(o => o.PublicFilingsPer10Minutes >= 1 && o.PublicLookupsPer10Minutes >= 1,
                "Vanguard:Complaints:PublicFilingsPer10Minutes and PublicLookupsPer10Minutes must be positive.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ComplaintsOptions>>().Value.ToTable());
        services.Configure<AuthorizationOptions>(ComplaintsPolicies.Add);
        services.AddScoped<ComplaintHandler>();
        services.AddScoped<BreachScanner>();
        services.AddScoped<Contracts.IComplaintStatistics, ComplaintStatistics>(); // the performance evaluation: two musts on time
        services.AddScoped<Contracts.IOfficerComplaints, OfficerComplaints>(); // early warning: officers complained about repeatedly
        services.AddScoped<PublicComplaintHandler>();
        services.AddSingleton<PublicComplaintThrottle>();
        services.AddSingleton<BreachJob>();
        services.AddHostedService(sp => sp.GetRequiredService<BreachJob>());
        services.AddScoped<ComplaintsDemoSeeder>();
        return builder;
    }

    public static RouteGroupBuilder MapComplaints(this RouteGroupBuilder api)
    {
        api.MapGroup("/complaints").WithTags("Complaints").MapComplaintEndpoints();
        // The per-address limiter of the other public doors acts before a body is read (a filing may be 24 MB); the module's own
        // throttle then counts filings and look-ups per address over 10 minutes.
        api.MapGroup("/public/complaints").WithTags("Public").AllowAnonymous().RequireRateLimiting(RateLimits.Public).MapPublicComplaintEndpoints();
        return api;
    }
}

/// <summary>Who may file and who may handle complaints.</summary>
public static class ComplaintsPolicies
{
    /// <summary>The 12328 hotline system (a device of kind <c>hotline</c>) or staff at the command centre.</summary>
    public const string Intake = "complaints-intake";

    /// <summary>Reads complaints (the complainant in full on a single complaint) and records the steps.</summary>
    public const string Handle = "complaints-handle";

    /// <summary>Names the reviewer of a complaint about an officer: agency leaders / administrators.</summary>
    public const string Supervise = "complaints-supervise";

    public static readonly string[] SupervisorRoles = [Role.AgencyAdmin, Role.ProvinceAdmin];

    public static readonly string[] IntakeRoles = [Role.CommandOperator, Role.AgencyAdmin, Role.ProvinceAdmin];

    public static readonly string[] HandlerRoles = [Role.CommandOperator, Role.AgencyAdmin, Role.ProvinceAdmin, Role.FieldOfficer, Role.CaseOfficer];

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Intake, p => p.RequireAssertion(c =>
            (c.User.HasClaim(VanguardClaims.ActorKind, "device") && c.User.HasClaim(VanguardClaims.DeviceKind, DeviceKind.Hotline))
            || (c.User.HasClaim(VanguardClaims.ActorKind, "person") && IntakeRoles.Any(c.User.IsInRole))));
        options.AddPolicy(Supervise, p => p.RequireClaim(VanguardClaims.ActorKind, "person").RequireRole(SupervisorRoles));
        options.AddPolicy(Handle, p => p.RequireClaim(VanguardClaims.ActorKind, "person").RequireRole(HandlerRoles));
    }
}

/// <summary><c>Vanguard:Complaints</c> in configuration.</summary>
public sealed class ComplaintsOptions
{
    public const string Section = "Vanguard:Complaints";

    /// <summary>The two-musts table per ticket type (consultation, suggestion, complaint); a type not listed gets 2 h and 24 h.</summary>
    public Dictionary<string, SlaHours> Sla { get; set; } = [];

    /// <summary>Complaints one client address may file through the public form or API per 10 minutes.</summary>
    public int PublicFilingsPer10Minutes { get; set; } = 5;

    /// <summary>Ticket look-ups one client address may make per 10 minutes (the phone is the secret; this stops guessing).</summary>
    public int PublicLookupsPer10Minutes { get; set; } = 20;

    /// <summary>Whether the demo province gets its five demo complaints (only where the demo is on at all).</summary>
    public bool DemoComplaints { get; set; } = true;

    /// <summary>How often the breach job looks for missed musts.</summary>
    public int BreachScanSeconds { get; set; } = 60;

    public TwoMustsTable ToTable() => new(
        Sla.ToDictionary(kv => kv.Key, kv => new TwoMustsLimits(TimeSpan.FromHours(kv.Value.ContactHours), TimeSpan.FromHours(kv.Value.OnsiteHours))),
        TwoMustsLimits.Default);
}

public sealed class SlaHours
{
    public double ContactHours { get; set; } = 2;

    public double OnsiteHours { get; set; } = 24;
}
