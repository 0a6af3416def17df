using Microsoft.EntityFrameworkCore;
using Vanguard.Server.Common.Jobs;
using Vanguard.Server.Modules.Payments.Features;

namespace Vanguard.Server.Modules.Payments.Jobs;

/// <summary>
/// Expires open orders once their China day is over (the amount due changes at midnight with the 加处罚款). Checked every
/// minute; the orders themselves also refuse a payment after their day, so a late run only delays the status.
/// </summary>
internal sealed class OrderExpiry(PaymentsScope scope, JobClaims claims, ILogger<OrderExpiry> logger) : BackgroundService
{
    public Task<int> RunOnceAsync(CancellationToken ct) => scope.RunAsync(e => e.ExpireAsync(ct));

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => claims.RunEachPeriodAsync("payments.order-expiry", TimeSpan.FromMinutes(1), async ct =>
    {
        var expired = await RunOnceAsync(ct);
        if (expired > 0 && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Expired {Count} payment orders of earlier days", expired);
        }
    }, stoppingToken);
}
