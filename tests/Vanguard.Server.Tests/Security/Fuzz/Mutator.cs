using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vanguard.Server.Tests.Security.Fuzz;

/// <summary>One request the fuzzer sends, with the name of the mutation that made it (for the failure message).</summary>
public sealed record FuzzRequest(string Mutation, string Method, string Url, byte[]? Body, string? ContentType, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>Sent without Content-Length (chunked), so the server finds the size while reading.</summary>
    public bool Chunked { get; init; }

    public string Describe()
    {
        var text = new StringBuilder().Append(Method).Append(' ').Append(Url.Length > 300 ? Url[..300] + $"… ({Url.Length} chars)" : Url).AppendLine();
        foreach (var (name, value) in Headers)
        {
            text.Append(name).Append(": ").AppendLine(value.Length > 200 ? value[..200] + "…" : value);
        }

        if (ContentType is not null)
        {
            text.Append("Content-Type: ").AppendLine(ContentType);
        }

        if (Body is { } body)
        {
            var shown = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 600));
            text.Append(Chunked ? "(chunked) " : string.Empty).Append(body.Length).Append(" bytes: ").Append(shown).Append(body.Length > 600 ? "…" : string.Empty);
        }

        return text.ToString();
    }
}

/// <summary>
/// Makes a target's mutations. Every choice comes from the <see cref="Random"/> it is given, so a seed and an iteration
/// replay the same request.
/// </summary>
internal static class Mutator
{
    private const string Placeholder = "__vanguard_fuzz__";

    private static readonly UTF8Encoding Utf8 = new(false);

    /// <param name="iteration">0 sends the example as it is: the fuzzer's own check that the example is valid.</param>
    public static FuzzRequest Next(Random rng, FuzzTarget target, int iteration, FuzzState state)
    {
        var route = new Dictionary<string, string>(target.Route);
        var query = target.Query.Select(q => (q.Key, q.Value)).ToList();
        var headers = new Dictionary<string, string>(target.Headers, StringComparer.OrdinalIgnoreCase);
        state.AddCallerHeaders(target, headers);
        if (target.UniqueIds.Length > 0 && iteration > 0)
        {
            target = target with { Json = WithUniqueIds(target.Json!, target.UniqueIds, iteration) };
        }

        var (body, contentType) = ValidBody(target, state);
        var mutation = "valid";
        if (iteration > 0)
        {
            var kinds = Applicable(target, route);
            mutation = rng.Pick(kinds);
            switch (mutation)
            {
                case "route":
                    var name = rng.Pick(route.Keys.ToList());
                    route[name] = rng.Next(6) == 0 ? new string('a', 10_000) : rng.Pick(FuzzInputs.RouteValues);
                    break;
                case "query":
                    for (var n = rng.Next(1, 4); n > 0; n--)
                    {
                        var key = query.Count > 0 && rng.Next(2) == 0 ? query[rng.Next(query.Count)].Key : rng.Pick(FuzzInputs.QueryNames);
                        var value = rng.Next(8) == 0 ? new string('9', 5_000) : rng.Pick(FuzzInputs.QueryValues);
                        if (rng.Next(3) == 0)
                        {
                            query.Add((key, value)); // the same name twice
                        }
                        else
                        {
                            query.RemoveAll(q => q.Key == key);
                            query.Add((key, value));
                        }
                    }

                    break;
                case "header":
                    MutateHeaders(rng, target, headers);
                    break;
                case "content-type":
                    contentType = rng.Next(6) == 0 ? null : rng.Pick(FuzzInputs.WrongContentTypes);
                    break;
                case "empty-body":
                    body = rng.Next(2) == 0 ? [] : null;
                    break;
                case "invalid-utf8":
                    body = InsertInvalidUtf8(rng, body!);
                    break;
                case "truncated":
                    body = body![..rng.Next(body!.Length)];
                    break;
                case "unbalanced":
                    body = Utf8.GetBytes(rng.Next(4) switch
                    {
                        0 => "{" + Utf8.GetString(body!),
                        1 => "[" + Utf8.GetString(body!),
                        2 => Utf8.GetString(body!) + "}",
                        _ => Utf8.GetString(body!).TrimEnd('}', ']'),
                    });
                    break;
                case "trailing-garbage":
                    body = [.. body!, .. Utf8.GetBytes(rng.Pick(["garbage", "}", "]", "\u0000", "{}", ",", " ;DROP", "\n{\"a\":1}"]))];
                    break;
                case "comments":
                    var text = Utf8.GetString(body!);
                    var at = Math.Max(1, text.IndexOfAny(['{', '[']) + 1);
                    body = Utf8.GetBytes(text.Insert(at, rng.Next(2) == 0 ? "/* comment */" : "// comment\n"));
                    break;
                case "deep-nesting":
                    body = DeepNesting(rng, target);
                    break;
                case "huge-field":
                    body = target.Body == BodyKind.Json ? ReplaceJsonField(rng, target.Json!, JsonString(FuzzInputs.Overlong(rng))) : FormWith(rng, target, state, FuzzInputs.Overlong(rng));
                    break;
                case "duplicate-keys":
                    body = DuplicateKeys(rng, target.Json!);
                    break;
                case "wrong-type":
                    body = target.Body == BodyKind.Json ? ReplaceJsonField(rng, target.Json!, rng.Pick(FuzzInputs.WrongTypes)) : FormWith(rng, target, state, rng.Pick(["abc", "true", "-1", "[]", "{}", ""]));
                    break;
                case "out-of-range":
                    body = target.Body == BodyKind.Json ? ReplaceJsonField(rng, target.Json!, rng.Pick(FuzzInputs.OutOfRange)) : FormWith(rng, target, state, rng.Pick(FuzzInputs.OutOfRange).Trim('"'));
                    break;
                case "sql-injection":
                case "script-injection":
                case "control-characters":
                    var hostile = mutation switch
                    {
                        "sql-injection" => rng.Pick(FuzzInputs.SqlInjection),
                        "script-injection" => rng.Pick(FuzzInputs.ScriptInjection),
                        _ => rng.Next(4) == 0 ? null : rng.Pick(FuzzInputs.ControlCharacters),
                    };
                    body = target.Body == BodyKind.Json
                        ? ReplaceJsonField(rng, target.Json!, hostile is null ? rng.Pick(FuzzInputs.LoneSurrogates) : JsonString(hostile), stringsOnly: true)
                        : FormWith(rng, target, state, hostile ?? "\u0000\u0001");
                    break;
                case "form-encoding":
                    body = Utf8.GetBytes(rng.Pick(["a=%FF%FE", "%", "a=%zz&b", "=&=&==", "a=1&a=2&a=3", new string('&', 5000), "__RequestVerificationToken=forged", "a[0][1][2]=x"])
                        + "&" + Utf8.GetString(body!));
                    break;
                case "no-antiforgery":
                    body = FormBody(target.Form.Where(f => f.Key != "__RequestVerificationToken").ToDictionary(), null);
                    break;
                case "tus-headers":
                    MutateTusHeaders(rng, headers);
                    break;
                case "random-bytes":
                    body = new byte[rng.Next(0, 4096)];
                    rng.NextBytes(body);
                    break;
                default:
                    throw new InvalidOperationException("Unknown mutation " + mutation);
            }
        }

        var path = target.Path(route);
        var url = query.Count == 0 ? path : path + "?" + string.Join('&', query.Select(q => q.Key + "=" + q.Value));
        if (target.Sign is { } sign && body is not null && rng.Next(5) > 0)
        {
            foreach (var (name, value) in sign(body))
            {
                headers[name] = value;
            }
        }

        return new FuzzRequest(mutation, target.Method, url, body, body is null && target.Body != BodyKind.Tus ? null : contentType, headers);
    }

    /// <summary>The body over the target's limit: with Content-Length (refused before reading) or chunked (refused while reading).</summary>
    public static FuzzRequest TooLarge(FuzzTarget target, FuzzState state, bool chunked)
    {
        var headers = new Dictionary<string, string>(target.Headers, StringComparer.OrdinalIgnoreCase);
        state.AddCallerHeaders(target, headers);
        var (_, contentType) = ValidBody(target, state);
        var size = checked((int)(target.BodyLimit!.Value + 1024));
        // One value that never ends, in the shape the endpoint reads (an array, an object's unknown property, a form
        // field), so the reader keeps reading until the limit stops it rather than failing on the first byte.
        var prefix = target.Body switch
        {
            BodyKind.Json when target.Json is JsonArray => "[\"",
            BodyKind.Json => "{\"fuzz\":\"",
            _ when target.Multipart => $"--{MultipartBoundary}\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n",
            _ => "fuzz=",
        };
        var body = new byte[size];
        body.AsSpan().Fill((byte)'a');
        Utf8.GetBytes(prefix).CopyTo(body, 0);
        return new FuzzRequest(chunked ? "too-large-chunked" : "too-large", target.Method, target.Path(target.Route), body, contentType, headers) { Chunked = chunked };
    }

    private static List<string> Applicable(FuzzTarget target, Dictionary<string, string> route)
    {
        List<string> kinds = ["query", "header", "query"];
        if (route.Count > 0)
        {
            kinds.AddRange(["route", "route", "route"]);
        }

        switch (target.Body)
        {
            case BodyKind.Json:
                kinds.AddRange([
                    "content-type", "empty-body", "invalid-utf8", "invalid-utf8", "truncated", "truncated", "unbalanced", "trailing-garbage", "comments",
                    "deep-nesting", "huge-field", "duplicate-keys", "duplicate-keys", "random-bytes",
                ]);
                kinds.AddRange(Enumerable.Repeat("wrong-type", 6));
                kinds.AddRange(Enumerable.Repeat("out-of-range", 6));
                kinds.AddRange(Enumerable.Repeat("sql-injection", 4));
                kinds.AddRange(Enumerable.Repeat("script-injection", 3));
                kinds.AddRange(Enumerable.Repeat("control-characters", 4));
                break;
            case BodyKind.Form:
                kinds.AddRange(["content-type", "empty-body", "invalid-utf8", "form-encoding", "form-encoding", "huge-field", "wrong-type", "out-of-range", "random-bytes"]);
                kinds.AddRange(["sql-injection", "sql-injection", "script-injection", "script-injection", "control-characters", "control-characters"]);
                if (target.AntiforgeryFrom is not null)
                {
                    kinds.Add("no-antiforgery");
                }

                break;
            case BodyKind.Tus:
                kinds.AddRange(Enumerable.Repeat("tus-headers", 8));
                kinds.AddRange(["content-type", "empty-body", "random-bytes", "random-bytes"]);
                break;
            case BodyKind.None:
                kinds.AddRange(["random-bytes", "content-type"]);
                break;
        }

        return kinds;
    }

    private static (byte[]? Body, string? ContentType) ValidBody(FuzzTarget target, FuzzState state) => target.Body switch
    {
        BodyKind.Json => (Utf8.GetBytes(target.Json!.ToJsonString()), "application/json"),
        BodyKind.Form when target.Multipart => (MultipartBody(target.Form, state.AntiforgeryToken(target)), $"multipart/form-data; boundary={MultipartBoundary}"),
        BodyKind.Form => (FormBody(target.Form, state.AntiforgeryToken(target)), "application/x-www-form-urlencoded"),
        BodyKind.Tus when target.Method == "PATCH" => ([1, 2, 3, 4, 5, 6, 7, 8], "application/offset+octet-stream"),
        _ => (null, null),
    };

    private static byte[] FormBody(IReadOnlyDictionary<string, string> fields, string? antiforgery)
    {
        var pairs = fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)).ToList();
        if (antiforgery is not null)
        {
            pairs.Add("__RequestVerificationToken=" + Uri.EscapeDataString(antiforgery));
        }

        return Utf8.GetBytes(string.Join('&', pairs));
    }

    private static byte[] FormWith(Random rng, FuzzTarget target, FuzzState state, string value)
    {
        var fields = new Dictionary<string, string>(target.Form);
        var keys = fields.Keys.ToList();
        fields[keys.Count > 0 && rng.Next(5) > 0 ? rng.Pick(keys) : rng.Pick(["extra", "_handler", "Input.Unknown"])] = value;
        return target.Multipart ? MultipartBody(fields, state.AntiforgeryToken(target)) : FormBody(fields, state.AntiforgeryToken(target));
    }

    private const string MultipartBoundary = "vanguard-fuzz-boundary";

    private static byte[] MultipartBody(IReadOnlyDictionary<string, string> fields, string? antiforgery)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in antiforgery is null ? fields : fields.Append(new("__RequestVerificationToken", antiforgery)))
        {
            text.Append("--").Append(MultipartBoundary).Append("\r\nContent-Disposition: form-data; name=\"").Append(name).Append("\"\r\n\r\n").Append(value).Append("\r\n");
        }

        return Utf8.GetBytes(text.Append("--").Append(MultipartBoundary).Append("--\r\n").ToString());
    }

    private static JsonNode WithUniqueIds(JsonNode example, string[] names, int iteration)
    {
        var copy = example.DeepClone();
        foreach (var (parent, key, _, node) in Slots(copy).ToList())
        {
            if (parent is JsonObject o && key is not null && names.Contains(key) && node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            {
                o[key] = $"{v.GetValue<string>()}-{iteration}";
            }
        }

        return copy;
    }

    private static string JsonString(string value) => JsonSerializer.Serialize(value);

    /// <summary>The example with one of its fields (at any depth) replaced by a raw JSON token.</summary>
    private static byte[] ReplaceJsonField(Random rng, JsonNode example, string rawToken, bool stringsOnly = false)
    {
        var root = example.DeepClone();
        var slots = Slots(root).Where(s => !stringsOnly || s.Node is JsonValue v && v.GetValueKind() == JsonValueKind.String).ToList();
        if (slots.Count == 0)
        {
            slots = Slots(root).ToList();
        }

        if (slots.Count == 0)
        {
            return Utf8.GetBytes(rawToken);
        }

        var (parent, key, index, _) = rng.Pick(slots);
        if (parent is JsonObject o)
        {
            o[key!] = Placeholder;
        }
        else if (parent is JsonArray a)
        {
            a[index] = Placeholder;
        }

        return Utf8.GetBytes(root.ToJsonString().Replace($"\"{Placeholder}\"", rawToken, StringComparison.Ordinal));
    }

    private static IEnumerable<(JsonNode Parent, string? Key, int Index, JsonNode? Node)> Slots(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o.ToList())
                {
                    yield return (o, key, -1, child);
                    if (child is not null)
                    {
                        foreach (var slot in Slots(child))
                        {
                            yield return slot;
                        }
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    yield return (a, null, i, a[i]);
                    if (a[i] is { } child)
                    {
                        foreach (var slot in Slots(child))
                        {
                            yield return slot;
                        }
                    }
                }

                break;
        }
    }

    /// <summary>An object of the example with one of its keys given twice, the second time with another value.</summary>
    private static byte[] DuplicateKeys(Random rng, JsonNode example)
    {
        var root = example.DeepClone();
        var objects = new List<JsonObject>();
        if (root is JsonObject top)
        {
            objects.Add(top);
        }

        objects.AddRange(Slots(root).Select(s => s.Node).OfType<JsonObject>().Where(o => o.Count > 0));
        if (objects.Count == 0)
        {
            return Utf8.GetBytes(root.ToJsonString());
        }

        var target = rng.Pick(objects);
        var key = rng.Pick(target.Select(p => p.Key).ToList());
        var duplicated = "{" + JsonString(key) + ":" + rng.Pick(FuzzInputs.WrongTypes) + "," + target.ToJsonString()[1..];
        if (target == root)
        {
            return Utf8.GetBytes(duplicated);
        }

        var slot = Slots(root).First(s => ReferenceEquals(s.Node, target));
        if (slot.Parent is JsonObject o)
        {
            o[slot.Key!] = Placeholder;
        }
        else
        {
            ((JsonArray)slot.Parent)[slot.Index] = Placeholder;
        }

        return Utf8.GetBytes(root.ToJsonString().Replace($"\"{Placeholder}\"", duplicated, StringComparison.Ordinal));
    }

    /// <summary>10 000 levels of arrays or objects, as the whole body or in place of one field.</summary>
    private static byte[] DeepNesting(Random rng, FuzzTarget target)
    {
        const int Depth = 10_000;
        var deep = rng.Next(2) == 0
            ? new string('[', Depth) + new string(']', Depth)
            : string.Concat(Enumerable.Repeat("{\"a\":", Depth)) + "1" + new string('}', Depth);
        return rng.Next(2) == 0 ? Utf8.GetBytes(deep) : ReplaceJsonField(rng, target.Json!, deep);
    }

    /// <summary>Bytes that are not UTF-8, inside a string of the body (or at a random place).</summary>
    private static byte[] InsertInvalidUtf8(Random rng, byte[] body)
    {
        var quotes = Enumerable.Range(0, body.Length).Where(i => body[i] is (byte)'"' or (byte)'=').ToList();
        var at = quotes.Count > 0 ? rng.Pick(quotes) + 1 : rng.Next(body.Length + 1);
        return [.. body[..at], .. rng.Pick(FuzzInputs.InvalidUtf8), .. body[at..]];
    }

    private static void MutateHeaders(Random rng, FuzzTarget target, Dictionary<string, string> headers)
    {
        switch (rng.Next(5))
        {
            case 0:
                headers["Accept-Language"] = rng.Pick(["zz;q=abc", ";;;", "en;q=2,zh;q=-1", new string('x', 8_000), "*", "en-US;q=0.9,zh-CN;q=NaN"]);
                break;
            case 1:
                headers["Idempotency-Key"] = rng.Pick(["", " ", new string('k', 4_000), "'; DROP TABLE common_idempotency; --", "<script>"]);
                break;
            case 2 when headers.ContainsKey("X-Device-Key"):
                headers["X-Device-Key"] = rng.Pick(["", "vgk_", "vgk_' OR 1=1 --", new string('k', 4_000), "Bearer x"]);
                break;
            case 3 when headers.ContainsKey("X-Online-Session"):
                headers["X-Online-Session"] = rng.Pick(["", "garbage", "CfDJ8' OR 1=1", new string('s', 4_000), "null"]);
                break;
            default:
                headers["Authorization"] = rng.Pick(["Bearer garbage", "Bearer ", "Basic Og==", "Bearer " + new string('e', 4_000), "Bearer eyJhbGciOiJub25lIn0.e30."]);
                break;
        }
    }

    private static void MutateTusHeaders(Random rng, Dictionary<string, string> headers)
    {
        var name = rng.Pick(["Tus-Resumable", "Upload-Length", "Upload-Offset", "Upload-Metadata", "Upload-Checksum", "Upload-Defer-Length", "Upload-Concat"]);
        headers[name] = name switch
        {
            "Tus-Resumable" => rng.Pick(["0.2.2", "", "1.0.0, 1.0.0", "garbage"]),
            "Upload-Length" or "Upload-Offset" => rng.Pick(["-1", "abc", "9223372036854775808", "1e400", "", "0", "9223372036854775807", "4294967296", " 8", "0x10"]),
            "Upload-Metadata" => rng.Pick([
                "filename", "filename !!!notbase64", "filename " + Convert.ToBase64String([0xFF, 0xFE, 0xC3, 0x28]), ",,,", "a b c d",
                "sha256 " + Convert.ToBase64String(Encoding.UTF8.GetBytes("'; DROP TABLE evidence_items; --")),
                "recordedFrom " + Convert.ToBase64String(Encoding.UTF8.GetBytes("9999-99-99")), new string('m', 8_000),
                "officerNo " + Convert.ToBase64String(Encoding.UTF8.GetBytes("<script>alert(1)</script>")),
            ]),
            "Upload-Checksum" => rng.Pick(["sha1", "sha1 !!!", "md5 AAAA", "sha256 " + new string('A', 1_000), " "]),
            _ => rng.Pick(["1", "final;/x", "partial", "garbage"]),
        };
        if (rng.Next(4) == 0)
        {
            headers.Remove(name);
        }
    }
}
