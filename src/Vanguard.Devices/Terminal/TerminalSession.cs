using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Vanguard.Devices.Client;

namespace Vanguard.Devices.Terminal;

/// <summary>
/// An answer the session gave up on. <see cref="Status"/> is null when there was no HTTP answer; <see cref="Transient"/>
/// is true when the last failure was one worth retrying later (network, timeout, 408, 429, 5xx).
/// </summary>
internal sealed class TerminalProblem(int? status, string code, string message, bool transient, string? body = null) : Exception(message)
{
    /// <summary>The answer's body as text (problem details), when there was one.</summary>
    public string? Body { get; } = body;

    public int? Status { get; } = status;

    public string Code { get; } = code;

    public bool Transient { get; } = transient;
}

/// <summary>
/// One officer's signed-in terminal: the bearer token pair, renewed through <c>/auth/refresh</c> on a 401 (and by
/// signing in again when the refresh token is refused), and every call retried with backoff on network errors, 408,
/// 429 and 5xx. A call that carries an Idempotency-Key sends the same key on every attempt.
/// </summary>
internal sealed class TerminalSession(HttpClient http, string username, string password, RetryPolicy policy, TerminalStats stats, TimeProvider clock)
    : IDisposable
{
    private readonly SemaphoreSlim _renewing = new(1, 1);
    private string? _accessToken;
    private string? _refreshToken;
    private int _generation;

    public string Username => username;

    public async Task SignInAsync(CancellationToken ct)
    {
        var pair = await SendAsync<TokenPair>(HttpMethod.Post, TerminalWire.TokenPath, new { username, password }, null, authorised: false, ct);
        (_accessToken, _refreshToken) = (pair.AccessToken, pair.RefreshToken);
        Interlocked.Increment(ref _generation);
    }

    public void Dispose() => _renewing.Dispose();

    public async Task<T> GetAsync<T>(string path, CancellationToken ct) => (await GetDatedAsync<T>(path, ct)).Value;

    /// <summary>The answer with the server's clock (its Date header, else ours) when it answered, for <c>since=</c> polling.</summary>
    public Task<(T Value, DateTimeOffset ServerDate)> GetDatedAsync<T>(string path, CancellationToken ct) =>
        SendDatedAsync<T>(HttpMethod.Get, path, null, null, authorised: true, ct);

    public Task<T> PostAsync<T>(string path, object body, CancellationToken ct, string? idempotencyKey = null) =>
        SendAsync<T>(HttpMethod.Post, path, body, idempotencyKey, authorised: true, ct);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, string? idempotencyKey, bool authorised, CancellationToken ct) =>
        (await SendDatedAsync<T>(method, path, body, idempotencyKey, authorised, ct)).Value;

    private async Task<(T Value, DateTimeOffset ServerDate)> SendDatedAsync<T>(HttpMethod method, string path, object? body, string? idempotencyKey, bool authorised, CancellationToken ct)
    {
        var renewed = false;
        for (var attempt = 1; ; attempt++)
        {
            int? status = null;
            string code;
            string message;
            TimeSpan? wait = null;
            var generation = Volatile.Read(ref _generation);
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(policy.AttemptTimeout);
                using var request = new HttpRequestMessage(method, path);
                if (body is not null)
                {
                    request.Content = JsonContent.Create(body, options: Wire.Json);
                }

                if (idempotencyKey is not null)
                {
                    request.Headers.Add(TerminalWire.IdempotencyKeyHeader, idempotencyKey);
                }

                if (authorised)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _accessToken);
                }

                stats.Request();
                using var response = await http.SendAsync(request, timeout.Token);
                stats.Answered();
                status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    var value = await response.Content.ReadFromJsonAsync<T>(Wire.Json, timeout.Token)
                        ?? throw new TerminalProblem(status, "empty_answer", $"{method} /{path}: HTTP {status} with an empty body", transient: false);
                    return (value, response.Headers.Date ?? clock.GetUtcNow());
                }

                string raw;
                (code, message, raw) = await ReadProblemAsync(response, timeout.Token);
                stats.Error(code);
                message = $"{method} /{path}: HTTP {status} {message}";
                if (response.StatusCode == HttpStatusCode.Unauthorized && authorised && !renewed)
                {
                    // The access token expired (or the server restarted with new keys): renew once, then try again at once.
                    renewed = true;
                    await RenewAsync(generation, ct);
                    attempt--;
                    continue;
                }

                if (!IsTransient(response.StatusCode))
                {
                    throw new TerminalProblem(status, code, message, transient: false, raw);
                }

                wait = RetryAfter(response);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException or JsonException)
            {
                code = e switch
                {
                    OperationCanceledException => "timeout",
                    JsonException => "bad_answer",
                    _ => "network",
                };
                if (status is null && e is HttpRequestException)
                {
                    stats.Unreachable();
                }

                stats.Error(code);
                message = $"{method} /{path}: {e.GetBaseException().Message}";
            }

            if (attempt >= policy.MaxAttempts)
            {
                throw new TerminalProblem(status, code, message, transient: true);
            }

            stats.Retry();
            await Task.Delay(wait ?? policy.Backoff(attempt), clock, ct);
        }
    }

    /// <summary>A new token pair from the refresh token; failing that, a fresh sign-in. Once per expiry, however many calls hit it.</summary>
    private async Task RenewAsync(int generation, CancellationToken ct)
    {
        await _renewing.WaitAsync(ct);
        try
        {
            if (Volatile.Read(ref _generation) != generation)
            {
                return; // another call of this officer renewed it meanwhile
            }

            stats.Renewed();
            if (_refreshToken is { } refresh)
            {
                try
                {
                    var pair = await SendAsync<TokenPair>(HttpMethod.Post, TerminalWire.RefreshPath, new { refreshToken = refresh }, null, authorised: false, ct);
                    (_accessToken, _refreshToken) = (pair.AccessToken, pair.RefreshToken ?? refresh);
                    Interlocked.Increment(ref _generation);
                    return;
                }
                catch (TerminalProblem e) when (!e.Transient)
                {
                    // auth.refresh_invalid (expired or revoked), or no refresh endpoint: sign in with the password below.
                }
            }

            await SignInAsync(ct);
        }
        finally
        {
            _renewing.Release();
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - clock.GetUtcNow() : null);
        return wait is null ? null : TimeSpan.FromTicks(Math.Clamp(wait.Value.Ticks, 0, policy.MaxRetryAfter.Ticks));
    }

    /// <summary>The problem-details code (or http_NNN) and a short text for the message.</summary>
    internal static async Task<(string Code, string Text, string Body)> ReadProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var fallback = $"http_{(int)response.StatusCode}";
        string text;
        try
        {
            text = await response.Content.ReadAsStringAsync(ct);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return (fallback, response.ReasonPhrase ?? string.Empty, string.Empty);
        }

        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            string? Get(string name) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var code = Get("code");
            var described = string.Join(" ", new[] { code, Get("title"), Get("detail") }.Where(s => !string.IsNullOrEmpty(s)));
            return (string.IsNullOrEmpty(code) ? fallback : code, described, text);
        }
        catch (JsonException)
        {
            var flat = text.ReplaceLineEndings(" ").Trim();
            return (fallback, flat.Length > 200 ? flat[..200] + "…" : flat, text);
        }
    }
}
