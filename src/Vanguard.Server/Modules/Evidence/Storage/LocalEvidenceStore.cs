using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Vanguard.Server.Data;

namespace Vanguard.Server.Modules.Evidence.Storage;

/// <summary>
/// Blobs in a folder: <c>&lt;root&gt;/sha256/ab/cd/&lt;hash&gt;</c>. A blob appears whole or not at all: it is written
/// under <c>&lt;root&gt;/tmp</c> (same file system), flushed to disk (fsync), then renamed into place, and the folder
/// is synced so the rename itself survives a power cut (ADR 0007).
/// </summary>
internal sealed class LocalEvidenceStore : IEvidenceStore
{
    private const int BufferSize = 1 << 20;
    private readonly string _root;
    private readonly string _tmp;

    public LocalEvidenceStore(IOptions<EvidenceOptions> options, IConfiguration configuration)
    {
        _root = Path.GetFullPath(options.Value.StorageDirectory is { Length: > 0 } configured
            ? configured
            : Path.Combine(DataDirectory.Resolve(configuration), "evidence"));
        _tmp = Path.Combine(_root, "tmp");
        Directory.CreateDirectory(Path.Combine(_root, "sha256"));
        Directory.CreateDirectory(_tmp);
    }

    public string Root => _root;

    public string PathOf(string sha256)
    {
        if (!Sha256Hex.IsValid(sha256))
        {
            throw new ArgumentException("Not a lower-case hex SHA-256.", nameof(sha256));
        }

        return Path.Combine(_root, "sha256", sha256[..2], sha256[2..4], sha256);
    }

    public async Task<bool> PutFileAsync(string sha256, string path, CancellationToken ct)
    {
        var final = PathOf(sha256);
        if (File.Exists(final))
        {
            File.Delete(path);
            return false;
        }

        // Into our own tmp first: a rename within one file system is atomic; a temp folder elsewhere is copied here
        // (File.Move falls back to copy + delete across file systems), then synced, then renamed.
        var staged = Path.Combine(_tmp, $"{sha256}.{Guid.NewGuid():N}");
        File.Move(path, staged);
        await SyncFileAsync(staged, ct);
        return Commit(staged, final);
    }

    public async Task<bool> PutAsync(string sha256, Stream content, CancellationToken ct)
    {
        var final = PathOf(sha256);
        var staged = Path.Combine(_tmp, $"{sha256}.{Guid.NewGuid():N}");
        try
        {
            if (await HashingCopy.ToNewFileAsync(content, staged, flushToDisk: true, ct) != sha256)
            {
                File.Delete(staged);
                return false;
            }

            if (File.Exists(final))
            {
                File.Delete(staged);
                return true;
            }

            Commit(staged, final);
            return true;
        }
        catch
        {
            File.Delete(staged);
            throw;
        }
    }

    public Task<long?> LengthAsync(string sha256, CancellationToken ct)
    {
        var info = new FileInfo(PathOf(sha256));
        return Task.FromResult(info.Exists ? info.Length : (long?)null);
    }

    public Task<Stream?> OpenReadAsync(string sha256, CancellationToken ct)
    {
        try
        {
            Stream stream = new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult<Stream?>(stream);
        }
        catch (FileNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
        catch (DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<bool> DeleteAsync(string sha256, CancellationToken ct)
    {
        var path = PathOf(sha256);
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }

        File.Delete(path);
        SyncDirectory(Path.GetDirectoryName(path)!);
        return Task.FromResult(true);
    }

    public string? LocalPath(string sha256) => PathOf(sha256);

    /// <summary>Renames the synced temp file into place; false when another writer got there first (same bytes).</summary>
    private static bool Commit(string staged, string final)
    {
        var folder = Path.GetDirectoryName(final)!;
        Directory.CreateDirectory(folder);
        try
        {
            File.Move(staged, final, overwrite: false);
        }
        catch (IOException) when (File.Exists(final))
        {
            File.Delete(staged);
            return false;
        }

        SyncDirectory(folder);
        return true;
    }

    private static async Task SyncFileAsync(string path, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read, 1, FileOptions.None);
        ct.ThrowIfCancellationRequested();
        file.Flush(flushToDisk: true);
    }

    /// <summary>fsync on the folder makes a rename or an unlink in it durable (POSIX); Windows has no such call and needs none.</summary>
    internal static void SyncDirectory(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        FileSystemSync.SyncDirectory(folder);
    }
}
