using System.Security.Cryptography;
using Vanguard.Devices.Client;

namespace Vanguard.Devices.Traffic;

/// <summary>How pictures travel: not at all, as a hash only (the device keeps the file), or inline as base64.</summary>
internal enum ImageMode
{
    None,
    Hash,
    Inline,
}

/// <summary>Tiny JPEG-looking blobs (SOI, JFIF header, noise, EOI): enough to hash and to upload, not to look at.</summary>
internal static class FakeImages
{
    public const string ContentType = "image/jpeg";

    private static readonly byte[] Header = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00];

    public static ImageRef? Make(string kind, ImageMode mode, Random rng)
    {
        if (mode == ImageMode.None)
        {
            return null;
        }

        var bytes = new byte[Header.Length + rng.Next(200, 600) + 2];
        Header.CopyTo(bytes, 0);
        rng.NextBytes(bytes.AsSpan(Header.Length, bytes.Length - Header.Length - 2));
        bytes[^2] = 0xFF;
        bytes[^1] = 0xD9;
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return new ImageRef(kind, sha, ContentType, mode == ImageMode.Inline ? Convert.ToBase64String(bytes) : null);
    }
}
