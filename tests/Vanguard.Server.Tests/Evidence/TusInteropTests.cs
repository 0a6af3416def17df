using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Vanguard.Server.Tests.Browser;
using static Vanguard.Server.Tests.Evidence.EvidenceApi;

namespace Vanguard.Server.Tests.Evidence;

/// <summary>The platform on a real loopback port, for clients that speak HTTP over a socket.</summary>
public sealed class KestrelFixture : IAsyncLifetime
{
    private readonly KestrelVanguardFactory _factory = new();

    public VanguardFactory Factory => _factory;

    // Set by InitializeAsync once the server listens; the tests run after it.
    public Uri BaseAddress { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await _factory.InitializeAsync();
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()
            .Replace("://[::]:", "://127.0.0.1:", StringComparison.Ordinal).Replace("://localhost:", "://127.0.0.1:", StringComparison.Ordinal);
        BaseAddress = new Uri(address);
    }

    public HttpClient Client(string deviceKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add("X-Device-Key", deviceKey);
        return client;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}

/// <summary>
/// Interoperability with a tus client nobody here wrote (npm tus-js-client 4.3.1 under Node, installed by test.sh into
/// tests/interop/node_modules), and a connection that really drops in the middle of a PATCH.
/// </summary>
public sealed class TusInteropTests(KestrelFixture server) : IClassFixture<KestrelFixture>
{
    private static CancellationToken Ct => ApiClient.Ct;

    private static string InteropFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Vanguard.slnx")))
        {
            dir = dir.Parent;
        }

        dir.ShouldNotBeNull("the repository root (Vanguard.slnx) was not found above the test binaries");
        return Path.Combine(dir.FullName, "tests", "interop");
    }

    [Fact]
    public async Task TusJsClient_UploadsAndResumes()
    {
        var folder = InteropFolder();
        var package = Path.Combine(folder, "node_modules", "tus-js-client", "package.json");
        if (!File.Exists(package))
        {
            throw new InvalidOperationException(
                $"tus-js-client is not installed at {package}. test.sh installs it: npm install --no-save --prefix tests/interop tus-js-client@4.3.1");
        }

        JsonNode.Parse(await File.ReadAllTextAsync(package, Ct))!["version"]!.GetValue<string>().ShouldBe("4.3.1");
        var key = await DockKeyAsync(server.Factory, "zhengzhou.admin", "410122");
        var officerNo = await OfficerNoAsync(server.Factory, "zhengzhou.admin", "410122");
        var content = RandomBytes(400_000, 501);
        var file = Path.Combine(Path.GetTempPath(), $"vanguard-tus-{Guid.NewGuid():N}.bin");
        await File.WriteAllBytesAsync(file, content, Ct);
        var meta = Meta(content, officerNo, fileName: "interop.mp4");

        var info = new ProcessStartInfo("node") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        info.ArgumentList.Add(Path.Combine(folder, "tus-upload.mjs"));
        info.ArgumentList.Add(new Uri(server.BaseAddress, Uploads).ToString());
        info.ArgumentList.Add(file);
        info.Environment["VANGUARD_DEVICE_KEY"] = key;
        info.Environment["VANGUARD_TUS_METADATA"] = JsonSerializer.Serialize(meta);
        Process node;
        try
        {
            node = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("This test needs Node.js on PATH (Debian package 'nodejs'; test.sh installs it): " + e.Message, e);
        }

        string output;
        string error;
        using (node)
        {
            var stderr = node.StandardError.ReadToEndAsync(Ct);
            output = await node.StandardOutput.ReadToEndAsync(Ct);
            error = await stderr;
            await node.WaitForExitAsync(Ct);
            node.ExitCode.ShouldBe(0, $"node failed:\n{error}\n{output}");
        }

        File.Delete(file);
        var result = JsonNode.Parse(output.Trim().Split('\n').Last())!;
        result["chunksBeforeAbort"]!.GetValue<int>().ShouldBe(2);
        result["resumedFrom"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(2 * 64 * 1024);
        var id = Guid.Parse(result["evidenceId"]!.GetValue<string>());
        var client = await server.Factory.SignedInAsync("zhengzhou.case");
        var item = await ItemAsync(client, id);
        item["sha256"]!.GetValue<string>().ShouldBe(Sha256(content));
        item["fileName"]!.GetValue<string>().ShouldBe("interop.mp4");
        (await client.GetByteArrayAsync($"/api/v1/evidence/{id}/content", Ct)).ShouldBe(content);
    }

    [Fact]
    public async Task ConnectionDroppedMidPatch_KeepsWhatArrived_AndTheUploadResumes()
    {
        var key = await DockKeyAsync(server.Factory, "zhengzhou.admin", "410122");
        var officerNo = await OfficerNoAsync(server.Factory, "zhengzhou.admin", "410122");
        var content = RandomBytes(1_000_000, 502);
        using var http = server.Client(key);
        var location = await CreateAsync(http, content.Length, Meta(content, officerNo));

        using (var socket = new TcpClient())
        {
            await socket.ConnectAsync(server.BaseAddress.Host, server.BaseAddress.Port, Ct);
            socket.LingerState = new LingerOption(true, 0);
            var stream = socket.GetStream();
            var head = $"PATCH {location} HTTP/1.1\r\nHost: {server.BaseAddress.Authority}\r\nX-Device-Key: {key}\r\nTus-Resumable: 1.0.0\r\n" +
                $"Upload-Offset: 0\r\nContent-Type: application/offset+octet-stream\r\nContent-Length: {content.Length}\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head), Ct);
            await stream.WriteAsync(content.AsMemory(0, 400_000), Ct);
            await stream.FlushAsync(Ct);
            await Task.Delay(300, Ct);
        }

        var clock = Stopwatch.StartNew();
        long offset;
        while ((offset = await HeadOffsetAsync(http, location)) == 0 && clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(50, Ct);
        }

        offset.ShouldBeGreaterThan(0);
        offset.ShouldBeLessThanOrEqualTo(400_000);
        var id = await SendRestAsync(http, location, content, offset, chunkSize: 256 * 1024);
        var item = await ItemAsync(await server.Factory.SignedInAsync("zhengzhou.case"), id);
        item["sha256"]!.GetValue<string>().ShouldBe(Sha256(content));
        offset.ToString(CultureInfo.InvariantCulture).ShouldNotBeNullOrEmpty();
    }
}
