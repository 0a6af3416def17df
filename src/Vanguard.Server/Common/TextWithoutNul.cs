using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vanguard.Server.Common;

/// <summary>
/// Reads JSON strings and refuses one with a NUL character (<c>\u0000</c>): no text the platform stores has one, and
/// PostgreSQL cannot store it at all (22021), so it would fail deep in a handler as a 500 instead of a 400 here.
/// </summary>
public sealed class TextWithoutNul : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        if (value is not null && value.Contains('\0', StringComparison.Ordinal))
        {
            throw new JsonException("A string contains a NUL character (\\u0000).");
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
