using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Vanguard.Devices.Client;

internal sealed record RetryPolicy
{
    public int MaxAttempts { get; init; } = 8;
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(15);
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Exponential backoff with jitter: half the step fixed, half random, so the workers do not retry in step.</summary>
    public TimeSpan Backoff(int attempt)
    {
        var step = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds((step / 2) + (Random.Shared.NextDouble() * step / 2));
    }
}

internal enum SendOutcome
{
    Delivered,

    /// <summary>Refused outright (4xx other than 429) or still failing after the last attempt.</summary>
    GaveUp,

    /// <summary>The run was stopped while the batch was waiting or in flight.</summary>
    Stopped,

    /// <summary>401 or 403: the device key is wrong, revoked or not allowed here; no point in going on.</summary>
    KeyRefused,

    /// <summary>404 or 405: the platform has no such endpoint (an older version, or a wrong --server); no point either.</summary>
    EndpointMissing,
}

internal sealed record SendResult(SendOutcome Outcome, IngestResponse? Response = null, TimeSpan Latency = default);

/// <summary>
/// Posts one serialised batch and retries it on 429, 5xx, timeouts and network errors, waiting as long as Retry-After
/// asks. A batch sent twice is harmless: the platform keeps one record per (device, record id).
/// </summary>
internal sealed class BatchSender(HttpClient http, RetryPolicy policy, SendStats stats, TimeProvider clock)
{
    public SendStats Stats => stats;

    public async Task<SendResult> SendAsync(string path, byte[] body, CancellationToken stopping, CancellationToken aborting)
    {
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan? wait;
            stats.Attempt();
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(aborting);
                timeout.CancelAfter(policy.AttemptTimeout);
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                using var response = await http.PostAsync(path, content, timeout.Token);
                var status = (int)response.StatusCode;
                stats.Responded(status);
                if (response.IsSuccessStatusCode)
                {
                    var answer = await response.Content.ReadFromJsonAsync<IngestResponse>(Wire.Json, timeout.Token);
                    return answer is null
                        ? Give(SendOutcome.GaveUp, $"HTTP {status}", "empty answer")
                        : new SendResult(SendOutcome.Delivered, answer, Stopwatch.GetElapsedTime(started));
                }

                var detail = await DescribeAsync(response, timeout.Token);
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    return Give(SendOutcome.KeyRefused, $"HTTP {status}", detail);
                }

                if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
                {
                    return Give(SendOutcome.EndpointMissing, $"HTTP {status}", $"{detail} (no {path} on this server: is the off-site module deployed?)");
                }

                if (!IsTransient(response.StatusCode))
                {
                    return Give(SendOutcome.GaveUp, $"HTTP {status}", detail);
                }

                stats.Failed($"HTTP {status}", detail);
                wait = RetryAfter(response);
            }
            catch (OperationCanceledException) when (aborting.IsCancellationRequested)
            {
                return new SendResult(SendOutcome.Stopped);
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException or IOException)
            {
                var what = e is OperationCanceledException ? "timeout" : e.GetType().Name;
                stats.Failed(what, e.GetBaseException().Message);
                wait = null;
            }

            if (attempt >= policy.MaxAttempts)
            {
                return new SendResult(SendOutcome.GaveUp);
            }

            stats.Retrying();
            try
            {
                await Task.Delay(wait ?? policy.Backoff(attempt), clock, stopping);
            }
            catch (OperationCanceledException)
            {
                return new SendResult(SendOutcome.Stopped);
            }
        }
    }

    private SendResult Give(SendOutcome outcome, string what, string detail)
    {
        stats.Failed(what, detail);
        return new SendResult(outcome);
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - clock.GetUtcNow() : null);
        return wait is null ? null : TimeSpan.FromTicks(Math.Clamp(wait.Value.Ticks, 0, policy.MaxRetryAfter.Ticks));
    }

    /// <summary>The problem-details code and title, or the start of the body.</summary>
    internal static async Task<string> DescribeAsync(HttpResponseMessage response, CancellationToken ct)
    {
        string text;
        try
        {
            text = await response.Content.ReadAsStringAsync(ct);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return response.ReasonPhrase ?? string.Empty;
        }

        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            string? Get(string name) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var described = string.Join(" ", new[] { Get("code"), Get("title"), Get("detail") }.Where(s => !string.IsNullOrEmpty(s)));
            if (described.Length > 0)
            {
                return described;
            }
        }
        catch (JsonException)
        {
        }

        text = text.ReplaceLineEndings(" ").Trim();
        return text.Length > 200 ? text[..200] + "…" : text.Length > 0 ? text : response.ReasonPhrase ?? string.Empty;
    }
}
