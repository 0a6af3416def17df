using Microsoft.Extensions.Options;
using Vanguard.Server.Common;
using Vanguard.Server.Common.Jobs;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Disclosure.Publication;

/// <summary>
/// Publishes decisions (双公示) every <c>RunMinutes</c> as the platform: the recent window each time, the whole publication period on
/// the first run of each China day (decisions entered late, reviews recorded long after the decision). Publication is automatic: no
/// officer has to remember it, so the 7 working days are kept unless the decision itself is entered late.
/// </summary>
internal sealed class DisclosureJob(IServiceScopeFactory scopes, JobClaims claims, TimeProvider clock, IOptions<DisclosureOptions> options, ILogger<DisclosureJob> logger)
    : BackgroundService
{
    private DateOnly? _lastFullSweep;

    /// <summary>One run now; public so tests and tools need not wait for the timer.</summary>
    public async Task<PublicationRun> RunOnceAsync(CancellationToken ct)
    {
        var today = LegalClock.Today(clock);
        var full = _lastFullSweep != today;
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        var run = await scope.ServiceProvider.GetRequiredService<DisclosurePublisher>().RunAsync(full, ct);
        if (full)
        {
            _lastFullSweep = today;
        }

        if ((run.Published > 0 || run.Withdrawn > 0) && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Disclosure: {Published} decisions published, {Withdrawn} withdrawn", run.Published, run.Withdrawn);
        }

        return run;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => options.Value.JobEnabled
        ? claims.RunEachPeriodAsync("disclosure.publication", TimeSpan.FromMinutes(options.Value.RunMinutes), RunOnceAsync, stoppingToken)
        : Task.CompletedTask;
}
