using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Vanguard.Server.Modules.Offsite.Bus;

/// <summary>
/// <c>/health</c> with <c>Vanguard:Bus=Nats</c>: Degraded while the ingest stream cannot be reached — the node still
/// serves staff and the public, while devices are told to resend later (503) — so a monitor sees the bus state.
/// </summary>
internal sealed class NatsBusHealthCheck(NatsIngestStream stream) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!stream.IsReady)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(3));
                await stream.EnsureAsync(timeout.Token);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return HealthCheckResult.Degraded($"Ingest bus: NATS stream {stream.Name} unreachable.", e);
            }
        }

        return HealthCheckResult.Healthy($"Ingest bus: NATS stream {stream.Name} ready.");
    }
}
