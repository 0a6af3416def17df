using Vanguard.Server.Data;

namespace Vanguard.Server.Modules.Offsite.Ingest;

/// <summary>
/// Vehicle photos sent inline with detections, stored by content (<c>data/offsite/images/ab/cd/&lt;sha256&gt;</c>):
/// written to a temporary file, flushed to disk, then renamed, so a crash never leaves half a photo under its hash.
/// </summary>
internal sealed class ImageStore(IConfiguration configuration)
{
    private readonly string _root = Path.Combine(DataDirectory.Resolve(configuration), "offsite", "images");

    public async Task PutAsync(string sha256, byte[] bytes, CancellationToken ct)
    {
        var path = PathOf(sha256);
        if (File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
        {
            await file.WriteAsync(bytes, ct);
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }

    public string? Find(string sha256) => File.Exists(PathOf(sha256)) ? PathOf(sha256) : null;

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

    private string PathOf(string sha256) => Path.Combine(_root, sha256[..2], sha256[2..4], sha256);
}
