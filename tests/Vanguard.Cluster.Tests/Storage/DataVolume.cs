using System.Diagnostics;

namespace Vanguard.Cluster.Tests.Storage;

/// <summary>
/// A data directory whose disk a test can fill or turn read-only: a small tmpfs mounted there (needs root, as test.sh
/// runs). Without the right to mount, a read-only directory is a folder the (non-root) user may not write; a full disk
/// has no such stand-in and the test says so and fails. <see cref="How"/> says which way it ran.
/// </summary>
internal sealed class DataVolume : IAsyncDisposable
{
    private DataVolume(string path, bool mounted, string how)
    {
        Path = path;
        Mounted = mounted;
        How = how;
    }

    public string Path { get; }

    public bool Mounted { get; }

    public string How { get; }

    /// <summary>A volume at <paramref name="at"/> (a folder inside a data directory), or at a new temporary folder.</summary>
    public static async Task<DataVolume> CreateAsync(int megabytes, string? at = null)
    {
        var path = at ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vanguard-storage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        var (code, output) = await RunAsync("mount", "-t", "tmpfs", "-o", $"size={megabytes}m,mode=0755", "tmpfs", path);
        if (code == 0)
        {
            return new DataVolume(path, true, $"tmpfs of {megabytes} MiB mounted at {path}");
        }

        if (Environment.UserName == "root")
        {
            throw new InvalidOperationException($"mount -t tmpfs was refused even as root ({output.Trim()}): this test needs CAP_SYS_ADMIN (./test.sh runs as root in its container).");
        }

        return new DataVolume(path, false, $"mount refused ({output.Trim()}): plain folder {path}, made read-only with chmod for user {Environment.UserName}");
    }

    /// <summary>Fills the volume to the last byte with a file of its own; returns the bytes written.</summary>
    public long Fill()
    {
        RequireMounted("fill the disk");
        long written = 0;
        using var filler = new FileStream(System.IO.Path.Combine(Path, "filler"), FileMode.Create, FileAccess.Write, FileShare.None, 0);
        foreach (var size in new[] { 1 << 20, 4096, 1 })
        {
            var block = new byte[size];
            try
            {
                while (true)
                {
                    filler.Write(block);
                    written += size;
                }
            }
            catch (IOException)
            {
                // ENOSPC: on to smaller blocks for what is left.
            }
        }

        return written;
    }

    public void FreeSpace() => File.Delete(System.IO.Path.Combine(Path, "filler"));

    public async Task MakeReadOnlyAsync()
    {
        if (Mounted)
        {
            var (code, output) = await RunAsync("mount", "-o", "remount,ro", Path);
            if (code != 0)
            {
                throw new InvalidOperationException($"remount,ro failed: {output}");
            }
        }
        else
        {
            await RunAsync("chmod", "a-w", Path);
        }
    }

    public async Task MakeWritableAsync()
    {
        if (Mounted)
        {
            await RunAsync("mount", "-o", "remount,rw", Path);
        }
        else
        {
            await RunAsync("chmod", "u+w", Path);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Mounted)
        {
            // A node killed a moment ago may still hold the mount for a few milliseconds.
            for (var attempt = 0; attempt < 50 && (await RunAsync("umount", Path)).Code != 0; attempt++)
            {
                await Task.Delay(100);
            }
        }
        else
        {
            await MakeWritableAsync();
        }

        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Still mounted: left for the OS's temp cleaning rather than failing the test in its clean-up.
        }
    }

    private void RequireMounted(string what)
    {
        if (!Mounted)
        {
            throw new InvalidOperationException($"Cannot {what} without a tmpfs: {How}. Run ./test.sh as root (it mounts a small tmpfs).");
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }
}
