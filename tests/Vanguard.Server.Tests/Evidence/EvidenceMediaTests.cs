using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using static Vanguard.Server.Tests.Evidence.EvidenceApi;

namespace Vanguard.Server.Tests.Evidence;

/// <summary>Duration and thumbnail from ffprobe/ffmpeg (Debian's ffmpeg, installed by test.sh).</summary>
public sealed class EvidenceMediaTests(VanguardFactory factory) : IClassFixture<VanguardFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    /// <summary>A one-second test pattern with a tone, made with ffmpeg; fails (never skips) without ffmpeg.</summary>
    public static async Task<byte[]> ClipAsync(int frequency)
    {
        var path = Path.Combine(Path.GetTempPath(), $"vanguard-clip-{Guid.NewGuid():N}.mp4");
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[]
        {
            "-y", "-v", "error", "-f", "lavfi", "-i", "testsrc=duration=1:size=320x240:rate=15", "-f", "lavfi", "-i", $"sine=frequency={frequency}:duration=1",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-movflags", "+faststart", "-shortest", path,
        })
        {
            info.ArgumentList.Add(a);
        }

        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("These tests need ffmpeg (Debian package 'ffmpeg'; test.sh installs it): " + e.Message, e);
        }

        using (process)
        {
            var error = await process.StandardError.ReadToEndAsync(Ct);
            await process.WaitForExitAsync(Ct);
            process.ExitCode.ShouldBe(0, error);
        }

        var bytes = await File.ReadAllBytesAsync(path, Ct);
        File.Delete(path);
        return bytes;
    }

    public static async Task<JsonNode> WhenProbedAsync(HttpClient client, Guid id)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var item = await ItemAsync(client, id);
            if (item["mediaInfo"]!.GetValue<string>() != "pending" || clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                return item;
            }

            await Task.Delay(100, Ct);
        }
    }

    [Fact]
    public async Task Clip_GetsItsDurationAndAThumbnail()
    {
        var dock = factory.AsDevice(await DockKeyAsync(factory, "zhengzhou.admin", "410122"));
        var officerNo = await OfficerNoAsync(factory, "zhengzhou.admin", "410122");
        var clip = await ClipAsync(440);
        var id = await UploadAsync(dock, clip, Meta(clip, officerNo));
        var client = await factory.SignedInAsync("zhengzhou.case");

        var item = await WhenProbedAsync(client, id);

        item["mediaInfo"]!.GetValue<string>().ShouldBe("available", item.ToJsonString());
        item["contentType"]!.GetValue<string>().ShouldBe("video/mp4");
        item["media"]!["durationSeconds"]!.GetValue<double>().ShouldBe(1.0, 0.2);
        item["media"]!["width"]!.GetValue<int>().ShouldBe(320);
        item["media"]!["videoCodec"]!.GetValue<string>().ShouldBe("h264");
        item["media"]!["audioCodec"]!.GetValue<string>().ShouldBe("aac");
        var thumbnail = await client.GetAsync(item["media"]!["thumbnailUrl"]!.GetValue<string>(), Ct);
        thumbnail.StatusCode.ShouldBe(HttpStatusCode.OK);
        thumbnail.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        (await thumbnail.Content.ReadAsByteArrayAsync(Ct))[..2].ShouldBe(new byte[] { 0xFF, 0xD8 });
    }

    [Fact]
    public async Task NotAMediaFile_SaysSo()
    {
        var dock = factory.AsDevice(await DockKeyAsync(factory, "zhengzhou.admin", "410122"));
        var officerNo = await OfficerNoAsync(factory, "zhengzhou.admin", "410122");
        var content = RandomBytes(5_000, 401);
        var id = await UploadAsync(dock, content, Meta(content, officerNo));

        var item = await WhenProbedAsync(await factory.SignedInAsync("zhengzhou.case"), id);

        item["mediaInfo"]!.GetValue<string>().ShouldBe("unavailable");
        item["mediaReason"]!.GetValue<string>().ShouldContain("ffprobe");
        item["media"].ShouldBeNull();
    }
}

/// <summary>The platform on a machine without ffmpeg.</summary>
public sealed class NoFfmpegFactory : VanguardFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Vanguard:Evidence:FfprobePath", "/nonexistent/ffprobe"),
        new("Vanguard:Evidence:FfmpegPath", "/nonexistent/ffmpeg"),
    ];
}

/// <summary>Without ffmpeg the feature degrades visibly: evidence is taken, and the item says why it has no media information.</summary>
public sealed class EvidenceWithoutFfmpegTests(NoFfmpegFactory factory) : IClassFixture<NoFfmpegFactory>
{
    [Fact]
    public async Task WithoutFfprobe_TheItemSaysMediaInfoUnavailable_WithTheReason()
    {
        var dock = factory.AsDevice(await DockKeyAsync(factory, "zhengzhou.admin", "410122"));
        var officerNo = await OfficerNoAsync(factory, "zhengzhou.admin", "410122");
        var clip = await EvidenceMediaTests.ClipAsync(880);
        var id = await UploadAsync(dock, clip, Meta(clip, officerNo));

        var item = await EvidenceMediaTests.WhenProbedAsync(await factory.SignedInAsync("zhengzhou.case"), id);

        item["mediaInfo"]!.GetValue<string>().ShouldBe("unavailable");
        item["mediaReason"]!.GetValue<string>().ShouldContain("ffprobe not found");
        item["mediaReason"]!.GetValue<string>().ShouldContain("ffmpeg");
        item["sha256"]!.GetValue<string>().ShouldBe(Sha256(clip));
    }
}
