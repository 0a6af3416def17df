using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Offsite.Data;
using Vanguard.Server.Modules.Online.Data;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Tests.Cases;
using Vanguard.Server.Tests.Registry;

namespace Vanguard.Server.Tests.Online;

/// <summary>The platform with the portal's throttle opened wide: the tests share one client address.</summary>
public class OnlineFactory : VanguardFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Vanguard:Online:PerAddressPer10Minutes", "100000"),
        new("Vanguard:Online:PerPlatePer10Minutes", "100000"),
    ];
}

/// <summary>Producing cases a party can find online, and reading what the portal sent.</summary>
internal static partial class OnlineApi
{
    private static int _next = 100;

    private static CancellationToken Ct => ApiClient.Ct;

    public static DateOnly Today => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);

    public static string NewPlate() => $"豫A{Interlocked.Increment(ref _next) + 60_000:D5}";

    /// <summary>A tiny JPEG-looking photo and its SHA-256.</summary>
    public static (byte[] Bytes, string Sha256) Photo(string seed)
    {
        byte[] bytes = [0xFF, 0xD8, 0xFF, 0xE0, .. System.Text.Encoding.UTF8.GetBytes("photo " + seed), 0xFF, 0xD9];
        return (bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    /// <summary>An off-site case (立案, 审查) from a confirmed weighing, with its SMS notice queued; returns the case id and the notice code.</summary>
    public static async Task<(Guid CaseId, string NoticeCode, string PhotoSha256)> OffsiteCaseAsync(VanguardFactory factory, string plate, int grossKg = 60_000)
    {
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var code = "WIM-ON-" + Interlocked.Increment(ref _next);
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        var until = DateOnly.FromDateTime(now.DateTime).AddYears(1);
        var device = await admin.PostAsJsonAsync("/api/v1/devices", new
        {
            kind = "wim-station", code, name = "G107 中牟动态称重检测点", agencyCode = "410122", accuracyClass = 5,
            certificate = new { number = "JD-" + code, validFrom = until.AddYears(-1).AddDays(-7).ToString("yyyy-MM-dd"), validUntil = until.ToString("yyyy-MM-dd") },
        }, Ct);
        var key = (await device.JsonAsync())["apiKey"]!.GetValue<string>();
        var (bytes, sha) = Photo(code);
        var axle = grossKg / 6;
        var record = new
        {
            recordId = "r1", capturedAt = now.AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm:sszzz"), lane = 1, plate, plateColor = "yellow", axleCount = 6,
            vehicleKind = "combination", axleWeightsKg = Enumerable.Repeat(axle, 5).Append(grossKg - (axle * 5)).ToArray(), grossWeightKg = grossKg, speedKmh = 62.5,
            images = new[] { new { kind = "plate", sha256 = sha, contentType = "image/jpeg", base64 = Convert.ToBase64String(bytes) } },
        };
        var ingest = await factory.AsDevice(key).PostAsJsonAsync("/api/v1/offsite/wim-records", new[] { record }, Ct);
        (await ingest.JsonAsync())["accepted"]!.GetValue<int>().ShouldBe(1);
        var reviewer = await factory.SignedInAsync("zhengzhou.case");
        var wim = await (await reviewer.GetAsync($"/api/v1/offsite/wim-records/{code}/r1", Ct)).JsonAsync();
        var confirm = await reviewer.PostAsJsonAsync($"/api/v1/offsite/review-items/{wim["reviewItemId"]!.GetValue<string>()}/confirm", new { }, Ct);
        var item = await confirm.JsonAsync();
        confirm.StatusCode.ShouldBe(HttpStatusCode.OK, item.ToJsonString());
        var caseId = Guid.Parse(item["caseId"]!.GetValue<string>());
        return (caseId, await NoticeCodeAsync(factory, caseId), sha);
    }

    public static async Task<string> NoticeCodeAsync(VanguardFactory factory, Guid caseId)
    {
        using var scope = factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        var db = scope.ServiceProvider.GetRequiredService<VanguardDbContext>();
        return await db.Set<OffsiteNotification>().Where(n => n.CaseId == caseId).Select(n => n.NoticeCode).SingleAsync(Ct);
    }

    /// <summary>The texts the default SMS sender left in <c>online_sms_outbox</c> for a phone, oldest first.</summary>
    public static async Task<List<string>> OutboxAsync(VanguardFactory factory, string phone)
    {
        using var scope = factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        var db = scope.ServiceProvider.GetRequiredService<VanguardDbContext>();
        return (await db.Set<OnlineSmsMessage>().Where(m => m.Phone == phone).ToListAsync(Ct)).OrderBy(m => m.CreatedAt).Select(m => m.Text).ToList();
    }

    public static string CodeIn(string text) => SixDigits().Match(text).Value;

    /// <summary>A person with a phone and a truck in the 运政 registry.</summary>
    public static async Task<(string IdNumber, string Phone)> RegisterVehicleAsync(VanguardFactory factory, string plate, string color = "yellow")
    {
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var n = RegistryData.Next() + 5_000;
        var id = RegistryData.IdNumber(n);
        var phone = $"139{n:D8}";
        var person = await admin.PostAsJsonAsync("/api/v1/registry/persons", new { name = "钱师傅", idNumber = id, phone, address = "河南省郑州市中牟县" }, Ct);
        person.StatusCode.ShouldBe(HttpStatusCode.Created, await person.Content.ReadAsStringAsync(Ct));
        var vehicle = await admin.PostAsJsonAsync("/api/v1/registry/vehicles", new { plate, plateColor = color, vehicleTypeCode = color == "blue" ? "K33" : "H11", ownerIdNumber = id }, Ct);
        vehicle.StatusCode.ShouldBe(HttpStatusCode.Created, await vehicle.Content.ReadAsStringAsync(Ct));
        return (id, phone);
    }

    /// <summary>An ordinary case about the vehicle, filed, investigated and notified (违法行为通知书) on <paramref name="notifiedOn"/>.</summary>
    public static async Task<Guid> NotifiedCaseAsync(HttpClient staff, string plate, string idNumber, string phone, long proposedFineFen, DateOnly notifiedOn)
    {
        var officers = await CaseApi.TwoOfficersAsync(staff, "410122");
        var actOn = notifiedOn.AddDays(-3).ToString("yyyy-MM-dd");
        var created = await CaseApi.CreateAsync(staff, new
        {
            procedure = "ordinary", agencyCode = "410122", offenceCode = "overload.mass", title = "车辆超限运输", source = 1,
            party = new { kind = "person", name = "钱师傅", idNumber, address = "河南省郑州市中牟县", phone },
            vehicle = new { plate, color = "yellow" }, actOn, acceptedOn = actOn,
            facts = $"{plate}货车超限运输，经检测车货总质量超过限定标准。", penaltyFacts = new { overKg = 8_000 }, officerIds = officers,
        });
        var id = CaseApi.IdOf(created);
        await CaseApi.ActAsync(staff, id, "file", new { on = actOn, approvedBy = "张诚" });
        await CaseApi.ActAsync(staff, id, "complete-investigation", new { on = actOn });
        await CaseApi.ActAsync(staff, id, "notify", new { on = notifiedOn.ToString("yyyy-MM-dd"), proposedFineFen });
        return id;
    }

    /// <summary>A party client that proved every case of the plate with the one-time code texted to the owner.</summary>
    public static async Task<HttpClient> PartyByCodeAsync(VanguardFactory factory, string plate, string phone)
    {
        var party = factory.CreateClient();
        (await party.PostAsJsonAsync("/api/v1/online/codes", new { plate, plateColor = "yellow" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var code = CodeIn((await OutboxAsync(factory, phone)).Last());
        var verified = await party.PostAsJsonAsync("/api/v1/online/codes/verify", new { plate, code }, Ct);
        verified.StatusCode.ShouldBe(HttpStatusCode.OK, await verified.Content.ReadAsStringAsync(Ct));
        return party;
    }

    public static async Task<HttpClient> PartyByNoticeAsync(VanguardFactory factory, string plate, string noticeCode)
    {
        var party = factory.CreateClient();
        var found = await party.PostAsJsonAsync("/api/v1/online/lookup", new { plate, noticeCode }, Ct);
        found.StatusCode.ShouldBe(HttpStatusCode.OK, await found.Content.ReadAsStringAsync(Ct));
        return party;
    }

    public static async Task<JsonNode> CaseAsync(HttpClient party, Guid caseId)
    {
        var response = await party.GetAsync($"/api/v1/online/cases/{caseId}", Ct);
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        return body;
    }

    [GeneratedRegex(@"(?<!\d)\d{6}(?!\d)")]
    private static partial Regex SixDigits();
}
