using Vanguard.Server.Modules.Offsite.Contracts;

namespace Vanguard.Server.Modules.Surveillance.Matching;

/// <summary>
/// The in-memory <see cref="WatchlistIndex"/>, the sync that keeps it equal to the database, and the matcher the ANPR
/// ingest feeds. <see cref="IHitSink"/> is registered by the alerts part.
/// </summary>
internal static class MatchingSetup
{
    public static IServiceCollection AddMatching(this IServiceCollection services)
    {
        services.AddSingleton<WatchlistIndex>();
        services.AddSingleton<WatchlistIndexSync>();
        services.AddSingleton<IWatchlistIndexRefresher>(sp => sp.GetRequiredService<WatchlistIndexSync>());
        services.AddHostedService(sp => sp.GetRequiredService<WatchlistIndexSync>());
        services.AddSingleton<PlateReadMatcher>();
        services.AddSingleton<IPlateReadObserver>(sp => sp.GetRequiredService<PlateReadMatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<PlateReadMatcher>());
        return services;
    }
}
