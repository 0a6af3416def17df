using System.Buffers;
using System.Security.Cryptography;

namespace Vanguard.Server.Modules.Evidence.Storage;

/// <summary>Copies a stream into a new file while hashing it, so a blob's name is checked in the same pass that writes it.</summary>
internal static class HashingCopy
{
    private const int BufferSize = 1 << 20;

    /// <summary>Writes <paramref name="content"/> to the new file <paramref name="path"/>; returns its lower-case hex SHA-256.</summary>
    /// <param name="flushToDisk">fsync before returning (the local store renames the file into place next; ADR 0007).</param>
    public static async Task<string> ToNewFileAsync(Stream content, string path, bool flushToDisk, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0, FileOptions.Asynchronous);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), ct)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (flushToDisk)
        {
            file.Flush(flushToDisk: true);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
