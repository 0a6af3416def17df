using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Surveillance.Data;
using Vanguard.Server.Common;

namespace Vanguard.Server.Modules.Surveillance.Webhooks;

/// <summary>
/// Delivers the webhook outbox: each due row is claimed (a conditional update of its attempts, so two nodes never send
/// the same row at once), signed with the list's current secret and POSTed. 2xx: delivered. Anything else — another
/// status, a timeout, a refused connection — is retried after 1, 2, 4 … minutes until <c>WebhookMaxAttempts</c>, then
/// the row is <c>failed</c>. Redirects are not followed (the receiver's address is what the list owner set, nothing else).
/// </summary>
internal sealed class WebhookSender(
    IServiceScopeFactory scopes, IHttpClientFactory clients, WebhookSecrets secrets, TimeProvider clock, IOptions<SurveillanceOptions> options,
    ILogger<WebhookSender> logger) : BackgroundService
{
    public const string ClientName = "surveillance-webhooks";

    private const int Batch = 50;

    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    /// <summary>Sends what is due now; returns how many rows this call attempted. Public so tests and tools need not wait.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = SystemDb.Create(scope.ServiceProvider);
        var now = StoredTime.Of(clock.GetUtcNow());
        var due = await db.Set<WebhookDelivery>().AsNoTracking()
            .Where(d => d.Status == DeliveryStatuses.Pending && d.NextAttemptAt <= now)
            .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id)
            .Take(Batch)
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var listIds = due.Select(d => d.WatchlistId).Distinct().ToList();
        var lists = await db.Set<Watchlist>().AsNoTracking().Where(l => listIds.Contains(l.Id))
            .Select(l => new { l.Id, l.WebhookUrl, l.WebhookSecret, l.WebhookEnabled })
            .ToDictionaryAsync(l => l.Id, ct);
        var attempted = 0;
        foreach (var delivery in due)
        {
            var attempt = delivery.Attempts + 1;
            // Held while it is being sent: another node's poll skips it, and a node that dies mid-send leaves it to be retried after this.
            var lease = StoredTime.Of(clock.GetUtcNow()).AddSeconds(Timeout.TotalSeconds + 60);
            var claimed = await db.Set<WebhookDelivery>()
                .Where(d => d.Id == delivery.Id && d.Status == DeliveryStatuses.Pending && d.Attempts == delivery.Attempts)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Attempts, attempt).SetProperty(d => d.NextAttemptAt, lease), ct);
            if (claimed == 0)
            {
                continue;
            }

            attempted++;
            var list = lists.GetValueOrDefault(delivery.WatchlistId);
            var (statusCode, error) = list is { WebhookEnabled: true, WebhookUrl: { } url, WebhookSecret: { } stored }
                ? await PostAsync(delivery, url, stored, ct)
                : (null, "webhook switched off or removed");
            await RecordAsync(db, delivery.Id, attempt, statusCode, error, giveUp: list is not { WebhookEnabled: true } || attempt >= MaxAttempts, ct);
        }

        return attempted;
    }

    private int MaxAttempts => Math.Max(1, options.Value.WebhookMaxAttempts);

    private TimeSpan Timeout => TimeSpan.FromSeconds(Math.Clamp(options.Value.WebhookTimeoutSeconds, 1, 120));

    /// <summary>1, 2, 4 … minutes after the attempt that failed (capped at a day).</summary>
    public static TimeSpan BackOff(int attempt) => TimeSpan.FromMinutes(Math.Min(1440, Math.Pow(2, Math.Max(0, attempt - 1))));

    private async Task<(int? StatusCode, string? Error)> PostAsync(WebhookDelivery delivery, string url, string storedSecret, CancellationToken ct)
    {
        string secret;
        try
        {
            secret = secrets.Unprotect(storedSecret);
        }
        catch (CryptographicException)
        {
            return (null, "签名密钥无法读取，请更换密钥 / signing secret unreadable, rotate it");
        }

        var body = delivery.PayloadJson;
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Vanguard-Event", delivery.EventType);
        request.Headers.Add("Vanguard-Delivery", EventId(body) ?? delivery.Id.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Compute(secret, clock.GetUtcNow().ToUnixTimeSeconds(), body));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Vanguard-Webhooks", "1"));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? (status, null) : (status, $"HTTP 状态码 {status}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, $"超时（{Timeout.TotalSeconds:0} 秒内无应答）");
        }
        catch (HttpRequestException ex)
        {
            // Only a category: the raw text (addresses, ports, TLS detail) would let the deliveries page serve as a port scanner.
            return (null, WebhookConnections.Category(ex));
        }
    }

    private async Task RecordAsync(VanguardDbContext db, long id, int attempt, int? statusCode, string? error, bool giveUp, CancellationToken ct)
    {
        var now = StoredTime.Of(clock.GetUtcNow());
        var rows = db.Set<WebhookDelivery>().Where(d => d.Id == id && d.Attempts == attempt);
        if (error is null)
        {
            await rows.ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Status, DeliveryStatuses.Delivered).SetProperty(d => d.DeliveredAt, now).SetProperty(d => d.LastStatusCode, statusCode)
                    .SetProperty(d => d.LastError, (string?)null),
                ct);
            return;
        }

        var next = now + BackOff(attempt);
        await rows.ExecuteUpdateAsync(
            s => s.SetProperty(d => d.Status, giveUp ? DeliveryStatuses.Failed : DeliveryStatuses.Pending).SetProperty(d => d.NextAttemptAt, next)
                .SetProperty(d => d.LastStatusCode, statusCode).SetProperty(d => d.LastError, error),
            ct);
        if (giveUp && logger.IsEnabled(LogLevel.Warning))
        {
            logger.LogWarning("Webhook delivery {DeliveryId} failed after {Attempts} attempts: {Error}", id, attempt, error);
        }
    }

    private static string? EventId(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("id", out var id) ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(PollInterval, clock, stoppingToken);
                while (await SendDueAsync(stoppingToken) == Batch)
                {
                    // A full batch: more may be waiting.
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Any failure, not only the database's: an escaping exception would stop the whole host (StopHost).
                logger.LogError(ex, "Webhook sender failed; retrying shortly");
            }
        }
    }
}
