namespace Vanguard.Server.Tests.Security.Fuzz;

/// <summary>The hostile values the fuzzer draws from: each list is one class of bad input named in issue 11.</summary>
internal static class FuzzInputs
{
    /// <summary>JSON tokens of the wrong type for whatever field they replace.</summary>
    public static readonly string[] WrongTypes = ["\"text\"", "\"\"", "123", "-7", "true", "false", "[]", "[1,\"a\",null]", "{}", "{\"a\":{\"b\":1}}", "null"];

    /// <summary>Numbers no field should accept or choke on (raw JSON tokens; the quoted ones are what some clients send).</summary>
    public static readonly string[] OutOfRange =
    [
        "1e400", "-1e400", "1e-400", "9223372036854775808", "-9223372036854775809", "9223372036854775807", "2147483648", "-2147483649",
        "2147483647", "-1", "0", "-0", "1.5", "0.0000001", "79228162514264337593543950336", "99999999999999999999999999999999999999999",
        "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "NaN", "Infinity", "-Infinity", "0x10", "01", "1E+308", "+1", ".5", "5.",
    ];

    public static readonly string[] SqlInjection =
    [
        "'; DROP TABLE offsite_wim_records; --", "' OR 1=1 --", "\" OR \"\"=\"", "' OR '1'='1", "1; DELETE FROM offsite_anpr_reads --",
        "') UNION SELECT username, password_hash FROM identity_users --", "%' OR 1=1 --", "admin'--", "豫A12345' OR '1'='1", "1' AND SLEEP(0) --",
        "'||(SELECT version())||'", "\\'; DROP TABLE complaints_complaints; --",
    ];

    public static readonly string[] ScriptInjection =
    [
        "<script>alert(1)</script>", "javascript:alert(1)", "<img src=x onerror=alert(1)>", "\"><svg/onload=alert(1)>", "{{7*7}}", "${7*7}",
        "<iframe src=\"javascript:alert(1)\">", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "=cmd|' /C calc'!A0", "@SUM(1+1)",
    ];

    /// <summary>Control and odd Unicode characters (JSON-escaped where JSON needs it, raw in the others).</summary>
    public static readonly string[] ControlCharacters =
    [
        "\u0000", "a\u0000b", "\u0001\u0002\u001b[31m", "\u2028\u2029", "\ufeff", "\u202eabc", "line\r\nSet-Cookie: x=1", "\t\v\f", "豫A1234５",
        "\ud840\udc00", "e\u0301", new string('\u200b', 50),
    ];

    /// <summary>Raw JSON string tokens with a lone surrogate: valid JSON syntax, invalid Unicode.</summary>
    public static readonly string[] LoneSurrogates = ["\"\\ud800\"", "\"a\\udfffb\"", "\"\\udc00\\ud800\""];

    /// <summary>Byte sequences that are not UTF-8.</summary>
    public static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC0, 0xAF], [0xE2, 0x82], [0xFE, 0xFF], [0x80, 0x80, 0x80],
    ];

    public static readonly string[] WrongContentTypes =
    [
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data", "application/json; charset=utf-16",
        "application/json; charset=latin1", "*/*", "application/octet-stream", "text/html; charset=utf-8", "application/json;;;", "image/jpeg",
    ];

    /// <summary>Route values that are not what the route wants (already URL-encoded where needed).</summary>
    public static readonly string[] RouteValues =
    [
        "not-a-guid", "-1", "0", "2147483648", "2147483647", "-2147483649", "00000000-0000-0000-0000-000000000000", "%00", "%FF%FE", "..%2F..%2Fetc%2Fpasswd",
        "%27%20OR%201%3D1--", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%E8%B1%AB", "%20", "null", "1e400", "NaN", "{id}", "%C0%AF",
    ];

    /// <summary>Query values (already URL-encoded where needed).</summary>
    public static readonly string[] QueryValues =
    [
        "-1", "0", "2147483647", "2147483648", "-2147483649", "abc", "1e400", "NaN", "", "%FF%FE", "%27%20OR%201%3D1--", "%3Cscript%3E", "9999-99",
        "2026-13", "0000-00", "%00", "true", "%E8%B1%AB", "1.5", "-0", "%2F%5Cevil.example", "//evil.example", "/%5C/evil.example",
        "https://evil.example", "en",
    ];

    /// <summary>Query names the platform's lists take, tried on every endpoint (unknown ones must be ignored).</summary>
    public static readonly string[] QueryNames = ["page", "pageSize", "q", "month", "status", "agencyCode", "color", "top", "kind", "r", "c", "returnUrl", "ticket"];

    public static string Overlong(Random rng) => rng.Next(3) switch
    {
        0 => new string('A', 100 * 1024),
        1 => string.Concat(Enumerable.Repeat("豫", 40 * 1024)),
        _ => string.Concat(Enumerable.Repeat("'; DROP TABLE x; -- ", 5 * 1024)),
    };

    public static string Pick(this Random rng, IReadOnlyList<string> values) => values[rng.Next(values.Count)];

    public static T Pick<T>(this Random rng, IReadOnlyList<T> values) => values[rng.Next(values.Count)];

    /// <summary>A hostile string of any class: injection, control characters or a long one.</summary>
    public static string HostileString(Random rng) => rng.Next(5) switch
    {
        0 => rng.Pick(SqlInjection),
        1 => rng.Pick(ScriptInjection),
        2 => rng.Pick(ControlCharacters),
        3 => Overlong(rng),
        _ => rng.Pick(SqlInjection) + rng.Pick(ScriptInjection),
    };
}
