using Microsoft.AspNetCore.Authorization;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Modules.Offsite.Bus;
using Vanguard.Server.Modules.Offsite.Features;
using Vanguard.Server.Modules.Offsite.Ingest;
using Vanguard.Server.Modules.Offsite.Jobs;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Offsite;

/// <summary>非现场执法 (leg 1): weigh-in-motion and plate-camera ingest, overload judgement, review, off-site cases, notices.</summary>
public static class OffsiteModule
{
    public static WebApplicationBuilder AddOffsite(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OffsiteOptions>().Bind(builder.Configuration.GetSection("Vanguard:Offsite")).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<IngestHandler>();
        builder.AddIngestBus(); // Vanguard:Bus — batches processed in this process, or through NATS JetStream by any node
        builder.Services.AddScoped<ReviewHandler>();
        builder.Services.AddScoped<OffsiteQueries>();
        builder.Services.AddScoped<Contracts.IStationStatus, StationStatusQueries>();
        builder.Services.AddScoped<Contracts.IOverloadHistory, OverloadHistory>();
        builder.Services.AddScoped<Contracts.IOverloadStatistics, OverloadStatistics>(); // the performance evaluation: overload rate, 5-day review, repeat offenders
        builder.Services.AddSingleton<ImageStore>();
        builder.Services.AddScoped<Contracts.IOffsiteCaseEvidence, OffsiteCaseEvidence>();
        builder.Services.AddScoped<Contracts.IPlateReadQueries, PlateReadQueries>();
        builder.Services.AddSingleton<ISmsSender, LogSmsSender>();
        builder.Services.AddSingleton<OffsiteJobs>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OffsiteJobs>());
        builder.Services.AddSingleton<PartitionMaintenance>().AddHostedService(sp => sp.GetRequiredService<PartitionMaintenance>()); // PostgreSQL: next months' detection partitions
        builder.Services.Configure<AuthorizationOptions>(OffsitePolicies.Add);
        return builder;
    }

    public static RouteGroupBuilder MapOffsite(this RouteGroupBuilder api)
    {
        api.MapOffsiteEndpoints();
        return api;
    }
}

public static class OffsitePolicies
{
    /// <summary>Confirms or invalidates off-site records: case officers, legal reviewers and admins.</summary>
    public const string Reviewer = "offsite-reviewer";

    public static void Add(AuthorizationOptions options) =>
        options.AddPolicy(Reviewer, p => p.RequireClaim(VanguardClaims.ActorKind, "person")
            .RequireRole(Role.CaseOfficer, Role.LegalReviewer, Role.AgencyAdmin, Role.ProvinceAdmin));
}
