using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Vanguard.Cluster.Tests.Infrastructure;
using Vanguard.Server.Modules.Evidence;
using Vanguard.Server.Modules.Evidence.Storage;

namespace Vanguard.Cluster.Tests.Evidence;

/// <summary>The S3-compatible evidence store against s3rver (test.sh starts it; bucket vanguard-evidence), each test under a prefix of its own.</summary>
public sealed class S3EvidenceStoreTests : IDisposable
{
    private const string Bucket = "vanguard-evidence";
    private readonly string _prefix = $"store-tests/{Guid.NewGuid():N}/";
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "vanguard-s3-tests", Guid.NewGuid().ToString("N"));
    private readonly S3Connection _connection;
    private readonly S3EvidenceStore _store;

    public S3EvidenceStoreTests()
    {
        _connection = new S3Connection(Options.Create(Settings(_prefix)));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Vanguard:DataDirectory", _dataDirectory)]).Build();
        _store = new S3EvidenceStore(_connection, configuration);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static EvidenceOptions Settings(string prefix) => new()
    {
        Store = EvidenceStoreKind.S3,
        S3 = new S3StoreOptions { ServiceUrl = ClusterServices.S3, Bucket = Bucket, AccessKey = "S3RVER", SecretKey = "S3RVER", ForcePathStyle = true, Prefix = prefix },
    };

    public static async Task<List<string>> KeysAsync(IAmazonS3 client, string prefix) =>
        (await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = prefix }, TestContext.Current.CancellationToken)).S3Objects?
            .Select(o => o.Key).ToList() ?? [];

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [Fact]
    public async Task Put_StoresTheBlobUnderItsHash_AndReadsItBack()
    {
        var content = Bytes(3_000_000, 1);
        var sha = Sha(content);

        var stored = await _store.PutAsync(sha, new MemoryStream(content), Ct);

        stored.ShouldBeTrue();
        (await _store.LengthAsync(sha, Ct)).ShouldBe(content.Length);
        (await KeysAsync(_connection.Client, _prefix)).ShouldBe([$"{_prefix}sha256/{sha[..2]}/{sha[2..4]}/{sha}"]);
        await using var read = (await _store.OpenReadAsync(sha, Ct))!;
        var back = new MemoryStream();
        await read.CopyToAsync(back, Ct);
        back.ToArray().ShouldBe(content);
        Directory.EnumerateFiles(Path.Combine(_dataDirectory, "evidence", "tmp")).ShouldBeEmpty("the spooled copy is removed");
    }

    [Fact]
    public async Task PutFile_ConsumesTheFile_AndTheSameContentAgainKeepsTheFirstBlob()
    {
        var content = Bytes(200_000, 2);
        var sha = Sha(content);
        var first = Path.Combine(Path.GetTempPath(), $"vg-s3-{Guid.NewGuid():N}");
        var second = Path.Combine(Path.GetTempPath(), $"vg-s3-{Guid.NewGuid():N}");
        await File.WriteAllBytesAsync(first, content, Ct);
        await File.WriteAllBytesAsync(second, content, Ct);

        var created = await _store.PutFileAsync(sha, first, Ct);
        var again = await _store.PutFileAsync(sha, second, Ct);

        created.ShouldBeTrue();
        again.ShouldBeFalse("deduplicated: the blob was there already");
        File.Exists(first).ShouldBeFalse();
        File.Exists(second).ShouldBeFalse();
        (await KeysAsync(_connection.Client, _prefix)).Count.ShouldBe(1);
        (await _store.LengthAsync(sha, Ct)).ShouldBe(content.Length);
    }

    [Fact]
    public async Task PutFile_AboveTheThreshold_GoesUpInParts_AndReadsBackWhole()
    {
        using var parts = new S3Connection(Options.Create(Settings(_prefix))) { MultipartThreshold = 5 << 20, PartSize = 5 << 20 };
        var store = new S3EvidenceStore(parts, new ConfigurationBuilder().AddInMemoryCollection([new("Vanguard:DataDirectory", _dataDirectory)]).Build());
        var content = Bytes(12_000_000, 7);
        var sha = Sha(content);
        var file = Path.Combine(Path.GetTempPath(), $"vg-s3-{Guid.NewGuid():N}");
        await File.WriteAllBytesAsync(file, content, Ct);

        (await store.PutFileAsync(sha, file, Ct)).ShouldBeTrue();

        (await store.LengthAsync(sha, Ct)).ShouldBe(content.Length);
        await using var read = (await store.OpenReadAsync(sha, Ct))!;
        Convert.ToHexStringLower(await SHA256.HashDataAsync(read, Ct)).ShouldBe(sha);
    }

    [Fact]
    public async Task Put_WhenTheBytesDoNotMatchTheHash_CreatesNoObject()
    {
        var content = Bytes(100_000, 3);
        var claimed = Sha(Bytes(10, 4));
        var file = Path.Combine(Path.GetTempPath(), $"vg-s3-{Guid.NewGuid():N}");
        await File.WriteAllBytesAsync(file, content, Ct);

        var stored = await _store.PutAsync(claimed, new MemoryStream(content), Ct);
        await Should.ThrowAsync<InvalidDataException>(() => _store.PutFileAsync(claimed, file, Ct));

        stored.ShouldBeFalse();
        (await _store.LengthAsync(claimed, Ct)).ShouldBeNull();
        (await _store.OpenReadAsync(claimed, Ct)).ShouldBeNull();
        (await KeysAsync(_connection.Client, _prefix)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ReadStream_Seeks_AndReadsRangesAnywhere_AndWholeAcrossItsWindows()
    {
        var content = Bytes(5_500_000, 5);
        var sha = Sha(content);
        await _store.PutAsync(sha, new MemoryStream(content), Ct);
        await using var stream = (await _store.OpenReadAsync(sha, Ct))!;

        stream.CanSeek.ShouldBeTrue();
        stream.Length.ShouldBe(content.Length);
        async Task<byte[]> At(long offset, SeekOrigin origin, int count)
        {
            stream.Seek(offset, origin);
            var buffer = new byte[count];
            await stream.ReadExactlyAsync(buffer, Ct);
            return buffer;
        }

        (await At(4_000_000, SeekOrigin.Begin, 1_000)).ShouldBe(content[4_000_000..4_001_000]);
        (await At(10, SeekOrigin.Begin, 100)).ShouldBe(content[10..110]);
        (await At(-5, SeekOrigin.End, 5)).ShouldBe(content[^5..]);
        (await stream.ReadAsync(new byte[10], Ct)).ShouldBe(0, "at the end");
        stream.Position = 1_048_000;   // a read that crosses the first window's end
        (await At(0, SeekOrigin.Current, 2_000)).ShouldBe(content[1_048_000..1_050_000]);

        stream.Position = 0;
        Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, Ct)).ShouldBe(sha);
    }

    [Fact]
    public async Task Delete_RemovesTheBlob_AndSaysWhenThereWasNone()
    {
        var content = Bytes(1_000, 6);
        var sha = Sha(content);
        await _store.PutAsync(sha, new MemoryStream(content), Ct);

        var removed = await _store.DeleteAsync(sha, Ct);
        var again = await _store.DeleteAsync(sha, Ct);

        removed.ShouldBeTrue();
        again.ShouldBeFalse();
        (await _store.LengthAsync(sha, Ct)).ShouldBeNull();
        _store.LocalPath(sha).ShouldBeNull();
    }

    [Fact]
    public void Options_WithS3AndNoBucket_SayWhichKeyIsMissing()
    {
        var options = new EvidenceOptions { Store = EvidenceStoreKind.S3, S3 = new S3StoreOptions { ServiceUrl = ClusterServices.S3 } };

        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).Select(r => r.ErrorMessage).ToList();

        errors.ShouldContain(e => e!.Contains("Vanguard:Evidence:S3:Bucket"));
        new EvidenceOptions().Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ShouldBeEmpty("Local needs nothing");
    }

    public void Dispose()
    {
        _connection.Dispose();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}

/// <summary>The platform with <c>Vanguard:Evidence:Store=S3</c>, under a key prefix of its own in the shared bucket.</summary>
public sealed class S3VanguardFactory : VanguardFactory
{
    public string Prefix { get; } = $"platform-tests/{Guid.NewGuid():N}/";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Vanguard:Evidence:Store", "S3"),
        new("Vanguard:Evidence:S3:ServiceUrl", ClusterServices.S3),
        new("Vanguard:Evidence:S3:Bucket", "vanguard-evidence"),
        new("Vanguard:Evidence:S3:AccessKey", "S3RVER"),
        new("Vanguard:Evidence:S3:SecretKey", "S3RVER"),
        new("Vanguard:Evidence:S3:Prefix", Prefix),
    ];
}

/// <summary>Evidence and off-site photos through the whole platform with the S3 store: tus upload, range playback, ffprobe, WIM photos.</summary>
public sealed class S3EvidencePlatformTests(S3VanguardFactory factory) : IClassFixture<S3VanguardFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> DeviceKeyAsync(VanguardFactory factory, string kind, string code)
    {
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var until = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1);
        var response = await admin.PostAsJsonAsync("/api/v1/devices", new
        {
            kind, code, name = "S3 测试设备", agencyCode = "410122", serialNumber = "SN-" + Guid.NewGuid().ToString("N")[..8], accuracyClass = 5,
            certificate = new { number = "JD-" + code, validFrom = until.AddYears(-1).AddDays(-7).ToString("yyyy-MM-dd"), validUntil = until.ToString("yyyy-MM-dd") },
        }, Ct);
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToJsonString());
        return body["apiKey"]!.GetValue<string>();
    }

    private static HttpRequestMessage Tus(HttpMethod method, string url)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("Tus-Resumable", "1.0.0");
        return request;
    }

    /// <summary>A tus upload in 256 KiB chunks; the evidence id from the last response.</summary>
    public static async Task<Guid> UploadAsync(HttpClient client, byte[] content, string officerNo)
    {
        var from = DateTimeOffset.UtcNow.AddHours(-2);
        var meta = new Dictionary<string, string>
        {
            ["filename"] = "clip.mp4", ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(content)),
            ["recordedFrom"] = from.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
            ["recordedTo"] = from.AddMinutes(5).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
            ["deviceSerial"] = "REC-S3", ["officerNo"] = officerNo,
        };
        using var create = Tus(HttpMethod.Post, "/api/v1/evidence/uploads");
        create.Headers.Add("Upload-Length", content.Length.ToString(CultureInfo.InvariantCulture));
        create.Headers.Add("Upload-Metadata", string.Join(',', meta.Select(p => $"{p.Key} {Convert.ToBase64String(Encoding.UTF8.GetBytes(p.Value))}")));
        using var created = await client.SendAsync(create, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var location = created.Headers.Location!.ToString();
        for (var offset = 0; ;)
        {
            using var patch = Tus(HttpMethod.Patch, location);
            patch.Headers.Add("Upload-Offset", offset.ToString(CultureInfo.InvariantCulture));
            patch.Content = new ReadOnlyMemoryContent(content.AsMemory(offset, Math.Min(256 * 1024, content.Length - offset)));
            patch.Content.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
            using var response = await client.SendAsync(patch, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync(Ct));
            offset = int.Parse(response.Headers.GetValues("Upload-Offset").Single(), CultureInfo.InvariantCulture);
            if (offset == content.Length)
            {
                return Guid.Parse(response.Headers.GetValues("Evidence-Id").Single());
            }
        }
    }

    private static async Task<byte[]> ClipAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vanguard-s3-clip-{Guid.NewGuid():N}.mp4");
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[]
        {
            "-y", "-v", "error", "-f", "lavfi", "-i", "testsrc=duration=1:size=320x240:rate=15",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", path,     // no faststart: the index is at the end
        })
        {
            info.ArgumentList.Add(a);
        }

        using (var process = Process.Start(info) ?? throw new InvalidOperationException("ffmpeg did not start (test.sh installs it)"))
        {
            var error = await process.StandardError.ReadToEndAsync(Ct);
            await process.WaitForExitAsync(Ct);
            process.ExitCode.ShouldBe(0, error);
        }

        var bytes = await File.ReadAllBytesAsync(path, Ct);
        File.Delete(path);
        return bytes;
    }

    [Fact]
    public async Task Upload_IsStoredInTheBucket_PlaysWithRanges_AndIsProbedFromATemporaryCopy()
    {
        var dock = factory.AsDevice(await DeviceKeyAsync(factory, "dock-station", $"DOCK-S3-{Guid.NewGuid():N}"[..20]));
        var staff = await factory.SignedInAsync("zhengzhou.case");
        var officers = await (await staff.GetAsync("/api/v1/officers?agencyCode=410122&pageSize=5", Ct)).JsonAsync();
        var clip = await ClipAsync();
        var sha = Convert.ToHexStringLower(SHA256.HashData(clip));

        var id = await UploadAsync(dock, clip, officers["items"]!.AsArray()[0]!["officerNo"]!.GetValue<string>());

        using var s3 = new S3Connection(Options.Create(S3EvidenceStoreTests.Settings(factory.Prefix)));
        (await S3EvidenceStoreTests.KeysAsync(s3.Client, factory.Prefix)).ShouldContain($"{factory.Prefix}sha256/{sha[..2]}/{sha[2..4]}/{sha}");
        File.Exists(Path.Combine(factory.DataDirectory, "evidence", "sha256", sha[..2], sha[2..4], sha)).ShouldBeFalse("not in the local folder");

        using var ranged = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/evidence/{id}/content");
        ranged.Headers.Range = new RangeHeaderValue(1000, 1999);
        using var part = await staff.SendAsync(ranged, Ct);
        part.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        part.Content.Headers.ContentRange!.ToString().ShouldBe($"bytes 1000-1999/{clip.Length}");
        (await part.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(clip[1000..2000]);
        using var tail = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/evidence/{id}/content");
        tail.Headers.Range = new RangeHeaderValue(null, 100);
        (await (await staff.SendAsync(tail, Ct)).Content.ReadAsByteArrayAsync(Ct)).ShouldBe(clip[^100..]);
        (await staff.GetByteArrayAsync($"/api/v1/evidence/{id}/content", Ct)).ShouldBe(clip);

        var clock = Stopwatch.StartNew();
        JsonNode item;
        do
        {
            await Task.Delay(100, Ct);
            item = await (await staff.GetAsync($"/api/v1/evidence/{id}", Ct)).JsonAsync();
        }
        while (item["mediaInfo"]!.GetValue<string>() == "pending" && clock.Elapsed < TimeSpan.FromSeconds(60));

        item["mediaInfo"]!.GetValue<string>().ShouldBe("available", item.ToJsonString());
        item["media"]!["videoCodec"]!.GetValue<string>().ShouldBe("h264");
        item["media"]!["durationSeconds"]!.GetValue<double>().ShouldBe(1.0, 0.2);
        Directory.EnumerateFiles(Path.Combine(factory.DataDirectory, "evidence", "uploads"), "probe-*").ShouldBeEmpty("the temporary copy is removed");
    }

    [Fact]
    public async Task Integrity_Job_RehashesTheBlobsInTheBucket()
    {
        var dock = factory.AsDevice(await DeviceKeyAsync(factory, "dock-station", $"DOCK-S3-{Guid.NewGuid():N}"[..20]));
        var staff = await factory.SignedInAsync("zhengzhou.case");
        var officers = await (await staff.GetAsync("/api/v1/officers?agencyCode=410122&pageSize=5", Ct)).JsonAsync();
        var content = new byte[2_500_000];
        new Random(11).NextBytes(content);
        await UploadAsync(dock, content, officers["items"]!.AsArray()[0]!["officerNo"]!.GetValue<string>());
        var admin = await factory.SignedInAsync("admin");

        var run = await admin.PostAsync("/api/v1/evidence/jobs/integrity", null, Ct);
        var body = await run.JsonAsync();

        run.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        body["examined"]!.GetValue<int>().ShouldBeGreaterThan(0, body.ToJsonString());
        body["affected"]!.GetValue<int>().ShouldBe(0, "every blob read back from the bucket matches its hash: " + body.ToJsonString());
    }

    [Fact]
    public async Task WimPhoto_IsStoredInTheBucket_AndServedFromIt()
    {
        var code = $"WIM-S3-{Guid.NewGuid():N}"[..16];
        var station = factory.AsDevice(await DeviceKeyAsync(factory, "wim-station", code));
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. Guid.NewGuid().ToByteArray()];
        var sha = Convert.ToHexStringLower(SHA256.HashData(png));
        var record = new
        {
            recordId = "s3-p1", capturedAt = DateTimeOffset.UtcNow.AddMinutes(-5).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
            lane = 1, plate = "豫A55555", plateColor = "yellow", axleCount = 2, vehicleKind = "truck", axleWeightsKg = new[] { 6_000, 9_000 }, grossWeightKg = 15_000,
            speedKmh = 60, images = new[] { new { kind = "front", sha256 = sha, contentType = "image/png", base64 = Convert.ToBase64String(png) } },
        };

        var posted = await station.PostAsJsonAsync("/api/v1/offsite/wim-records", new[] { record }, Ct);
        posted.StatusCode.ShouldBe(HttpStatusCode.OK, await posted.Content.ReadAsStringAsync(Ct));
        var staff = await factory.SignedInAsync("zhengzhou.field");
        var photo = await staff.GetAsync($"/api/v1/offsite/wim-records/{code}/s3-p1/images/{sha}", Ct);

        using var s3 = new S3Connection(Options.Create(S3EvidenceStoreTests.Settings(factory.Prefix)));
        (await S3EvidenceStoreTests.KeysAsync(s3.Client, factory.Prefix)).ShouldContain($"{factory.Prefix}offsite-images/{sha[..2]}/{sha[2..4]}/{sha}");
        File.Exists(Path.Combine(factory.DataDirectory, "offsite", "images", sha[..2], sha[2..4], sha)).ShouldBeFalse("not in the node's own folder");
        photo.StatusCode.ShouldBe(HttpStatusCode.OK);
        photo.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await photo.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(png);
    }
}
