namespace Vanguard.Server.Modules.Evidence.Storage;

/// <summary>
/// Content-addressed blob storage for evidence files: a blob is named by the lower-case hex SHA-256 of its bytes, so the
/// same content is stored once and a blob that no longer matches its name has been altered. Implementations: the local
/// folder (<see cref="LocalEvidenceStore"/>); an S3-compatible store comes later.
/// </summary>
public interface IEvidenceStore
{
    /// <summary>
    /// Takes a finished, verified file and makes it the blob <paramref name="sha256"/>: the caller's file is consumed
    /// (moved or deleted). A blob that already exists is kept as it is and the file is dropped (deduplication).
    /// Returns true when a new blob was written.
    /// </summary>
    Task<bool> PutFileAsync(string sha256, string path, CancellationToken ct);

    /// <summary>Writes a blob from a stream, verifying the stream's SHA-256 against <paramref name="sha256"/>; false on mismatch.</summary>
    Task<bool> PutAsync(string sha256, Stream content, CancellationToken ct);

    /// <summary>Length of the blob, or null when it does not exist.</summary>
    Task<long?> LengthAsync(string sha256, CancellationToken ct);

    /// <summary>Opens the blob for reading; the stream is seekable so HTTP range requests can be served. Null when missing.</summary>
    Task<Stream?> OpenReadAsync(string sha256, CancellationToken ct);

    /// <summary>Removes the blob; false when it was not there.</summary>
    Task<bool> DeleteAsync(string sha256, CancellationToken ct);

    /// <summary>A path ffmpeg can read, when the store keeps blobs on a local file system; null otherwise.</summary>
    string? LocalPath(string sha256);
}

public static class Sha256Hex
{
    public static bool IsValid(string? value) =>
        value is { Length: 64 } && value.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    public static string? Normalise(string? value) => value?.Trim().ToLowerInvariant() is { } v && IsValid(v) ? v : null;
}
