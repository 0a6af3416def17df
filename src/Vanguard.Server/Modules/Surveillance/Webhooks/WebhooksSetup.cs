namespace Vanguard.Server.Modules.Surveillance.Webhooks;

/// <summary>Registers and maps the Webhooks part of the surveillance module. (Skeleton: filled in by the Webhooks work.)</summary>
internal static class WebhooksSetup
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services) => services.AddScoped<WebhookHandler>();

    public static RouteGroupBuilder MapWebhooks(this RouteGroupBuilder group) => group;
}
