using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace Vanguard.Server.Modules.Evidence.Storage;

/// <summary>
/// The one S3 client of the process (thread-safe, keeps its connections) and the bucket and prefix every key lives under:
/// evidence blobs under <c>&lt;prefix&gt;sha256/</c>, other content stores under <c>&lt;prefix&gt;&lt;area&gt;/</c>.
/// </summary>
internal sealed class S3Connection : IDisposable
{
    public S3Connection(IOptions<EvidenceOptions> options)
    {
        var s3 = options.Value.S3;
        Bucket = s3.Bucket!;
        Prefix = s3.Prefix;
        var config = new AmazonS3Config
        {
            ForcePathStyle = s3.ForcePathStyle,
            // SDK v4 adds CRC checksums to every upload (aws-chunked bodies with trailers) and checks them on download;
            // MinIO versions, Ceph and s3rver refuse or ignore those. Blobs are verified by their SHA-256 name instead.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (s3.ServiceUrl is { Length: > 0 } url)
        {
            config.ServiceURL = url;
            config.AuthenticationRegion = s3.Region is { Length: > 0 } region ? region : "us-east-1";
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(s3.Region);
        }

        Client = s3.AccessKey is { Length: > 0 }
            ? new AmazonS3Client(new BasicAWSCredentials(s3.AccessKey, s3.SecretKey), config)
            : new AmazonS3Client(config);
    }

    public IAmazonS3 Client { get; }

    public string Bucket { get; }

    public string Prefix { get; }

    /// <summary>Content-addressed key: <c>&lt;prefix&gt;&lt;area&gt;/ab/cd/&lt;hash&gt;</c>.</summary>
    public string KeyOf(string area, string sha256)
    {
        if (!Sha256Hex.IsValid(sha256))
        {
            throw new ArgumentException("Not a lower-case hex SHA-256.", nameof(sha256));
        }

        return $"{Prefix}{area}/{sha256[..2]}/{sha256[2..4]}/{sha256}";
    }

    /// <summary>The object's length by HEAD, or null when there is none.</summary>
    public async Task<long?> LengthAsync(string key, CancellationToken ct)
    {
        try
        {
            var head = await Client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = Bucket, Key = key }, ct);
            return head.ContentLength;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Above this a file goes up in parts (a single PUT stops at 5 GiB; recordings reach 8).</summary>
    public long MultipartThreshold { get; init; } = 64L << 20;

    /// <summary>S3's smallest part is 5 MiB (except the last).</summary>
    public long PartSize { get; init; } = 64L << 20;

    /// <summary>
    /// Uploads a file as the object <paramref name="key"/>, which becomes visible only when the PUT or the multipart
    /// upload completes. Bodies are signed whole, never sent as aws-chunked: simple S3-compatible servers would store
    /// the chunk signatures as content (which is also why the SDK's TransferUtility is not used).
    /// </summary>
    public async Task UploadFileAsync(string key, string path, CancellationToken ct)
    {
        var length = new FileInfo(path).Length;
        if (length <= MultipartThreshold)
        {
            await Client.PutObjectAsync(new PutObjectRequest
            {
                BucketName = Bucket, Key = key, FilePath = path, ContentType = "application/octet-stream", UseChunkEncoding = false,
            }, ct);
            return;
        }

        var upload = await Client.InitiateMultipartUploadAsync(
            new InitiateMultipartUploadRequest { BucketName = Bucket, Key = key, ContentType = "application/octet-stream" }, ct);
        try
        {
            var parts = new List<PartETag>();
            var number = 1;
            for (long offset = 0; offset < length; offset += PartSize, number++)
            {
                var part = await Client.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = Bucket, Key = key, UploadId = upload.UploadId, PartNumber = number, FilePath = path, FilePosition = offset,
                    PartSize = Math.Min(PartSize, length - offset), UseChunkEncoding = false,
                }, ct);
                parts.Add(new PartETag(number, part.ETag));
            }

            await Client.CompleteMultipartUploadAsync(
                new CompleteMultipartUploadRequest { BucketName = Bucket, Key = key, UploadId = upload.UploadId, PartETags = parts }, ct);
        }
        catch
        {
            await Client.AbortMultipartUploadAsync(
                new AbortMultipartUploadRequest { BucketName = Bucket, Key = key, UploadId = upload.UploadId }, CancellationToken.None);
            throw;
        }
    }

    public void Dispose() => Client.Dispose();
}
