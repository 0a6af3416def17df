namespace Vanguard.Server.Modules.Surveillance.Alerts;

/// <summary>Registers and maps alerts. (Skeleton: filled in by the alerts work.)</summary>
internal static class AlertsSetup
{
    public static IServiceCollection AddAlerts(this IServiceCollection services) => services.AddScoped<AlertHandler>().AddSingleton<AlertFeed>();

    public static RouteGroupBuilder MapAlerts(this RouteGroupBuilder group) => group;

    public static WebApplication MapAlertsHub(this WebApplication app) => app;
}
