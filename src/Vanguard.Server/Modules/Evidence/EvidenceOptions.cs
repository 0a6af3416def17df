using System.ComponentModel.DataAnnotations;

namespace Vanguard.Server.Modules.Evidence;

/// <summary>The <c>Vanguard:Evidence</c> configuration section (docs/evidence.md).</summary>
public sealed class EvidenceOptions : IValidatableObject
{
    public const string Section = "Vanguard:Evidence";

    /// <summary>Where blobs live: the local folder (default) or an S3-compatible object store shared by every node.</summary>
    public EvidenceStoreKind Store { get; set; } = EvidenceStoreKind.Local;

    /// <summary>The object store, when <see cref="Store"/> is <see cref="EvidenceStoreKind.S3"/>.</summary>
    public S3StoreOptions S3 { get; set; } = new();

    /// <summary>Months a standard recording is kept after it ends (or is uploaded, if later); never fewer than six.</summary>
    [Range(6, 1200)]
    public int RetentionMonths { get; set; } = 6;

    /// <summary>Hour of the day (China time) when the daily retention run starts.</summary>
    [Range(0, 23)]
    public int RetentionHour { get; set; } = 2;

    /// <summary>How often every blob is re-hashed; each run re-hashes the items not verified within this interval.</summary>
    [Range(1, 24 * 365)]
    public int IntegrityIntervalHours { get; set; } = 24 * 7;

    /// <summary>Blob root; default <c>&lt;DataDirectory&gt;/evidence</c>. Blobs live under <c>sha256/ab/cd/&lt;hash&gt;</c>.</summary>
    public string? StorageDirectory { get; set; }

    /// <summary>Where unfinished uploads are written; default <c>&lt;DataDirectory&gt;/evidence/uploads</c>. Must be shared when several nodes take uploads.</summary>
    public string? TempDirectory { get; set; }

    /// <summary>Largest file accepted (Tus-Max-Size); default 8 GiB.</summary>
    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 8L * 1024 * 1024 * 1024;

    /// <summary>An unfinished upload untouched for this long is removed (Upload-Expires).</summary>
    [Range(1, 24 * 90)]
    public int UploadExpiryHours { get; set; } = 72;

    /// <summary>ffprobe executable (name on PATH or full path); missing means no duration, no thumbnails, said so on the item.</summary>
    public string FfprobePath { get; set; } = "ffprobe";

    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>Origins allowed to upload from a browser (CORS); empty means any origin (uploads carry a token, not a cookie).</summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>Run the retention and integrity jobs on their schedule; off, they run only when an administrator asks.</summary>
    public bool ScheduleJobs { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Store != EvidenceStoreKind.S3)
        {
            yield break;
        }

        var prefix = Section + ":S3:";
        if (string.IsNullOrWhiteSpace(S3.Bucket))
        {
            yield return new ValidationResult(
                $"证据存储为 S3 时必须设置 {prefix}Bucket / {prefix}Bucket is required when {Section}:Store is S3.", [nameof(S3)]);
        }

        if (string.IsNullOrWhiteSpace(S3.ServiceUrl) && string.IsNullOrWhiteSpace(S3.Region))
        {
            yield return new ValidationResult(
                $"证据存储为 S3 时必须设置 {prefix}ServiceUrl（S3 兼容服务的地址）或 {prefix}Region（AWS） / "
                + $"{prefix}ServiceUrl (an S3-compatible server) or {prefix}Region (AWS) is required when {Section}:Store is S3.", [nameof(S3)]);
        }

        if (!string.IsNullOrWhiteSpace(S3.ServiceUrl) && !Uri.TryCreate(S3.ServiceUrl, UriKind.Absolute, out _))
        {
            yield return new ValidationResult(
                $"{prefix}ServiceUrl 不是有效的地址：{S3.ServiceUrl} / {prefix}ServiceUrl is not an absolute URL: {S3.ServiceUrl}", [nameof(S3)]);
        }

        if (string.IsNullOrEmpty(S3.AccessKey) != string.IsNullOrEmpty(S3.SecretKey))
        {
            yield return new ValidationResult(
                $"{prefix}AccessKey 与 {prefix}SecretKey 须同时设置（或都不设置，使用 AWS 默认凭据） / "
                + $"set both {prefix}AccessKey and {prefix}SecretKey, or neither (the AWS default credentials).", [nameof(S3)]);
        }

        if (S3.Prefix is { Length: > 0 } p && (p.StartsWith('/') || !p.EndsWith('/')))
        {
            yield return new ValidationResult(
                $"{prefix}Prefix 须以 / 结尾且不以 / 开头，如 vanguard/ / {prefix}Prefix must end with / and not start with one, e.g. vanguard/", [nameof(S3)]);
        }
    }
}

public enum EvidenceStoreKind
{
    Local,
    S3,
}

/// <summary><c>Vanguard:Evidence:S3</c>: an S3-compatible object store (AWS S3, MinIO, Ceph RGW, a cloud's OSS with its S3 API).</summary>
public sealed class S3StoreOptions
{
    /// <summary>The server's URL for an S3-compatible store (e.g. <c>http://minio:9000</c>); empty for AWS itself (then <see cref="Region"/>).</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>AWS region (e.g. <c>cn-north-1</c>); with a <see cref="ServiceUrl"/> it is the signing region, <c>us-east-1</c> if empty.</summary>
    public string? Region { get; set; }

    public string? Bucket { get; set; }

    /// <summary>Empty together with <see cref="SecretKey"/>: the AWS default credential chain (environment, instance role).</summary>
    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary><c>http://server/bucket/key</c> rather than <c>http://bucket.server/key</c>: what most self-hosted servers need.</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>Key prefix inside the bucket, ending with <c>/</c> (e.g. <c>vanguard/</c>); empty for the bucket's root.</summary>
    public string Prefix { get; set; } = string.Empty;
}
