using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using static Vanguard.Server.Tests.Evidence.EvidenceApi;

namespace Vanguard.Server.Tests.Evidence;

/// <summary>The tus 1.0 server: discovery, creation, resume, checksums, termination, hash verification, who may upload.</summary>
public sealed class TusUploadTests(VanguardFactory factory) : IClassFixture<VanguardFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    private async Task<(HttpClient Dock, string OfficerNo)> DockAsync()
    {
        var key = await DockKeyAsync(factory, "zhengzhou.admin", "410122");
        return (factory.AsDevice(key), await OfficerNoAsync(factory, "zhengzhou.admin", "410122"));
    }

    [Fact]
    public async Task Options_DescribesTheServer_WithoutAuthentication()
    {
        var client = factory.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Options, Uploads), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        response.Headers.GetValues("Tus-Resumable").Single().ShouldBe("1.0.0");
        response.Headers.GetValues("Tus-Version").Single().ShouldBe("1.0.0");
        response.Headers.GetValues("Tus-Extension").Single().Split(',').ShouldBe(["creation", "checksum", "termination", "expiration"], ignoreOrder: true);
        response.Headers.GetValues("Tus-Checksum-Algorithm").Single().Split(',').ShouldContain("sha256");
        long.Parse(response.Headers.GetValues("Tus-Max-Size").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(1L << 30);
    }

    [Fact]
    public async Task InterruptedUpload_ResumesWhereItStopped_AndBecomesEvidence()
    {
        var (dock, officerNo) = await DockAsync();
        var content = RandomBytes(300_000, 1);
        var location = await CreateAsync(dock, content.Length, Meta(content, officerNo));

        using (var first = await PatchAsync(dock, location, 0, content.AsMemory(0, 100_000)))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.NoContent);
            first.Headers.GetValues("Upload-Offset").Single().ShouldBe("100000");
            first.Headers.Contains("Evidence-Id").ShouldBeFalse();
        }

        // The dock loses its connection; later (a new client) it asks where to go on.
        var resumed = factory.AsDevice(dock.DefaultRequestHeaders.GetValues("X-Device-Key").Single());
        var offset = await HeadOffsetAsync(resumed, location);
        offset.ShouldBe(100_000);
        var id = await SendRestAsync(resumed, location, content, offset, chunkSize: 128 * 1024);

        var item = await ItemAsync(await factory.SignedInAsync("zhengzhou.case"), id);
        item["sha256"]!.GetValue<string>().ShouldBe(Sha256(content));
        item["length"]!.GetValue<long>().ShouldBe(content.Length);
        item["officerNo"]!.GetValue<string>().ShouldBe(officerNo);
        File.ReadAllBytes(BlobPath(factory, Sha256(content))).ShouldBe(content);
        using var head = Tus(HttpMethod.Head, location);
        using var done = await resumed.SendAsync(head, Ct);
        done.Headers.GetValues("Upload-Offset").Single().ShouldBe("300000");
        done.Headers.GetValues("Evidence-Id").Single().ShouldBe(id.ToString());
    }

    [Fact]
    public async Task WrongHash_IsRejected_AndNothingBecomesEvidence()
    {
        var (dock, officerNo) = await DockAsync();
        var content = RandomBytes(50_000, 2);
        var declared = Sha256(RandomBytes(50_000, 3));
        var location = await CreateAsync(dock, content.Length, Meta(content, officerNo, sha256: declared));

        using var response = await PatchAsync(dock, location, 0, content);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "evidence.hash_mismatch");
        File.Exists(BlobPath(factory, Sha256(content))).ShouldBeFalse();
        File.Exists(BlobPath(factory, declared)).ShouldBeFalse();
        Directory.EnumerateFiles(Path.Combine(factory.DataDirectory, "evidence", "uploads")).ShouldNotContain(f => f.Contains(location.Split('/').Last(), StringComparison.Ordinal));
        var admin = await factory.SignedInAsync("admin");
        foreach (var sha in new[] { declared, Sha256(content) })
        {
            var found = await (await admin.GetAsync($"/api/v1/evidence?sha256={sha}", Ct)).JsonAsync();
            found["total"]!.GetValue<int>().ShouldBe(0);
        }

        using var head = Tus(HttpMethod.Head, location);
        (await dock.SendAsync(head, Ct)).StatusCode.ShouldBe(HttpStatusCode.Gone);
    }

    [Fact]
    public async Task SameContentTwice_IsStoredOnce_AndFindsTheSameItem()
    {
        var (dock, officerNo) = await DockAsync();
        var content = RandomBytes(20_000, 4);

        var first = await UploadAsync(dock, content, Meta(content, officerNo));
        var second = await UploadAsync(dock, content, Meta(content, officerNo));

        second.ShouldBe(first);
        Directory.EnumerateFiles(Path.Combine(factory.DataDirectory, "evidence", "sha256"), Sha256(content), SearchOption.AllDirectories).Count().ShouldBe(1);
        var found = await (await (await factory.SignedInAsync("zhengzhou.case")).GetAsync($"/api/v1/evidence?sha256={Sha256(content)}", Ct)).JsonAsync();
        found["items"]!.AsArray().Single()!["id"]!.GetValue<string>().ShouldBe(first.ToString());
    }

    [Fact]
    public async Task OffsetMismatch_Is409()
    {
        var (dock, officerNo) = await DockAsync();
        var content = RandomBytes(10_000, 5);
        var location = await CreateAsync(dock, content.Length, Meta(content, officerNo));

        using var response = await PatchAsync(dock, location, 5_000, content.AsMemory(5_000));

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "evidence.offset_mismatch");
    }

    [Fact]
    public async Task WrongTusVersion_Is412_WithTheSupportedVersion()
    {
        var (dock, officerNo) = await DockAsync();
        var content = RandomBytes(1_000, 6);
        using var request = new HttpRequestMessage(HttpMethod.Post, Uploads);
        request.Headers.Add("Tus-Resumable", "0.2.2");
        request.Headers.Add("Upload-Length", "1000");
        request.Headers.Add("Upload-Metadata", Metadata(Meta(content, officerNo)));

        using var response = await dock.SendAsync(request, Ct);

        response.Headers.GetValues("Tus-Version").Single().ShouldBe("1.0.0");
        await response.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "evidence.tus_version");
    }

    [Fact]
    public async Task BadChunkChecksum_Is460_AndTheChunkIsNotKept()
    {
        var (dock, officerNo) = await DockAsync();
        var content = RandomBytes(40_000, 7);
        var location = await CreateAsync(dock, content.Length, Meta(content, officerNo));
        var wrong = "sha256 " + Convert.ToBase64String(SHA256.HashData(content.AsSpan(0, 10)));

        using var bad = await PatchAsync(dock, location, 0, content.AsMemory(0, 20_000), wrong);

        ((int)bad.StatusCode).ShouldBe(460);
        (await HeadOffsetAsync(dock, location)).ShouldBe(0);
        var good = "sha256 " + Convert.ToBase64String(SHA256.HashData(content.AsSpan(0, 20_000)));
        using var ok = await PatchAsync(dock, location, 0, content.AsMemory(0, 20_000), good);
        ok.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var id = await SendRestAsync(dock, location, content, 20_000);
        id.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public async Task UnknownUpload_Is404_AndATerminatedOne_Is410()
    {
        var (dock, officerNo) = await DockAsync();
        using var unknown = Tus(HttpMethod.Head, $"{Uploads}/{Guid.NewGuid():N}");
        (await dock.SendAsync(unknown, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var content = RandomBytes(10_000, 8);
        var location = await CreateAsync(dock, content.Length, Meta(content, officerNo));
        (await PatchAsync(dock, location, 0, content.AsMemory(0, 4_000))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var delete = Tus(HttpMethod.Delete, location);
        (await dock.SendAsync(delete, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        using var head = Tus(HttpMethod.Head, location);
        (await dock.SendAsync(head, Ct)).StatusCode.ShouldBe(HttpStatusCode.Gone);
        using var patch = await PatchAsync(dock, location, 4_000, content.AsMemory(4_000));
        await patch.ShouldBeProblemAsync(HttpStatusCode.Gone, "evidence.upload_gone");
    }

    [Fact]
    public async Task OfficerWithBearerToken_CanUpload()
    {
        var officer = await factory.SignedInAsync("zhengzhou.field");
        var me = await (await officer.GetAsync("/api/v1/me", Ct)).JsonAsync();
        var officerNo = await OfficerNoAsync(factory, "zhengzhou.admin", "410122", 1);
        var content = RandomBytes(30_000, 9);

        var id = await UploadAsync(officer, content, Meta(content, officerNo));

        var item = await ItemAsync(officer, id);
        item["uploadedBy"]!["kind"]!.GetValue<string>().ShouldBe("person");
        item["uploadedBy"]!["name"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        me.ShouldNotBeNull();
    }

    [Fact]
    public async Task Upload_IsBoundToItsCreator()
    {
        var (dock, officerNo) = await DockAsync();
        var content = RandomBytes(10_000, 10);
        var location = await CreateAsync(dock, content.Length, Meta(content, officerNo));
        var other = factory.AsDevice(await DockKeyAsync(factory, "zhengzhou.admin", "410122"));

        using var response = await PatchAsync(other, location, 0, content);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "evidence.upload_not_yours");
    }

    [Fact]
    public async Task WeighStation_AndAnonymous_CannotUpload_AndStillGetTusHeaders()
    {
        var wim = factory.AsDevice(await DockKeyAsync(factory, "zhengzhou.admin", "410122", kind: "wim-station"));
        var officerNo = await OfficerNoAsync(factory, "zhengzhou.admin", "410122");
        var content = RandomBytes(1_000, 11);

        using var asWim = Tus(HttpMethod.Post, Uploads);
        asWim.Headers.Add("Upload-Length", "1000");
        asWim.Headers.Add("Upload-Metadata", Metadata(Meta(content, officerNo)));
        using var refused = await wim.SendAsync(asWim, Ct);
        using var anonymous = await factory.CreateClient().SendAsync(Tus(HttpMethod.Post, Uploads), Ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        anonymous.Headers.GetValues("Tus-Resumable").Single().ShouldBe("1.0.0");
    }

    [Fact]
    public async Task Officer_OutsideTheDocksJurisdiction_IsRefused()
    {
        var (dock, _) = await DockAsync();
        var nanyangOfficer = await OfficerNoAsync(factory, "nanyang.admin", "411302");
        var content = RandomBytes(1_000, 12);
        using var request = Tus(HttpMethod.Post, Uploads);
        request.Headers.Add("Upload-Length", "1000");
        request.Headers.Add("Upload-Metadata", Metadata(Meta(content, nanyangOfficer)));

        using var response = await dock.SendAsync(request, Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        problem["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).ShouldContain("metadata.officerNo");
    }

    [Fact]
    public async Task MissingMetadata_IsAValidationProblem()
    {
        var (dock, _) = await DockAsync();
        using var request = Tus(HttpMethod.Post, Uploads);
        request.Headers.Add("Upload-Length", "1000");
        request.Headers.Add("Upload-Metadata", Metadata([new("filename", "a.mp4")]));

        using var response = await dock.SendAsync(request, Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        problem["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>())
            .ShouldBe(["metadata.sha256", "metadata.recordedFrom", "metadata.recordedTo", "metadata.deviceSerial", "metadata.officerNo"], ignoreOrder: true);
    }

    [Fact]
    public async Task BrowserClients_GetCorsPreflightAndExposedHeaders()
    {
        var client = factory.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, $"{Uploads}/{Guid.NewGuid():N}");
        preflight.Headers.Add("Origin", "https://terminal.example");
        preflight.Headers.Add("Access-Control-Request-Method", "PATCH");
        preflight.Headers.Add("Access-Control-Request-Headers", "upload-offset, tus-resumable, x-device-key");

        using var response = await client.SendAsync(preflight, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        response.Headers.GetValues("Access-Control-Allow-Origin").Single().ShouldBe("*");
        response.Headers.GetValues("Access-Control-Allow-Methods").Single().ShouldContain("PATCH");
        response.Headers.GetValues("Access-Control-Allow-Headers").Single().ShouldContain("Upload-Offset");
        response.Headers.GetValues("Access-Control-Allow-Headers").Single().ShouldContain("X-Device-Key");

        var (dock, officerNo) = await DockAsync();
        var content = RandomBytes(1_000, 13);
        using var create = Tus(HttpMethod.Post, Uploads);
        create.Headers.Add("Origin", "https://terminal.example");
        create.Headers.Add("Upload-Length", "1000");
        create.Headers.Add("Upload-Metadata", Metadata(Meta(content, officerNo)));
        using var created = await dock.SendAsync(create, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var exposed = created.Headers.GetValues("Access-Control-Expose-Headers").Single();
        exposed.ShouldContain("Location");
        exposed.ShouldContain("Upload-Offset");
        exposed.ShouldContain("Evidence-Id");
    }

    [Fact]
    public async Task LargePatchBodies_AreAccepted_BeyondTheApiDefaultLimit()
    {
        var (dock, officerNo) = await DockAsync();
        var content = RandomBytes(5 * 1024 * 1024, 14);

        var id = await UploadAsync(dock, content, Meta(content, officerNo), chunkSize: content.Length);

        id.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public async Task PatchWithoutOffsetContentType_Is415()
    {
        var (dock, officerNo) = await DockAsync();
        var content = RandomBytes(1_000, 15);
        var location = await CreateAsync(dock, content.Length, Meta(content, officerNo));
        using var request = Tus(HttpMethod.Patch, location);
        request.Headers.Add("Upload-Offset", "0");
        request.Content = new ByteArrayContent(content);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

        using var response = await dock.SendAsync(request, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "evidence.content_type");
    }
}
