using Vanguard.Server.Data;
using Vanguard.Server.Modules.Surveillance.Data;

namespace Vanguard.Server.Modules.Surveillance.Webhooks;

/// <summary>
/// Queues a hit for the list's webhook in the caller's unit of work: the delivery row is added to <paramref name="db"/>
/// and saved with the alert (or not at all). Nothing is queued when the list has no enabled webhook.
/// </summary>
internal interface IWebhookOutbox
{
    /// <param name="eventType"><c>alert.raised</c> or <c>alert.closed</c>.</param>
    Task EnqueueAsync(VanguardDbContext db, Alert alert, string eventType, CancellationToken ct);
}
