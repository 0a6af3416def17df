namespace Vanguard.Server.Modules.Surveillance.Suspects;

/// <summary>Registers and maps the Suspects part of the surveillance module. (Skeleton: filled in by the Suspects work.)</summary>
internal static class SuspectsSetup
{
    public static IServiceCollection AddSuspects(this IServiceCollection services) => services.AddScoped<SuspectHandler>();

    public static RouteGroupBuilder MapSuspects(this RouteGroupBuilder group) => group;
}
