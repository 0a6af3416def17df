using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Vanguard.Server.Tests.Browser;

/// <summary>The platform on a real loopback port (Kestrel, not the in-memory test server), so a browser can load it.</summary>
public sealed class KestrelVanguardFactory : VanguardFactory
{
    public KestrelVanguardFactory() => UseKestrel(0);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Outside Development the host serves only published assets; the browser needs _framework and _content
        // straight from the build output, as `dotnet run` in Development would serve them.
        builder.UseStaticWebAssets();
    }
}

/// <summary>
/// One platform and one headless Chromium per test class; each test opens its own browser context (its own cookies).
/// Chromium is Debian's, named by <c>VANGUARD_CHROMIUM</c>: without it the tests fail, they never pass by skipping.
/// </summary>
public sealed class BrowserFixture : BrowserFixture<KestrelVanguardFactory>
{
    public const string ChromiumVariable = "VANGUARD_CHROMIUM";
}

/// <summary>
/// <see cref="BrowserFixture"/> on a factory of the test's own (a clock it moves, a job it drives): the factory must listen on
/// Kestrel (<c>UseKestrel(0)</c>) and serve the static web assets, as <see cref="KestrelVanguardFactory"/> does.
/// </summary>
public class BrowserFixture<TFactory> : IAsyncLifetime
    where TFactory : VanguardFactory, new()
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public TFactory Factory { get; } = new();

    public string BaseUrl { get; private set; } = string.Empty;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async ValueTask InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable(BrowserFixture.ChromiumVariable);
        if (string.IsNullOrWhiteSpace(chromium) || !File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"Browser tests need Chromium: set {BrowserFixture.ChromiumVariable} to its executable (test.sh sets /usr/bin/chromium from " +
                $"Debian's 'chromium' package). {BrowserFixture.ChromiumVariable} is '{chromium}'" +
                (string.IsNullOrWhiteSpace(chromium) ? "." : ", and no such file exists."));
        }

        await Factory.InitializeAsync();
        Factory.StartServer();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseUrl = addresses.FirstOrDefault(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))
            ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reports no address.");
        BaseUrl = BaseUrl.Replace("://[::]:", "://127.0.0.1:", StringComparison.Ordinal).Replace("://localhost:", "://127.0.0.1:", StringComparison.Ordinal);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context: Chinese first, as a user in Henan would have it.</summary>
    public async Task<IPage> NewPageAsync(string locale = "zh-CN")
    {
        var context = await Browser.NewContextAsync(new() { Locale = locale, BaseURL = BaseUrl, ViewportSize = new() { Width = 1400, Height = 900 } });
        // 30 s for actions and navigation: CI runs these beside the PostgreSQL tests on 2 cores, where a sign-in's redirect once took
        // longer than 15 s. A page that never answers still fails, only later.
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
