using Vanguard.Domain.Common;

namespace Vanguard.Server.Modules.Terminal.Records.Features;

/// <summary>
/// Photos and signatures arrive as data URLs (<c>data:image/jpeg;base64,…</c>). The declared type must be one we take
/// and must match the file's own magic bytes: a renamed PDF or an SVG (script) never becomes evidence.
/// </summary>
internal static class ImageDataUrl
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";

    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public sealed record Image(byte[] Bytes, string MediaType)
    {
        public string Extension => MediaType == Png ? "png" : "jpg";
    }

    /// <summary>Decodes the data URL, or adds what is wrong with it to <paramref name="check"/> under <paramref name="field"/>.</summary>
    public static Image? Parse(Validator check, string field, string? dataUrl, IReadOnlyCollection<string> allowed, int maxBytes)
    {
        var names = string.Join(" / ", allowed);
        if (string.IsNullOrWhiteSpace(dataUrl))
        {
            check.Add(field, "required", "图片不能为空。", "The image is required.");
            return null;
        }

        var comma = dataUrl.IndexOf(',', StringComparison.Ordinal);
        var header = comma > 0 ? dataUrl[..comma] : string.Empty;
        const string prefix = "data:";
        const string suffix = ";base64";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || !header.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
        {
            check.Add(field, "not_a_data_url", $"图片须为 base64 编码的 data URL（{names}）。", $"The image must be a base64 data URL ({names}).");
            return null;
        }

        var declared = header[prefix.Length..^suffix.Length].Trim().ToLowerInvariant();
        if (!allowed.Contains(declared))
        {
            check.Add(field, "unsupported_type", $"只接受 {names} 图片。", $"Only {names} images are accepted.");
            return null;
        }

        var encoded = dataUrl.AsSpan(comma + 1);
        // Decoded size is at most 3/4 of the encoded length: refuse what is surely too large before decoding it.
        if ((long)encoded.Length / 4 * 3 > maxBytes + 3L)
        {
            check.Add(field, "too_large", $"图片不能超过 {maxBytes / 1024} KB。", $"The image must be at most {maxBytes / 1024} KB.");
            return null;
        }

        var bytes = new byte[encoded.Length / 4 * 3 + 3];
        if (!Convert.TryFromBase64Chars(encoded, bytes, out var length))
        {
            check.Add(field, "invalid_base64", "图片的 base64 编码有误。", "The image's base64 encoding is invalid.");
            return null;
        }

        if (length > maxBytes)
        {
            check.Add(field, "too_large", $"图片不能超过 {maxBytes / 1024} KB。", $"The image must be at most {maxBytes / 1024} KB.");
            return null;
        }

        var content = bytes.AsSpan(0, length);
        var actual = content.StartsWith(JpegMagic) ? Jpeg : content.StartsWith(PngMagic) ? Png : null;
        if (actual != declared)
        {
            check.Add(field, "not_an_image", $"文件内容不是声明的 {declared} 图片。", $"The content is not the {declared} image it claims to be.");
            return null;
        }

        return new Image(content.ToArray(), actual);
    }
}
