using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Surveillance.Data;
using Vanguard.Server.Common;

namespace Vanguard.Server.Modules.Surveillance.Webhooks;

/// <summary>The event types a list's webhook receives.</summary>
public static class WebhookEvents
{
    public const string AlertRaised = "alert.raised";

    public const string AlertClosed = "alert.closed";

    public static IReadOnlyList<string> All { get; } = [AlertRaised, AlertClosed];
}

/// <summary>The life of an outbox row.</summary>
internal static class DeliveryStatuses
{
    public const string Pending = "pending";

    public const string Delivered = "delivered";

    /// <summary>Gave up after <c>WebhookMaxAttempts</c>.</summary>
    public const string Failed = "failed";
}

/// <summary>
/// Adds a <see cref="WebhookDelivery"/> row in the caller's unit of work when the alert's list has an enabled webhook.
/// The list and the entry are read past the jurisdiction filter: whoever raises or closes the alert (the matcher, an
/// officer's terminal, a command operator of the camera's agency) may not see a list owned higher up, yet its webhook
/// must still hear of the hit. The row belongs to the camera's agency (the alert's), so whoever may write the alert may
/// write the row; the list's owners read deliveries by list (<see cref="WebhookHandler.DeliveriesAsync"/>).
/// </summary>
internal sealed class WebhookOutbox(TimeProvider clock) : IWebhookOutbox
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task EnqueueAsync(VanguardDbContext db, Alert alert, string eventType, CancellationToken ct)
    {
        if (!WebhookEvents.All.Contains(eventType))
        {
            throw new ArgumentOutOfRangeException(nameof(eventType), eventType, "Unknown webhook event type.");
        }

        var list = await db.Set<Watchlist>().IgnoreQueryFilters().AsNoTracking()
            .Where(l => l.Id == alert.WatchlistId && l.WebhookEnabled && l.WebhookUrl != null && l.WebhookSecret != null)
            .Select(l => new { l.Name })
            .SingleOrDefaultAsync(ct);
        if (list is null)
        {
            return;
        }

        // The entry as the caller's unit of work has it (it may be unsaved or just changed there), else as stored.
        var reason = db.Set<WatchlistEntry>().Local.FirstOrDefault(e => e.Id == alert.EntryId)?.Reason
            ?? await db.Set<WatchlistEntry>().IgnoreQueryFilters().AsNoTracking().Where(e => e.Id == alert.EntryId).Select(e => e.Reason).SingleOrDefaultAsync(ct);
        var now = StoredTime.Of(clock.GetUtcNow());
        var payload = new WebhookPayload(
            eventType,
            Guid.CreateVersion7(),
            eventType == WebhookEvents.AlertClosed ? alert.ClosedAt ?? now : alert.RaisedAt,
            new WebhookAlert(
                alert.Id, alert.Plate, alert.PlateColor, alert.EntryPlate, alert.MatchKind, alert.ConfidencePermille / 1000m, alert.CapturedAt,
                alert.DeviceName, alert.Lat, alert.Lon, list.Name, reason ?? string.Empty, alert.Status, alert.Outcome, alert.OutcomeNote));
        db.Add(new WebhookDelivery
        {
            AgencyId = alert.AgencyId,
            WatchlistId = alert.WatchlistId,
            AlertId = alert.Id,
            EventType = eventType,
            PayloadJson = JsonSerializer.Serialize(payload, Json),
            Status = DeliveryStatuses.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        });
    }
}

/// <summary>The body of a delivery. <see cref="Id"/> is also the <c>Vanguard-Delivery</c> header: the receiver's idempotency key.</summary>
internal sealed record WebhookPayload(string Type, Guid Id, DateTimeOffset OccurredAt, WebhookAlert Alert);

/// <param name="Confidence">0–1: the read's confidence × the match's (0.6 for a fuzzy hit).</param>
/// <param name="EntryPlate">The plate as listed (differs from <paramref name="Plate"/> for a fuzzy hit).</param>
internal sealed record WebhookAlert(
    Guid Id, string Plate, string PlateColor, string EntryPlate, string MatchKind, decimal Confidence, DateTimeOffset CapturedAt, string Device, double? Lat,
    double? Lon, string List, string Reason, string Status, string? Outcome, string? OutcomeNote);
