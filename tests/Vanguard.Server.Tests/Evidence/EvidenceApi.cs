using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Vanguard.Server.Tests.Evidence;

/// <summary>A small tus client and helpers for the evidence tests.</summary>
internal static class EvidenceApi
{
    public const string Uploads = "/api/v1/evidence/uploads";

    private static CancellationToken Ct => ApiClient.Ct;

    public static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Registers a docking station in the agency (as its city admin) and returns its key.</summary>
    public static async Task<string> DockKeyAsync(VanguardFactory factory, string adminLogin, string agencyCode, string kind = "dock-station")
    {
        var admin = await factory.SignedInAsync(adminLogin);
        var response = await admin.PostAsJsonAsync("/api/v1/devices", new
        {
            kind, code = $"DOCK-{agencyCode}-{Guid.NewGuid():N}"[..30], name = "执法记录仪采集站", agencyCode, serialNumber = "SN-" + Guid.NewGuid().ToString("N")[..8],
        }, Ct);
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToJsonString());
        return body["apiKey"]!.GetValue<string>();
    }

    /// <summary>An officer number in the agency (demo officers have numbers like 41010001).</summary>
    public static async Task<string> OfficerNoAsync(VanguardFactory factory, string login, string agencyCode, int index = 0)
    {
        var client = await factory.SignedInAsync(login);
        var page = await (await client.GetAsync($"/api/v1/officers?agencyCode={agencyCode}&pageSize=50", Ct)).JsonAsync();
        return page["items"]!.AsArray()[index]!["officerNo"]!.GetValue<string>();
    }

    public static string Metadata(IEnumerable<KeyValuePair<string, string>> pairs) =>
        string.Join(',', pairs.Select(p => $"{p.Key} {Convert.ToBase64String(Encoding.UTF8.GetBytes(p.Value))}"));

    public static Dictionary<string, string> Meta(byte[] content, string officerNo, DateTimeOffset? recordedFrom = null, string? sha256 = null, string fileName = "clip.mp4")
    {
        var from = recordedFrom ?? DateTimeOffset.UtcNow.AddHours(-2);
        return new Dictionary<string, string>
        {
            ["filename"] = fileName,
            ["sha256"] = sha256 ?? Sha256(content),
            ["recordedFrom"] = from.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
            ["recordedTo"] = from.AddMinutes(5).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
            ["deviceSerial"] = "REC-0001",
            ["officerNo"] = officerNo,
        };
    }

    public static HttpRequestMessage Tus(HttpMethod method, string url)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("Tus-Resumable", "1.0.0");
        return request;
    }

    public static async Task<string> CreateAsync(HttpClient client, long length, Dictionary<string, string> meta)
    {
        using var request = Tus(HttpMethod.Post, Uploads);
        request.Headers.Add("Upload-Length", length.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("Upload-Metadata", Metadata(meta));
        using var response = await client.SendAsync(request, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return response.Headers.Location!.ToString();
    }

    public static async Task<HttpResponseMessage> PatchAsync(HttpClient client, string location, long offset, ReadOnlyMemory<byte> chunk, string? checksum = null)
    {
        using var request = Tus(HttpMethod.Patch, location);
        request.Headers.Add("Upload-Offset", offset.ToString(CultureInfo.InvariantCulture));
        if (checksum is not null)
        {
            request.Headers.Add("Upload-Checksum", checksum);
        }

        request.Content = new ReadOnlyMemoryContent(chunk);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        return await client.SendAsync(request, Ct);
    }

    public static async Task<long> HeadOffsetAsync(HttpClient client, string location)
    {
        using var request = Tus(HttpMethod.Head, location);
        using var response = await client.SendAsync(request, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return long.Parse(response.Headers.GetValues("Upload-Offset").Single(), CultureInfo.InvariantCulture);
    }

    /// <summary>Uploads in chunks; returns the evidence id from the last response.</summary>
    public static async Task<Guid> UploadAsync(HttpClient client, byte[] content, Dictionary<string, string> meta, int chunkSize = 64 * 1024)
    {
        var location = await CreateAsync(client, content.Length, meta);
        return await SendRestAsync(client, location, content, 0, chunkSize);
    }

    public static async Task<Guid> SendRestAsync(HttpClient client, string location, byte[] content, long offset, int chunkSize = 64 * 1024)
    {
        while (true)
        {
            var size = (int)Math.Min(chunkSize, content.Length - offset);
            using var response = await PatchAsync(client, location, offset, content.AsMemory((int)offset, size));
            response.StatusCode.ShouldBe(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync(Ct));
            offset = long.Parse(response.Headers.GetValues("Upload-Offset").Single(), CultureInfo.InvariantCulture);
            if (offset == content.Length)
            {
                return Guid.Parse(response.Headers.GetValues("Evidence-Id").Single());
            }
        }
    }

    public static async Task<JsonNode> ItemAsync(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/v1/evidence/{id}", Ct);
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        return body;
    }

    public static async Task<List<string>> CustodyActionsAsync(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/v1/evidence/{id}/custody", Ct);
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        return body.AsArray().Select(e => e!["action"]!.GetValue<string>()).ToList();
    }

    public static string BlobPath(VanguardFactory factory, string sha256) =>
        Path.Combine(factory.DataDirectory, "evidence", "sha256", sha256[..2], sha256[2..4], sha256);
}
