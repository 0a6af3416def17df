using System.Diagnostics;
using System.Globalization;

namespace Vanguard.Bench;

/// <summary>
/// A throw-away PostgreSQL as <c>test.sh</c> starts one (initdb in a temporary folder, a free loopback port, run as the
/// postgres user when we are root) but with <c>fsync</c> left on, as <c>docs/performance.md</c> asks of a benchmark;
/// stopped and removed on dispose.
/// </summary>
internal sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _directory;

    private ThrowawayPostgres(string bin, string directory, int port)
    {
        _bin = bin;
        _directory = directory;
        ConnectionString = string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres");
    }

    public string ConnectionString { get; }

    public static async Task<ThrowawayPostgres> StartAsync(CancellationToken ct)
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderBy(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).LastOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException($"no PostgreSQL under /usr/lib/postgresql/*/bin; install it (test.sh does) or set {DatabaseTarget.PostgresVariable}");
        }

        var directory = Path.Combine(Path.GetTempPath(), "vanguard-bench-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var server = new ThrowawayPostgres(bin, directory, Paths.FreePort());
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", ["postgres:postgres", directory], ct);
        }

        var port = server.ConnectionString.Split(';')[1]["Port=".Length..];
        await server.AsPostgresAsync("initdb", ["-D", Path.Combine(directory, "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], ct);
        await server.AsPostgresAsync("pg_ctl",
            ["-D", Path.Combine(directory, "data"), "-l", Path.Combine(directory, "server.log"), "-w", "-t", "30",
                "-o", $"-p {port} -k {directory} -c listen_addresses=127.0.0.1", "start"], ct);
        Report.Line($"throw-away PostgreSQL ({Path.GetFileName(Path.GetDirectoryName(bin))}) on 127.0.0.1:{port}, fsync on, default settings");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await AsPostgresAsync("pg_ctl", ["-D", Path.Combine(_directory, "data"), "-m", "fast", "-w", "stop"], CancellationToken.None);
        }
        finally
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private Task AsPostgresAsync(string tool, string[] args, CancellationToken ct) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args], ct)
            : RunAsync(Path.Combine(_bin, tool), args, ct);

    private static async Task RunAsync(string file, string[] args, CancellationToken ct)
    {
        var info = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException(file + " did not start");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} exited with {process.ExitCode}: {await error}{await output}");
        }
    }
}
