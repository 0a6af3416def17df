using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Components;

namespace Vanguard.Server.Components;

/// <summary>
/// Keeps a node running when some component asks to render from a thread that is not its circuit's (ADR 0015). The
/// runtime ends the process on an exception no code catches; Blazor's "The current thread is not associated with the
/// Dispatcher" thrown from a timer or a callback would so end every officer's session and the ingest in flight on that
/// node (seen in the test runs, thrown from code not yet found). The check throws before the renderer changes anything,
/// so that one component simply misses a render; the exception is logged as critical with its stack so it is found.
/// Any other unhandled exception still ends the process: its state cannot be trusted.
/// </summary>
public static class DispatcherGuard
{
    private static int _installed;
    private static int _contained;
    private static ILogger? _logger;

    /// <summary>How many dispatcher errors this process has contained.</summary>
    public static int Contained => Volatile.Read(ref _contained);

    /// <summary>Raised for each contained error, before it is logged (the test run reports them, ADR 0015).</summary>
    public static event Action<Exception>? ContainedException;

    public static void Install(ILogger logger)
    {
        Volatile.Write(ref _logger, logger);
        if (Interlocked.Exchange(ref _installed, 1) == 0)
        {
            ExceptionHandling.SetUnhandledExceptionHandler(Contain);
        }
    }

    /// <summary>
    /// Thrown by <see cref="Dispatcher.AssertAccess"/>: a render or state change asked for off the circuit's thread. Known by
    /// its message and by being thrown inside Blazor itself (one of the top frames) — not by the throwing method, which the
    /// JIT may inline into its caller (<c>Renderer.AddToRenderQueue</c>, even a library's component) in a release build.
    /// </summary>
    public static bool IsOffDispatcherRender(Exception exception) =>
        exception is InvalidOperationException
        && exception.Message.StartsWith(OffDispatcherMessage, StringComparison.Ordinal)
        && new System.Diagnostics.StackTrace(exception, false).GetFrames().Take(3)
            .Any(f => f.GetMethod()?.DeclaringType?.Namespace?.StartsWith("Microsoft.AspNetCore.Components", StringComparison.Ordinal) == true);

    private const string OffDispatcherMessage = "The current thread is not associated with the Dispatcher.";

    private static bool Contain(Exception exception)
    {
        if (!IsOffDispatcherRender(exception))
        {
            return false;
        }

        Interlocked.Increment(ref _contained);
        try
        {
            ContainedException?.Invoke(exception);
        }
        catch (Exception observerFailed)
        {
            Console.Error.WriteLine($"{nameof(DispatcherGuard)}: an observer failed: " + observerFailed.Message);
        }

        try
        {
            if (Volatile.Read(ref _logger) is { } logger)
            {
                logger.LogCritical(exception, "DispatcherGuard: a component asked to render off its circuit's thread; contained, the node keeps running");
                return true;
            }
        }
        catch (ObjectDisposedException)
        {
            // The host that installed the logger has stopped (a test's): standard error still says it.
        }

        Console.Error.WriteLine($"{nameof(DispatcherGuard)}: contained " + exception);
        return true;
    }
}
