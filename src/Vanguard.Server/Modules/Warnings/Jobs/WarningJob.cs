using Microsoft.Extensions.Options;
using Vanguard.Server.Common.Jobs;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Warnings.Engine;

namespace Vanguard.Server.Modules.Warnings.Jobs;

/// <summary>Evaluates the warning rules every <c>PeriodMinutes</c> as the platform (all jurisdictions).</summary>
internal sealed class WarningJob(IServiceScopeFactory scopes, JobClaims claims, IOptions<WarningsOptions> options, ILogger<WarningJob> logger)
    : BackgroundService
{
    /// <summary>One run now; public so tests and tools need not wait for the timer.</summary>
    public async Task<WarningRun> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        var run = await scope.ServiceProvider.GetRequiredService<WarningEngine>().RunAsync(ct);
        if ((run.Raised > 0 || run.Cleared > 0) && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Warnings: {Raised} raised, {Cleared} cleared, {Recurred} found again", run.Raised, run.Cleared, run.Recurred);
        }

        return run;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => claims.RunEachPeriodAsync(
        "warnings.rules", TimeSpan.FromMinutes(options.Value.PeriodMinutes), RunOnceAsync, stoppingToken,
        firstDelay: TimeSpan.FromSeconds(options.Value.FirstRunDelaySeconds));
}
