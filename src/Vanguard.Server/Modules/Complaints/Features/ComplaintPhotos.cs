using Vanguard.Domain.Common;

namespace Vanguard.Server.Modules.Complaints.Features;

/// <summary>A photo the complainant hands in, as read from the form.</summary>
public sealed record IncomingPhoto(string FileName, byte[] Content);

/// <summary>
/// What a complaint takes as photos: at most <see cref="MaxCount"/>, JPEG or PNG by their first bytes (not by the name or
/// the type the browser claims), each at most <see cref="MaxBytes"/>.
/// </summary>
public static class ComplaintPhotos
{
    public const int MaxCount = 3;

    public const long MaxBytes = 5 * 1024 * 1024;

    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary><c>image/jpeg</c>, <c>image/png</c>, or null for anything else.</summary>
    public static string? MediaType(ReadOnlySpan<byte> content) =>
        content.StartsWith(Jpeg) ? "image/jpeg" : content.StartsWith(Png) ? "image/png" : null;

    public static Error? Check(IReadOnlyList<IncomingPhoto> photos)
    {
        var check = new Validator()
            .Check(photos.Count <= MaxCount, "photos", "too_many", $"照片最多 {MaxCount} 张。", $"At most {MaxCount} photos.");
        for (var i = 0; i < photos.Count; i++)
        {
            var content = photos[i].Content;
            check.Check(content.Length <= MaxBytes, $"photos[{i}]", "too_large", "每张照片不超过 5 MB。", "Each photo must be at most 5 MB.")
                .Check(content.Length == 0 || MediaType(content) is not null, $"photos[{i}]", "not_image", "照片须为 JPG 或 PNG 图片。", "A photo must be a JPEG or PNG image.")
                .Check(content.Length > 0, $"photos[{i}]", "empty", "照片文件为空。", "The photo is empty.");
        }

        return check.IsValid ? null : check.ToError();
    }
}
