using Vanguard.Server.Common;

namespace Vanguard.Server.Modules.Surveillance.Webhooks;

/// <summary>Registers and maps the list webhooks: the outbox other parts write to, the sender, the settings endpoints.</summary>
internal static class WebhooksSetup
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddScoped<WebhookHandler>();
        services.AddSingleton<IWebhookOutbox, WebhookOutbox>();
        services.AddSingleton<WebhookSecrets>();
        // The sender sets its own per-request timeout (WebhookTimeoutSeconds); redirects are not followed.
        services.AddHttpClient(WebhookSender.ClientName, c => c.Timeout = System.Threading.Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(WebhookConnections.CreateHandler);
        services.AddHostedService<WebhookSender>();
        return services;
    }

    public static RouteGroupBuilder MapWebhooks(this RouteGroupBuilder group)
    {
        var lists = group.MapGroup("/watchlists/{id:guid}/webhook");
        lists.MapGet(string.Empty, async (Guid id, WebhookHandler h, HttpContext http) => (await h.GetAsync(id, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(SurveillancePolicies.Command)
            .WithSummary("The list's webhook URL and whether it is on (never the secret).");
        lists.MapPut(string.Empty, async (Guid id, WebhookRequest request, WebhookHandler h, HttpContext http) =>
                (await h.SetAsync(id, request, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(SurveillancePolicies.Approve)
            .WithSummary("Set {url, enabled}: https, or http to loopback/private IPs only. The signing secret is returned the first time only.");
        lists.MapPost("/rotate", async (Guid id, WebhookHandler h, HttpContext http) => (await h.RotateAsync(id, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(SurveillancePolicies.Approve)
            .WithSummary("A new signing secret, returned once; the old one stops working at once.");
        lists.MapGet("/deliveries", async (Guid id, int? page, WebhookHandler h, HttpContext http) =>
                (await h.DeliveriesAsync(id, page ?? 1, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(SurveillancePolicies.Command)
            .WithSummary("The list's webhook deliveries, newest first, 20 a page.");
        return group;
    }
}
