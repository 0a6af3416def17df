using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Vanguard.Cluster.Tests.Infrastructure;

/// <summary>
/// One Vanguard node as a real process (<c>dotnet Vanguard.Server.dll</c> from <see cref="ClusterServices.ServerBuild"/>),
/// on a free loopback port: what a crash test needs that an in-process factory cannot give — SIGKILL, a restart on the
/// same data, a second node beside it.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private NodeProcess(Process process, Uri baseAddress, string dataDirectory)
    {
        _process = process;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
    }

    public Uri BaseAddress { get; }

    public string DataDirectory { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>What the node wrote to its standard output and error so far (for failure messages).</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>
    /// Starts a node on <paramref name="dataDirectory"/> with <paramref name="settings"/> (configuration keys such as
    /// <c>Vanguard:Bus</c>, passed as command-line arguments) and waits until <c>/health</c> answers 200.
    /// Demo data is on unless the settings say otherwise; the demo's current-month activity is off.
    /// </summary>
    public static async Task<NodeProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string>? settings = null, TimeSpan? timeout = null, CancellationToken ct = default)
    {
        Directory.CreateDirectory(dataDirectory);
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var all = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["urls"] = baseAddress.ToString().TrimEnd('/'),
            ["Vanguard:DataDirectory"] = dataDirectory,
            ["Vanguard:Demo"] = "true",
            ["Vanguard:Demo:Activity"] = "false",
            ["Vanguard:Payments:Simulated:AllowInProduction"] = "true", // a demo installation: the demo pays through the simulator
            ["Vanguard:RateLimits:LoginPerMinute"] = "100000",
            ["Vanguard:RateLimits:PublicPerMinute"] = "100000",
            ["Vanguard:RateLimits:DevicePerSecond"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        var build = ClusterServices.ServerBuild;
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = build,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(build, "Vanguard.Server.dll"));
        foreach (var (key, value) in all)
        {
            info.ArgumentList.Add($"--{key}={value}");
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var node = new NodeProcess(process, baseAddress, dataDirectory);
        process.OutputDataReceived += (_, e) => node.Append(e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await node.WaitHealthyAsync(timeout ?? TimeSpan.FromSeconds(120), ct);
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }

        return node;
    }

    /// <summary>A client for this node (no cookies kept; add the headers you need).</summary>
    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>SIGKILL: the process ends at once, with no chance to flush or shut down cleanly.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false); // Process.Kill sends SIGKILL on Linux.
            _process.WaitForExit();
        }
    }

    /// <summary>SIGTERM and wait: the host's graceful shutdown.</summary>
    public async Task StopAsync(TimeSpan? timeout = null)
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        await Task.CompletedTask;
        _process.Dispose();
    }

    private async Task WaitHealthyAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The node exited with code {_process.ExitCode} before it was healthy:\n{Log}");
            }

            try
            {
                using var response = await client.GetAsync("/health", ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // Slow start (migrations, demo data).
            }

            await Task.Delay(200, ct);
        }

        throw new TimeoutException($"The node was not healthy within {timeout}:\n{Log}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
