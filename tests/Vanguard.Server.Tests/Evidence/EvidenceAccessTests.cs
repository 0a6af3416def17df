using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using UglyToad.PdfPig;
using static Vanguard.Server.Tests.Evidence.EvidenceApi;

namespace Vanguard.Server.Tests.Evidence;

/// <summary>Playback with ranges, the chain of custody, jurisdiction, links to cases, export, integrity.</summary>
public sealed class EvidenceAccessTests(VanguardFactory factory) : IClassFixture<VanguardFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    private async Task<(Guid Id, byte[] Content)> UploadedAsync(int seed, string tags = "巡查,G107")
    {
        var dock = factory.AsDevice(await DockKeyAsync(factory, "zhengzhou.admin", "410122"));
        var officerNo = await OfficerNoAsync(factory, "zhengzhou.admin", "410122", 2);
        var content = RandomBytes(100_000, seed);
        var meta = Meta(content, officerNo);
        meta["tags"] = tags;
        return (await UploadAsync(dock, content, meta), content);
    }

    [Fact]
    public async Task RangeRequest_Returns206_WithTheRightBytes()
    {
        var (id, content) = await UploadedAsync(101);
        var client = await factory.SignedInAsync("zhengzhou.case");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/evidence/{id}/content");
        request.Headers.Range = new RangeHeaderValue(1000, 1999);

        using var response = await client.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        response.Content.Headers.ContentRange!.ToString().ShouldBe($"bytes 1000-1999/{content.Length}");
        (await response.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(content[1000..2000]);
        response.Headers.AcceptRanges.ShouldContain("bytes");
    }

    [Fact]
    public async Task EveryAccess_IsInTheCustodyChain_AndTheAuditChain()
    {
        var (id, _) = await UploadedAsync(102);
        var client = await factory.SignedInAsync("zhengzhou.case");
        client.DefaultRequestHeaders.UserAgent.ParseAdd("VanguardTest/1.0");
        var admin = await factory.SignedInAsync("admin");
        var caseId = await NewCaseAsync(client);

        (await client.GetAsync($"/api/v1/evidence/{id}/content", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var seek = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/evidence/{id}/content"))
        {
            seek.Headers.Range = new RangeHeaderValue(50_000, null);
            (await client.SendAsync(seek, Ct)).StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        }

        (await client.GetAsync($"/api/v1/evidence/{id}/content?download=true", Ct)).Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        (await client.PostAsJsonAsync($"/api/v1/evidence/{id}/links", new { caseId }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync($"/api/v1/evidence/export.zip?id={id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PostAsJsonAsync($"/api/v1/evidence/{id}/retention", new { legalHold = true, reason = "行政复议期间" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PostAsJsonAsync($"/api/v1/evidence/{id}/retention", new { retentionClass = "permanent", reason = "重要证据" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var custody = await (await client.GetAsync($"/api/v1/evidence/{id}/custody", Ct)).JsonAsync();
        custody.AsArray().Select(e => e!["action"]!.GetValue<string>())
            .ShouldBe(["upload", "view", "download", "link", "export", "legal_hold", "retention"]);
        var view = custody.AsArray().Single(e => e!["action"]!.GetValue<string>() == "view")!;
        view["userAgent"]!.GetValue<string>().ShouldContain("VanguardTest/1.0");
        view["actorId"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        view["actorKind"]!.GetValue<string>().ShouldBe("person");
        custody.AsArray()[0]!["actorKind"]!.GetValue<string>().ShouldBe("device");

        await admin.GetAsync("/api/v1/audit/verify", Ct);
        var audit = await (await admin.GetAsync($"/api/v1/audit/entries?targetType=evidence&targetId={id}&pageSize=50", Ct)).JsonAsync();
        audit["items"]!.AsArray().Select(e => e!["action"]!.GetValue<string>())
            .ShouldBe(["evidence.upload", "evidence.view", "evidence.download", "evidence.link", "evidence.export", "evidence.legal_hold", "evidence.retention"], ignoreOrder: true);
    }

    [Fact]
    public async Task Link_PutsABodyCamClipIntoTheCaseFile_AndKeepsTheItemPermanently()
    {
        var (id, _) = await UploadedAsync(103);
        var client = await factory.SignedInAsync("zhengzhou.case");
        var caseId = await NewCaseAsync(client);

        var linked = await (await client.PostAsJsonAsync($"/api/v1/evidence/{id}/links", new { caseId }, Ct)).JsonAsync();

        linked["cases"]!.AsArray().Single()!["caseId"]!.GetValue<string>().ShouldBe(caseId.ToString());
        linked["retention"]!.GetValue<string>().ShouldContain("永久");
        var detail = await (await client.GetAsync($"/api/v1/cases/{caseId}", Ct)).JsonAsync();
        detail["fileItems"]!.AsArray().ShouldContain(i => i!["code"]!.GetValue<string>() == "bodycam_clip" && i["reference"]!.GetValue<string>() == $"evidence:{id}");
        detail["checklist"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == "bodycam_clip")!["present"]!.GetValue<bool>().ShouldBeTrue();
        var byCase = await (await client.GetAsync($"/api/v1/evidence?caseId={caseId}", Ct)).JsonAsync();
        byCase["items"]!.AsArray().Single()!["id"]!.GetValue<string>().ShouldBe(id.ToString());
        var again = await client.PostAsJsonAsync($"/api/v1/evidence/{id}/links", new { caseId }, Ct);
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "evidence.already_linked");
    }

    [Fact]
    public async Task Link_ToAnotherCitysCase_IsNotFound()
    {
        var (id, _) = await UploadedAsync(104);
        var nanyang = await factory.SignedInAsync("nanyang.case");
        var officers = await Cases.CaseApi.TwoOfficersAsync(nanyang, "411302");
        var nanyangCase = Cases.CaseApi.IdOf(await Cases.CaseApi.CreateAsync(nanyang, CaseBody(officers, "411302")));
        var zhengzhou = await factory.SignedInAsync("zhengzhou.case");

        var response = await zhengzhou.PostAsJsonAsync($"/api/v1/evidence/{id}/links", new { caseId = nanyangCase }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "cases.not_found");
    }

    [Fact]
    public async Task AnotherCitysOfficer_CannotSeeTheItem()
    {
        var (id, content) = await UploadedAsync(105);
        var nanyang = await factory.SignedInAsync("nanyang.case");

        await (await nanyang.GetAsync($"/api/v1/evidence/{id}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "evidence.not_found");
        await (await nanyang.GetAsync($"/api/v1/evidence/{id}/content", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "evidence.not_found");
        await (await nanyang.GetAsync($"/api/v1/evidence/{id}/custody", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "evidence.not_found");
        var byHash = await (await nanyang.GetAsync($"/api/v1/evidence?sha256={Sha256(content)}", Ct)).JsonAsync();
        byHash["total"]!.GetValue<int>().ShouldBe(0);
        var zhengzhou = await factory.SignedInAsync("zhengzhou.case");
        var mine = await (await zhengzhou.GetAsync($"/api/v1/evidence?sha256={Sha256(content)}", Ct)).JsonAsync();
        mine["items"]!.AsArray().Single()!["id"]!.GetValue<string>().ShouldBe(id.ToString());
    }

    [Fact]
    public async Task Search_ByTagOfficerAndTime()
    {
        var (id, _) = await UploadedAsync(106, tags: "夜查,S312");
        var client = await factory.SignedInAsync("zhengzhou.case");
        var item = await ItemAsync(client, id);
        var officerNo = item["officerNo"]!.GetValue<string>();
        var from = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-3).ToString("O"));

        var byTag = await (await client.GetAsync($"/api/v1/evidence?tag=夜查", Ct)).JsonAsync();
        var byOfficer = await (await client.GetAsync($"/api/v1/evidence?officerNo={officerNo}&from={from}&pageSize=200", Ct)).JsonAsync();
        var past = await (await client.GetAsync($"/api/v1/evidence?tag=夜查&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-2).ToString("O"))}", Ct)).JsonAsync();

        byTag["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ShouldBe([id.ToString()]);
        byTag["items"]!.AsArray()[0]!["tags"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldBe(["S312", "夜查"]);
        byOfficer["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ShouldContain(id.ToString());
        past["total"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task Export_IsAZipWithTheFilesAndASha256Manifest()
    {
        var (first, a) = await UploadedAsync(107);
        var (second, b) = await UploadedAsync(108);
        var client = await factory.SignedInAsync("zhengzhou.case");

        using var response = await client.GetAsync($"/api/v1/evidence/export.zip?id={first}&id={second}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        await using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)));
        var manifest = new StreamReader(zip.GetEntry("manifest-sha256.txt")!.Open(), Encoding.UTF8).ReadToEnd()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split("  ")).ToList();
        manifest.Count.ShouldBe(2);
        manifest.Select(m => m[1]).Distinct().Count().ShouldBe(2);
        manifest.Select(m => m[0]).ShouldBe([Sha256(a), Sha256(b)], ignoreOrder: true);
        foreach (var line in manifest)
        {
            using var file = new MemoryStream();
            await zip.GetEntry(line[1])!.Open().CopyToAsync(file, Ct);
            Sha256(file.ToArray()).ShouldBe(line[0]);
        }

        var json = JsonNode.Parse(new StreamReader(zip.GetEntry("manifest.json")!.Open()).ReadToEnd())!;
        json["items"]!.AsArray().ShouldAllBe(i => i!["verifiedOnExport"]!.GetValue<bool>());
    }

    [Fact]
    public async Task CustodyReport_IsAPdfWithTheHashAndTheCustodyLines()
    {
        var (id, content) = await UploadedAsync(109);
        var client = await factory.SignedInAsync("zhengzhou.case");
        (await client.GetAsync($"/api/v1/evidence/{id}/content", Ct)).EnsureSuccessStatusCode();

        using var response = await client.GetAsync($"/api/v1/evidence/{id}/custody.pdf", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        using var pdf = PdfDocument.Open(bytes);
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        text.ShouldContain("保管链");
        text.ShouldContain(Sha256(content));
        text.ShouldContain("查看");
        (await CustodyActionsAsync(client, id)).ShouldBe(["upload", "view", "report"]);
    }

    [Fact]
    public async Task IntegrityJob_CatchesABlobAlteredOnDisk()
    {
        var (id, content) = await UploadedAsync(110);
        var path = BlobPath(factory, Sha256(content));
        var altered = content.ToArray();
        altered[500] ^= 0xFF;
        File.WriteAllBytes(path, altered);
        var admin = await factory.SignedInAsync("admin");

        var run = await (await admin.PostAsync("/api/v1/evidence/jobs/integrity", null, Ct)).JsonAsync();

        run["affected"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(1);
        var findings = await (await admin.GetAsync("/api/v1/evidence/integrity?open=true", Ct)).JsonAsync();
        var finding = findings["items"]!.AsArray().Single(f => f!["evidenceId"]!.GetValue<string>() == id.ToString())!;
        finding["kind"]!.GetValue<string>().ShouldBe("mismatch");
        finding["actualSha256"]!.GetValue<string>().ShouldBe(Sha256(altered));
        (await CustodyActionsAsync(admin, id)).ShouldContain("integrity");
        // A second run does not raise the same finding twice.
        await admin.PostAsync("/api/v1/evidence/jobs/integrity", null, Ct);
        var again = await (await admin.GetAsync("/api/v1/evidence/integrity?open=true", Ct)).JsonAsync();
        again["items"]!.AsArray().Count(f => f!["evidenceId"]!.GetValue<string>() == id.ToString()).ShouldBe(1);
    }

    [Fact]
    public async Task Jobs_AreForTheProvinceAdminOnly()
    {
        var city = await factory.SignedInAsync("zhengzhou.admin");

        (await city.PostAsync("/api/v1/evidence/jobs/retention", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static object CaseBody(Guid[] officers, string agencyCode) => new
    {
        procedure = "ordinary",
        agencyCode,
        offenceCode = "unlicensed.freight",
        title = "未取得道路运输经营许可擅自从事道路普通货物运输",
        source = 1,
        party = new { kind = "person", name = "赵国庆", idNumber = "11010519491231002X", address = "河南省", phone = "13800000000" },
        vehicle = new { plate = "豫A12345", color = "yellow" },
        actOn = "2026-09-01",
        acceptedOn = "2026-09-01",
        facts = "当事人驾驶货车从事道路货物运输，未能出示道路运输证。",
        officerIds = officers,
    };

    private static async Task<Guid> NewCaseAsync(HttpClient client)
    {
        var officers = await Cases.CaseApi.TwoOfficersAsync(client, "410122");
        return Cases.CaseApi.IdOf(await Cases.CaseApi.CreateAsync(client, CaseBody(officers, "410122")));
    }
}
