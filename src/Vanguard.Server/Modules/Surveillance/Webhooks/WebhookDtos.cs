namespace Vanguard.Server.Modules.Surveillance.Webhooks;

public sealed record WebhookRequest(string? Url, bool? Enabled);

/// <param name="Secret">Shown once, when set or rotated; null otherwise.</param>
public sealed record WebhookSecretView(string Url, bool Enabled, string? Secret);

public sealed record DeliveryView(
    long Id, Guid AlertId, string EventType, string Status, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt, DateTimeOffset NextAttemptAt,
    int? LastStatusCode, string? LastError);
