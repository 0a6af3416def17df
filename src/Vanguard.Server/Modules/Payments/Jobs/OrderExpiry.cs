using Microsoft.EntityFrameworkCore;
using Vanguard.Server.Modules.Payments.Features;

namespace Vanguard.Server.Modules.Payments.Jobs;

/// <summary>
/// Expires open orders once their China day is over (the amount due changes at midnight with the 加处罚款). Checked every
/// minute; the orders themselves also refuse a payment after their day, so a late run only delays the status.
/// </summary>
internal sealed class OrderExpiry(PaymentsScope scope, TimeProvider clock, ILogger<OrderExpiry> logger) : BackgroundService
{
    public Task<int> RunOnceAsync(CancellationToken ct) => scope.RunAsync(e => e.ExpireAsync(ct));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var expired = await RunOnceAsync(stoppingToken);
                if (expired > 0 && logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("Expired {Count} payment orders of earlier days", expired);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                logger.LogWarning(ex, "Expiring payment orders failed; retrying shortly");
            }

            try
            {
                await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
