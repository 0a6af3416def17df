using System.Diagnostics;
using Microsoft.Playwright;
using Vanguard.Server.Tests.Evidence;
using static Microsoft.Playwright.Assertions;
using static Vanguard.Server.Tests.Evidence.EvidenceApi;

namespace Vanguard.Server.Tests.Browser;

/// <summary>The evidence pages in a real browser: search, the player (HTTP ranges from a video element), custody, hash.</summary>
public sealed class EvidenceUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    static EvidenceUiTests() => SetDefaultExpectTimeout(30_000);

    private static CancellationToken Ct => ApiClient.Ct;

    /// <summary>A one-second VP8 WebM (every Chromium build plays it).</summary>
    private static async Task<byte[]> WebmAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vanguard-ui-{Guid.NewGuid():N}.webm");
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-y", "-v", "error", "-f", "lavfi", "-i", "testsrc=duration=1:size=320x240:rate=15", "-c:v", "libvpx", "-b:v", "300k", "-an", path })
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("ffmpeg did not start");
        var error = await process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        process.ExitCode.ShouldBe(0, error);
        var bytes = await File.ReadAllBytesAsync(path, Ct);
        File.Delete(path);
        return bytes;
    }

    [Fact]
    public async Task Search_OpensThePlayer_WhichPlaysWithRanges_AndShowsCustodyAndHash()
    {
        var factory = browser.Factory;
        var dock = factory.AsDevice(await DockKeyAsync(factory, "zhengzhou.admin", "410122"));
        var officerNo = await OfficerNoAsync(factory, "zhengzhou.admin", "410122");
        var clip = await WebmAsync();
        var meta = Meta(clip, officerNo, fileName: "巡查-界面测试.webm");
        meta["tags"] = "界面测试";
        var id = await UploadAsync(dock, clip, meta);

        var page = await browser.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#username", "zhengzhou.case");
        await page.FillAsync("#password", VanguardFactory.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(browser.BaseUrl + "/");
        await page.GotoAsync("/evidence");
        await Expect(page.Locator(".vg-page[data-interactive=true]")).ToBeVisibleAsync();
        await page.FillAsync("[data-testid=evidence-tag]", "界面测试");
        // Focusing the search box commits the tag (change on blur); Enter searches. On a loaded machine the tag's change can
        // reach the page after the search it should have filtered (the list then holds the demo's clip too): search again.
        var rows = page.Locator("[data-testid=evidence-row]");
        for (var attempt = 1; ; attempt++)
        {
            await page.Locator("[data-testid=evidence-search]").PressAsync("Enter");
            try
            {
                await Expect(rows).ToHaveCountAsync(1, new() { Timeout = 5_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
                // Searched before the tag was committed; the next search has it.
            }
        }

        await rows.ClickAsync();

        await page.WaitForURLAsync($"{browser.BaseUrl}/evidence/{id}");
        await Expect(page.Locator("[data-testid=evidence-sha256]")).ToContainTextAsync(Sha256(clip));
        await page.WaitForFunctionAsync("() => { const v = document.querySelector('[data-testid=evidence-video]'); return v && v.readyState >= 1 && v.duration > 0.5; }");
        await Expect(page.Locator(".vg-table")).ToContainTextAsync("上传入库");

        var client = await factory.SignedInAsync("zhengzhou.case");
        var custody = await (await client.GetAsync($"/api/v1/evidence/{id}/custody", Ct)).JsonAsync();
        var view = custody.AsArray().Single(e => e!["action"]!.GetValue<string>() == "view")!;
        view["userAgent"]!.GetValue<string>().ShouldContain("Chrome");
        view["remoteIp"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        await page.Context.CloseAsync();
    }
}
