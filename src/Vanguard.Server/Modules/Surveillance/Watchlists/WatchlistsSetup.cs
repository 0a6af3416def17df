namespace Vanguard.Server.Modules.Surveillance.Watchlists;

/// <summary>Registers and maps the Watchlists part of the surveillance module. (Skeleton: filled in by the Watchlists work.)</summary>
internal static class WatchlistsSetup
{
    public static IServiceCollection AddWatchlists(this IServiceCollection services) => services.AddScoped<WatchlistHandler>();

    public static RouteGroupBuilder MapWatchlists(this RouteGroupBuilder group) => group;
}
