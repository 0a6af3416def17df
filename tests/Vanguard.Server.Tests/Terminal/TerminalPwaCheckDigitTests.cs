using System.Diagnostics;

namespace Vanguard.Server.Tests.Terminal;

/// <summary>
/// The terminal checks ID numbers (GB 11643) and credit codes (GB 32100) in the browser before a look-up; the same
/// JavaScript runs here under node (tests/interop/terminal-checks.mjs) against the standards' own examples.
/// </summary>
public sealed class TerminalPwaCheckDigitTests
{
    [Fact]
    public async Task CheckDigitsAndFen_InTheTerminalsJavaScript_MatchTheStandards()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Vanguard.slnx")))
        {
            dir = dir.Parent;
        }

        dir.ShouldNotBeNull("the repository root (Vanguard.slnx) was not found above the test binaries");
        var info = new ProcessStartInfo("node", ["terminal-checks.mjs"])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.Combine(dir.FullName, "tests", "interop"),
        };
        using var node = Process.Start(info) ?? throw new InvalidOperationException("node did not start (test.sh installs nodejs)");
        var output = await node.StandardOutput.ReadToEndAsync(ApiClient.Ct);
        var errors = await node.StandardError.ReadToEndAsync(ApiClient.Ct);
        await node.WaitForExitAsync(ApiClient.Ct);

        node.ExitCode.ShouldBe(0, output + errors);
        output.ShouldStartWith("ok ");
    }
}
