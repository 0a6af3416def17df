namespace Vanguard.Server.Modules.Surveillance.Matching;

/// <summary>Registers and maps the Matching part of the surveillance module. (Skeleton: filled in by the Matching work.)</summary>
internal static class MatchingSetup
{
    public static IServiceCollection AddMatching(this IServiceCollection services) => services;

    
}
