using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Vanguard.Server.Data;

namespace Vanguard.Server.Modules.Evidence.Tus;

/// <summary>
/// Unfinished uploads on disk (<c>&lt;TempDirectory&gt;/&lt;upload id&gt;.part</c>), one writer at a time per upload, and the
/// running SHA-256 of each upload so the whole file is never read twice. The hash state lives in memory only: after a
/// restart, or when an upload resumes on another node, it is rebuilt by re-reading the part already received.
/// </summary>
internal sealed class UploadStaging
{
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _locks = new();
    private readonly ConcurrentDictionary<Guid, RunningHash> _hashes = new();

    public UploadStaging(IOptions<EvidenceOptions> options, IConfiguration configuration)
    {
        Folder = Path.GetFullPath(options.Value.TempDirectory is { Length: > 0 } configured
            ? configured
            : Path.Combine(DataDirectory.Resolve(configuration), "evidence", "uploads"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string PathOf(Guid uploadId) => Path.Combine(Folder, uploadId.ToString("N") + ".part");

    /// <summary>Bytes actually on disk for the upload (0 when the file is gone).</summary>
    public long LengthOnDisk(Guid uploadId)
    {
        var info = new FileInfo(PathOf(uploadId));
        return info.Exists ? info.Length : 0;
    }

    /// <summary>Waits for the upload's single-writer lock; false if another request still holds it after <paramref name="wait"/>.</summary>
    public async Task<IDisposable?> TryLockAsync(Guid uploadId, TimeSpan wait, CancellationToken ct)
    {
        var gate = _locks.GetOrAdd(uploadId, _ => new SemaphoreSlim(1, 1));
        return await gate.WaitAsync(wait, ct) ? new Release(gate) : null;
    }

    /// <summary>The running hash at <paramref name="offset"/>: the cached one, or rebuilt from the part file.</summary>
    public async Task<IncrementalHash> HashAtAsync(Guid uploadId, long offset, CancellationToken ct)
    {
        if (_hashes.TryRemove(uploadId, out var cached))
        {
            if (cached.Offset == offset)
            {
                return cached.Hash;
            }

            cached.Hash.Dispose();
        }

        var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (offset == 0)
        {
            return hash;
        }

        await using var file = new FileStream(PathOf(uploadId), FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 0, FileOptions.SequentialScan);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            var remaining = offset;
            while (remaining > 0)
            {
                var read = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), ct);
                if (read == 0)
                {
                    throw new IOException($"The part file of upload {uploadId} is shorter than its offset {offset}.");
                }

                hash.AppendData(buffer, 0, read);
                remaining -= read;
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }

        return hash;
    }

    /// <summary>Keeps the running hash for the next PATCH of the upload.</summary>
    public void Keep(Guid uploadId, IncrementalHash hash, long offset)
    {
        if (_hashes.TryGetValue(uploadId, out var old) && !ReferenceEquals(old.Hash, hash))
        {
            old.Hash.Dispose();
        }

        _hashes[uploadId] = new RunningHash(hash, offset);
    }

    /// <summary>Forgets the upload: hash state, lock and part file.</summary>
    public void Forget(Guid uploadId, bool deleteFile)
    {
        if (_hashes.TryRemove(uploadId, out var cached))
        {
            cached.Hash.Dispose();
        }

        _locks.TryRemove(uploadId, out _);
        if (deleteFile)
        {
            File.Delete(PathOf(uploadId));
        }
    }

    private sealed record RunningHash(IncrementalHash Hash, long Offset);

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}

/// <summary>
/// Process-wide locks by blob hash (256 stripes): storing a blob and creating its item, and deleting an item's blob when
/// no other item uses it, never interleave on this node (ADR 0007 on several nodes).
/// </summary>
internal sealed class BlobLocks
{
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, 256).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<IDisposable> LockAsync(string sha256, CancellationToken ct)
    {
        var gate = _stripes[Convert.ToInt32(sha256[..2], 16)];
        await gate.WaitAsync(ct);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
