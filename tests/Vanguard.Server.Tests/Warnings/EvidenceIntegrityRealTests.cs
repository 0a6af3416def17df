using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Vanguard.Server.Modules.Warnings.Jobs;

namespace Vanguard.Server.Tests.Warnings;

/// <summary>
/// 证据完整性校验失败 end to end: a stored photo's blob is altered on disk, the evidence module's integrity job finds it, and the
/// warning job raises the warning from that finding (the evidence module's own IEvidenceIntegrity, no fake).
/// </summary>
public sealed class EvidenceIntegrityRealTests(VanguardFactory factory) : IClassFixture<VanguardFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    /// <summary>A complaint with one photo, stored by the evidence module; returns the photo's SHA-256.</summary>
    private async Task<string> ComplaintWithPhotoAsync(string fileName)
    {
        byte[] photo = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, .. Guid.NewGuid().ToByteArray()];
        var command = await factory.SignedInAsync("zhengzhou.command");
        var filed = await command.PostAsJsonAsync("/api/v1/complaints", new
        {
            type = "complaint", domain = "road_transport", place = new { text = "郑州东站", agencyCode = "410100" },
            occurredAt = DateTimeOffset.UtcNow.AddHours(-1), complainant = new { name = "周五", phone = "13900002222" },
            accused = new { party = "豫A66666 出租车" }, description = "拒载。",
            photos = new[] { new { fileName, contentBase64 = Convert.ToBase64String(photo) } },
        }, Ct);
        filed.StatusCode.ShouldBe(HttpStatusCode.Created, await filed.Content.ReadAsStringAsync(Ct));
        return Convert.ToHexStringLower(SHA256.HashData(photo));
    }

    [Fact]
    public async Task IntactBlob_PassesTheIntegrityJob_AndIsNotWarned()
    {
        var fileName = $"intact-{Guid.NewGuid():N}.jpg";
        var sha = await ComplaintWithPhotoAsync(fileName);

        var admin = await factory.SignedInAsync("admin");
        (await admin.PostAsync("/api/v1/evidence/jobs/integrity", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await factory.Services.GetRequiredService<WarningJob>().RunOnceAsync(Ct);

        var page = await (await admin.GetAsync("/api/v1/warnings?rule=evidence_integrity&pageSize=200", Ct)).JsonAsync();
        page["items"]!.AsArray().Select(w => w!["summary"]!.GetValue<string>()).ShouldNotContain(s => s.Contains(fileName), "the file was checked and found intact");
        File.Exists(Path.Combine(factory.DataDirectory, "evidence", "sha256", sha[..2], sha[2..4], sha)).ShouldBeTrue("the check did read a stored file");
    }

    [Fact]
    public async Task AlteredBlob_FoundByTheIntegrityJob_IsWarned()
    {
        var sha = await ComplaintWithPhotoAsync("scene.jpg");
        var blob = Path.Combine(factory.DataDirectory, "evidence", "sha256", sha[..2], sha[2..4], sha);
        File.Exists(blob).ShouldBeTrue(blob);
        var photo = await File.ReadAllBytesAsync(blob, Ct);
        File.SetAttributes(blob, FileAttributes.Normal);
        await File.WriteAllBytesAsync(blob, [.. photo, 0x00], Ct);

        var admin = await factory.SignedInAsync("admin");
        (await admin.PostAsync("/api/v1/evidence/jobs/integrity", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await factory.Services.GetRequiredService<WarningJob>().RunOnceAsync(Ct);

        var leader = await factory.SignedInAsync("zhengzhou.admin");
        var page = await (await leader.GetAsync("/api/v1/warnings?rule=evidence_integrity", Ct)).JsonAsync();
        var warning = page["items"]!.AsArray().Single()!;
        warning["subject"]!.GetValue<string>().ShouldStartWith("evidence:");
        var detail = await (await leader.GetAsync($"/api/v1/warnings/{warning["id"]}", Ct)).JsonAsync();
        detail["figures"]!.AsArray().Single(f => f!["label"]!.GetValue<string>() == "登记的 SHA-256")!["value"]!.GetValue<string>().ShouldBe(sha);
        detail["summary"]!.GetValue<string>().ShouldContain("scene.jpg");
    }
}
