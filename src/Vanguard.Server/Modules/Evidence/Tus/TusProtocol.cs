using System.Globalization;
using System.Text;

namespace Vanguard.Server.Modules.Evidence.Tus;

/// <summary>The tus 1.0.0 resumable upload protocol (https://tus.io/protocols/resumable-upload): names and parsing.</summary>
internal static class TusProtocol
{
    public const string Version = "1.0.0";
    public const string Extensions = "creation,checksum,termination,expiration";
    public const string ChecksumAlgorithms = "sha1,sha256";
    public const string OffsetOctetStream = "application/offset+octet-stream";

    public const string TusResumable = "Tus-Resumable";
    public const string TusVersion = "Tus-Version";
    public const string TusExtension = "Tus-Extension";
    public const string TusMaxSize = "Tus-Max-Size";
    public const string TusChecksumAlgorithm = "Tus-Checksum-Algorithm";
    public const string UploadLength = "Upload-Length";
    public const string UploadDeferLength = "Upload-Defer-Length";
    public const string UploadOffset = "Upload-Offset";
    public const string UploadMetadata = "Upload-Metadata";
    public const string UploadChecksum = "Upload-Checksum";
    public const string UploadExpires = "Upload-Expires";
    public const string UploadConcat = "Upload-Concat";

    /// <summary>Our own header: the evidence item the finished upload became.</summary>
    public const string EvidenceId = "Evidence-Id";

    /// <summary>tus's status for a chunk whose Upload-Checksum does not match its bytes.</summary>
    public const int ChecksumMismatch = 460;

    /// <summary>Headers a browser client may send (CORS preflight).</summary>
    public static readonly string[] RequestHeaders =
    [
        "Authorization", "Content-Type", "X-Device-Key", "X-Requested-With", "X-HTTP-Method-Override", "Accept-Language",
        TusResumable, UploadLength, UploadDeferLength, UploadOffset, UploadMetadata, UploadChecksum, UploadConcat,
    ];

    /// <summary>Headers a browser client must be able to read (CORS).</summary>
    public static readonly string[] ResponseHeaders =
    [
        "Location", TusResumable, TusVersion, TusExtension, TusMaxSize, TusChecksumAlgorithm,
        UploadLength, UploadOffset, UploadMetadata, UploadExpires, EvidenceId,
    ];

    public static readonly string[] Methods = ["POST", "HEAD", "PATCH", "DELETE", "OPTIONS"];

    /// <summary>Parses <c>key base64,key2 base64,key3</c>; null when malformed (bad base64, duplicate or empty key).</summary>
    public static Dictionary<string, string>? ParseMetadata(string? header)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(header))
        {
            return result;
        }

        foreach (var pair in header.Split(','))
        {
            var parts = pair.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length is 0 or > 2 || result.ContainsKey(parts[0]))
            {
                return null;
            }

            string value;
            try
            {
                value = parts.Length == 2 ? Encoding.UTF8.GetString(Convert.FromBase64String(parts[1])) : string.Empty;
            }
            catch (FormatException)
            {
                return null;
            }

            result[parts[0]] = value;
        }

        return result;
    }

    /// <summary>Parses <c>Upload-Checksum: sha256 &lt;base64&gt;</c>.</summary>
    public static (string Algorithm, byte[] Digest)? ParseChecksum(string header)
    {
        var parts = header.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2)
        {
            return null;
        }

        try
        {
            return (parts[0].ToLowerInvariant(), Convert.FromBase64String(parts[1]));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static bool TryParseLength(string? value, out long length) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out length) && length >= 0;

    public static string HttpDate(DateTimeOffset at) => at.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);
}
