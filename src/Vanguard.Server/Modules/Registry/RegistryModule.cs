using Vanguard.Server.Modules.Registry.Contracts;
using Vanguard.Server.Modules.Registry.Demo;
using Vanguard.Server.Modules.Registry.Features;
using Vanguard.Server.Modules.Registry.Import;

namespace Vanguard.Server.Modules.Registry;

/// <summary>The provincial 运政 registry as the platform sees it: persons, organisations, vehicles and drivers.</summary>
public static class RegistryModule
{
    public static WebApplicationBuilder AddRegistry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAuthorization(RegistryPolicies.Add);
        services.AddScoped<RegistryQueries>();
        services.AddScoped<IRegistry>(sp => sp.GetRequiredService<RegistryQueries>());
        services.AddScoped<PersonsHandler>();
        services.AddScoped<OrganisationsHandler>();
        services.AddScoped<VehiclesHandler>();
        services.AddScoped<DriversHandler>();
        services.AddScoped<RegistryImporter>();
        services.AddScoped<RegistryDemoSeeder>();
        return builder;
    }

    public static RouteGroupBuilder MapRegistry(this RouteGroupBuilder api)
    {
        var registry = api.MapGroup("/registry").WithTags("Registry");
        registry.MapPersons();
        registry.MapOrganisations();
        registry.MapVehicles();
        registry.MapDrivers();
        registry.MapImport();
        return api;
    }

    /// <summary>Seeds the demo registry once, when the demo province is loaded (called from the start-up tasks).</summary>
    public static Task SeedDemoRegistryAsync(this IServiceProvider scope, CancellationToken ct) =>
        scope.GetRequiredService<RegistryDemoSeeder>().SeedAsync(ct);
}
