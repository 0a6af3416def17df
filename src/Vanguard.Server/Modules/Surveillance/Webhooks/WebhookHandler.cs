using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Common;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Surveillance.Data;

namespace Vanguard.Server.Modules.Surveillance.Webhooks;

/// <summary>A list's outgoing webhook: where its hits go, the signing secret (shown once), and what was delivered.</summary>
internal sealed class WebhookHandler(VanguardDbContext db, WebhookSecrets secrets, IAuditLog audit, ICurrentActor actor, TimeProvider clock)
{
    public const int DeliveriesPageSize = 20;

    /// <summary>The webhook as set, never with its secret.</summary>
    public async Task<Result<WebhookSecretView>> GetAsync(Guid listId, CancellationToken ct)
    {
        var list = await db.Set<Watchlist>().AsNoTracking().SingleOrDefaultAsync(l => l.Id == listId, ct);
        return list is null ? WebhookErrors.WatchlistNotFound : new WebhookSecretView(list.WebhookUrl ?? string.Empty, list.WebhookEnabled, null);
    }

    /// <summary>Sets the URL and switches it on or off. The first time a secret is made and returned; later calls keep it (rotate to change it).</summary>
    public async Task<Result<WebhookSecretView>> SetAsync(Guid listId, WebhookRequest request, CancellationToken ct)
    {
        // Where a list's hits (plate, place, reason) leave the force is an approver's decision, as the HTTP policy says.
        if (!SurveillancePolicies.IsApprover(actor))
        {
            return SurveillanceErrors.ApproverRequired;
        }

        var url = request.Url?.Trim();
        if (string.IsNullOrEmpty(url))
        {
            return Validator.Invalid("url", "required", "推送地址不能为空。", "url is required.");
        }

        switch (WebhookUrls.Check(url))
        {
            case WebhookUrlVerdict.Malformed:
                return Validator.Invalid("url", "invalid", $"推送地址须为不超过 {WebhookUrls.MaxLength} 个字符的完整 http(s) 地址，且不含用户名、密码或 #片段。",
                    $"url must be an absolute http(s) URL of at most {WebhookUrls.MaxLength} characters, without credentials or fragment.");
            case WebhookUrlVerdict.Insecure:
                return WebhookErrors.InsecureUrl;
            case WebhookUrlVerdict.Refused:
                return WebhookErrors.AddressRefused;
            case WebhookUrlVerdict.Acceptable:
                break;
        }

        var list = await db.Set<Watchlist>().SingleOrDefaultAsync(l => l.Id == listId, ct);
        if (list is null)
        {
            return WebhookErrors.WatchlistNotFound;
        }

        var secret = list.WebhookSecret is null ? WebhookSecrets.NewSecret() : null;
        if (secret is not null)
        {
            list.WebhookSecret = secrets.Protect(secret);
        }

        list.WebhookUrl = url;
        list.WebhookEnabled = request.Enabled ?? true;
        Touch(list);
        // The secret never goes into the audit log; that it was made does.
        audit.Record("surveillance.webhook_set", "watchlist", list.Id.ToString(), new { url, enabled = list.WebhookEnabled, secretIssued = secret is not null }, list.AgencyId);
        return await SaveAsync(ct) ?? Result<WebhookSecretView>.Success(new WebhookSecretView(url, list.WebhookEnabled, secret));
    }

    /// <summary>A new secret, returned once; deliveries still waiting are signed with it from now on.</summary>
    public async Task<Result<WebhookSecretView>> RotateAsync(Guid listId, CancellationToken ct)
    {
        if (!SurveillancePolicies.IsApprover(actor))
        {
            return SurveillanceErrors.ApproverRequired;
        }

        var list = await db.Set<Watchlist>().SingleOrDefaultAsync(l => l.Id == listId, ct);
        if (list is null)
        {
            return WebhookErrors.WatchlistNotFound;
        }

        if (list.WebhookUrl is null)
        {
            return WebhookErrors.NotSet;
        }

        var secret = WebhookSecrets.NewSecret();
        list.WebhookSecret = secrets.Protect(secret);
        Touch(list);
        audit.Record("surveillance.webhook_secret_rotated", "watchlist", list.Id.ToString(), null, list.AgencyId);
        return await SaveAsync(ct) ?? Result<WebhookSecretView>.Success(new WebhookSecretView(list.WebhookUrl, list.WebhookEnabled, secret));
    }

    /// <summary>
    /// The list's deliveries, newest first. A delivery belongs to the camera's agency (see <see cref="WebhookOutbox"/>), so
    /// once the list is known to be in the caller's jurisdiction its deliveries are read by list, past the agency filter.
    /// </summary>
    public async Task<Result<Page<DeliveryView>>> DeliveriesAsync(Guid listId, int page, CancellationToken ct)
    {
        if (!await db.Set<Watchlist>().AnyAsync(l => l.Id == listId, ct))
        {
            return WebhookErrors.WatchlistNotFound;
        }

        var paging = PageRequest.From(page, DeliveriesPageSize);
        var deliveries = db.Set<WebhookDelivery>().IgnoreQueryFilters().AsNoTracking().Where(d => d.WatchlistId == listId);
        var total = await deliveries.CountAsync(ct);
        var items = await deliveries.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Select(d => new DeliveryView(d.Id, d.AlertId, d.EventType, d.Status, d.Attempts, d.CreatedAt, d.DeliveredAt, d.NextAttemptAt, d.LastStatusCode, d.LastError))
            .ToListAsync(ct);
        return new Page<DeliveryView>(items, paging.Page, paging.PageSize, total);
    }

    private void Touch(Watchlist list)
    {
        list.UpdatedAt = StoredTime.Of(clock.GetUtcNow());
        list.Version++;
    }

    private async Task<Error?> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return WebhookErrors.VersionConflict;
        }
    }
}
