using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Vanguard.Server.Tests.Cases;

/// <summary>Helpers for driving cases over HTTP.</summary>
internal static class CaseApi
{
    private static CancellationToken Ct => ApiClient.Ct;

    public static async Task<Guid[]> TwoOfficersAsync(HttpClient client, string agencyCode)
    {
        var page = await (await client.GetAsync($"/api/v1/officers?agencyCode={agencyCode}&pageSize=50", Ct)).JsonAsync();
        var ids = page["items"]!.AsArray()
            .Where(o => o!["certificateValid"]!.GetValue<bool>())
            .Select(o => Guid.Parse(o!["id"]!.GetValue<string>()))
            .Take(2)
            .ToArray();
        ids.Length.ShouldBe(2);
        return ids;
    }

    public static async Task<JsonNode> CreateAsync(HttpClient client, object request)
    {
        var response = await client.PostAsJsonAsync("/api/v1/cases", request, Ct);
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToJsonString());
        return body;
    }

    public static async Task<JsonNode> ActAsync(HttpClient client, Guid id, string action, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/cases/{id}/actions/{action}", body, Ct);
        var json = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{action}: {json.ToJsonString()}");
        return json;
    }

    /// <summary>Puts every missing required item into the case file, as the officers would by uploading evidence.</summary>
    public static async Task CompleteChecklistAsync(HttpClient client, Guid id)
    {
        var detail = await (await client.GetAsync($"/api/v1/cases/{id}", Ct)).JsonAsync();
        var missing = detail["checklist"]!.AsArray()
            .Where(i => i!["required"]!.GetValue<bool>() && !i["present"]!.GetValue<bool>())
            .Select(i => (Code: i!["code"]!.GetValue<string>(), Name: i["name"]!.GetValue<string>()))
            .ToList();
        foreach (var (code, name) in missing)
        {
            var response = await client.PostAsJsonAsync($"/api/v1/cases/{id}/file-items", new { code, description = name, reference = "EV-" + code }, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        }
    }

    public static async Task<JsonNode> GenerateAsync(HttpClient client, Guid id, string code)
    {
        var response = await client.PostAsync($"/api/v1/cases/{id}/documents/{code}", null, Ct);
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, $"{code}: {body.ToJsonString()}");
        return body;
    }

    public static Guid IdOf(JsonNode detail) => Guid.Parse(detail["summary"]!["id"]!.GetValue<string>());

    public static string StageOf(JsonNode detail) => detail["summary"]!["stage"]!.GetValue<string>();
}
