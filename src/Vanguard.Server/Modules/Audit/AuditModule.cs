using Microsoft.AspNetCore.Http.HttpResults;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Audit.Jobs;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Audit;

/// <summary>The hash-chained audit log (可溯): every state change of a person or device, verifiable by anyone entitled.</summary>
public static class AuditModule
{
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AuditChainer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AuditChainer>());
        builder.Services.AddScoped<IAuditLog, AuditLog>();
        return builder;
    }

    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit");
        audit.MapGet("/verify", VerifyAsync).RequireAuthorization(Policies.AuditReader)
            .WithSummary("Recompute the whole chain; reports the first broken sequence number if any.");
        return api;
    }

    private static async Task<Ok<AuditVerification>> VerifyAsync(AuditChainer chainer, IServiceProvider services, CancellationToken ct)
    {
        // Link what is committed so far, so the answer covers every action up to this request.
        await chainer.ChainPendingAsync(ct);
        await using var db = SystemDb.Create(services);
        return TypedResults.Ok(await AuditVerifier.VerifyAsync(db, ct));
    }
}
