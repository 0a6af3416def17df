using System.Globalization;

namespace Vanguard.Bench;

/// <summary>Whether a bigger or a smaller figure is the better one; decides how a target is read.</summary>
internal enum Better
{
    Lower,
    Higher,
}

/// <summary>
/// One measured figure with the baseline measured in the same run: a ratio survives a change of machine, an absolute
/// number alone does not.
/// </summary>
internal sealed record Figure(
    string Benchmark,
    string Measured,
    double Value,
    string Baseline,
    double BaselineValue,
    string Unit,
    Better Better,
    double? Target = null)
{
    public double Ratio => Value / BaselineValue;

    public bool? TargetMet => Target is not { } target ? null : Better == Better.Lower ? Value <= target : Value >= target;

    public string Format(double value) => Unit switch
    {
        "s" => value.ToString("0.00", CultureInfo.InvariantCulture) + " s",
        "MB" => value.ToString("0", CultureInfo.InvariantCulture) + " MB",
        _ => value.ToString("#,0", CultureInfo.InvariantCulture) + " " + Unit,
    };

    public string TargetText => Target is not { } target
        ? "-"
        : $"{(Better == Better.Lower ? "≤" : "≥")} {Format(target)}: {(TargetMet == true ? "met" : "MISSED")}";
}

internal static class Report
{
    public static void Line(string text) => Console.WriteLine("  " + text);

    public static void Heading(string text)
    {
        Console.WriteLine();
        Console.WriteLine("== " + text);
    }

    public static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + " s";

    public static string Rate(double perSecond) => perSecond.ToString("#,0", CultureInfo.InvariantCulture) + "/s";

    /// <summary>The 1-minute load average: a busy machine skews absolute figures more than ratios, but both.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    public static void Table(IReadOnlyList<Figure> figures, string loadBefore)
    {
        Console.WriteLine();
        Console.WriteLine(
            $"== Results ({Environment.ProcessorCount} cores, {DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz}, load average {loadBefore} before → {LoadAverage()} after)");
        if (figures.Count == 0)
        {
            Console.WriteLine("  (nothing measured)");
            return;
        }

        string[] header = ["benchmark", "measured", "value", "baseline (same run)", "baseline", "ratio", "target"];
        var rows = figures.Select(f => new[]
        {
            f.Benchmark, f.Measured, f.Format(f.Value), f.Baseline, f.Format(f.BaselineValue),
            "×" + f.Ratio.ToString("0.00", CultureInfo.InvariantCulture), f.TargetText,
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(Width(h), rows.Max(r => Width(r[i])))).ToArray();
        Console.WriteLine(Row(header, widths));
        Console.WriteLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            Console.WriteLine(Row(row, widths));
        }
    }

    private static string Row(string[] cells, int[] widths) =>
        string.Join(" | ", cells.Select((c, i) => c + new string(' ', widths[i] - Width(c))));

    // East Asian wide characters take two columns in a terminal.
    private static int Width(string s) => s.Sum(c => c >= 0x2E80 && c <= 0xFFEF ? 2 : 1);
}
