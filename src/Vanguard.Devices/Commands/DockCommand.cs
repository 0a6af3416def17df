using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Vanguard.Devices.Tus;

namespace Vanguard.Devices.Commands;

/// <summary>
/// <c>vanguard-sim dock</c>: a body-camera docking station. Makes test-pattern clips with ffmpeg for several officers and
/// uploads them over tus with its device key; every <c>--interrupt-every</c>-th upload loses its connection in the middle
/// of a chunk and resumes from the offset the server reports. Only the public API is used.
/// </summary>
public static class DockCommand
{
    private const string Usage = """
        usage: vanguard-sim dock [--server http://localhost:5080] [--key DEVICE_KEY | --user admin --password Demo#2022 --agency 410122]
                                 [--officers 3 | --officer-nos 41010001,41010002] [--clips 2] [--seconds 2] [--chunk 1048576] [--interrupt-every 2]
        Without --key it signs in, registers a docking station in --agency and uses its new key.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        var ct = cancel.Token;
        var server = new Uri(Get(options, "server", "http://localhost:5080"));
        using var staff = new HttpClient { BaseAddress = server };
        var key = options.GetValueOrDefault("key");
        var agency = Get(options, "agency", "410122");
        if (key is null || !options.ContainsKey("officer-nos"))
        {
            using var login = await staff.PostAsJsonAsync("/api/v1/auth/token", new { username = Get(options, "user", "admin"), password = Get(options, "password", "Demo#2022") }, ct);
            login.EnsureSuccessStatusCode();
            var token = (await login.Content.ReadFromJsonAsync<JsonObject>(ct))!["accessToken"]!.GetValue<string>();
            staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (key is null)
        {
            var code = $"DOCK-{agency}-{DateTime.UtcNow:HHmmss}";
            using var registered = await staff.PostAsJsonAsync("/api/v1/devices", new { kind = "dock-station", code, name = "执法记录仪采集站（模拟）", agencyCode = agency }, ct);
            registered.EnsureSuccessStatusCode();
            key = (await registered.Content.ReadFromJsonAsync<JsonObject>(ct))!["apiKey"]!.GetValue<string>();
            Console.WriteLine($"registered docking station {code} in {agency}");
        }

        var officerNos = options.TryGetValue("officer-nos", out var list)
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()
            : await OfficersAsync(staff, agency, int.Parse(Get(options, "officers", "3"), CultureInfo.InvariantCulture), ct);
        var clips = int.Parse(Get(options, "clips", "2"), CultureInfo.InvariantCulture);
        var seconds = int.Parse(Get(options, "seconds", "2"), CultureInfo.InvariantCulture);
        var chunk = int.Parse(Get(options, "chunk", (1 << 20).ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var interruptEvery = int.Parse(Get(options, "interrupt-every", "2"), CultureInfo.InvariantCulture);

        using var dock = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromMinutes(30) };
        dock.DefaultRequestHeaders.Add("X-Device-Key", key);
        var tus = new TusClient(dock, new Uri(server, "/api/v1/evidence/uploads"));
        var folder = Directory.CreateTempSubdirectory("vanguard-dock-");
        var n = 0;
        var failures = 0;
        try
        {
            foreach (var officerNo in officerNos)
            {
                for (var i = 0; i < clips; i++)
                {
                    n++;
                    var recordedTo = DateTimeOffset.Now.AddMinutes(-10 * n);
                    var path = Path.Combine(folder.FullName, $"{officerNo}_{recordedTo:yyyyMMdd_HHmmss}.mp4");
                    await MakeClipAsync(path, seconds, n, ct);
                    var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(File.OpenRead(path), ct));
                    var metadata = new Dictionary<string, string>
                    {
                        ["filename"] = Path.GetFileName(path),
                        ["filetype"] = "video/mp4",
                        ["sha256"] = sha,
                        ["recordedFrom"] = recordedTo.AddSeconds(-seconds).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
                        ["recordedTo"] = recordedTo.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
                        ["deviceSerial"] = $"REC-{officerNo}",
                        ["officerNo"] = officerNo,
                        ["tags"] = "模拟,采集站",
                        ["gps"] = $"[{{\"t\":\"{recordedTo:O}\",\"lat\":34.7466,\"lon\":{113.6253 + (n * 0.001):0.0000}}}]",
                    };
                    try
                    {
                        var length = new FileInfo(path).Length;
                        var upload = await tus.CreateAsync(length, metadata, ct);
                        var note = string.Empty;
                        var (id, _) = interruptEvery > 0 && n % interruptEvery == 0
                            ? await tus.SendAsync(upload, path, 0, chunk, dropAfterBytes: Math.Max(1, length / 3), ct)
                            : await tus.SendAsync(upload, path, 0, chunk, null, ct);
                        if (id is null)
                        {
                            // The link dropped: ask the server where it stopped, then go on from there.
                            var offset = await tus.OffsetAsync(upload, ct);
                            note = $" (interrupted; resumed at {offset:N0} of {length:N0} bytes)";
                            (id, _) = await tus.SendAsync(upload, path, offset, chunk, null, ct);
                        }

                        Console.WriteLine($"officer {officerNo}: {Path.GetFileName(path)} {length:N0} bytes sha256 {sha[..12]}… → evidence {id}{note}");
                    }
                    catch (HttpRequestException e)
                    {
                        failures++;
                        Console.Error.WriteLine($"officer {officerNo}: {Path.GetFileName(path)} failed: {e.Message}");
                    }
                }
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        Console.WriteLine($"{n - failures} of {n} clips uploaded");
        return failures == 0 ? 0 : 1;
    }

    private static async Task<List<string>> OfficersAsync(HttpClient staff, string agency, int count, CancellationToken ct)
    {
        var page = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/officers?agencyCode={agency}&pageSize={count}", ct);
        return page!["items"]!.AsArray().Select(o => o!["officerNo"]!.GetValue<string>()).Take(count).ToList();
    }

    /// <summary>A test pattern with a tone whose pitch depends on <paramref name="n"/>, so every clip has its own hash.</summary>
    private static async Task MakeClipAsync(string path, int seconds, int n, CancellationToken ct)
    {
        var info = new ProcessStartInfo("ffmpeg") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var a in new[]
        {
            "-y", "-v", "error", "-f", "lavfi", "-i", $"testsrc2=duration={seconds}:size=640x360:rate=25", "-f", "lavfi",
            "-i", $"sine=frequency={300 + (n * 37)}:duration={seconds}", "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-movflags", "+faststart", "-shortest", path,
        })
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("ffmpeg did not start (apt-get install ffmpeg)");
        var error = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("ffmpeg failed: " + error);
        }
    }

    private static string Get(Dictionary<string, string> options, string name, string fallback) => options.GetValueOrDefault(name) ?? fallback;

    private static Dictionary<string, string>? Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                return null;
            }

            options[args[i][2..]] = args[++i];
        }

        return options;
    }
}
