using System.Security.Cryptography;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;
using Vanguard.Server.Data;

namespace Vanguard.Server.Modules.Evidence.Storage;

/// <summary>
/// Blobs in an S3-compatible bucket: <c>&lt;prefix&gt;sha256/ab/cd/&lt;hash&gt;</c>, shared by every node. A blob appears
/// whole or not at all: the bytes are hashed on this node before the upload starts, and S3 makes an object visible
/// only when its PUT (or the last part of a multipart upload) completes — so a mismatch never creates an object and a
/// node killed mid-upload leaves none (an unfinished multipart upload is invisible; a bucket lifecycle rule removes it).
/// </summary>
internal sealed class S3EvidenceStore : IEvidenceStore
{
    public const string Area = "sha256";
    private const int BufferSize = 1 << 20;
    private readonly S3Connection _s3;
    private readonly string _spool;

    public S3EvidenceStore(S3Connection s3, IConfiguration configuration)
    {
        _s3 = s3;
        // Streams are spooled to a local file first: their hash must be known before anything is sent.
        _spool = Path.Combine(DataDirectory.Resolve(configuration), "evidence", "tmp");
        Directory.CreateDirectory(_spool);
    }

    public async Task<bool> PutFileAsync(string sha256, string path, CancellationToken ct)
    {
        try
        {
            var key = _s3.KeyOf(Area, sha256);
            if (await _s3.LengthAsync(key, ct) is not null)
            {
                return false;
            }

            if (await HashOfFileAsync(path, ct) != sha256)
            {
                throw new InvalidDataException($"The file for blob {sha256} does not hash to its name; nothing was stored.");
            }

            await _s3.UploadFileAsync(key, path, ct);
            return true;
        }
        finally
        {
            File.Delete(path);
        }
    }

    public async Task<bool> PutAsync(string sha256, Stream content, CancellationToken ct)
    {
        var key = _s3.KeyOf(Area, sha256);
        var spooled = Path.Combine(_spool, $"{sha256}.{Guid.NewGuid():N}");
        try
        {
            if (await HashingCopy.ToNewFileAsync(content, spooled, flushToDisk: false, ct) != sha256)
            {
                return false;
            }

            if (await _s3.LengthAsync(key, ct) is null)
            {
                await _s3.UploadFileAsync(key, spooled, ct);
            }

            return true;
        }
        finally
        {
            File.Delete(spooled);
        }
    }

    public Task<long?> LengthAsync(string sha256, CancellationToken ct) => _s3.LengthAsync(_s3.KeyOf(Area, sha256), ct);

    public async Task<Stream?> OpenReadAsync(string sha256, CancellationToken ct)
    {
        var key = _s3.KeyOf(Area, sha256);
        return await _s3.LengthAsync(key, ct) is { } length ? new S3ReadStream(_s3.Client, _s3.Bucket, key, length) : null;
    }

    public async Task<bool> DeleteAsync(string sha256, CancellationToken ct)
    {
        var key = _s3.KeyOf(Area, sha256);
        if (await _s3.LengthAsync(key, ct) is null)
        {
            return false;
        }

        await _s3.Client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = _s3.Bucket, Key = key }, ct);
        return true;
    }

    public string? LocalPath(string sha256) => null;

    private static async Task<string> HashOfFileAsync(string path, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
    }
}
