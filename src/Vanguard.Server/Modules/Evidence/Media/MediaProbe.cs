using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Evidence.Data;
using Vanguard.Server.Modules.Evidence.Storage;
using Vanguard.Server.Modules.Evidence.Tus;

namespace Vanguard.Server.Modules.Evidence.Media;

/// <summary>What ffprobe and ffmpeg tell about a recording.</summary>
internal sealed record MediaFacts(double? DurationSeconds, int? Width, int? Height, string? VideoCodec, string? AudioCodec, byte[]? Thumbnail);

/// <summary>
/// Duration, picture size and codecs from ffprobe, a 320-pixel JPEG thumbnail from ffmpeg (Debian package <c>ffmpeg</c>).
/// Without them the platform still takes evidence, and each item says why it has no media information.
/// </summary>
internal sealed class MediaProbe(IOptions<EvidenceOptions> options, ILogger<MediaProbe> logger)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private const int MaxThumbnailBytes = 2 * 1024 * 1024;

    public async Task<(MediaFacts? Facts, string? Reason)> ProbeAsync(string path, CancellationToken ct)
    {
        var probe = await RunAsync(options.Value.FfprobePath,
            ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", path], binary: false, ct);
        if (probe.Missing)
        {
            return (null, $"未找到 ffprobe（{options.Value.FfprobePath}），请安装 Debian 软件包 ffmpeg / ffprobe not found ({options.Value.FfprobePath}): install the Debian package ffmpeg");
        }

        if (probe.ExitCode != 0)
        {
            return (null, "ffprobe 无法读取该文件 / ffprobe could not read the file: " + FirstLine(probe.Error));
        }

        double? duration = null;
        int? width = null, height = null;
        string? video = null, audio = null;
        using (var doc = JsonDocument.Parse(probe.Output))
        {
            if (doc.RootElement.TryGetProperty("format", out var format) && format.TryGetProperty("duration", out var d)
                && double.TryParse(d.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                duration = seconds;
            }

            if (doc.RootElement.TryGetProperty("streams", out var streams))
            {
                foreach (var stream in streams.EnumerateArray())
                {
                    var type = stream.TryGetProperty("codec_type", out var t) ? t.GetString() : null;
                    var codec = stream.TryGetProperty("codec_name", out var c) ? c.GetString() : null;
                    if (type == "video" && video is null)
                    {
                        video = codec;
                        width = stream.TryGetProperty("width", out var w) ? w.GetInt32() : null;
                        height = stream.TryGetProperty("height", out var h) ? h.GetInt32() : null;
                    }
                    else if (type == "audio" && audio is null)
                    {
                        audio = codec;
                    }
                }
            }
        }

        if (video is null && audio is null)
        {
            return (null, "文件中没有音视频流 / the file has no audio or video stream");
        }

        byte[]? thumbnail = null;
        string? reason = null;
        if (video is not null)
        {
            var at = Math.Min(1.0, (duration ?? 0) / 2).ToString("0.###", CultureInfo.InvariantCulture);
            var frame = await RunAsync(options.Value.FfmpegPath,
                ["-v", "error", "-ss", at, "-i", path, "-frames:v", "1", "-vf", "scale=320:-2", "-f", "image2pipe", "-c:v", "mjpeg", "pipe:1"], binary: true, ct);
            if (frame.Missing)
            {
                reason = $"未找到 ffmpeg，无缩略图 / ffmpeg not found ({options.Value.FfmpegPath}): no thumbnail";
            }
            else if (frame.ExitCode != 0 || frame.Bytes is not { Length: > 0 })
            {
                reason = "无法生成缩略图 / no thumbnail: " + FirstLine(frame.Error);
            }
            else
            {
                thumbnail = frame.Bytes;
            }
        }

        return (new MediaFacts(duration, width, height, video, audio, thumbnail), reason);
    }

    private sealed record Run(bool Missing, int ExitCode, string Output, byte[]? Bytes, string Error);

    private async Task<Run> RunAsync(string executable, string[] arguments, bool binary, CancellationToken ct)
    {
        var info = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new Win32Exception("not started");
        }
        catch (Win32Exception e)
        {
            logger.LogWarning("{Executable} is not available: {Reason}", executable, e.Message);
            return new Run(true, -1, string.Empty, null, e.Message);
        }

        using (process)
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            timeout.CancelAfter(Timeout);
            process.StandardInput.Close();
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                string output = string.Empty;
                byte[]? bytes = null;
                if (binary)
                {
                    using var buffer = new MemoryStream();
                    await process.StandardOutput.BaseStream.CopyToAsync(buffer, timeout.Token);
                    bytes = buffer.Length <= MaxThumbnailBytes ? buffer.ToArray() : null;
                }
                else
                {
                    output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
                }

                await process.WaitForExitAsync(timeout.Token);
                return new Run(false, process.ExitCode, output, bytes, await error);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                return new Run(false, -1, string.Empty, null, $"timed out after {Timeout.TotalSeconds:0} s");
            }
        }
    }

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "(no message)";
}

/// <summary>Items waiting for their media information.</summary>
internal sealed class MediaQueue
{
    private readonly Channel<Guid> _channel = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Guid evidenceId) => _channel.Writer.TryWrite(evidenceId);

    public ChannelReader<Guid> Reader => _channel.Reader;
}

/// <summary>Fills in media information in the background, one item at a time; at start it picks up what a restart left pending.</summary>
internal sealed class MediaWorker(MediaQueue queue, IServiceScopeFactory scopes, UploadStaging staging, ILogger<MediaWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using (var scope = scopes.CreateAsyncScope())
            await using (var db = SystemDb.Create(scope.ServiceProvider))
            {
                foreach (var id in await db.Set<EvidenceItem>().Where(e => e.MediaStatus == MediaStatus.Pending && e.DeletedAt == null)
                    .Select(e => e.Id).ToListAsync(stoppingToken))
                {
                    queue.Enqueue(id);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database may not be migrated yet on a first start; new uploads are queued as they come.
            logger.LogDebug(e, "Pending media items could not be listed at start");
        }

        await foreach (var id in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await ProcessAsync(id, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Media information for evidence {EvidenceId} failed", id);
            }
        }
    }

    public async Task ProcessAsync(Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = SystemDb.Create(scope.ServiceProvider);
        var item = await db.Set<EvidenceItem>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (item is null || item.DeletedAt is not null)
        {
            return;
        }

        var store = scope.ServiceProvider.GetRequiredService<IEvidenceStore>();
        var probe = scope.ServiceProvider.GetRequiredService<MediaProbe>();
        MediaFacts? facts;
        string? reason;
        if (store.LocalPath(item.Sha256) is { } path)
        {
            (facts, reason) = File.Exists(path)
                ? await probe.ProbeAsync(path, ct)
                : (null, "存储中没有该文件 / the file is not in the store");
        }
        else
        {
            (facts, reason) = await ProbeCopyAsync(store, probe, item.Sha256, ct);
        }

        // Only the media columns: a retention change made meanwhile is not overwritten, nor does it fail this update.
        await db.Set<EvidenceItem>().Where(e => e.Id == id).ExecuteUpdateAsync(
            u => u.SetProperty(e => e.MediaStatus, facts == null ? MediaStatus.Unavailable : MediaStatus.Available)
                .SetProperty(e => e.MediaReason, reason)
                .SetProperty(e => e.DurationSeconds, facts == null ? null : facts.DurationSeconds)
                .SetProperty(e => e.Width, facts == null ? null : facts.Width)
                .SetProperty(e => e.Height, facts == null ? null : facts.Height)
                .SetProperty(e => e.VideoCodec, facts == null ? null : facts.VideoCodec)
                .SetProperty(e => e.AudioCodec, facts == null ? null : facts.AudioCodec)
                .SetProperty(e => e.Thumbnail, facts == null ? null : facts.Thumbnail),
            ct);
    }

    /// <summary>
    /// ffprobe and ffmpeg seek all over a recording (an MP4's index is often at its end), so an object store's blob is
    /// copied to a local temporary file for them and the copy removed afterwards, whatever happens.
    /// </summary>
    private async Task<(MediaFacts?, string?)> ProbeCopyAsync(IEvidenceStore store, MediaProbe probe, string sha256, CancellationToken ct)
    {
        var copy = Path.Combine(staging.Folder, $"probe-{sha256}.{Guid.NewGuid():N}");
        try
        {
            await using (var source = await store.OpenReadAsync(sha256, ct))
            {
                if (source is null)
                {
                    return (null, "存储中没有该文件 / the file is not in the store");
                }

                await using var file = new FileStream(copy, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20, FileOptions.Asynchronous);
                await source.CopyToAsync(file, 1 << 20, ct);
            }

            return await probe.ProbeAsync(copy, ct);
        }
        finally
        {
            File.Delete(copy);
        }
    }
}
