using Vanguard.Server.Data;
using Vanguard.Server.Modules.Evidence.Contracts;

namespace Vanguard.Server.Modules.Offsite.Ingest;

/// <summary>
/// Vehicle photos sent inline with detections, stored by content in the evidence module's store
/// (<see cref="ContentAreas.OffsiteImages"/>): locally <c>data/offsite/images/ab/cd/&lt;sha256&gt;</c> as always, or the S3
/// bucket the nodes share. A photo appears whole or not at all in either.
/// </summary>
internal sealed class ImageStore([FromKeyedServices(ContentAreas.OffsiteImages)] IContentStore store, IConfiguration configuration)
{
    /// <summary>
    /// Photos in S3 are copied here on first use, because the pages and case documents read a file; a node's copy is
    /// only a cache (content-addressed, never changes) and may be deleted at any time.
    /// </summary>
    private readonly string _cache = Path.Combine(DataDirectory.Resolve(configuration), "offsite", "image-cache");

    public async Task PutAsync(string sha256, byte[] bytes, CancellationToken ct)
    {
        if (!await store.PutAsync(sha256.ToLowerInvariant(), bytes, ct))
        {
            throw new InvalidOperationException($"Photo bytes do not hash to {sha256}; the ingest checks this before storing.");
        }
    }

    /// <summary>A local file with the photo, or null when the platform does not have it.</summary>
    public string? Find(string sha256)
    {
        if (store.LocalPath(sha256) is { } local)
        {
            return File.Exists(local) ? local : null;
        }

        var cached = Path.Combine(_cache, sha256[..2], sha256[2..4], sha256);
        // The callers are synchronous; a photo is a few hundred kilobytes and is fetched once per node.
        return File.Exists(cached) ? cached : CopyToCacheAsync(sha256, cached, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>The image type a stored file starts with (JPEG, PNG, GIF, WebP); JPEG, what stations send, otherwise.</summary>
    public static async Task<string> ContentTypeAsync(string path, CancellationToken ct)
    {
        var head = new byte[12];
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous);
        var read = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        return ContentType(head.AsSpan(0, read));
    }

    public static string ContentType(ReadOnlySpan<byte> head) => head switch
    {
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "image/png",
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', ..] => "image/gif",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "image/webp",
        _ => "image/jpeg",
    };

    private async Task<string?> CopyToCacheAsync(string sha256, string cached, CancellationToken ct)
    {
        await using var source = await store.OpenReadAsync(sha256, ct).ConfigureAwait(false);
        if (source is null)
        {
            return null;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(cached)!);
        var temp = cached + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await source.CopyToAsync(file, ct).ConfigureAwait(false);
            }

            File.Move(temp, cached, overwrite: true);
            return cached;
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
