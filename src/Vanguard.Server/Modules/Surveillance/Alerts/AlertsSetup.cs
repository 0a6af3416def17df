using Vanguard.Server.Modules.Surveillance.Matching;
using Vanguard.Server.Modules.Terminal.Contracts;

namespace Vanguard.Server.Modules.Surveillance.Alerts;

/// <summary>Registers and maps alerts: the hit sink, automatic dispatch, the task observer, the API and <c>/hubs/command</c>.</summary>
internal static class AlertsSetup
{
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddSingleton<AlertFeed>();
        services.AddSingleton<AlertNotifier>();
        services.AddSingleton<CameraCache>();
        services.AddSingleton<IHitSink, AlertSink>();
        services.AddSingleton<AlertDispatchQueue>();
        services.AddHostedService<AlertAutoDispatcher>();
        services.AddScoped<AlertDispatching>();
        services.AddScoped<AlertTaskObserver>();
        services.AddScoped<ITaskObserver>(sp => sp.GetRequiredService<AlertTaskObserver>());
        services.AddScoped<AlertHandler>();
        services.AddScoped<Contracts.IDispatchOutcomes, DispatchOutcomes>(); // for the performance evaluation's hit rate
        return services;
    }

    public static RouteGroupBuilder MapAlerts(this RouteGroupBuilder group)
    {
        group.MapAlertEndpoints();
        return group;
    }

    public static WebApplication MapAlertsHub(this WebApplication app)
    {
        app.MapHub<CommandHub>(CommandHub.Path);
        return app;
    }
}
