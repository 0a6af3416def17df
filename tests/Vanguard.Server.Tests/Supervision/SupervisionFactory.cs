using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Evidence.Data;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Tests.Supervision;

/// <summary>The platform with the demo province, and helpers to reach its data as the platform.</summary>
public class SupervisionFactory : VanguardFactory
{
    public async Task<T> WithDbAsync<T>(Func<VanguardDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        return await work(scope.ServiceProvider.GetRequiredService<VanguardDbContext>());
    }

    /// <summary>The officer linked to a demo account, and the account's id as the audit chain names it.</summary>
    public Task<(Guid OfficerId, Guid AgencyId, string AccountId)> AccountAsync(string username) => WithDbAsync(async db =>
    {
        var user = await db.Users.SingleAsync(u => u.UserName == username, ApiClient.Ct);
        var officer = await db.Officers.SingleAsync(o => o.Id == user.OfficerId, ApiClient.Ct);
        return (officer.Id, officer.AgencyId, user.Id.ToString());
    });

    /// <summary>The n-th active officer (by number) of the agency with that code.</summary>
    public Task<(Guid Id, string Name, string OfficerNo)> OfficerAsync(string agencyCode, int skip = 0) => WithDbAsync(async db =>
    {
        var agency = await db.Agencies.SingleAsync(a => a.Code == agencyCode, ApiClient.Ct);
        var o = await db.Officers.Where(x => x.AgencyId == agency.Id && x.Active).OrderBy(x => x.OfficerNo).Skip(skip).FirstAsync(ApiClient.Ct);
        return (o.Id, o.Name, o.OfficerNo);
    });

    /// <summary>A live body-camera clip the officer recorded (what a finding may cite as evidence).</summary>
    public Task<Guid> ClipAsync(Guid officerId, string tag) => WithDbAsync(async db =>
    {
        var officer = await db.Officers.SingleAsync(o => o.Id == officerId, ApiClient.Ct);
        var at = DateTimeOffset.UtcNow.AddDays(-3);
        var clip = new EvidenceItem
        {
            Id = Guid.CreateVersion7(), AgencyId = officer.AgencyId, Sha256 = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + new string('0', 32),
            Length = 1024, FileName = $"{tag}.mp4", ContentType = "video/mp4", OfficerId = officer.Id, OfficerNo = officer.OfficerNo, OfficerName = officer.Name,
            DeviceSerial = "DSJ-" + tag, UploadedByKind = "device", UploadedById = "dock", UploadedByName = "dock", RecordedFrom = at, RecordedTo = at.AddMinutes(15),
            UploadedAt = at.AddHours(1), Category = "routine", RetentionClass = "standard", MediaStatus = MediaStatus.Pending,
        };
        db.Add(clip);
        await db.SaveChangesAsync(ApiClient.Ct);
        return clip.Id;
    });

    public static object Inspection(
        Guid? officerId = null, string? agencyCode = null, string inspectedOn = "2024-03-05", bool serious = false, params (string Code, string Result)[] items) => new
    {
        officerId,
        agencyCode,
        inspectedOn,
        place = "郑州市郑东新区治超检查点",
        serious,
        items = items.Select(i => new { code = i.Code, result = i.Result, finding = i.Result == "breach" ? "检查时发现：" + i.Code : null }).ToArray(),
    };

    public static async Task<JsonNode> CreatedAsync(HttpResponseMessage response)
    {
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToJsonString());
        return body;
    }

    public static async Task<JsonNode> RecordAsync(HttpClient client, object inspection) => await CreatedAsync(await PostAsync(client, inspection));

    /// <summary>POST /inspections with an <c>Idempotency-Key</c> (a new one unless given).</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, object inspection, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/supervision/inspections") { Content = JsonContent.Create(inspection) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString("N"));
        return client.SendAsync(request, ApiClient.Ct);
    }
}
