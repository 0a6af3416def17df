using System.Security.Cryptography;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Evidence.Contracts;

namespace Vanguard.Server.Modules.Evidence.Storage;

/// <summary>Picks the content store of an area to match the evidence store (<c>Vanguard:Evidence:Store</c>).</summary>
internal static class ContentStores
{
    /// <summary>Local folders of the areas, relative to the data directory: where they were before there was a choice.</summary>
    private static readonly Dictionary<string, string> LocalFolders = new(StringComparer.Ordinal)
    {
        [ContentAreas.OffsiteImages] = Path.Combine("offsite", "images"),
    };

    public static IContentStore Create(IServiceProvider services, string area) =>
        services.GetRequiredService<IOptions<EvidenceOptions>>().Value.Store == EvidenceStoreKind.S3
            ? new S3ContentStore(services.GetRequiredService<S3Connection>(), area)
            : new LocalContentStore(Path.Combine(DataDirectory.Resolve(services.GetRequiredService<IConfiguration>()), LocalFolders[area]));
}

/// <summary>
/// <c>&lt;root&gt;/ab/cd/&lt;hash&gt;</c>, written to a temporary file beside it, flushed, then renamed: a crash or a full disk
/// never leaves half a file under its hash, and a failed write leaves no temporary file behind.
/// </summary>
internal sealed class LocalContentStore(string root) : IContentStore
{
    public async Task<bool> PutAsync(string sha256, ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        if (Convert.ToHexStringLower(SHA256.HashData(bytes.Span)) != sha256)
        {
            return false;
        }

        var path = PathOf(sha256);
        if (File.Exists(path))
        {
            return true;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await file.WriteAsync(bytes, ct);
                file.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        return true;
    }

    public Task<Stream?> OpenReadAsync(string sha256, CancellationToken ct) =>
        Task.FromResult<Stream?>(File.Exists(PathOf(sha256))
            ? new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous)
            : null);

    public Task<bool> ExistsAsync(string sha256, CancellationToken ct) => Task.FromResult(File.Exists(PathOf(sha256)));

    public string? LocalPath(string sha256) => PathOf(sha256);

    private string PathOf(string sha256) => Sha256Hex.IsValid(sha256)
        ? Path.Combine(root, sha256[..2], sha256[2..4], sha256)
        : throw new ArgumentException("Not a lower-case hex SHA-256.", nameof(sha256));
}

/// <summary><c>&lt;prefix&gt;&lt;area&gt;/ab/cd/&lt;hash&gt;</c> in the evidence bucket; a PUT is visible whole or not at all.</summary>
internal sealed class S3ContentStore(S3Connection s3, string area) : IContentStore
{
    public async Task<bool> PutAsync(string sha256, ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        if (Convert.ToHexStringLower(SHA256.HashData(bytes.Span)) != sha256)
        {
            return false;
        }

        var key = s3.KeyOf(area, sha256);
        if (await s3.LengthAsync(key, ct) is not null)
        {
            return true;
        }

        await using var body = new MemoryStream(bytes.ToArray(), writable: false);
        await s3.Client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = s3.Bucket, Key = key, InputStream = body, ContentType = "application/octet-stream", UseChunkEncoding = false,
        }, ct);
        return true;
    }

    public async Task<Stream?> OpenReadAsync(string sha256, CancellationToken ct)
    {
        var key = s3.KeyOf(area, sha256);
        return await s3.LengthAsync(key, ct) is { } length ? new S3ReadStream(s3.Client, s3.Bucket, key, length) : null;
    }

    public async Task<bool> ExistsAsync(string sha256, CancellationToken ct) => await s3.LengthAsync(s3.KeyOf(area, sha256), ct) is not null;

    public string? LocalPath(string sha256) => null;
}
