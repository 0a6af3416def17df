using System.Runtime.CompilerServices;
using Vanguard.Server.Components;

namespace Vanguard.Server.Tests.Infrastructure;

/// <summary>
/// A render asked for off a circuit's thread no longer ends the test host (ADR 0015), so it would pass unseen: each one
/// that a test did not cause on purpose is written, with its stack, to the file the test script names
/// (<c>VANGUARD_TEST_CONTAINED_LOG</c>), which prints it after the run — or to standard error without the script. An
/// exception that still ends the host is written there too, with the stack the test runner's summary leaves out.
/// </summary>
internal static class ContainedErrorsReport
{
    private static readonly Lock Gate = new();

    [ModuleInitializer]
    internal static void Subscribe()
    {
        DispatcherGuard.ContainedException += exception =>
        {
            if (!exception.ToString().Contains("DispatcherGuardTests", StringComparison.Ordinal))
            {
                Write("contained", exception); // the guard's own test throws one on purpose
            }
        };
        AppDomain.CurrentDomain.UnhandledException += (_, e) => Write("fatal: the test host ends", e.ExceptionObject);
    }

    private static void Write(string what, object exception)
    {
        var entry = $"--- {what} {DateTimeOffset.UtcNow:O}{Environment.NewLine}{exception}{Environment.NewLine}";
        var path = Environment.GetEnvironmentVariable("VANGUARD_TEST_CONTAINED_LOG");
        lock (Gate)
        {
            if (string.IsNullOrEmpty(path))
            {
                Console.Error.Write(entry);
            }
            else
            {
                File.AppendAllText(path, entry);
            }
        }
    }
}
