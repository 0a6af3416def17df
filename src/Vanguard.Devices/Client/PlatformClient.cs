using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Vanguard.Devices.Client;

internal sealed record Certificate(string Number, DateOnly ValidFrom, DateOnly ValidUntil);

/// <summary>The body of <c>POST /api/v1/devices</c>.</summary>
internal sealed record DeviceRegistration(
    string Kind, string Code, string Name, string AgencyCode, int? AccuracyClass, Certificate? Certificate, string? SerialNumber, string? Location);

internal sealed record DeviceInfo(string Code, string Kind, string? Name, string? AgencyCode);

internal sealed record RegisteredDevice(DeviceInfo Device, string ApiKey);

internal sealed record TokenResponse(string AccessToken);

/// <summary>An answer from the platform that is not the expected one; <see cref="Status"/> is null when there was no answer.</summary>
internal sealed class PlatformException(HttpStatusCode? status, string message, Exception? inner = null) : Exception(message, inner)
{
    public HttpStatusCode? Status { get; } = status;

    public bool Unreachable => Status is null;
}

/// <summary>The administrative and identity calls the simulator makes besides the ingest batches.</summary>
internal sealed class PlatformClient(HttpClient http)
{
    /// <summary>One connection pool per run; the key, when given, goes on every request.</summary>
    public static HttpClient CreateHttp(Uri server, string? deviceKey, int connections)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(1, connections),
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        var client = new HttpClient(handler)
        {
            BaseAddress = server.AbsoluteUri.EndsWith('/') ? server : new Uri(server.AbsoluteUri + "/"),
            Timeout = Timeout.InfiniteTimeSpan,
        };
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("vanguard-sim", "1.0"));
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        if (!string.IsNullOrEmpty(deviceKey))
        {
            client.DefaultRequestHeaders.Add(Wire.DeviceKeyHeader, deviceKey);
        }

        return client;
    }

    public async Task<string> GetTokenAsync(string username, string password, CancellationToken ct)
    {
        using var response = await SendAsync(() => http.PostAsJsonAsync("api/v1/auth/token", new { username, password }, Wire.Json, ct));
        await EnsureAsync(response, "sign in", ct);
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(Wire.Json, ct);
        return token?.AccessToken ?? throw new PlatformException(response.StatusCode, "The token answer has no accessToken.");
    }

    /// <returns>The device and its key, or null when the code is already taken.</returns>
    public async Task<RegisteredDevice?> RegisterDeviceAsync(string accessToken, DeviceRegistration device, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/devices") { Content = JsonContent.Create(device, options: Wire.Json) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await SendAsync(() => http.SendAsync(request, ct));
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return null;
        }

        await EnsureAsync(response, $"register {device.Code}", ct);
        return await response.Content.ReadFromJsonAsync<RegisteredDevice>(Wire.Json, ct)
            ?? throw new PlatformException(response.StatusCode, "The registration answer is empty.");
    }

    /// <summary><c>GET /api/v1/devices/me</c>: checks the key and tells the device its code.</summary>
    public async Task<DeviceInfo> WhoAmIAsync(CancellationToken ct)
    {
        using var response = await SendAsync(() => http.GetAsync("api/v1/devices/me", ct));
        await EnsureAsync(response, "identify the device", ct);
        return await response.Content.ReadFromJsonAsync<DeviceInfo>(Wire.Json, ct)
            ?? throw new PlatformException(response.StatusCode, "The device answer is empty.");
    }

    private static async Task<HttpResponseMessage> SendAsync(Func<Task<HttpResponseMessage>> send)
    {
        try
        {
            return await send();
        }
        catch (HttpRequestException e)
        {
            throw new PlatformException(null, e.GetBaseException().Message, e);
        }
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new PlatformException(response.StatusCode,
                $"Could not {what}: HTTP {(int)response.StatusCode} {await BatchSender.DescribeAsync(response, ct)}");
        }
    }
}
