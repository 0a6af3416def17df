using Vanguard.Server.Hosting;

namespace Vanguard.Server.Modules.Payments.Gateways;

/// <summary>
/// Whether the simulated gateway (its pay page, its callback) exists (docs/payments.md): <c>Vanguard:Payments:Simulated:Enabled</c>,
/// by default on only with the demo (<c>Vanguard:Demo</c>) or in Development. Whoever reaches its pay page can mark an
/// order paid without paying, so in Production it is refused unless <c>Vanguard:Payments:Simulated:AllowInProduction</c>
/// is also true.
/// </summary>
public sealed record SimulatedGatewaySettings(bool Enabled)
{
    public const string EnabledKey = "Vanguard:Payments:Simulated:Enabled";
    public const string AllowInProductionKey = "Vanguard:Payments:Simulated:AllowInProduction";

    /// <summary>The settings, or the reason the server must not start with them.</summary>
    public static (SimulatedGatewaySettings Settings, string? Refusal) Resolve(IConfiguration configuration, string environment)
    {
        var configured = bool.TryParse(configuration[EnabledKey], out var on) ? on : (bool?)null;
        var enabled = configured ?? (DemoSettings.From(configuration).Enabled == true
            || string.Equals(environment, Environments.Development, StringComparison.OrdinalIgnoreCase));
        var allowed = bool.TryParse(configuration[AllowInProductionKey], out var allow) && allow;
        if (enabled && !allowed && string.Equals(environment, Environments.Production, StringComparison.OrdinalIgnoreCase))
        {
            return (new SimulatedGatewaySettings(enabled), "The simulated payment gateway is enabled in the Production environment "
                + $"({(configured is null ? "because Vanguard:Demo is on" : EnabledKey + "=true")}): anyone could mark a fine paid without paying. "
                + $"Set {EnabledKey}=false (and configure a real gateway), or set {AllowInProductionKey}=true for a demo installation.");
        }

        return (new SimulatedGatewaySettings(enabled), null);
    }
}
