using Vanguard.Domain.Common;
using Vanguard.Server.Common;

namespace Vanguard.Server.Modules.Surveillance.Webhooks;

/// <summary>A list's outgoing webhook. (Skeleton: signatures of docs/surveillance.md.)</summary>
internal sealed class WebhookHandler
{
    public Task<Result<WebhookSecretView>> SetAsync(Guid listId, WebhookRequest request, CancellationToken ct) => throw new NotImplementedException();

    public Task<Result<WebhookSecretView>> RotateAsync(Guid listId, CancellationToken ct) => throw new NotImplementedException();

    public Task<Result<Page<DeliveryView>>> DeliveriesAsync(Guid listId, int page, CancellationToken ct) => throw new NotImplementedException();
}
