using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Vanguard.Cluster.Tests.Infrastructure;

namespace Vanguard.Cluster.Tests.Storage;

/// <summary>
/// Issue 11 item 7: a disk-full or read-only data directory gives a clear error and no corruption. A real node process
/// on a small tmpfs: started read-only it exits with a message naming the directory; filled while running, writes
/// answer <c>storage.full</c> problem details, and after space is freed and the node restarted the database passes
/// <c>PRAGMA integrity_check</c> and holds every write it acknowledged.
/// </summary>
public sealed class StorageFaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static void Say(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

    [Fact]
    public async Task ReadOnlyDataDirectory_StopsStartUp_WithAMessageNamingIt()
    {
        await using var volume = await DataVolume.CreateAsync(16);
        Say($"data directory: {volume.How}");
        await volume.MakeReadOnlyAsync();

        var failed = await Should.ThrowAsync<InvalidOperationException>(() => NodeProcess.StartAsync(volume.Path, ct: Ct));

        var message = failed.Message;
        message.ShouldContain("exited with code 74", customMessage: message);
        message.ShouldContain($"数据目录 {volume.Path} 不可写", customMessage: message);
        message.ShouldContain($"The data directory {volume.Path} cannot be written", customMessage: message);
        message.ShouldNotContain("Unhandled exception", customMessage: message);
        message.ShouldNotContain("   at ", customMessage: message);
        Directory.EnumerateFileSystemEntries(volume.Path).ShouldBeEmpty("nothing was created in it");
    }

    [Fact]
    public async Task FullDisk_WritesAnswerStorageFull_AndAfterRestartTheDatabaseIsWholeWithEveryAcknowledgedWrite()
    {
        await using var volume = await DataVolume.CreateAsync(192);
        Say($"data directory: {volume.How}");
        var node = await NodeProcess.StartAsync(volume.Path, ct: Ct);
        var acknowledgedCases = new List<Guid>();
        var refusedCases = new List<string>();
        byte[] clip = new byte[3_000_000];
        new Random(7).NextBytes(clip);
        byte[] photo = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. RandomNumberGenerator.GetBytes(200_000)];
        var photoSha = Convert.ToHexStringLower(SHA256.HashData(photo));
        string? uploadLocation;
        string dockKey, wimKey;
        try
        {
            using var admin = await SignedInAsync(node, "zhengzhou.admin");
            using var caseOfficer = await SignedInAsync(node, "zhengzhou.case");
            dockKey = await DeviceKeyAsync(admin, "dock-station", "DOCK-FULL-01");
            wimKey = await DeviceKeyAsync(admin, "wim-station", "WIM-FULL-01");
            var officers = await OfficersAsync(caseOfficer);

            var filled = volume.Fill();
            Say($"filled the disk with {filled / (1 << 20)} MiB");

            // A recording: the part file cannot grow, so the upload (or already its creation) answers storage.full.
            using var dock = Device(node, dockKey);
            var (created, location) = await CreateUploadAsync(dock, clip, officers[0].No);
            uploadLocation = location;
            var evidenceFault = created;
            if (location is not null)
            {
                evidenceFault = await PatchAsync(dock, location, 0, clip);
            }

            await ShouldBeStorageFullAsync(evidenceFault, "evidence upload");

            // A WIM batch with a photo: the photo cannot be written, and so the batch is not taken.
            using var station = Device(node, wimKey);
            await ShouldBeStorageFullAsync(await station.PostAsJsonAsync("/api/v1/offsite/wim-records", new[] { WimRecord(photo, photoSha) }, Ct), "WIM batch");

            // Cases: SQLite may still commit into WAL pages it already has; each one answered 201 must survive, each other
            // one must be a storage fault — never a 500.
            for (var i = 0; i < 40; i++)
            {
                var response = await caseOfficer.PostAsJsonAsync("/api/v1/cases", Case(officers, i), Ct);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    acknowledgedCases.Add(Guid.Parse((await response.JsonAsync())["summary"]!["id"]!.GetValue<string>()));
                    continue;
                }

                refusedCases.Add((await ShouldBeStorageFaultAsync(response, $"case {i}"))["code"]!.GetValue<string>());
            }

            Say($"cases on the full disk: {acknowledgedCases.Count} of 40 acknowledged, refused with "
                + string.Join(", ", refusedCases.CountBy(c => c).Select(c => $"{c.Key} × {c.Value}")));
        }
        finally
        {
            node.Kill();
            await node.DisposeAsync();
        }

        volume.FreeSpace();
        Directory.EnumerateFiles(volume.Path, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty("no half-written photo");
        File.Exists(Path.Combine(volume.Path, "offsite", "images", photoSha[..2], photoSha[2..4], photoSha)).ShouldBeFalse("the refused photo is not stored");
        await using (var restarted = await NodeProcess.StartAsync(volume.Path, ct: Ct))
        {
            using var caseOfficer = await SignedInAsync(restarted, "zhengzhou.case");
            foreach (var id in acknowledgedCases)
            {
                var found = await caseOfficer.GetAsync($"/api/v1/cases/{id}", Ct);
                found.StatusCode.ShouldBe(HttpStatusCode.OK, $"acknowledged case {id}: {await found.Content.ReadAsStringAsync(Ct)}");
            }

            // The refused writes go through now: the upload resumes where the disk stopped it, the batch is new, not a duplicate.
            using var dock = Device(restarted, dockKey);
            using var station = Device(restarted, wimKey);
            var evidenceId = await FinishUploadAsync(dock, uploadLocation, clip, (await OfficersAsync(caseOfficer))[0].No);
            var item = await (await caseOfficer.GetAsync($"/api/v1/evidence/{evidenceId}", Ct)).JsonAsync();
            item["sha256"]!.GetValue<string>().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(clip)));
            (await caseOfficer.GetByteArrayAsync($"/api/v1/evidence/{evidenceId}/content", Ct)).ShouldBe(clip);
            var batch = await (await station.PostAsJsonAsync("/api/v1/offsite/wim-records", new[] { WimRecord(photo, photoSha) }, Ct)).JsonAsync();
            batch["accepted"]!.GetValue<int>().ShouldBe(1, batch.ToJsonString());
            (await caseOfficer.GetByteArrayAsync($"/api/v1/offsite/wim-records/WIM-FULL-01/full-1/images/{photoSha}", Ct)).ShouldBe(photo);
            await restarted.StopAsync();
        }

        await using var db = new SqliteConnection($"Data Source={Path.Combine(volume.Path, "vanguard.db")};Pooling=False");
        await db.OpenAsync(Ct);
        await using var check = db.CreateCommand();
        check.CommandText = "PRAGMA integrity_check;";
        (await check.ExecuteScalarAsync(Ct)).ShouldBe("ok");
    }

    /// <summary>
    /// Linux refuses to remount a file system read-only while a file on it is open for writing (EBUSY), as SQLite's
    /// database is: so the folders the node opens a file in per write — unfinished uploads and off-site photos — are
    /// mounts of their own, turned read-only under the running node.
    /// </summary>
    [Fact]
    public async Task UploadAndPhotoFolders_TurningReadOnlyWhileRunning_AnswerStorageReadOnly_AndRecover()
    {
        var data = Path.Combine(Path.GetTempPath(), "vanguard-storage-tests", Guid.NewGuid().ToString("N"));
        await using var removeData = new RemovedAtEnd(data);    // disposed last: after the node and the mounts
        await using var uploads = await DataVolume.CreateAsync(64, Path.Combine(data, "evidence", "uploads"));
        await using var photos = await DataVolume.CreateAsync(16, Path.Combine(data, "offsite", "images"));
        Say($"uploads: {uploads.How}; photos: {photos.How}");
        await using var node = await NodeProcess.StartAsync(data, ct: Ct);
        using var admin = await SignedInAsync(node, "zhengzhou.admin");
        using var caseOfficer = await SignedInAsync(node, "zhengzhou.case");
        using var dock = Device(node, await DeviceKeyAsync(admin, "dock-station", "DOCK-RO-01"));
        using var station = Device(node, await DeviceKeyAsync(admin, "wim-station", "WIM-RO-01"));
        var officers = await OfficersAsync(caseOfficer);
        var clip = RandomNumberGenerator.GetBytes(500_000);
        byte[] photo = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. RandomNumberGenerator.GetBytes(50_000)];
        var photoSha = Convert.ToHexStringLower(SHA256.HashData(photo));

        await uploads.MakeReadOnlyAsync();
        await photos.MakeReadOnlyAsync();
        var (created, location) = await CreateUploadAsync(dock, clip, officers[0].No);
        var patch = location is null ? created : await PatchAsync(dock, location, 0, clip);  // the creation makes the empty part file
        var batch = await station.PostAsJsonAsync("/api/v1/offsite/wim-records", new[] { WimRecord(photo, photoSha) }, Ct);

        (await ShouldBeStorageFaultAsync(patch, "evidence upload"))["code"]!.GetValue<string>().ShouldBe("storage.read_only");
        ((int)patch.StatusCode).ShouldBe(503);
        (await ShouldBeStorageFaultAsync(batch, "WIM batch"))["code"]!.GetValue<string>().ShouldBe("storage.read_only");
        ((int)batch.StatusCode).ShouldBe(503);

        await uploads.MakeWritableAsync();
        await photos.MakeWritableAsync();
        var evidenceId = await FinishUploadAsync(dock, location, clip, officers[0].No);
        (await caseOfficer.GetByteArrayAsync($"/api/v1/evidence/{evidenceId}/content", Ct)).ShouldBe(clip);
        var accepted = await (await station.PostAsJsonAsync("/api/v1/offsite/wim-records", new[] { WimRecord(photo, photoSha) }, Ct)).JsonAsync();
        accepted["accepted"]!.GetValue<int>().ShouldBe(1, "the refused batch was not half-taken: " + accepted.ToJsonString());
        (await caseOfficer.GetByteArrayAsync($"/api/v1/offsite/wim-records/WIM-RO-01/full-1/images/{photoSha}", Ct)).ShouldBe(photo);
        node.Kill();
    }

    private static async Task ShouldBeStorageFullAsync(HttpResponseMessage response, string what)
    {
        var problem = await ShouldBeStorageFaultAsync(response, what);
        problem["code"]!.GetValue<string>().ShouldBe("storage.full", $"{what}: {problem.ToJsonString()}");
        ((int)response.StatusCode).ShouldBe(507);
    }

    private static async Task<JsonNode> ShouldBeStorageFaultAsync(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", $"{what}: {(int)response.StatusCode} {body}");
        var problem = JsonNode.Parse(body)!;
        problem["code"]!.GetValue<string>().ShouldStartWith("storage.", customMessage: $"{what}: {body}");
        problem["messages"]!["zh-CN"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        problem["messages"]!["en"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        return problem;
    }

    private static async Task<HttpClient> SignedInAsync(NodeProcess node, string username)
    {
        var client = node.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password = VanguardFactory.Password }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await response.JsonAsync())["accessToken"]!.GetValue<string>());
        return client;
    }

    private static HttpClient Device(NodeProcess node, string key)
    {
        var client = node.CreateClient();
        client.DefaultRequestHeaders.Add("X-Device-Key", key);
        return client;
    }

    private static async Task<string> DeviceKeyAsync(HttpClient admin, string kind, string code)
    {
        var until = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1);
        var response = await admin.PostAsJsonAsync("/api/v1/devices", new
        {
            kind, code, name = "存储故障测试设备", agencyCode = "410122", serialNumber = "SN-" + code, accuracyClass = 5,
            certificate = new { number = "JD-" + code, validFrom = until.AddYears(-1).AddDays(-7).ToString("yyyy-MM-dd"), validUntil = until.ToString("yyyy-MM-dd") },
        }, Ct);
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToJsonString());
        return body["apiKey"]!.GetValue<string>();
    }

    private static async Task<List<(Guid Id, string No)>> OfficersAsync(HttpClient client)
    {
        var page = await (await client.GetAsync("/api/v1/officers?agencyCode=410122&pageSize=50", Ct)).JsonAsync();
        return page["items"]!.AsArray().Where(o => o!["certificateValid"]!.GetValue<bool>())
            .Select(o => (Guid.Parse(o!["id"]!.GetValue<string>()), o["officerNo"]!.GetValue<string>())).Take(2).ToList();
    }

    private static object Case(List<(Guid Id, string No)> officers, int i) => new
    {
        procedure = "ordinary", agencyCode = "410122", offenceCode = "unlicensed.freight", title = $"磁盘满时立案 {i}", source = 1,
        party = new { kind = "person", name = "赵国庆", idNumber = "11010519491231002X", address = "河南省郑州市中牟县", phone = "13800000000" },
        vehicle = new { plate = "豫A12345", color = "yellow" }, actOn = "2026-09-01", acceptedOn = "2026-09-01",
        facts = "当事人驾驶豫A12345货车从事道路货物运输，未能出示道路运输证。", officerIds = officers.Select(o => o.Id).ToArray(),
    };

    private static object WimRecord(byte[] photo, string sha) => new
    {
        recordId = "full-1", capturedAt = DateTimeOffset.UtcNow.AddMinutes(-5).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
        lane = 1, plate = "豫A55555", plateColor = "yellow", axleCount = 2, vehicleKind = "truck", axleWeightsKg = new[] { 6_000, 9_000 }, grossWeightKg = 15_000,
        speedKmh = 60, images = new[] { new { kind = "front", sha256 = sha, contentType = "image/png", base64 = Convert.ToBase64String(photo) } },
    };

    private static HttpRequestMessage Tus(HttpMethod method, string url)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("Tus-Resumable", "1.0.0");
        return request;
    }

    /// <summary>The creation's response, and the upload's address when it was created.</summary>
    private static async Task<(HttpResponseMessage Response, string? Location)> CreateUploadAsync(HttpClient client, byte[] content, string officerNo)
    {
        var from = DateTimeOffset.UtcNow.AddHours(-2);
        var meta = new Dictionary<string, string>
        {
            ["filename"] = "full.mp4", ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(content)),
            ["recordedFrom"] = from.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
            ["recordedTo"] = from.AddMinutes(5).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
            ["deviceSerial"] = "REC-FULL", ["officerNo"] = officerNo,
        };
        var create = Tus(HttpMethod.Post, "/api/v1/evidence/uploads");
        create.Headers.Add("Upload-Length", content.Length.ToString(CultureInfo.InvariantCulture));
        create.Headers.Add("Upload-Metadata", string.Join(',', meta.Select(p => $"{p.Key} {Convert.ToBase64String(Encoding.UTF8.GetBytes(p.Value))}")));
        var response = await client.SendAsync(create, Ct);
        return (response, response.StatusCode == HttpStatusCode.Created ? response.Headers.Location!.ToString() : null);
    }

    private static async Task<HttpResponseMessage> PatchAsync(HttpClient client, string location, long offset, byte[] content)
    {
        var patch = Tus(HttpMethod.Patch, location);
        patch.Headers.Add("Upload-Offset", offset.ToString(CultureInfo.InvariantCulture));
        patch.Content = new ByteArrayContent(content, (int)offset, content.Length - (int)offset);
        patch.Content.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        return await client.SendAsync(patch, Ct);
    }

    /// <summary>Resumes the upload at the offset the server reports (or starts one if the disk refused its creation).</summary>
    private static async Task<Guid> FinishUploadAsync(HttpClient client, string? location, byte[] content, string officerNo)
    {
        if (location is null)
        {
            (_, location) = await CreateUploadAsync(client, content, officerNo);
            location.ShouldNotBeNull();
        }

        using var head = Tus(HttpMethod.Head, location);
        using var state = await client.SendAsync(head, Ct);
        state.StatusCode.ShouldBe(HttpStatusCode.OK);
        var offset = long.Parse(state.Headers.GetValues("Upload-Offset").Single(), CultureInfo.InvariantCulture);
        Say($"the upload resumes at byte {offset} of {content.Length}");
        using var response = await PatchAsync(client, location, offset, content);
        response.StatusCode.ShouldBe(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync(Ct));
        return Guid.Parse(response.Headers.GetValues("Evidence-Id").Single());
    }

    private sealed class RemovedAtEnd(string folder) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            return ValueTask.CompletedTask;
        }
    }
}
