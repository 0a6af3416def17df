using System.Net;
using System.Net.Sockets;

namespace Vanguard.Bench;

/// <summary>Where the built apps are, and scratch space that is removed when the run ends.</summary>
internal static class Paths
{
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    private const string TargetFramework = "net10.0";

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Built by <c>dotnet run --project bench/Vanguard.Bench</c> through the project reference.</summary>
    public static string ServerDll => Built("src/Vanguard.Server", "Vanguard.Server.dll");

    public static string BaselineDll => Built("bench/Vanguard.Bench.Baseline", "Vanguard.Bench.Baseline.dll");

    public static string ScratchRoot { get; } = Path.Combine(Path.GetTempPath(), "vanguard-bench", Guid.NewGuid().ToString("N")[..12]);

    public static string NewScratchDirectory(string name)
    {
        var path = Path.Combine(ScratchRoot, name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }

    public static void RemoveScratch()
    {
        try
        {
            if (Directory.Exists(ScratchRoot))
            {
                Directory.Delete(ScratchRoot, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still open in a pooled connection; the temporary folder is the OS's to clean.
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Built(string project, string dll)
    {
        var path = Path.Combine(RepositoryRoot, project, "bin", Configuration, TargetFramework, dll);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is not built; run the bench with `dotnet run -c {Configuration} --project bench/Vanguard.Bench`.");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vanguard.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Vanguard.slnx not found above " + AppContext.BaseDirectory);
    }
}
