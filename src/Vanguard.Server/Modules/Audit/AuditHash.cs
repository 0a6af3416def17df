using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Vanguard.Server.Modules.Audit.Data;

namespace Vanguard.Server.Modules.Audit;

/// <summary>How an entry's hash is computed. Changing this breaks every existing chain: it is versioned by the "v1" prefix.</summary>
internal static class AuditHash
{
    public static string Compute(AuditEntry e, string? previousHash)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        Append(buffer, "vanguard-audit-v1");
        Append(buffer, previousHash ?? string.Empty);
        Append(buffer, e.Sequence!.Value.ToString(CultureInfo.InvariantCulture));
        Append(buffer, e.At.UtcTicks.ToString(CultureInfo.InvariantCulture));
        Append(buffer, e.ActorKind);
        Append(buffer, e.ActorId);
        Append(buffer, e.ActorName);
        Append(buffer, e.AgencyId?.ToString("N") ?? string.Empty);
        Append(buffer, e.Action);
        Append(buffer, e.TargetType);
        Append(buffer, e.TargetId);
        Append(buffer, e.PayloadDigest);
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    public static string DigestOf(object? payload) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(payload, JsonOptions)));

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    // Length-prefixed fields: no separator inside a value can make two different entries hash alike.
    private static void Append(ArrayBufferWriter<byte> buffer, string value)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        var span = buffer.GetSpan(count + 4);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(span, count);
        Encoding.UTF8.GetBytes(value, span[4..]);
        buffer.Advance(count + 4);
    }
}
