using System.Runtime.CompilerServices;
using Vanguard.Server.Components;

namespace Vanguard.Server.Tests.Infrastructure;

/// <summary>
/// A render asked for off a circuit's thread no longer ends the test host (ADR 0015), so it would pass unseen: each one
/// that a test did not cause on purpose is written, with its stack, to the file the test script names
/// (<c>VANGUARD_TEST_CONTAINED_LOG</c>), which prints it after the run — or to standard error without the script.
/// </summary>
internal static class ContainedErrorsReport
{
    private static readonly Lock Gate = new();

    [ModuleInitializer]
    internal static void Subscribe() => DispatcherGuard.ContainedException += Write;

    private static void Write(Exception exception)
    {
        var text = exception.ToString();
        if (text.Contains("DispatcherGuardTests", StringComparison.Ordinal))
        {
            return; // the guard's own test throws one on purpose
        }

        var entry = $"--- {DateTimeOffset.UtcNow:O}{Environment.NewLine}{text}{Environment.NewLine}";
        var path = Environment.GetEnvironmentVariable("VANGUARD_TEST_CONTAINED_LOG");
        lock (Gate)
        {
            if (string.IsNullOrEmpty(path))
            {
                Console.Error.Write("Contained off-dispatcher render: " + entry);
            }
            else
            {
                File.AppendAllText(path, entry);
            }
        }
    }
}
