using Microsoft.AspNetCore.Authorization;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Payments.Features;
using Vanguard.Server.Modules.Payments.Gateways;
using Vanguard.Server.Modules.Payments.Jobs;

namespace Vanguard.Server.Modules.Payments;

/// <summary>缴纳罚款 online (不见面执法, docs/payments.md): orders, gateways, signed callbacks, 加处罚款.</summary>
public static class PaymentsModule
{
    public static WebApplicationBuilder AddPayments(this WebApplicationBuilder builder)
    {
        // The first gateway registered takes new orders; a real one goes before the simulated one (docs/payments.md).
        // With none, CreateOrderAsync fails with payments.no_gateway and the portal offers no online payment.
        var (simulated, refusal) = SimulatedGatewaySettings.Resolve(builder.Configuration, builder.Environment.EnvironmentName);
        if (refusal is not null)
        {
            using (var loggers = LoggerFactory.Create(l => l.AddConfiguration(builder.Configuration.GetSection("Logging")).AddConsole()))
            {
                var logger = loggers.CreateLogger("Vanguard.Server.Modules.Payments");
                if (logger.IsEnabled(LogLevel.Critical))
                {
                    logger.LogCritical("Refusing to start: {Reason}", refusal);
                }
            }

            throw new InvalidOperationException(refusal);
        }

        builder.Services.AddSingleton(simulated);
        if (simulated.Enabled)
        {
            builder.Services.AddSingleton<SimulatedGateway>();
            builder.Services.AddSingleton<IPaymentGateway>(sp => sp.GetRequiredService<SimulatedGateway>());
        }

        builder.Services.AddScoped<PaymentEngine>();
        builder.Services.AddScoped<PaymentOrders>();
        builder.Services.AddSingleton<PaymentsScope>();
        builder.Services.AddSingleton<CallbackHandler>();
        builder.Services.AddSingleton<PaymentsService>();
        builder.Services.AddSingleton<Contracts.IPayments>(sp => sp.GetRequiredService<PaymentsService>());
        builder.Services.AddSingleton<OrderExpiry>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OrderExpiry>());
        builder.Services.Configure<AuthorizationOptions>(PaymentsPolicies.Add);
        return builder;
    }

    public static RouteGroupBuilder MapPayments(this RouteGroupBuilder api)
    {
        api.MapPaymentEndpoints();
        return api;
    }
}

public static class PaymentsPolicies
{
    /// <summary>Sees a case's payment orders: case officers, legal reviewers and admins (in their jurisdiction).</summary>
    public const string Reader = "payments-reader";

    public static void Add(AuthorizationOptions options) =>
        options.AddPolicy(Reader, p => p.RequireClaim(VanguardClaims.ActorKind, "person")
            .RequireRole(Role.CaseOfficer, Role.LegalReviewer, Role.AgencyAdmin, Role.ProvinceAdmin));
}
