using Vanguard.Server.Hosting;
using Vanguard.Server.Modules.Offsite.Ingest;

namespace Vanguard.Server.Modules.Offsite.Bus;

/// <summary>Registers the process step and the bus <c>Vanguard:Bus</c> names: in process (default) or NATS JetStream.</summary>
internal static class IngestBusSetup
{
    public static WebApplicationBuilder AddIngestBus(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<IngestProcessor>();
        if (builder.Configuration.GetSection(VanguardOptions.Section).GetValue<IngestBusKind>(nameof(VanguardOptions.Bus)) == IngestBusKind.Nats)
        {
            services.AddSingleton<NatsIngestStream>();
            services.AddSingleton<IIngestBus, NatsIngestBus>();
            services.AddHostedService<NatsIngestConsumer>();
            services.AddHealthChecks().AddCheck<NatsBusHealthCheck>("ingest-bus");
        }
        else
        {
            services.AddScoped<IIngestBus, InProcessIngestBus>();
        }

        return builder;
    }
}
