using System.Security.Cryptography;
using System.Text;

namespace Vanguard.Server.Modules.Organisation.Auth;

/// <summary>
/// Device API keys: 32 random bytes, shown once, stored as SHA-256. A key has full entropy, so a fast hash is
/// enough (no password stretching needed) and lets every request be checked with one index look-up.
/// </summary>
internal static class DeviceKeys
{
    public const string Prefix = "vgk_";

    public static string NewKey() => Prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string Display(string key) => key[..Math.Min(12, key.Length)];

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
