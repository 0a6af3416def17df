using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Modules.Evidence.Features;
using Vanguard.Server.Modules.Evidence.Jobs;
using Vanguard.Server.Modules.Evidence.Media;
using Vanguard.Server.Modules.Evidence.Storage;
using Vanguard.Server.Modules.Evidence.Tus;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Evidence;

/// <summary>
/// Body-camera evidence (执法记录仪): resumable upload (tus 1.0) with SHA-256, content-addressed blobs, chain of custody,
/// links to cases, playback with HTTP ranges, retention and integrity jobs (docs/evidence.md, ADR 0007).
/// </summary>
public static class EvidenceModule
{
    public static WebApplicationBuilder AddEvidence(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<EvidenceOptions>().Bind(builder.Configuration.GetSection(EvidenceOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<S3Connection>();
        services.AddSingleton<IEvidenceStore>(sp => sp.GetRequiredService<IOptions<EvidenceOptions>>().Value.Store == EvidenceStoreKind.S3
            ? ActivatorUtilities.CreateInstance<S3EvidenceStore>(sp)
            : ActivatorUtilities.CreateInstance<LocalEvidenceStore>(sp));
        services.AddKeyedSingleton(Contracts.ContentAreas.OffsiteImages, (sp, _) => ContentStores.Create(sp, Contracts.ContentAreas.OffsiteImages)); // WIM photos beside the blobs
        services.AddSingleton<UploadStaging>();
        services.AddSingleton<BlobLocks>();
        services.AddSingleton<MediaQueue>();
        services.AddSingleton<MediaProbe>();
        services.AddSingleton<MediaWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<MediaWorker>());
        services.AddSingleton<EvidenceJobs>();
        services.AddHostedService<EvidenceScheduler>();
        services.AddSingleton<EvidenceDeletion>();
        services.AddSingleton<CustodyReport>();
        services.AddScoped<CustodyLog>();
        services.AddScoped<EvidenceHandler>();
        services.AddScoped<Contracts.IEvidenceArchive, EvidenceArchive>();
        services.AddScoped<Contracts.ICaseVideoEvidence, CaseVideoEvidence>(); // for the performance evaluation's 音像记录率
        services.AddScoped<Contracts.IOfficerClips, OfficerClips>();
        services.AddScoped<Contracts.IEvidenceIntegrity, EvidenceIntegrity>(); // early warning: the integrity job's unresolved findings
        services.AddScoped<TusUploadHandler>();
        services.Configure<AuthorizationOptions>(EvidencePolicies.Add);
        return builder;
    }

    /// <summary>tus headers and CORS on the upload routes, for every response including the framework's own (401, 413).</summary>
    public static WebApplication UseEvidenceUploads(this WebApplication app)
    {
        app.UseMiddleware<TusHttpMiddleware>();
        return app;
    }

    public static RouteGroupBuilder MapEvidence(this RouteGroupBuilder api)
    {
        api.MapTusUploads();
        api.MapEvidenceEndpoints();
        return api;
    }
}

public static class EvidencePolicies
{
    /// <summary>Sends recordings: docking stations, recorders and terminals by device key; officers by token.</summary>
    public const string Upload = "evidence-upload";

    /// <summary>Links recordings to cases.</summary>
    public const string Handle = "evidence-handle";

    /// <summary>Changes retention, sets legal holds, deletes what is due.</summary>
    public const string Manage = "evidence-manage";

    /// <summary>Runs the retention and integrity jobs on demand.</summary>
    public const string Jobs = "evidence-jobs";

    private static readonly string[] UploadingDevices = [DeviceKind.DockStation, DeviceKind.BodyCamera, DeviceKind.HandheldTerminal];

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Upload, p => p.RequireAssertion(context =>
            context.User.HasClaim(c => c.Type == VanguardClaims.ActorKind && c.Value == "device")
                ? UploadingDevices.Contains(context.User.FindFirst(VanguardClaims.DeviceKind)?.Value)
                : context.User.HasClaim(VanguardClaims.ActorKind, "person")
                  && (context.User.IsInRole(Role.FieldOfficer) || context.User.IsInRole(Role.CaseOfficer)
                      || context.User.IsInRole(Role.AgencyAdmin) || context.User.IsInRole(Role.ProvinceAdmin))));
        options.AddPolicy(Handle, p => p.RequireClaim(VanguardClaims.ActorKind, "person")
            .RequireRole(Role.CaseOfficer, Role.FieldOfficer, Role.LegalReviewer, Role.AgencyAdmin, Role.ProvinceAdmin));
        options.AddPolicy(Manage, p => p.RequireClaim(VanguardClaims.ActorKind, "person")
            .RequireRole(Role.AgencyAdmin, Role.ProvinceAdmin, Role.LegalReviewer));
        options.AddPolicy(Jobs, p => p.RequireClaim(VanguardClaims.ActorKind, "person").RequireRole(Role.ProvinceAdmin));
    }
}
