using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vanguard.Server.Common.Jobs;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Offsite.Data;

namespace Vanguard.Server.Modules.Offsite.Jobs;

/// <summary>Sends notifications. Pluggable: the default writes to the log (and the outbox row records it as sent).</summary>
public interface ISmsSender
{
    Task SendAsync(string? phone, string text, CancellationToken ct);
}

internal sealed class LogSmsSender(ILogger<LogSmsSender> logger) : ISmsSender
{
    public Task SendAsync(string? phone, string text, CancellationToken ct)
    {
        // The text names a plate and the phone is personal: Debug only (conventions: never at Information or above).
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("SMS to {Phone}: {Text}", phone, text);
        }

        return Task.CompletedTask;
    }
}

/// <summary>The off-site jobs: deliver queued notifications, and delete plate reads past their retention.</summary>
internal sealed class OffsiteJobs(IServiceScopeFactory scopes, JobClaims claims, TimeProvider clock, IOptions<OffsiteOptions> options, ILogger<OffsiteJobs> logger)
    : BackgroundService
{
    public async Task<int> SendPendingNotificationsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = SystemDb.Create(scope.ServiceProvider);
        var sender = scope.ServiceProvider.GetRequiredService<ISmsSender>();
        var pending = await db.Set<OffsiteNotification>().Where(n => n.Status == "pending").OrderBy(n => n.CreatedAt).Take(200).ToListAsync(ct);
        foreach (var notification in pending)
        {
            notification.Attempts++;
            try
            {
                await sender.SendAsync(notification.Recipient, notification.Text, ct);
                notification.Status = "sent";
                notification.SentAt = clock.GetUtcNow();
            }
            catch (HttpRequestException ex)
            {
                notification.LastError = ex.Message;
                notification.Status = notification.Attempts >= 5 ? "failed" : "pending";
            }
        }

        await db.SaveChangesAsync(ct);
        return pending.Count;
    }

    /// <summary>Plate reads that match nothing are personal data: kept <c>AnprRetentionDays</c>, then deleted.</summary>
    public async Task<int> PurgeAnprReadsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = SystemDb.Create(scope.ServiceProvider);
        var cutoff = clock.GetUtcNow().AddDays(-options.Value.AnprRetentionDays).ToUnixTimeMilliseconds();
        var deleted = await db.Set<AnprRead>().Where(r => !r.Retained && r.CapturedAtMs < cutoff).ExecuteDeleteAsync(ct);
        if (deleted > 0 && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Deleted {Count} plate reads older than {Days} days", deleted, options.Value.AnprRetentionDays);
        }

        return deleted;
    }

    /// <summary>Two claimed jobs: notifications every 5 seconds (two nodes must not both send one), plate-read retention daily.</summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
        claims.RunEachPeriodAsync("offsite.notifications", TimeSpan.FromSeconds(5), SendPendingNotificationsAsync, stoppingToken),
        claims.RunEachPeriodAsync("offsite.anpr-retention", TimeSpan.FromDays(1), PurgeAnprReadsAsync, stoppingToken));
}
