using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vanguard.Server.Tests.Security.Fuzz;

/// <summary>A response the fuzzer got: what was sent, the status and the body.</summary>
public sealed record FuzzOutcome(int Iteration, FuzzRequest Request, int Status, string? ContentType, string Body)
{
    /// <summary>The server closed the connection after answering: Kestrel's own refusals of a malformed request do.</summary>
    public bool ConnectionClosed { get; init; }
}

/// <summary>
/// Sends a target's requests and judges every answer: never a 5xx; under <c>/api</c> every 4xx is an RFC 9457 problem
/// with the platform's stable <c>code</c> and both messages; a body over the limit is a 413.
/// </summary>
internal static class FuzzRunner
{
    /// <summary>The run's seed: <c>VANGUARD_FUZZ_SEED</c> replays another run; the default keeps the suite deterministic.</summary>
    public static int Seed { get; } = int.TryParse(Environment.GetEnvironmentVariable("VANGUARD_FUZZ_SEED"), out var seed) ? seed : 20_261_127;

    /// <summary>The random source of one iteration of one target: the same seed, target and iteration give the same request.</summary>
    public static Random RandomFor(string key, int iteration)
    {
        var hash = 2_166_136_261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16_777_619u;
        }

        // Not HashCode.Combine: it is seeded per process, and a failure must replay in the next one.
        return new Random(unchecked((Seed * 486_187_739) + ((int)hash * 31) + (iteration * 7_919)));
    }

    public static async Task<(List<FuzzOutcome> Outcomes, List<string> Failures)> RunAsync(HttpClient client, FuzzTarget target, FuzzState state)
    {
        var outcomes = new List<FuzzOutcome>();
        var failures = new List<string>();
        for (var i = 0; i < target.Requests; i++)
        {
            var request = Mutator.Next(RandomFor(target.Key, i), target, i, state);
            await SendAndJudgeAsync(client, target, request, i, outcomes, failures);
        }

        if (target.BodyLimit is not null)
        {
            foreach (var chunked in new[] { false, true })
            {
                var request = Mutator.TooLarge(target, state, chunked);
                var outcome = await SendAndJudgeAsync(client, target, request, -1, outcomes, failures);
                // A declared length over the limit is refused before reading; a chunked body is refused when the reader passes the limit.
                var mustBe413 = !chunked || target.Body is BodyKind.Json or BodyKind.Form;
                if (outcome is not null && mustBe413 && outcome.Status != 413)
                {
                    failures.Add(Describe(target, outcome, $"a body over the {target.BodyLimit} byte limit must get 413"));
                }
            }
        }

        return (outcomes, failures);
    }

    private static async Task<FuzzOutcome?> SendAndJudgeAsync(
        HttpClient client, FuzzTarget target, FuzzRequest request, int iteration, List<FuzzOutcome> outcomes, List<string> failures)
    {
        FuzzOutcome outcome;
        try
        {
            outcome = await SendAsync(client, request, iteration);
        }
        catch (HttpRequestException)
        {
            // Once more on a new connection: the server may have closed the kept-alive one after an earlier refusal.
            try
            {
                outcome = await SendAsync(client, request, iteration);
            }
            catch (HttpRequestException e)
            {
                failures.Add($"seed {Seed}, {target.Key}, iteration {iteration} ({request.Mutation}): the connection failed ({e.Message})\n{request.Describe()}");
                return null;
            }
        }

        outcomes.Add(outcome);
        if (Judge(outcome) is { } fault)
        {
            if (FuzzTargets.PendingFixes.FirstOrDefault(p => p.Key == target.Key && p.Matches(outcome)) is { Defect: { } defect })
            {
                TestContext.Current.TestOutputHelper?.WriteLine($"pending fix ({defect}): {Describe(target, outcome, fault)}");
            }
            else
            {
                failures.Add(Describe(target, outcome, fault));
            }
        }

        return outcome;
    }

    public static string Describe(FuzzTarget target, FuzzOutcome outcome, string fault) =>
        $"seed {Seed}, {target.Key}, iteration {outcome.Iteration} ({outcome.Request.Mutation}): {fault}\n" +
        $"--- request\n{outcome.Request.Describe()}\n--- response {outcome.Status} {outcome.ContentType}\n" +
        (outcome.Body.Length > 800 ? outcome.Body[..800] + "…" : outcome.Body);

    private static async Task<FuzzOutcome> SendAsync(HttpClient client, FuzzRequest request, int iteration)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(request.Url, UriKind.Relative));
        // Over the limit the server answers before reading: waiting for "100 Continue" lets the client read that answer
        // instead of failing while it still writes a body nobody reads (a real device's HTTP stack behaves the same way).
        message.Headers.ExpectContinue = request.Mutation.StartsWith("too-large", StringComparison.Ordinal);
        if (request.Body is not null)
        {
            message.Content = request.Chunked ? new ChunkedContent(request.Body) : new ByteArrayContent(request.Body);
            message.Content.Headers.ContentType = null;
            if (request.ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
        }

        foreach (var (name, value) in request.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content ??= new ByteArrayContent([]);
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var response = await client.SendAsync(message, ApiClient.Ct);
        var body = await response.Content.ReadAsStringAsync(ApiClient.Ct);
        return new FuzzOutcome(iteration, request, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body)
        {
            ConnectionClosed = response.Headers.ConnectionClose == true,
        };
    }

    /// <summary>What is wrong with an answer, or null when it is one the platform may give.</summary>
    public static string? Judge(FuzzOutcome outcome)
    {
        if (outcome.Status >= 500)
        {
            return "a server error";
        }

        if (outcome.Status < 400)
        {
            return null;
        }

        var path = outcome.Request.Url.Split('?')[0];
        var api = path.StartsWith("/api/", StringComparison.Ordinal);
        // Kestrel refuses a malformed request line (a %00 in the path), an over-long one or an over-long header block
        // before the application runs, and closes the connection: no body there can be ours.
        var beforeTheApplication = outcome.Status is 414 or 431 || (outcome.Status == 400 && outcome.ConnectionClosed);
        if (outcome.Body.Length == 0)
        {
            return api && outcome.Request.Method != "HEAD" && !beforeTheApplication ? $"a {outcome.Status} without a problem body" : null;
        }

        if (outcome.ContentType != "application/problem+json")
        {
            return api ? $"a {outcome.Status} whose body is {outcome.ContentType}, not application/problem+json" : null;
        }

        JsonNode? problem;
        try
        {
            problem = JsonNode.Parse(outcome.Body);
        }
        catch (JsonException)
        {
            return "a problem body that is not JSON";
        }

        return problem switch
        {
            null => "an empty problem",
            _ when problem["code"] is not JsonValue code || string.IsNullOrWhiteSpace(code.GetValue<string>()) => "a problem without a stable code",
            _ when problem["status"]?.GetValue<int>() != outcome.Status => "a problem whose status is not the response's",
            _ when string.IsNullOrWhiteSpace(problem["messages"]?["zh-CN"]?.GetValue<string>()) || string.IsNullOrWhiteSpace(problem["messages"]?["en"]?.GetValue<string>())
                => "a problem without its zh-CN and en messages",
            _ when string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()) || problem["type"] is null => "a problem without title and type",
            _ => null,
        };
    }

    /// <summary>The request's body as text (invalid UTF-8 replaced), for predicates over what was sent.</summary>
    public static string Text(FuzzRequest request) => request.Body is { } body ? System.Text.Encoding.UTF8.GetString(body) : string.Empty;

    /// <summary>A body sent without Content-Length.</summary>
    private sealed class ChunkedContent(byte[] bytes) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var at = 0; at < bytes.Length; at += 64 * 1024)
            {
                await stream.WriteAsync(bytes.AsMemory(at, Math.Min(64 * 1024, bytes.Length - at)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
