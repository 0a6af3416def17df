using System.CommandLine;

namespace Vanguard.Devices.Commands;

internal static class Cli
{
    public static RootCommand Build() => new("vanguard-sim: field-device simulators that talk to the Vanguard platform over its public HTTP API")
    {
        SetupCommand.Create(),
        WimCommand.Create(),
        AnprCommand.Create(),
        TerminalCommand.Create(),
    };

    /// <summary>Reads 60s, 5m, 1h30m, 90 (seconds) or 00:01:30.</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        text = text.Trim();
        if (TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out duration) && text.Contains(':', StringComparison.Ordinal))
        {
            return duration > TimeSpan.Zero;
        }

        duration = TimeSpan.Zero;
        var number = 0L;
        var any = false;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                number = checked((number * 10) + (c - '0'));
                any = true;
                continue;
            }

            if (!any)
            {
                return false;
            }

            duration += c switch
            {
                'h' => TimeSpan.FromHours(number),
                'm' => TimeSpan.FromMinutes(number),
                's' => TimeSpan.FromSeconds(number),
                _ => TimeSpan.MinValue,
            };
            if (duration < TimeSpan.Zero)
            {
                return false;
            }

            (number, any) = (0, false);
        }

        if (any)
        {
            duration += TimeSpan.FromSeconds(number);
        }

        return duration > TimeSpan.Zero;
    }
}
