using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vanguard.Server.Tests.Infrastructure;

/// <summary>Small helpers for talking to the API the way a client would.</summary>
public static class ApiClient
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<HttpClient> SignedInAsync(this VanguardFactory factory, string username, string password = VanguardFactory.Password)
    {
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static HttpClient AsDevice(this VanguardFactory factory, string key)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Device-Key", key);
        return client;
    }

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct)) ?? throw new InvalidOperationException("empty body");

    /// <summary>Asserts an RFC 9457 problem with the given status and code, and returns it.</summary>
    public static async Task<JsonNode> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        var problem = JsonNode.Parse(body)!;
        problem["code"]!.GetValue<string>().ShouldBe(code, body);
        problem["status"]!.GetValue<int>().ShouldBe((int)status);
        problem["messages"]!["zh-CN"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        problem["messages"]!["en"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        return problem;
    }

    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
}
