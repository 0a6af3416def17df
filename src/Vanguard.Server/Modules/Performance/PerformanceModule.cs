using Microsoft.AspNetCore.Authorization;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Performance.Board;
using Vanguard.Server.Modules.Performance.Catalogue;
using Vanguard.Server.Modules.Performance.Objections;
using Vanguard.Server.Modules.Performance.Contracts;
using Vanguard.Server.Modules.Performance.Sample;
using Vanguard.Server.Modules.Performance.Scoring;
using Vanguard.Server.Modules.Performance.Sources;

namespace Vanguard.Server.Modules.Performance;

/// <summary>
/// 绩效评价 (docs/performance-evaluation.md): the indicator catalogue as versioned data, monthly scoring from the platform's own data
/// with every deduction linked to its records, the public ranking board (/performance) with an Excel export, and objections (质疑).
/// </summary>
public static class PerformanceModule
{
    public static WebApplicationBuilder AddPerformance(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PerformanceOptions>().Bind(builder.Configuration.GetSection(PerformanceOptions.Section))
            .Validate(o => o.JobCheckMinutes is >= 1 and <= 1440, "Vanguard:Performance:JobCheckMinutes must be 1 … 1440.")
            .Validate(o => o.JobDayOfMonth is >= 1 and <= 28, "Vanguard:Performance:JobDayOfMonth must be 1 … 28.")
            .ValidateOnStart();
        services.Configure<AuthorizationOptions>(PerformancePolicies.Add);
        services.AddScoped<CatalogueHandler>();
        services.AddScoped<CatalogueSeeder>();
        services.AddScoped<ScoringHandler>();
        services.AddScoped<BoardHandler>();
        // The data sources the platform has so far; an indicator whose key has none scores "no data yet" (full marks, flagged).
        services.AddScoped<IIndicatorSource, DispatchHitRateSource>();
        services.AddScoped<IIndicatorSource, StationOverloadRateSource>();
        services.AddScoped<IIndicatorSource, ReviewedWithin5DaysSource>();
        services.AddScoped<IIndicatorSource, RepeatOffendersSource>();
        services.AddScoped<IIndicatorSource, ComplaintsTwoMustsSource>();
        services.AddScoped<IIndicatorSource, ComplaintsUpheldSource>();
        services.AddScoped<IIndicatorSource, CasesDecidedWithinLimitSource>();
        services.AddScoped<IIndicatorSource, OnsiteCasesWithBodycamSource>();
        services.AddScoped<IIndicatorSource, CasesReversedSource>();
        services.AddScoped<IIndicatorSource, AuditChainIntactSource>();
        services.AddScoped<ObjectionHandler>();
        services.AddScoped<SampleHandler>();
        services.AddSingleton<RecordPseudonyms>();
        services.AddSingleton<MonthlyScoringJob>();
        services.AddHostedService(sp => sp.GetRequiredService<MonthlyScoringJob>());
        return builder;
    }

    public static RouteGroupBuilder MapPerformance(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/performance").WithTags("Performance");
        group.MapCatalogue();
        group.MapScoring();
        group.MapBoard();
        group.MapObjections();
        group.MapSample();
        return api;
    }

    /// <summary>Called by the start-up tasks on every start: the default catalogue as published version 1 of an empty table.</summary>
    public static Task SeedPerformanceCatalogueAsync(this IServiceProvider scope, CancellationToken ct) =>
        scope.GetRequiredService<CatalogueSeeder>().SeedAsync(ct);
}

/// <summary>Who may do what in the evaluation. The catalogue and the published board are public (every scoring item is).</summary>
public static class PerformancePolicies
{
    /// <summary>Changes and publishes the catalogue, computes and publishes runs, decides objections: the province.</summary>
    public const string Manage = "performance-manage";

    /// <summary>Raises objections for their agency (or one under it): agency administrators (and the province).</summary>
    public const string Objector = "performance-object";

    /// <summary>Sees runs, drill-downs (within jurisdiction) and objections: administrators and third-party evaluators (read-only).</summary>
    public const string Read = "performance-read";

    public static readonly string[] ReaderRoles = [Role.ProvinceAdmin, Role.AgencyAdmin, Role.Evaluator];

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Manage, p => p.RequireClaim(VanguardClaims.ActorKind, "person").RequireRole(Role.ProvinceAdmin));
        options.AddPolicy(Objector, p => p.RequireClaim(VanguardClaims.ActorKind, "person").RequireRole(Role.AgencyAdmin, Role.ProvinceAdmin));
        options.AddPolicy(Read, p => p.RequireClaim(VanguardClaims.ActorKind, "person").RequireRole(ReaderRoles));
    }
}

/// <summary><c>Vanguard:Performance</c> in configuration.</summary>
public sealed class PerformanceOptions
{
    public const string Section = "Vanguard:Performance";

    /// <summary>Whether the monthly scoring job runs on this node.</summary>
    public bool JobEnabled { get; set; } = true;

    /// <summary>How often the job looks whether last month still needs scoring.</summary>
    public int JobCheckMinutes { get; set; } = 60;

    /// <summary>The day of the month (China date) from which the job scores last month: its records need time to close.</summary>
    public int JobDayOfMonth { get; set; } = 15;
}
