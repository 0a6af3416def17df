using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Vanguard.Bench;

/// <summary>
/// A built app started the way an operator starts it (<c>dotnet &lt;dll&gt; --urls …</c>), timed from process start to the
/// first 200 from <c>/health</c>. The same code runs the server and the baseline app, so both are timed alike.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

    private readonly Process _process;
    private readonly Queue<string> _tail = new();

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    /// <summary>From <see cref="Process.Start()"/> to the first 200 from <c>/health</c>.</summary>
    public TimeSpan TimeToHealthy { get; private set; }

    public HttpClient Client { get; }

    public int Id => _process.Id;

    public static Task<AppProcess> StartAsync(string dll, string dataDirectory, CancellationToken ct) =>
        StartAsync(dll, dataDirectory, new Dictionary<string, string>(), StartTimeout, ct);

    /// <param name="environment">Settings as environment variables (<c>Vanguard__Bus</c> …), as an operator's unit file gives them.</param>
    /// <param name="startTimeout">A first start on PostgreSQL migrates and seeds over the network: slower than on SQLite.</param>
    public static async Task<AppProcess> StartAsync(
        string dll, string dataDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan startTimeout, CancellationToken ct)
    {
        var port = Paths.FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            // Content root = working directory: the app finds its appsettings.json as it would when deployed.
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.Environment["Vanguard__DataDirectory"] = dataDirectory;
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // A fresh connection per probe, so a refused connect is retried at once rather than cached in a pool.
        using var probe = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero, ConnectTimeout = TimeSpan.FromSeconds(2) })
        {
            Timeout = TimeSpan.FromSeconds(10),
        };
        var health = new Uri(app.Address, "/health");
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Path.GetFileName(dll)} exited with {process.ExitCode}:\n{app.Tail()}");
            }

            if (clock.Elapsed > startTimeout)
            {
                await app.DisposeAsync();
                throw new TimeoutException($"{Path.GetFileName(dll)} was not healthy after {startTimeout.TotalSeconds} s:\n{app.Tail()}");
            }

            try
            {
                using var response = await probe.GetAsync(health, ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    app.TimeToHealthy = clock.Elapsed;
                    return app;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(PollInterval, ct);
        }
    }

    /// <summary>Resident set size of the app process, from <c>/proc/&lt;pid&gt;/status</c> (Linux).</summary>
    public double ResidentMegabytes(string field = "VmRSS")
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                var kilobytes = long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                return kilobytes / 1024.0;
            }
        }

        throw new InvalidOperationException($"{field} not found in /proc/{_process.Id}/status");
    }

    /// <summary>Stops the app the way a service manager does (SIGTERM), so SQLite closes cleanly before the next start.</summary>
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            using (var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
            {
                if (term is not null)
                {
                    await term.WaitForExitAsync();
                }
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_tail)
        {
            _tail.Enqueue(line);
            if (_tail.Count > 40)
            {
                _tail.Dequeue();
            }
        }
    }

    internal string Tail()
    {
        lock (_tail)
        {
            return string.Join('\n', _tail);
        }
    }
}
