using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vanguard.Server.Components;

namespace Vanguard.Server.Tests.Platform;

/// <summary>
/// ADR 0015: a render asked for off a circuit's thread, from a timer where nothing catches it, is logged and contained
/// instead of ending the process (and every session on the node with it); any other unhandled exception is not.
/// </summary>
public sealed class DispatcherGuardTests(VanguardFactory factory) : IClassFixture<VanguardFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    [Fact]
    public void OnlyTheDispatchersOwnCheck_CountsAsARenderOffTheCircuitsThread()
    {
        var offThread = Should.Throw<InvalidOperationException>(() => Task.Run(() => Dispatcher.CreateDefault().AssertAccess()).GetAwaiter().GetResult());
        offThread.Message.ShouldContain("Dispatcher");
        DispatcherGuard.IsOffDispatcherRender(offThread).ShouldBeTrue();

        DispatcherGuard.IsOffDispatcherRender(new InvalidOperationException("The current thread is not associated with the Dispatcher.")).ShouldBeFalse();
        var thrownHere = Should.Throw<InvalidOperationException>(() => throw new InvalidOperationException(offThread.Message));
        DispatcherGuard.IsOffDispatcherRender(thrownHere).ShouldBeFalse("the same words thrown outside Blazor are not contained");
        DispatcherGuard.IsOffDispatcherRender(new ObjectDisposedException("renderer")).ShouldBeFalse();
    }

    [Fact]
    public async Task ARenderAskedFromATimer_IsContained_AndTheServerKeepsAnswering()
    {
        var client = factory.CreateClient(); // the host installs the guard as it maps the web UI
        (await client.GetAsync("/health", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = DispatcherGuard.Contained;

        // A real component of a real renderer, asked to render from a timer: ComponentBase → Renderer → Dispatcher.
        await using var renderer = new HtmlRenderer(factory.Services, factory.Services.GetRequiredService<ILoggerFactory>());
        var ticker = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            await renderer.RenderComponentAsync<Ticker>();
            return Ticker.Last!;
        });
        // Disposed without waiting: a timer whose callback threw never counts that callback as finished, so DisposeAsync
        // would wait for ever (the guard's known cost, ADR 0015).
        using var timer = new Timer(_ => ticker.Poke(), null, 10, Timeout.Infinite);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DispatcherGuard.Contained == before && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, Ct);
        }

        DispatcherGuard.Contained.ShouldBeGreaterThan(before, "the timer's exception reached the guard");
        (await client.GetAsync("/health", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private sealed class Ticker : ComponentBase
    {
        public static Ticker? Last { get; private set; }

        public void Poke() => StateHasChanged();

        protected override void OnInitialized() => Last = this;
    }
}
