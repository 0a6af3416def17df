using System.Runtime.InteropServices;

namespace Vanguard.Server.Modules.Evidence.Storage;

/// <summary>
/// fsync of a folder, which .NET has no API for (it refuses to open a directory as a file): POSIX makes a rename
/// durable only once the folder holding it is synced.
/// </summary>
internal static partial class FileSystemSync
{
    public static void SyncDirectory(string folder)
    {
        var fd = Open([.. System.Text.Encoding.UTF8.GetBytes(folder), 0], 0);
        if (fd < 0)
        {
            throw new IOException($"open({folder}) failed: errno {Marshal.GetLastPInvokeError()}");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"fsync({folder}) failed: errno {Marshal.GetLastPInvokeError()}");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Open(byte[] path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Close(int fd);
}
