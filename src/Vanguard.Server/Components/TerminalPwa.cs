using Microsoft.Net.Http.Headers;

namespace Vanguard.Server.Components;

/// <summary>
/// The officer terminal (手持执法终端): a PWA of static files under <c>wwwroot/m</c>, served by the static assets like any
/// other file. Only its entry needs a route: <c>/m</c> and <c>/m/</c> answer with <c>m/index.html</c>, whose
/// <c>&lt;base href="/m/"&gt;</c> makes both work; the staff page <c>/m/{Module}</c> never matches them.
/// </summary>
public static class TerminalPwa
{
    public const string Path = "/m";

    public static WebApplication MapTerminalPwa(this WebApplication app)
    {
        // Routing treats "/m" and "/m/" alike; the service worker's scope is /m/, so the app moves itself there.
        app.MapGet(Path, (IWebHostEnvironment environment, HttpContext http) =>
        {
            var index = environment.WebRootFileProvider.GetFileInfo("m/index.html");
            if (!index.Exists)
            {
                return Results.NotFound();
            }

            // Always revalidated: a new release must reach phones at the next online start, not after a cache expires.
            http.Response.Headers[HeaderNames.CacheControl] = "no-cache";
            return Results.Stream(index.CreateReadStream(), "text/html; charset=utf-8", lastModified: index.LastModified);
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
