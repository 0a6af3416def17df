namespace Vanguard.Server.Modules.Surveillance.Demo;

/// <summary>Demo data for the surveillance module. (Skeleton: filled in by the simulator work.)</summary>
internal static class SurveillanceDemo
{
    public static IServiceCollection AddSurveillanceDemo(this IServiceCollection services) => services;
}
