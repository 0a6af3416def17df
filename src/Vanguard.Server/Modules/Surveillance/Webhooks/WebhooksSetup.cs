namespace Vanguard.Server.Modules.Surveillance.Webhooks;

/// <summary>Registers and maps the list webhooks: the outbox other parts write to, the sender, the settings endpoints.</summary>
internal static class WebhooksSetup
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddScoped<WebhookHandler>();
        services.AddSingleton<IWebhookOutbox, WebhookOutbox>();
        return services;
    }

    public static RouteGroupBuilder MapWebhooks(this RouteGroupBuilder group) => group;
}
