using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vanguard.Server.Common;
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
        builder.Services.AddScoped<IAuditChainCheck, AuditChainCheck>(); // for the performance evaluation's 审计链完整
        builder.Services.AddScoped<IAuditTrail, AuditTrail>(); // supervision's officer trace (可溯)
        return builder;
    }

    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit");
        audit.MapGet("/verify", VerifyAsync).RequireAuthorization(Policies.AuditReader)
            .WithSummary("Recompute the whole chain; reports the first broken sequence number if any.");
        audit.MapGet("/entries", ListAsync).RequireAuthorization(Policies.AuditReader)
            .WithSummary("Chained entries, newest first: an officer's timeline (actorId) or a target's history (targetType, targetId).");
        return api;
    }

    public sealed record AuditEntryView(
        long Sequence, DateTimeOffset At, string ActorKind, string ActorId, string ActorName, string Action, string TargetType, string TargetId,
        string PayloadDigest, string Hash);

    private static async Task<Ok<Page<AuditEntryView>>> ListAsync(
        string? actorId, string? targetType, string? targetId, string? action, int? page, int? pageSize,
        VanguardDbContext db, IJurisdiction jurisdiction, CancellationToken ct)
    {
        var paging = PageRequest.From(page, pageSize);
        var entries = db.AuditEntries.AsNoTracking().Where(e => e.Sequence != null);
        if (!jurisdiction.IsUnrestricted)
        {
            var scope = jurisdiction.AgencyIds.ToList();
            entries = entries.Where(e => e.AgencyId != null && scope.Contains(e.AgencyId.Value));
        }

        if (!string.IsNullOrWhiteSpace(actorId))
        {
            entries = entries.Where(e => e.ActorId == actorId);
        }

        if (!string.IsNullOrWhiteSpace(targetType))
        {
            entries = entries.Where(e => e.TargetType == targetType);
        }

        if (!string.IsNullOrWhiteSpace(targetId))
        {
            entries = entries.Where(e => e.TargetId.StartsWith(targetId));
        }

        if (!string.IsNullOrWhiteSpace(action))
        {
            entries = entries.Where(e => e.Action == action);
        }

        var total = await entries.CountAsync(ct);
        var items = await entries.OrderByDescending(e => e.Sequence).Skip(paging.Skip).Take(paging.PageSize)
            .Select(e => new AuditEntryView(e.Sequence!.Value, e.At, e.ActorKind, e.ActorId, e.ActorName, e.Action, e.TargetType, e.TargetId, e.PayloadDigest, e.Hash!))
            .ToListAsync(ct);
        return TypedResults.Ok(new Page<AuditEntryView>(items, paging.Page, paging.PageSize, total));
    }

    private static async Task<Ok<AuditVerification>> VerifyAsync(AuditChainer chainer, IServiceProvider services, CancellationToken ct)
    {
        // Link what is committed so far, so the answer covers every action up to this request.
        await chainer.ChainPendingAsync(ct);
        await using var db = SystemDb.Create(services);
        return TypedResults.Ok(await AuditVerifier.VerifyAsync(db, ct));
    }
}
