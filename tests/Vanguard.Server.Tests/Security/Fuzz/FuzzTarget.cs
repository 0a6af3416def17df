using System.Text.Json.Nodes;

namespace Vanguard.Server.Tests.Security.Fuzz;

/// <summary>How a target's body is sent.</summary>
public enum BodyKind
{
    None,
    Json,
    Form,
    Tus,
}

/// <summary>
/// One endpoint with a request it accepts (built from the module's own tests): the fuzzer sends that request's
/// mutations. <see cref="Pattern"/> is the route pattern as the application maps it, so the coverage test can match it
/// against the <c>EndpointDataSource</c>.
/// </summary>
public sealed record FuzzTarget(string Method, string Pattern)
{
    public string Key => $"{Method} {Pattern}";

    /// <summary>Valid values for the pattern's route parameters, by name (constraints left out: <c>id</c>, not <c>id:guid</c>).</summary>
    public Dictionary<string, string> Route { get; init; } = [];

    public Dictionary<string, string> Query { get; init; } = [];

    public BodyKind Body { get; init; }

    public JsonNode? Json { get; init; }

    public Dictionary<string, string> Form { get; init; } = [];

    /// <summary>
    /// JSON properties (at any depth) that identify a record for idempotency: each iteration gets its own value, so a
    /// mutation that is still valid makes a new record (checked afterwards) instead of a resend of the first.
    /// </summary>
    public string[] UniqueIds { get; init; } = [];

    /// <summary>The form is sent as <c>multipart/form-data</c> (the endpoint takes files), not URL-encoded.</summary>
    public bool Multipart { get; init; }

    public Dictionary<string, string> Headers { get; init; } = [];

    /// <summary>Who sends it: a key of <see cref="FuzzCallers"/>.</summary>
    public string Caller { get; init; } = FuzzCallers.Anonymous;

    /// <summary>A page to fetch an antiforgery token from (form posts); null when none is needed.</summary>
    public string? AntiforgeryFrom { get; init; }

    /// <summary>The request body limit that applies (413 above it); null for bodiless endpoints.</summary>
    public long? BodyLimit { get; init; }

    /// <summary>Headers that sign the body, for the payment gateway's callback (so mutations reach the parser).</summary>
    public Func<byte[], IReadOnlyDictionary<string, string>>? Sign { get; init; }

    public int Requests { get; init; } = 120;

    public string Path(IReadOnlyDictionary<string, string> route)
    {
        var path = Pattern;
        foreach (var (name, value) in route)
        {
            path = System.Text.RegularExpressions.Regex.Replace(path, "\\{" + name + "(:[^}]*)?\\??\\}", value);
        }

        return path;
    }
}

/// <summary>The named HTTP clients a target can be sent by.</summary>
public static class FuzzCallers
{
    public const string Anonymous = "anonymous";
    public const string Party = "party";
    public const string Wim = "wim";
    public const string Anpr = "anpr";
    public const string Dock = "dock";
    public const string Hotline = "hotline";
    public const string Staff = "staff";
}
