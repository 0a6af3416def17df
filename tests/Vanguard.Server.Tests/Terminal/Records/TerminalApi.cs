using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Vanguard.Server.Tests.Terminal.Records;

/// <summary>Helpers for the terminal's record and on-the-spot endpoints, as the PWA calls them.</summary>
internal static class TerminalApi
{
    private static CancellationToken Ct => ApiClient.Ct;

    /// <summary>A 1×1 PNG (a signature pad would send a bigger one).</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>Bytes that start like a JPEG (SOI + APP0) and differ per call, as two photos of a scene would.</summary>
    public static byte[] Jpeg(int size = 4096)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        bytes[0] = 0xFF;
        bytes[1] = 0xD8;
        bytes[2] = 0xFF;
        bytes[3] = 0xE0;
        bytes[^2] = 0xFF;
        bytes[^1] = 0xD9;
        return bytes;
    }

    public static string DataUrl(string mediaType, byte[] bytes) => $"data:{mediaType};base64,{Convert.ToBase64String(bytes)}";

    public static DateOnly TodayInChina => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    public static object Inspection(string place, object[]? photos = null, string? idNumber = "11010519491231002X") => new
    {
        kind = "inspection",
        startedAt = DateTimeOffset.UtcNow.AddMinutes(-20),
        endedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
        place,
        lat = 34.75,
        lon = 113.62,
        plate = "豫A12345",
        plateColor = "blue",
        party = new { kind = "person", name = "孙伟", idNumber, phone = "13800000000", address = "郑州市中原区" },
        content = "经现场检查，该车车货总高度 4.1 米。",
        photos = photos ?? [],
        signature = new { dataUrl = DataUrl("image/png", Png), signedAt = DateTimeOffset.UtcNow.AddMinutes(-4) },
    };

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await client.SendAsync(request, Ct);
    }

    public static async Task<int> CountAsync(HttpClient client, bool mine = true) =>
        (await (await client.GetAsync($"/api/v1/terminal/records?mine={mine}&pageSize=1", Ct)).JsonAsync())["total"]!.GetValue<int>();

    /// <summary>A certified officer of the caller's city who is not the caller, to stand beside them (行政处罚法 art. 42).</summary>
    public static async Task<Guid> PartnerAsync(HttpClient client, string agencyCode, string username)
    {
        var page = await (await client.GetAsync($"/api/v1/officers?agencyCode={agencyCode}&pageSize=50", Ct)).JsonAsync();
        return page["items"]!.AsArray()
            .Where(o => o!["certificateValid"]!.GetValue<bool>() && o["username"]?.GetValue<string>() != username)
            .Select(o => Guid.Parse(o!["id"]!.GetValue<string>()))
            .First();
    }

    public static object Penalty(Guid partner, long fineFen, string partyKind = "person", string? idNumber = null, Guid? recordId = null) => new
    {
        offenceCode = "overload.dimensions",
        facts = "车货总高度 4.1 米，超过 4 米，未超过 4.2 米。",
        place = "G107 国道 K689 处",
        actOn = TodayInChina,
        party = new { kind = partyKind, name = partyKind == "person" ? "孙伟" : "郑州某物流有限公司", idNumber },
        plate = "豫A12345",
        plateColor = "blue",
        fineFen,
        warning = false,
        recordId,
        coOfficerIds = new[] { partner },
    };

    public static string Text(JsonNode node, string name) => node[name]!.GetValue<string>();
}
