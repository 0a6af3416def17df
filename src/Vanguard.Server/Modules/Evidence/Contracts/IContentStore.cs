namespace Vanguard.Server.Modules.Evidence.Contracts;

/// <summary>
/// Small content-addressed files of another module (the off-site stations' vehicle photos) kept where the evidence
/// blobs are: the local folder they always used, or the S3 bucket every node shares (<c>&lt;prefix&gt;&lt;area&gt;/ab/cd/&lt;hash&gt;</c>).
/// Resolve it by its area: <c>[FromKeyedServices(ContentAreas.OffsiteImages)] IContentStore</c>.
/// </summary>
public interface IContentStore
{
    /// <summary>Stores <paramref name="bytes"/> under their SHA-256; refused (false) when they do not hash to it. Existing content is kept.</summary>
    Task<bool> PutAsync(string sha256, ReadOnlyMemory<byte> bytes, CancellationToken ct);

    /// <summary>The content, or null when there is none.</summary>
    Task<Stream?> OpenReadAsync(string sha256, CancellationToken ct);

    Task<bool> ExistsAsync(string sha256, CancellationToken ct);

    /// <summary>Where the content is on this node's file system, when the store is the local folder; null for S3.</summary>
    string? LocalPath(string sha256);
}

public static class ContentAreas
{
    /// <summary>WIM and camera photos: locally <c>&lt;DataDirectory&gt;/offsite/images</c>, in S3 <c>offsite-images/</c>.</summary>
    public const string OffsiteImages = "offsite-images";
}
