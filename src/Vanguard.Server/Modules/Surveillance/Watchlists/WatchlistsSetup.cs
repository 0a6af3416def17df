using Vanguard.Server.Modules.Surveillance.Contracts;

namespace Vanguard.Server.Modules.Surveillance.Watchlists;

/// <summary>Registers and maps the watch-lists part: lists, entries, approval, import, and <see cref="IWatchlistLookup"/>.</summary>
internal static class WatchlistsSetup
{
    public static IServiceCollection AddWatchlists(this IServiceCollection services) =>
        services.AddScoped<WatchlistHandler>().AddScoped<IWatchlistLookup, WatchlistLookup>();

    public static RouteGroupBuilder MapWatchlists(this RouteGroupBuilder group)
    {
        group.MapWatchlistLists();
        group.MapWatchlistEntries();
        return group;
    }
}
